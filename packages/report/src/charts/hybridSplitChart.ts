import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { ChartSpec } from './chartSpec.js';
import { baseOptions, shortLabel } from './chartText.js';
import { PALETTE } from './palette.js';

/** Share of GPU-hours on cloud (base load) and on DePIN (bursts) for each workload with a hybrid split. */
export function hybridSplitChart(p: PresentedAnalysis): ChartSpec | null {
  const rows = p.workloads.filter((w) => w.hybrid !== null);
  if (rows.length === 0) return null;
  const title = 'Hybrid split';
  return {
    id: 'hybrid-split',
    title,
    description:
      'Stacked horizontal bars: share of GPU-hours served by cloud (base load) and by DePIN (bursts) for each workload with a hybrid split; the shares add up to 100 %.',
    widthPx: 960,
    heightPx: Math.max(260, 150 + rows.length * 60),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((w) => shortLabel(w.workload.name)),
        datasets: [
          {
            label: 'Cloud (base load)',
            data: rows.map((w) => (w.hybrid?.cloudPerMille ?? 0) / 10),
            backgroundColor: PALETTE.cloud,
          },
          {
            label: 'DePIN (bursts)',
            data: rows.map((w) => (w.hybrid?.depinPerMille ?? 0) / 10),
            backgroundColor: PALETTE.depin,
          },
        ],
      },
      options: {
        ...baseOptions(title, 'share of GPU-hours, %'),
        indexAxis: 'y',
        scales: {
          x: { stacked: true, min: 0, max: 100, title: { display: true, text: '% of GPU-hours' } },
          y: { stacked: true },
        },
      },
    },
  };
}
