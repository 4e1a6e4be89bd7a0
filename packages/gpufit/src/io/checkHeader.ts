import { nearestNames } from '@gpufit/schema';
import { LoadError } from './loadError.js';
import { wrongDelimiter } from './wrongDelimiter.js';

/** What a file's header must look like. */
export interface HeaderSpec {
  /** What the file holds, for messages: `workloads`, `offers`. */
  readonly what: string;
  readonly known: readonly string[];
  readonly required: readonly string[];
  /** At least one of these column sets must be complete (e.g. the demand of a workload). */
  readonly oneOf?: { readonly sets: readonly (readonly string[])[]; readonly message: string };
}

/**
 * Checks a header row and returns the column names, trimmed. Policy (docs in io/README.md): every problem
 * here is a file-level `LoadError` at row 1, because the schemas are strict and a misspelled column silently
 * ignored would turn a value into a default or an unknown price. Columns whose header cell is empty are kept
 * as `''`: rows must leave them empty (spreadsheets often export trailing empty columns).
 */
export function checkHeader(cells: readonly string[], spec: HeaderSpec, file: string, row: number): string[] {
  const header = cells.map((c) => c.trim());
  const fail = (code: string, column: string | null, reason: string): never => {
    throw new LoadError({ code, file, row, column, reason });
  };
  const known = new Set(spec.known);
  const unknown = header.filter((h) => h !== '' && !known.has(h));
  const delimiter = unknown.length > 0 ? wrongDelimiter(cells, known) : null;
  if (delimiter !== null) {
    fail(
      'wrong-delimiter',
      null,
      `this file is ${delimiter.name}-separated; gpufit reads comma-separated CSV. Save it as "CSV (comma delimited)" or replace each ${delimiter.name} between columns with a comma (the ${spec.what} header should read ${spec.known.slice(0, 3).join(',')},…)`,
    );
  }
  if (unknown.length > 0) {
    const parts = unknown.map((u) => {
      const near = nearestNames(u, spec.known, 1);
      return near.length > 0 ? `"${u}" (did you mean "${near[0]}"?)` : `"${u}"`;
    });
    fail(
      'unknown-column',
      unknown[0]!,
      `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${parts.join(', ')} in the ${spec.what} header; the known columns are: ${spec.known.join(', ')}`,
    );
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (seen.has(h)) fail('duplicate-column', h, `column "${h}" appears twice in the header`);
    seen.add(h);
  }
  const missing = spec.required.filter((r) => !seen.has(r));
  if (missing.length > 0) {
    fail(
      'missing-column',
      missing[0]!,
      `the ${spec.what} header lacks the required ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}`,
    );
  }
  if (spec.oneOf && !spec.oneOf.sets.some((set) => set.every((c) => seen.has(c)))) {
    fail('missing-column', spec.oneOf.sets[0]![0]!, spec.oneOf.message);
  }
  return header;
}
