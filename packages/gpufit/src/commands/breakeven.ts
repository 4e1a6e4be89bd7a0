import { textTable } from '../cli/table.js';
import { type AnalyzeCommandOptions, runAnalysis, selectWorkloads } from './analyze.js';

export interface BreakevenOptions extends Omit<AnalyzeCommandOptions, 'format' | 'out'> {
  readonly workload?: string;
  readonly json?: boolean;
}

function show(x: number | null, unit: string): string {
  if (x === null) return '—';
  if (unit === 'share') return `${Number((x * 100).toPrecision(4))} %`;
  return `${x.toLocaleString('en-US', { maximumSignificantDigits: 4 })} ${unit}`;
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
          show(b.current, b.unit),
          b.status === 'found'
            ? show(b.value, b.unit)
            : `none in ${show(b.range[0], b.unit)} – ${show(b.range[1], b.unit)}`,
          b.note,
        ]),
  );
  process.stdout.write(
    `${textTable(['workload', 'variable', 'now', 'break-even', 'note'], rows, new Set([2, 3]))}\n`,
  );
}
