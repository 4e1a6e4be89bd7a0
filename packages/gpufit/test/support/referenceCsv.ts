import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Writes `lines` as `file` in a fresh datasets folder, runs `load` on it and returns its rows or the error it threw;
 * the folder is removed either way. For the reference-table tests that build broken files in code.
 */
export async function loadWritten<T>(
  file: string,
  lines: readonly string[],
  load: (options: { datasetsDir: string }) => Promise<T>,
): Promise<T | unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gpufit-reference-'));
  try {
    writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
    return await load({ datasetsDir: dir }).catch((e: unknown) => e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `good` data lines (comma-separated, no quoted cells) with one cell of one 1-based data row replaced. */
export const withCell = (
  good: readonly string[],
  columns: readonly string[],
  dataRow: number,
  column: string,
  value: string,
): string[] =>
  good.map((line, i) => {
    if (i !== dataRow - 1) return line;
    const cells = line.split(',');
    cells[columns.indexOf(column)] = value;
    return cells.join(',');
  });
