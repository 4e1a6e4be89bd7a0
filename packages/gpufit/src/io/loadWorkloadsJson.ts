import { nearestNames, validateWorkloadProfile, type WorkloadProfile } from '@gpufit/schema';
import { referenceIndexes } from '../data/referenceIndexes.js';
import { INPUT_LIMITS } from './inputLimits.js';
import { LoadError } from './loadError.js';
import type { LoadResult, LoadSource } from './loadTypes.js';
import type { WorkloadLoadOptions } from './loadWorkloads.js';
import { sourceName } from './readCsvRows.js';
import { readJsonDocument } from './readJsonDocument.js';
import { RowLedger, rejectionFromIssues } from './rowLedger.js';
import { normalizeWorkloadGpu } from './workloadTable.js';

const TOP_LEVEL_KEYS = ['workloads', '$schema'];

/**
 * Loads workloads from JSON: an array of profile inputs, or `{ "workloads": [...] }`. Same books as the CSV
 * loader: each element is a row (`row` = array index + 1, `line` null, `column` = the issue's path), duplicate
 * ids are rejected after the first, `strict` throws on the first bad element. Malformed JSON, bytes that are not
 * UTF-8, or another top-level shape are file-level `LoadError`s.
 */
export async function loadWorkloadsJson(
  source: LoadSource,
  options: WorkloadLoadOptions = {},
): Promise<LoadResult<WorkloadProfile>> {
  const file = sourceName(source, options.fileName);
  const fail = (code: string, reason: string): never => {
    throw new LoadError({ code, file, row: 0, column: null, reason });
  };
  const doc = await readJsonDocument(source, file, INPUT_LIMITS.workloadsJson, options.maxBytes);
  const ledger = new RowLedger(file, options.strict ?? false);
  const result = (rows: WorkloadProfile[], rejected: LoadResult<WorkloadProfile>['rejected']) => ({
    file,
    rows,
    rejected,
    accounting: ledger.accounting(),
    blankRows: 0,
    warnings: ledger.warnings,
  });
  if (doc.empty) {
    ledger.warnings.push({ code: 'empty-file', file, message: `${file} is empty: nothing was loaded` });
    return result([], []);
  }
  const data = doc.data;
  let list: unknown[];
  if (Array.isArray(data)) {
    list = data;
  } else if (
    data !== null &&
    typeof data === 'object' &&
    Array.isArray((data as { workloads?: unknown }).workloads)
  ) {
    const extra = Object.keys(data).filter((k) => !TOP_LEVEL_KEYS.includes(k));
    if (extra.length > 0) {
      const near = nearestNames(extra[0]!, TOP_LEVEL_KEYS, 1);
      fail(
        'unknown-key',
        `unknown top-level key "${extra[0]}"${near.length > 0 ? ` (did you mean "${near[0]}"?)` : ''}; expected { "workloads": [...] }`,
      );
    }
    list = (data as { workloads: unknown[] }).workloads;
  } else {
    return fail(
      'invalid-shape',
      'expected an array of workload profiles, or an object { "workloads": [...] }',
    );
  }

  const gpus =
    options.gpuNames ??
    (await referenceIndexes(options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir }))
      .gpuNames;
  const rows: WorkloadProfile[] = [];
  const rejected: LoadResult<WorkloadProfile>['rejected'] = [];
  list.forEach((input, index) => {
    const row = index + 1;
    const validated = validateWorkloadProfile(input);
    const decoded = validated.ok
      ? normalizeWorkloadGpu(validated.value, gpus)
      : { ok: false as const, code: 'invalid', issues: validated.issues };
    const item = decoded.ok
      ? ledger.accept(row, null, decoded.value.id, decoded.value)
      : ledger.reject(rejectionFromIssues(file, row, null, decoded.code, decoded.issues));
    if (item.ok) rows.push(item.value);
    else rejected.push(item.rejection);
  });
  if (list.length === 0) {
    ledger.warnings.push({
      code: 'no-data-rows',
      file,
      message: `${file} lists no workloads: nothing was loaded`,
    });
  }
  return result(rows, rejected);
}
