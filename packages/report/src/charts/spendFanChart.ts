import type { PortfolioPlanDistribution } from '@gpufit/schema';
import type { ChartDataset } from 'chart.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import type { ChartSpec } from './chartSpec.js';
import { SLIDE_SIZE } from './chartSpec.js';
import { baseOptions } from './chartText.js';
import { PALETTE } from './palette.js';

type Line = ChartDataset<'line', number[]>;

/** P90 filled down to P10, then the P50 line, of one plan. */
function fan(
  plan: PortfolioPlanDistribution,
  r: Rounder,
  name: string,
  color: string,
  bandColor: string,
): Line[] {
  const usd = (x: number) => r.cents(x) / 100;
  const edge = { borderColor: 'rgba(0,0,0,0)', backgroundColor: bandColor, pointRadius: 0, borderWidth: 0 };
  return [
    { type: 'line', label: `${name} P90`, data: plan.months.map((m) => usd(m.p90)), fill: '+1', ...edge },
    { type: 'line', label: `${name} P10`, data: plan.months.map((m) => usd(m.p10)), fill: false, ...edge },
    {
      type: 'line',
      label: `${name} P50`,
      data: plan.months.map((m) => usd(m.p50)),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2.5,
      pointRadius: 2,
      fill: false,
    },
  ];
}

/**
 * The plan's fan chart: each month's P10–P90 band and P50 line of the whole portfolio's spend, from the joint
 * Monte Carlo (totals.distribution), for the recommended plan and all-cloud. Null without a distribution.
 */
export function spendFanChart(p: PresentedAnalysis, r: Rounder): ChartSpec | null {
  const d = p.analysis.totals.distribution;
  if (d === undefined || d.recommended.months.length === 0) return null;
  const title = 'Portfolio spend per month: P10–P90 band and median';
  const datasets = [
    ...fan(d.allCloud, r, 'All-cloud', PALETTE.cloud, PALETTE.cloudBand),
    ...fan(d.recommended, r, 'Recommended plan', PALETTE.hybrid, PALETTE.hybridBand),
  ];
  return {
    id: 'spend-fan',
    title,
    description:
      'Shaded bands: the 10th to 90th percentile of the whole portfolio’s spend in each month over the simulated trials (all workloads together); lines: the median, for the recommended plan and for all-cloud.',
    ...SLIDE_SIZE,
    config: {
      type: 'line',
      data: { labels: d.recommended.months.map((m) => m.month), datasets },
      options: {
        ...baseOptions(title, 'USD per month'),
        scales: { y: { beginAtZero: true, title: { display: true, text: 'USD per month' } } },
      },
    } as ChartSpec['config'],
  };
}
