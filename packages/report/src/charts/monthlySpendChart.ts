import type { ChartDataset } from 'chart.js';
import type { ShownPath, ShownWorkload } from '../present/presentAnalysis.js';
import type { ChartSpec } from './chartSpec.js';
import { SLIDE_SIZE, workloadSlug } from './chartSpec.js';
import { baseOptions, shortLabel } from './chartText.js';
import { PALETTE } from './palette.js';

const usd = (cents: number): number => cents / 100;

type LineOrBar = ChartDataset<'line', (number | null)[]> | ChartDataset<'bar', (number | null)[]>;

function band(path: ShownPath, name: string, color: string): LineOrBar[] {
  if (path.months.every((m) => m.percentiles === null)) return [];
  const common = { borderColor: 'rgba(0,0,0,0)', backgroundColor: color, pointRadius: 0, borderWidth: 0 };
  return [
    {
      type: 'line',
      label: `${name} P90`,
      data: path.months.map((m) => (m.percentiles === null ? null : usd(m.percentiles.p90))),
      fill: '+1',
      ...common,
    },
    {
      type: 'line',
      label: `${name} P10`,
      data: path.months.map((m) => (m.percentiles === null ? null : usd(m.percentiles.p10))),
      fill: false,
      ...common,
    },
  ];
}

/**
 * Monthly spend over the horizon for one workload: cloud, DePIN and hybrid paths, the Monte Carlo P10–P90
 * band of each single-provider option, and a marker bar at the subsidy cliff (the first month DePIN stops
 * beating cloud). Plain data only: the band is two lines filled between, the cliff a one-value bar.
 */
export function monthlySpendChart(w: ShownWorkload): ChartSpec | null {
  const projection = w.projection;
  if (projection === null || projection.months.length === 0) return null;
  const months = projection.months.map((m) => m.month);
  const cloud = w.paths.find((p) => p.option === 'cloud');
  const depin = w.paths.find((p) => p.option === 'depin');
  const hybridSides = w.paths.filter((p) => p.option === 'hybrid');
  const series = (p: ShownPath): (number | null)[] =>
    months.map((m) => {
      const found = p.months.find((x) => x.month === m);
      return found === undefined ? null : usd(found.cents);
    });
  const datasets: LineOrBar[] = [
    ...(cloud === undefined ? [] : band(cloud, 'Cloud', PALETTE.cloudBand)),
    ...(depin === undefined ? [] : band(depin, 'DePIN', PALETTE.depinBand)),
  ];
  const line = (label: string, data: (number | null)[], color: string, dash: number[] = []): LineOrBar => ({
    type: 'line',
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2.5,
    borderDash: dash,
    pointRadius: 2,
    fill: false,
  });
  if (cloud !== undefined) datasets.push(line('Cloud', series(cloud), PALETTE.cloud));
  if (depin !== undefined) datasets.push(line('DePIN', series(depin), PALETTE.depin));
  if (hybridSides.length > 0) {
    const sums = months.map((m) =>
      hybridSides.reduce((a, p) => a + (p.months.find((x) => x.month === m)?.cents ?? 0), 0),
    );
    datasets.push(line('Hybrid', sums.map(usd), PALETTE.hybrid, [6, 4]));
  }
  const cliff = projection.subsidyCliffMonth;
  if (cliff !== null && months.includes(cliff)) {
    const top = Math.max(
      0,
      ...datasets.flatMap((d) => (d.data as (number | null)[]).filter((v): v is number => v !== null)),
    );
    datasets.push({
      type: 'bar',
      label: `Subsidy cliff (${cliff}): DePIN stops beating cloud`,
      data: months.map((m) => (m === cliff ? top : null)),
      backgroundColor: PALETTE.cliff,
      barPercentage: 0.08,
      categoryPercentage: 1,
    });
  }
  const title = `Monthly spend: ${shortLabel(w.workload.name, 48)}`;
  return {
    id: `monthly-spend-${workloadSlug(w.index)}`,
    title,
    description: `Lines: projected USD per month for each option over the horizon${cloud?.months.some((m) => m.percentiles) ? ', shaded P10–P90 bands from the Monte Carlo simulation' : ''}${cliff === null ? '' : `, and a dark bar marking the subsidy cliff in ${cliff}`}.`,
    ...SLIDE_SIZE,
    config: {
      type: 'line',
      data: { labels: months, datasets },
      options: {
        ...baseOptions(title, 'USD per month'),
        scales: { y: { beginAtZero: true, title: { display: true, text: 'USD per month' } } },
      },
    } as ChartSpec['config'],
  };
}
