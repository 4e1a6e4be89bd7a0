import path from 'node:path';
import { issuesFromZod } from '@gpufit/schema';
import type { z } from 'zod';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import { LoadError } from '../io/loadError.js';
import { readCsvRows } from '../io/readCsvRows.js';
import { rejectionFromIssues } from '../io/rowLedger.js';

/** A key no two rows of a table may share, and the column a duplicate is reported under. */
export interface UniqueRowKey<T> {
  readonly key: (row: T) => string;
  readonly column: string;
}

/**
 * Reads one small reference table of `datasets/` (tiers, aliases, regions, networks, throughput ratios) into typed
 * rows with a strict zod row schema over the cells (as strings). Bundled reference data must be clean: the first
 * problem (unknown or missing column, ragged row, invalid value, a repeated `unique` key) throws a `LoadError`
 * with file, row and column.
 */
export async function readReferenceTable<S extends z.ZodType>(
  datasetsDir: string,
  name: string,
  rowSchema: S,
  unique?: UniqueRowKey<z.output<S>>,
): Promise<z.output<S>[]> {
  const file = path.join(datasetsDir, name);
  const out: z.output<S>[] = [];
  const seen = new Map<string, number>();
  let header: string[] | undefined;
  const stats = { blankRows: 0 };
  for await (const batch of readCsvRows(file, file, stats, INPUT_LIMITS.referenceCsv)) {
    for (const r of batch) {
      const fail = (code: string, column: string | null, reason: string): never => {
        throw new LoadError({ code, file, row: r.row, column, reason });
      };
      if (r.problem) fail(r.problem.code, null, r.problem.reason);
      if (header === undefined) {
        header = r.cells.map((c) => c.trim());
        continue;
      }
      if (r.cells.length !== header.length) {
        fail(
          'ragged',
          null,
          `the row has ${r.cells.length} cells but the header has ${header.length} columns`,
        );
      }
      const record: Record<string, string> = {};
      header.forEach((h, i) => {
        record[h] = r.cells[i]!;
      });
      const parsed = rowSchema.safeParse(record);
      if (!parsed.success) {
        const rejection = rejectionFromIssues(
          file,
          r.row,
          r.line,
          'invalid',
          issuesFromZod(parsed.error, header),
        );
        fail('invalid', rejection.column, rejection.reason);
      }
      const row = parsed.data as z.output<S>;
      if (unique !== undefined) {
        const key = unique.key(row);
        const first = seen.get(key);
        if (first !== undefined)
          fail(
            'duplicate-id',
            unique.column,
            `duplicate key "${key}": row ${first} already has it; keys must be unique`,
          );
        seen.set(key, r.row);
      }
      out.push(row);
    }
  }
  if (header === undefined)
    throw new LoadError({ code: 'empty-file', file, row: 0, column: null, reason: 'the file is empty' });
  return out;
}
