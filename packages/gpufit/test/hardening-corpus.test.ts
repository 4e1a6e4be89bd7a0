// The bad-file corpus (fixtures/bad/README.md): every file a real user might send, each with its expected
// outcome in one table, run through the library loaders (path, stream, strict) and through the built CLI
// (`validate`, `analyze --format json`, `analyze --strict`). Whatever the file, the outcome is a clear message
// naming the file, the row and the column, the books balance (read = accepted + rejected), nothing crashes
// ("internal error") and nothing hangs (every CLI run has a time limit).
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';
import type { LoadRejection, LoadResult } from '../src/io/loadTypes.js';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';
import { MAX_LINE_BYTES, MAX_RECORD_BYTES } from '../src/io/readCsvRows.js';
import { type CliRun, runBuiltCli } from './support/runBuiltCli.js';

const BAD = join(import.meta.dirname, 'fixtures', 'bad');

type Kind = 'workloads' | 'offers';

/** A rejected row: [row, column, code, what the reason must say]. */
type Rejected = readonly [row: number, column: string | null, code: string, reason: RegExp];

type Outcome =
  /** The whole file is refused (a thrown LoadError at row 1, exit 2). */
  | {
      readonly fileError: {
        readonly code: string;
        readonly row: number;
        readonly column: string | null;
        readonly message: RegExp;
      };
    }
  /** Rows are read; each ends accepted (these ids, in order) or rejected (these rows). */
  | {
      readonly accepted: readonly string[];
      readonly rejected: readonly Rejected[];
      readonly warning?: 'empty-file' | 'no-data-rows';
    };

interface Case {
  readonly file: string;
  readonly as: Kind;
  readonly outcome: Outcome;
  /** Values the accepted rows must hold (never a silently wrong number or string). */
  readonly check?: (rows: readonly Record<string, unknown>[]) => void;
}

const DUP = /duplicate id "[^"]+": row 2 already has it/;

// ---------------------------------------------------------------------------------------------------------------
// The table. File names are in fixtures/bad/ unless generated (see GENERATED below).
// ---------------------------------------------------------------------------------------------------------------
const CASES: readonly Case[] = [
  // --- workloads -------------------------------------------------------------------------------------------------
  {
    file: 'workloads-empty.csv',
    as: 'workloads',
    outcome: { accepted: [], rejected: [], warning: 'empty-file' },
  },
  {
    file: 'workloads-header-only.csv',
    as: 'workloads',
    outcome: { accepted: [], rejected: [], warning: 'no-data-rows' },
  },
  {
    file: 'workloads-bom.csv',
    as: 'workloads',
    outcome: { accepted: ['embed', 'sweeps'], rejected: [] },
    check: (rows) => expect(rows[0]).toMatchObject({ id: 'embed', gpuHoursPerMonth: 180 }),
  },
  {
    file: 'workloads-crlf.csv',
    as: 'workloads',
    outcome: { accepted: ['embed', 'sweeps'], rejected: [] },
    // The last column must be `true`, not `true\r` (which the schema would refuse or misread).
    check: (rows) => expect(rows.map((r) => r['checkpointable'])).toEqual([true, true]),
  },
  {
    file: 'workloads-semicolon.csv',
    as: 'workloads',
    outcome: {
      fileError: {
        code: 'wrong-delimiter',
        row: 1,
        column: null,
        message: /`;`-separated; gpufit reads comma-separated/,
      },
    },
  },
  {
    file: 'workloads-tab.csv',
    as: 'workloads',
    outcome: {
      fileError: {
        code: 'wrong-delimiter',
        row: 1,
        column: null,
        message: /tab-separated; gpufit reads comma-separated/,
      },
    },
  },
  {
    file: 'workloads-ragged.csv',
    as: 'workloads',
    outcome: {
      accepted: ['embed', 'sweeps'],
      rejected: [
        [3, 'gpuType', 'ragged', /4 cells but the header has 9 columns \(fewer: columns 5–9 have no cell\)/],
        [4, null, 'ragged', /10 cells but the header has 9 columns \(more: cell 10 has no column\)/],
      ],
    },
  },
  {
    file: 'workloads-quoted-newline.csv',
    as: 'workloads',
    // The quoted name spans lines 3–4 and stays one row, so the bad row after it is row 4 (on line 5).
    outcome: {
      accepted: ['embed', 'two-lines', 'sweeps'],
      rejected: [[4, 'kind', 'invalid', /kind must be one of .*got "nightly-batch"/]],
    },
    check: (rows) => expect(rows[1]!['name']).toBe('Chat API,\nsecond line of the name'),
  },
  {
    file: 'workloads-unterminated-quote.csv',
    as: 'workloads',
    outcome: {
      accepted: ['embed'],
      rejected: [[3, null, 'csv-syntax', /quoted field opened on or after line 3 is never closed/]],
    },
  },
  {
    file: 'workloads-latin1.csv',
    as: 'workloads',
    outcome: {
      accepted: ['embed', 'sweeps'],
      rejected: [[3, 'name', 'invalid-utf8', /not UTF-8: byte 0xe9 at byte offset 181 \(line 3\)/]],
    },
  },
  {
    file: 'workloads-duplicate-ids.csv',
    as: 'workloads',
    outcome: { accepted: ['embed', 'sweeps'], rejected: [[4, 'id', 'duplicate-id', DUP]] },
    check: (rows) => expect(rows[0]!['name']).toBe('Nightly embeddings'), // the first row wins
  },
  {
    file: 'workloads-unknown-column.csv',
    as: 'workloads',
    outcome: {
      fileError: {
        code: 'unknown-column',
        row: 1,
        column: 'gpuHoursPerMont',
        message: /"gpuHoursPerMont" \(did you mean "gpuHoursPerMonth"\?\), "owner"/,
      },
    },
  },
  {
    file: 'workloads-missing-column.csv',
    as: 'workloads',
    outcome: {
      fileError: {
        code: 'missing-column',
        row: 1,
        column: 'kind',
        message: /lacks the required column kind/,
      },
    },
  },
  {
    file: 'workloads-unknown-gpu.csv',
    as: 'workloads',
    outcome: {
      accepted: ['alias'],
      rejected: [
        [2, 'gpuType', 'unknown-gpu', /gpuType "H1000" is not a known GPU \(closest known: H100/],
        [4, 'gpuType', 'unknown-gpu', /gpuType "Radeon 9999" is not a known GPU/],
      ],
    },
    check: (rows) => expect(rows[0]!['gpuType']).toBe('H100'), // "H100 SXM5" through gpu-aliases.csv
  },
  {
    file: 'workloads-absurd-numbers.csv',
    as: 'workloads',
    outcome: {
      accepted: ['embed'],
      rejected: [
        [2, 'gpuHoursPerMonth', 'invalid', /at least 0/],
        [3, 'modelParamsBillions', 'invalid', /at most 100000 billion parameters/],
        [4, 'gpuHoursPerMonth', 'invalid', /at most 1000000000 GPU-hours/],
        [5, 'modelParamsBillions', 'invalid', /must be a number; got "NaN"/],
        [6, 'gpuHoursPerMonth', 'invalid', /must be a number; got "Infinity"/],
        [7, 'modelParamsBillions', 'invalid', /got "1,5"\. Use a decimal point: 1\.5/],
        [8, 'gpuHoursPerMonth', 'invalid', /must be a number; got "0x10"/],
      ],
    },
    check: (rows) => expect(rows[0]).toMatchObject({ modelParamsBillions: 0.6, gpuHoursPerMonth: 180 }),
  },
  {
    file: 'workloads-availability.csv',
    as: 'workloads',
    outcome: {
      accepted: ['embed'],
      rejected: [
        // One message each: 1.5 is out of range, not also "1 (100%) cannot be reached".
        [
          2,
          'availabilityTarget',
          'invalid',
          /^availabilityTarget must be between 0 and 1, .*got 1\.5\. If you meant 1\.5%, write 0\.015\.$/,
        ],
        [3, 'availabilityTarget', 'invalid', /If you meant 99\.9%, write 0\.999/],
        [4, 'availabilityTarget', 'invalid', /^availabilityTarget of 1 \(100%\) cannot be reached/],
        [5, 'availabilityTarget', 'invalid', /between 0 and 1/],
      ],
    },
  },
  {
    file: 'workloads-50mb-line.csv',
    as: 'workloads',
    // The rows on both sides of the long line are read; the long line is one rejected row.
    outcome: {
      accepted: ['embed', 'sweeps'],
      rejected: [[3, null, 'line-too-long', /line 3 is longer than 1048576 bytes/]],
    },
  },
  {
    file: 'workloads-50mb-single-line.csv',
    as: 'workloads',
    outcome: {
      fileError: {
        code: 'line-too-long',
        row: 1,
        column: null,
        message: /header: line 1 is longer than 1048576 bytes/,
      },
    },
  },
  {
    file: 'workloads-unterminated-quote-big.csv',
    as: 'workloads',
    // A quote still open after 4 MiB: one row, and reading stops there, saying so (as at an unclosed quote).
    outcome: {
      accepted: ['embed'],
      rejected: [[3, null, 'csv-syntax', /runs on for more than 4194304 bytes.*read nothing after line 3/]],
    },
  },

  // --- offer catalogs --------------------------------------------------------------------------------------------
  { file: 'offers-empty.csv', as: 'offers', outcome: { accepted: [], rejected: [], warning: 'empty-file' } },
  {
    file: 'offers-header-only.csv',
    as: 'offers',
    outcome: { accepted: [], rejected: [], warning: 'no-data-rows' },
  },
  {
    file: 'offers-bom.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard', 'akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [],
    },
    check: (rows) => expect(rows[0]).toMatchObject({ usdPerGpuHour: 7.912, country: 'CA' }),
  },
  {
    file: 'offers-crlf.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard', 'akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [],
    },
    check: (rows) => expect(rows.map((r) => r['asOf'])).toEqual(['2026-11-24', '2026-09-20']),
  },
  {
    file: 'offers-semicolon.csv',
    as: 'offers',
    outcome: {
      fileError: {
        code: 'wrong-delimiter',
        row: 1,
        column: null,
        message: /`;`-separated; gpufit reads comma-separated/,
      },
    },
  },
  {
    file: 'offers-ragged.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard'],
      rejected: [
        [3, 'gpusPerInstance', 'ragged', /5 cells but the header has 13 columns/],
        [4, null, 'ragged', /14 cells but the header has 13 columns/],
      ],
    },
  },
  {
    file: 'offers-latin1.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard', 'akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [[3, 'region', 'invalid-utf8', /not UTF-8: byte 0xe3/]],
    },
  },
  {
    file: 'offers-duplicate-ids.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard', 'akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [[4, 'id', 'duplicate-id', DUP]],
    },
    check: (rows) => expect(rows[0]!['usdPerGpuHour']).toBe(7.912), // the first price, not the duplicate's 6.5
  },
  {
    file: 'offers-unknown-column.csv',
    as: 'offers',
    outcome: {
      fileError: {
        code: 'unknown-column',
        row: 1,
        column: 'usdPerGPUHour',
        message: /"usdPerGPUHour" \(did you mean "usdPerGpuHour"\?\)/,
      },
    },
  },
  {
    file: 'offers-missing-column.csv',
    as: 'offers',
    outcome: {
      fileError: {
        code: 'missing-column',
        row: 1,
        column: 'source',
        message: /lacks the required column source/,
      },
    },
  },
  {
    file: 'offers-unknown-gpu.csv',
    as: 'offers',
    outcome: {
      accepted: ['gpu:alias'],
      rejected: [
        [2, 'gpu', 'unknown-gpu', /gpu "H1000" is not a known GPU/],
        [4, 'gpu', 'unknown-gpu', /gpu "RTX 9090" is not a known GPU \(closest known: RTX/],
      ],
    },
    check: (rows) => expect(rows[0]!['gpu']).toBe('H100'),
  },
  {
    file: 'offers-absurd-numbers.csv',
    as: 'offers',
    outcome: {
      accepted: ['akash:a100-80gb-sxm4:any:dynamic', 'price:at-floor'],
      rejected: [
        [2, 'usdPerGpuHour', 'invalid', /must be at least 0\.001 USD per GPU-hour \(gpufit's price floor\)/],
        [
          3,
          'usdPerGpuHour',
          'invalid',
          /must be at least 0\.001 .*; leave it empty when the price is unknown/,
        ],
        [4, 'usdPerGpuHour', 'invalid', /at most 1000 USD per GPU-hour/],
        [5, 'usdPerGpuHour', 'invalid', /got "NaN"/],
        [6, 'usdPerGpuHour', 'invalid', /got "Infinity"/],
        [
          7,
          'usdPerGpuHour',
          'invalid',
          /got "7,912"\. Write it without thousands separators: 7912 \(or 7\.912 if the comma is a decimal comma\)/,
        ],
        [8, 'usdPerGpuHour', 'invalid', /is this a per-instance price\?/],
        [9, 'gpuMemoryGiB', 'invalid', /at most 4096 GiB per GPU/],
        // A price of 1e-12 passed the old "above 0" check and priced a workload at $0.00.
        [11, 'usdPerGpuHour', 'invalid', /usdPerGpuHour must be at least 0\.001 USD per GPU-hour/],
        [12, 'usdPerGpuHour', 'invalid', /usdPerGpuHour must be at least 0\.001 USD per GPU-hour/],
      ],
    },
    check: (rows) => expect(rows[0]!['usdPerGpuHour']).toBe(1.71),
  },
  {
    file: 'offers-availability.csv',
    as: 'offers',
    outcome: {
      accepted: ['akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [
        [2, 'availability', 'invalid', /availability must be at most 1/],
        [3, 'availability', 'invalid', /availability must be at most 1/],
      ],
    },
  },
  {
    file: 'offers-50mb-line.csv',
    as: 'offers',
    outcome: {
      accepted: ['aws:p5.48xlarge:ca-central-1:standard', 'akash:a100-80gb-sxm4:any:dynamic'],
      rejected: [[3, null, 'line-too-long', /line 3 is longer than 1048576 bytes/]],
    },
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Generated files: too large to commit, written at test time from lines of the committed fixtures.
// ---------------------------------------------------------------------------------------------------------------
const WORKLOADS_HEADER =
  'id,name,kind,modelParamsBillions,gpuType,gpuHoursPerMonth,availabilityTarget,interruptible,checkpointable';
const WORKLOAD_A = 'embed,Nightly embeddings,batch-inference,0.6,L4,180,0.95,true,true';
const WORKLOAD_B = 'sweeps,Research sweeps,experimentation,1.3,RTX4090,1200,0.9,true,true';
const OFFERS_HEADER =
  'id,provider,market,gpu,gpuMemoryGiB,gpusPerInstance,region,country,pricingCategory,usdPerGpuHour,availability,source,asOf';
const OFFER_A =
  'aws:p5.48xlarge:ca-central-1:standard,aws,hyperscaler,H100,80,8,ca-central-1,CA,Standard,7.912,0.995,datasets/offers.csv,2026-11-24';
const OFFER_B =
  'akash:a100-80gb-sxm4:any:dynamic,akash,depin,A100-80GB,80,1,any,,Dynamic,1.71,0.9,datasets/offers.csv,2026-09-20';
const FIFTY_MB = 50 * 1024 * 1024;

const GENERATED: Readonly<Record<string, () => string>> = {
  'workloads-50mb-line.csv': () =>
    `${WORKLOADS_HEADER}\n${WORKLOAD_A}\n${'x'.repeat(FIFTY_MB)}\n${WORKLOAD_B}\n`,
  'workloads-50mb-single-line.csv': () => 'id,'.repeat(FIFTY_MB / 3),
  'workloads-unterminated-quote-big.csv': () => {
    const open = 'open,"Unclosed name,batch-inference,7,,100,0.9,true,true';
    const rows = Array.from(
      { length: Math.ceil(MAX_RECORD_BYTES / 40) },
      (_, i) => `w${i},Row ${i},batch-inference,7,,100,0.9,true,true`,
    );
    return `${WORKLOADS_HEADER}\n${WORKLOAD_A}\n${open}\n${rows.join('\n')}\n`;
  },
  'offers-50mb-line.csv': () => `${OFFERS_HEADER}\n${OFFER_A}\n${'y,'.repeat(FIFTY_MB / 2)}\n${OFFER_B}\n`,
};

let generatedDir = '';
const pathOf = (file: string) => (file in GENERATED ? join(generatedDir, file) : join(BAD, file));

beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), 'gpufit-bad-'));
  for (const [name, make] of Object.entries(GENERATED)) writeFileSync(join(generatedDir, name), make());
});
afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------
function loader(as: Kind) {
  return (source: string | NodeJS.ReadableStream, options: { strict?: boolean; fileName?: string } = {}) =>
    (as === 'offers' ? loadOffersCsv : loadWorkloadsCsv)(
      source as Parameters<typeof loadOffersCsv>[0],
      options,
    ) as Promise<LoadResult<Record<string, unknown>>>;
}

async function caught(work: Promise<unknown>): Promise<LoadError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error('expected a LoadError');
}

/** The spreadsheet place a CLI message must name: `file, row R[, column C]`. */
function placeOf(file: string, row: number, column: string | null): RegExp {
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `${escapeRe(basename(file))}, row ${row}${column ? `, column ${escapeRe(column)}` : ''}:`,
  );
}

/** A reason pattern without its ^…$ anchors, to find it inside a longer output. */
function unanchored(re: RegExp): RegExp {
  return new RegExp(re.source.replace(/^\^/, '').replace(/\$$/, ''), re.flags);
}

function expectNoCrash(run: CliRun, what: string): void {
  expect(run.timedOut, `${what} hit the time limit`).toBe(false);
  expect(run.stderr, what).not.toMatch(/internal error|This is a bug in gpufit/);
  expect([0, 2], `${what} exit code (stderr: ${run.stderr.slice(0, 300)})`).toContain(run.code);
}

function isFileError(o: Outcome): o is Extract<Outcome, { fileError: unknown }> {
  return 'fileError' in o;
}

function firstProblem(o: Outcome): { row: number; column: string | null } | null {
  if (isFileError(o)) return { row: o.fileError.row, column: o.fileError.column };
  const r = o.rejected[0];
  return r === undefined ? null : { row: r[0], column: r[1] };
}

function expectRejections(got: readonly LoadRejection[], want: readonly Rejected[], file: string): void {
  expect(got.map((r) => [r.row, r.column, r.code])).toEqual(
    want.map(([row, column, code]) => [row, column, code]),
  );
  got.forEach((r, i) => {
    expect(r.reason).toMatch(want[i]![3]);
    expect(r.file).toBe(file);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The library loaders
// ---------------------------------------------------------------------------------------------------------------
describe('bad-file corpus through the library loaders', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const path = pathOf(c.file);
    const load = loader(c.as);
    const o = c.outcome;
    if (isFileError(o)) {
      for (const work of [
        () => load(path),
        () => load(path, { strict: true }),
        () => load(createReadStream(path), { fileName: path }),
      ]) {
        const e = await caught(work());
        expect({ code: e.code, row: e.row, column: e.column }).toEqual({
          code: o.fileError.code,
          row: o.fileError.row,
          column: o.fileError.column,
        });
        expect(e.message).toMatch(o.fileError.message);
        expect(e.message).toContain(basename(path));
      }
      return;
    }
    const r = await load(path);
    expect(r.accounting.read).toBe(r.accounting.accepted + r.accounting.rejected);
    expect(r.accounting).toEqual({
      read: o.accepted.length + o.rejected.length,
      accepted: o.accepted.length,
      rejected: o.rejected.length,
    });
    expect(r.rows.map((x) => x['id'])).toEqual(o.accepted);
    expectRejections(r.rejected, o.rejected, path);
    expect(r.warnings.map((w) => w.code)).toEqual(o.warning ? [o.warning] : []);
    c.check?.(r.rows);

    // The same bytes as a stream give the same books and rows.
    const streamed = await load(createReadStream(path), { fileName: path });
    expect(streamed.accounting).toEqual(r.accounting);
    expect(streamed.rows).toEqual(r.rows);
    expectRejections(streamed.rejected, o.rejected, path);

    // Strict: the first bad row is a LoadError with its place; a clean file loads the same.
    const first = firstProblem(o);
    if (first === null) expect((await load(path, { strict: true })).accounting).toEqual(r.accounting);
    else {
      const e = await caught(load(path, { strict: true }));
      expect({ row: e.row, column: e.column, code: e.code }).toEqual({ ...first, code: o.rejected[0]![2] });
    }
  });

  it('keeps the size limits the corpus relies on', () => {
    expect(MAX_LINE_BYTES).toBe(1 << 20);
    expect(MAX_RECORD_BYTES).toBeGreaterThan(MAX_LINE_BYTES);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The built CLI: validate, analyze --format json, analyze --strict
// ---------------------------------------------------------------------------------------------------------------
function analyzeArgs(c: Case, path: string, extra: string[]): string[] {
  return c.as === 'workloads'
    ? ['analyze', path, '--format', 'json', '--trials', '200', ...extra]
    : ['analyze', '--catalog', path, '--format', 'json', '--trials', '200', ...extra];
}

describe.concurrent('bad-file corpus through the built CLI', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', { timeout: 240_000 }, async (_name, c) => {
    const path = pathOf(c.file);
    const o = c.outcome;
    const [validate, lenient, strict] = await Promise.all([
      runBuiltCli(['validate', path]),
      runBuiltCli(analyzeArgs(c, path, [])),
      runBuiltCli(analyzeArgs(c, path, ['--strict'])),
    ]);
    expectNoCrash(validate, 'validate');
    expectNoCrash(lenient, 'analyze');
    expectNoCrash(strict, 'analyze --strict');

    if (isFileError(o)) {
      const place = placeOf(path, o.fileError.row, o.fileError.column);
      for (const [run, what] of [
        [validate, 'validate'],
        [lenient, 'analyze'],
        [strict, 'analyze --strict'],
      ] as const) {
        expect(run.code, what).toBe(2);
        expect(run.stdout, what).toBe('');
        expect(run.stderr, what).toMatch(place);
        expect(run.stderr, what).toMatch(o.fileError.message);
      }
      return;
    }

    // validate: the books, and one line per rejected row with its file, row and column.
    const read = o.accepted.length + o.rejected.length;
    const clean = o.rejected.length === 0 && read > 0;
    expect(validate.code).toBe(clean ? 0 : 2);
    expect(validate.stdout).toContain(
      `${read} ${read === 1 ? 'row' : 'rows'} read, ${o.accepted.length} accepted, ${o.rejected.length} rejected`,
    );
    for (const [row, column, , reason] of o.rejected) {
      expect(validate.stdout).toMatch(placeOf(path, row, column));
      expect(validate.stdout).toMatch(unanchored(reason));
    }
    if (o.warning) expect(validate.stdout).toMatch(/is empty|has a header but no data rows/);

    // analyze: runs on whatever was accepted, lists the rejected rows, and refuses to price nothing.
    if (o.accepted.length === 0) {
      expect(lenient.code).toBe(2);
      expect(lenient.stdout).toBe('');
      expect(lenient.stderr).toContain(basename(path));
      expect(lenient.stderr).toMatch(
        c.as === 'workloads' ? /no valid workload rows/ : /no valid offers in the catalog/,
      );
    } else {
      expect(lenient.code, lenient.stderr).toBe(0);
      const json = JSON.parse(lenient.stdout) as {
        accounting: { read: number; accepted: number; rejected: number } & Record<
          'workloads' | 'offers',
          { read: number; accepted: number; rejected: number }
        >;
        rejected: { file: string; row: number; column: string | null }[];
        workloads: { id: string }[];
      };
      const mine = json.rejected.filter((r) => r.file === path);
      expect(mine.map((r) => [r.row, r.column])).toEqual(o.rejected.map(([row, column]) => [row, column]));
      // The file's books, whether it is the workloads or the catalog (report.json counts both since schema 2.1).
      const books = { read, accepted: o.accepted.length, rejected: o.rejected.length };
      expect(json.accounting[c.as === 'workloads' ? 'workloads' : 'offers']).toEqual(books);
      if (c.as === 'workloads') {
        expect(json.accounting).toMatchObject(books);
        expect(json.workloads.map((w) => w.id)).toEqual(o.accepted);
      }
      // On stderr: each skipped row with its place (the streamed path too, for files over 32 MiB).
      for (const [row, column] of o.rejected.slice(0, 5))
        expect(lenient.stderr).toMatch(placeOf(path, row, column));
    }

    // --strict: exit 2 at the first problem, naming it; a clean file runs as without it.
    const first = firstProblem(o);
    if (first !== null) {
      expect(strict.code).toBe(2);
      expect(strict.stdout).toBe('');
      expect(strict.stderr).toMatch(placeOf(path, first.row, first.column));
    } else {
      expect(strict.code).toBe(lenient.code);
      expect(strict.stdout).toBe(lenient.stdout);
    }
  });
});
