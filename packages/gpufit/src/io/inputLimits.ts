/**
 * The most bytes gpufit reads from each kind of input file (docs/reliability.md, "Limits"). A reader stops as
 * soon as a file passes its limit — a regular file is measured before it is read at all, anything else (a FIFO,
 * `/dev/zero`, a pipe) is counted while it is read — so a wrong file or an endless stream ends in a clear
 * `too-large` error instead of exhausting memory or running forever. Each limit is far above any real file of
 * its kind; the ones that are parsed whole (JSON, catalogs) are set by the memory parsing them takes.
 */
export interface InputLimit {
  /** Most bytes the reader takes. */
  readonly bytes: number;
  /** What the file is, as a message names it: "a workloads JSON". */
  readonly what: string;
  /** What to do with a larger file. */
  readonly instead: string;
}

const MiB = 1 << 20;
const GiB = 1 << 30;

export const INPUT_LIMITS = {
  /**
   * Streamed with bounded memory, so only time grows: two million rows are about 200 MB, and 4 GiB is some forty
   * million rows, hours of analysis.
   */
  workloadsCsv: {
    bytes: 4 * GiB,
    what: 'a workloads CSV',
    instead: 'split the workloads into several files and analyze each',
  },
  /** Parsed whole: about 100,000 workloads. */
  workloadsJson: {
    bytes: 64 * MiB,
    what: 'a workloads JSON',
    instead: 'write the workloads as CSV, which gpufit streams with bounded memory',
  },
  /**
   * Held in memory for matching: the bundled catalog is 4 MB for 2,700 offers, so about 350,000 offers (a
   * 200,000-offer catalog grown from it is 277 MiB and loads in about 500 MB of memory).
   */
  offersCsv: {
    bytes: 512 * MiB,
    what: 'an offer catalog',
    instead: 'narrow the catalog to the providers and GPUs you consider',
  },
  /** A scenario is settings and formulas of at most 500 characters: 1 MiB is thousands of times more. */
  scenarioJson: {
    bytes: 1 * MiB,
    what: 'a scenario',
    instead: 'check that this is the scenario file (see datasets/scenarios/README.md)',
  },
  /** A Vast.ai offer search or an Akash price list, parsed whole; real responses are a few MB. */
  importJson: {
    bytes: 64 * MiB,
    what: 'an import payload',
    instead: 'narrow the search (fewer GPUs or regions) and import the parts one by one',
  },
  /** A SkyPilot vms.csv; the largest public one (AWS) is about 10 MB. */
  importCsv: {
    bytes: 256 * MiB,
    what: 'a SkyPilot catalog',
    instead: 'split the file and import the parts one by one',
  },
  /** A result file of `analyze --format json` read by `diff` (about 18 KB per workload), parsed whole. */
  resultJson: {
    bytes: 256 * MiB,
    what: 'a result file',
    instead: 'diff results of fewer workloads (analyze a part of the workloads file)',
  },
  /** The reference tables of `datasets/` (GPU tiers, aliases, regions, networks, throughput ratios). */
  referenceCsv: {
    bytes: 64 * MiB,
    what: 'a reference table',
    instead: 'check the datasets directory',
  },
} as const satisfies Record<string, InputLimit>;
