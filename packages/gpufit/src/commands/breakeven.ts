import { breakEvenNumberText } from '@gpufit/pricing';
import { textTable } from '../cli/table.js';
import { type AnalyzeCommandOptions, runAnalysis, selectWorkloads } from './analyze.js';

export interface BreakevenOptions extends Omit<AnalyzeCommandOptions, 'format' | 'out'> {
  readonly workload?: string;
  readonly json?: boolean;
}

/**
 * A break-even column's value: the note's own text of the number (`breakEvenNumberText`: `toPrecision(4)` on the
 * binary value, then thousands separators) — `toLocaleString` alone rounds the decimal text, and Vast's \$1.1175
 * (binary 1.11749…) read "1.118" in the column and "now 1.117" in the note of the same row; below 0.001 the note
 * read "1.973e-5" beside "0.00001973".
 */
export function breakEvenValueText(x: number | null, unit: string): string {
  if (x === null) return '—';
  if (unit === 'share') return `${Number((x * 100).toPrecision(4))} %`;
  return `${breakEvenNumberText(x)} ${unit}`;
}

export async function runBreakeven(workloadsPath: string | undefined, opts: BreakevenOptions): Promise<void> {
  const analysis = await runAnalysis(workloadsPath, opts, false, 'breakeven');
  const chosen = selectWorkloads(analysis, opts.workload);
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        chosen.map((w) => ({ id: w.id, breakEvens: w.breakEvens })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const rows = chosen.flatMap((w) =>
    w.breakEvens.length === 0
      ? [[w.id, 'no cloud-and-DePIN pair to compare', '', '', '']]
      : w.breakEvens.map((b) => [
          w.id,
          b.variable,
          breakEvenValueText(b.current, b.unit),
          b.status === 'found'
            ? breakEvenValueText(b.value, b.unit)
            : `none in ${breakEvenValueText(b.range[0], b.unit)} – ${breakEvenValueText(b.range[1], b.unit)}`,
          b.note,
        ]),
  );
  process.stdout.write(
    `${textTable(['workload', 'variable', 'now', 'break-even', 'note'], rows, new Set([2, 3]))}\n`,
  );
}
