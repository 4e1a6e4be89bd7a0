import { offerFromCsv } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';

/**
 * The rows of a compiled offers.csv that gpufit would reject, as "row N (id), column C: reason" lines (empty: every
 * row loads). The build refuses to write a catalog with any: the CLI would skip such rows with a warning and still
 * answer, so a rule that writes a cell the schema refuses (a source text over its length limit) would silently drop
 * every offer it touches.
 */
export function offerRowProblems(csv: string): string[] {
  const [header = [], ...rows] = parse(csv, { bom: true, skip_empty_lines: true }) as string[][];
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const v = offerFromCsv(header, cells);
    if (v.ok) return;
    for (const issue of v.issues)
      problems.push(`row ${i + 2} (${cells[0] ?? ''}), column ${issue.path[0] ?? '?'}: ${issue.message}`);
  });
  return problems;
}
