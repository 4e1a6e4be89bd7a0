import type { WorkloadProfile } from '@gpufit/schema';
import { referenceIndexes } from '../data/referenceIndexes.js';
import { csvTableBatches, loadCsvTable } from './csvTable.js';
import type { GpuNameIndex } from './gpuNameIndex.js';
import { LoadStream } from './loadStream.js';
import type { LoadOptions, LoadResult, LoadSource } from './loadTypes.js';
import { sourceName } from './readCsvRows.js';
import { RowLedger } from './rowLedger.js';
import { workloadTable } from './workloadTable.js';

export interface WorkloadLoadOptions extends LoadOptions {
  /** GPU-name lookup for `gpuType` (default: built from the bundled gpu-tiers.csv and gpu-aliases.csv). */
  readonly gpuNames?: GpuNameIndex;
  /** Where the default lookups come from (default: the bundled datasets). */
  readonly datasetsDir?: string;
}

async function gpuNamesFor(options: WorkloadLoadOptions): Promise<GpuNameIndex> {
  if (options.gpuNames) return options.gpuNames;
  return (
    await referenceIndexes(options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir })
  ).gpuNames;
}

/** Loads a workloads CSV (path or byte stream): valid profiles, rejected rows, and the books. */
export async function loadWorkloadsCsv(
  source: LoadSource,
  options: WorkloadLoadOptions = {},
): Promise<LoadResult<WorkloadProfile>> {
  return loadCsvTable(source, workloadTable(await gpuNamesFor(options)), options);
}

/**
 * Streams a workloads CSV row by row with bounded memory (only the ids seen are kept, for duplicate checks):
 * `for await (const item of streamWorkloads(path)) …`, then read `stream.accounting`.
 */
export function streamWorkloads(
  source: LoadSource,
  options: WorkloadLoadOptions = {},
): LoadStream<WorkloadProfile> {
  const ledger = new RowLedger(sourceName(source, options.fileName), options.strict ?? false);
  const spec = gpuNamesFor(options).then(workloadTable);
  spec.catch(() => {}); // surfaced when the stream is iterated
  return new LoadStream(csvTableBatches(source, spec, ledger, options.maxBytes), ledger);
}
