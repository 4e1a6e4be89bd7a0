import { formatCents, formatShare } from '../present/format.js';
import type { ShownWorkload } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import type { ChartSpec } from './chartSpec.js';
import { SLIDE_SIZE, workloadSlug } from './chartSpec.js';
import { baseOptions, shortLabel } from './chartText.js';
import { PALETTE } from './palette.js';

/**
 * Tornado chart of one workload's sensitivity: for each input, a floating bar from the baseline monthly
 * savings to the savings with the input lowered, and one to the savings with it raised, widest swing on top.
 */
export function tornadoChart(
  w: ShownWorkload,
  roundingMode: Parameters<typeof createRounder>[0],
): ChartSpec | null {
  const s = w.sensitivity;
  if (s === null || s.rows.length === 0) return null;
  const rows = [...s.rows].sort((a, b) => b.impactCents - a.impactCents);
  const base = s.baselineSavingsCents / 100;
  const swing = formatShare(createRounder(roundingMode), s.swing);
  const title = `Sensitivity: ${shortLabel(w.workload.name, 48)}`;
  return {
    id: `tornado-${workloadSlug(w.index)}`,
    title,
    description: `Tornado chart: the decentralized option's monthly saving against the cloud option when each input moves ${swing} down or up from its base value; bars start at the baseline savings of USD ${formatCents.people(s.baselineSavingsCents)}.`,
    ...SLIDE_SIZE,
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => shortLabel(`${r.input} (${r.unit})`, 44)),
        datasets: [
          {
            label: `Input −${swing}`,
            data: rows.map((r) => [base, r.savingsAtLowCents / 100]),
            backgroundColor: PALETTE.savingsLow,
          },
          {
            label: `Input +${swing}`,
            data: rows.map((r) => [base, r.savingsAtHighCents / 100]),
            backgroundColor: PALETTE.savingsHigh,
          },
        ],
      },
      options: {
        ...baseOptions(
          title,
          `DePIN option's monthly saving vs the cloud option (USD) as each input swings ±${swing}`,
        ),
        indexAxis: 'y',
        scales: {
          x: { title: { display: true, text: 'DePIN option saves vs cloud option (USD a month)' } },
          y: { stacked: true },
        },
      },
    },
  };
}
