import { JOB_UNIT_LABELS, jobUnitLabel } from '../present/labels.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import { UNIT_PRICE_SCALE } from '../present/rounder.js';
import type { ChartSpec } from './chartSpec.js';
import { SLIDE_SIZE } from './chartSpec.js';
import { baseOptions, shortLabel } from './chartText.js';
import { PALETTE } from './palette.js';

const toUsd = (minor: number | null): number | null =>
  minor === null || minor <= 0 ? null : minor / 10 ** UNIT_PRICE_SCALE;

/**
 * One unit for both bars: both options count the same demand, so where either prices another GPU the unit names
 * the demand's GPU (`jobUnitLabel`).
 */
function chartJobUnit(w: PresentedAnalysis['workloads'][number]): string {
  const units = [w.cloud, w.depin].flatMap((o) => (o === null ? [] : [jobUnitLabel(o.cost)]));
  return units.find((u) => u !== JOB_UNIT_LABELS['gpu-hour']) ?? units[0] ?? JOB_UNIT_LABELS.job;
}

/**
 * Cost per successful job, cloud against DePIN, per workload (DESIGN §5: compare delivered value per
 * successful workload, not hourly rates). Log scale: a pre-training run and a chat reply differ by 10^7.
 */
export function costPerJobChart(p: PresentedAnalysis): ChartSpec | null {
  const rows = p.workloads.filter((w) => w.cloud?.perJob != null || w.depin?.perJob != null);
  if (rows.length === 0) return null;
  const title = 'Cost per successful job';
  return {
    id: 'cost-per-job',
    title,
    description:
      'Horizontal bars, log scale: USD per successful job (or per useful GPU-hour) for the cloud and the DePIN option of each workload.',
    ...SLIDE_SIZE,
    config: {
      type: 'bar',
      data: {
        labels: rows.map((w) => `${shortLabel(w.workload.name)} (per ${chartJobUnit(w)})`),
        datasets: [
          {
            label: 'Cloud',
            data: rows.map((w) => toUsd(w.cloud?.perJob ?? null)),
            backgroundColor: PALETTE.cloud,
          },
          {
            label: 'DePIN',
            data: rows.map((w) => toUsd(w.depin?.perJob ?? null)),
            backgroundColor: PALETTE.depin,
          },
        ],
      },
      options: {
        ...baseOptions(title, 'USD, log scale; lower is better'),
        indexAxis: 'y',
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: 'USD per successful job (log scale)' },
            // Significant digits, not chart.js's fixed decimals: "0.0003" and "70K", not "70,000.0000".
            ticks: { format: { notation: 'compact', maximumSignificantDigits: 2 } },
          },
          y: { ticks: { autoSkip: false } },
        },
      },
    },
  };
}
