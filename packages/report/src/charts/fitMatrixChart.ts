import type { FitLevel } from '@gpufit/schema';
import { FIT_LEVELS } from '@gpufit/schema';
import { FIT_LEVEL_LABELS } from '../present/labels.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { ChartSpec } from './chartSpec.js';
import { baseOptions, shortLabel } from './chartText.js';
import { LEVEL_COLORS } from './palette.js';

const SIDES = ['Cloud fit', 'DePIN fit'] as const;

/**
 * The fit matrix (the seed document's table, per workload): columns are workloads, rows are cloud and DePIN;
 * each cell is a bubble coloured by fit level and sized by score (0–100).
 */
export function fitMatrixChart(p: PresentedAnalysis): ChartSpec | null {
  if (p.workloads.length === 0) return null;
  const labels = p.workloads.map((w) => `${w.index}. ${shortLabel(w.workload.name, 24)}`);
  const cell = (label: string, side: (typeof SIDES)[number], score: number) => ({
    x: label,
    y: side,
    r: 6 + (Math.max(0, Math.min(100, score)) / 100) * 18,
  });
  const levels: readonly FitLevel[] = [...FIT_LEVELS].reverse();
  const title = 'Fit matrix';
  return {
    id: 'fit-matrix',
    title,
    description:
      'Bubbles per workload (columns) for cloud fit and DePIN fit (rows); colour is the fit level (High, Medium, Low) and size the 0–100 score.',
    widthPx: 960,
    heightPx: 420,
    config: {
      type: 'bubble',
      data: {
        datasets: levels.map((level) => ({
          label: FIT_LEVEL_LABELS[level],
          backgroundColor: LEVEL_COLORS[level],
          borderColor: LEVEL_COLORS[level],
          data: p.workloads.flatMap((w, i) => {
            const label = labels[i] ?? '';
            const f = w.workload.fit;
            return [
              ...(f.cloud.level === level ? [cell(label, 'Cloud fit', f.cloud.score)] : []),
              ...(f.depin.level === level ? [cell(label, 'DePIN fit', f.depin.score)] : []),
            ];
          }),
        })),
      },
      options: {
        ...baseOptions(title, 'colour = fit level, size = score (0–100)'),
        layout: { padding: { left: 12, right: 24 } },
        scales: {
          x: { type: 'category', labels, offset: true, grid: { display: false } },
          y: { type: 'category', labels: [...SIDES], offset: true },
        },
      },
      // chart.js types want numeric bubble coordinates; category scales parse label strings at runtime.
    } as unknown as ChartSpec['config'],
  };
}
