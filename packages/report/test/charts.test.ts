import { describe, expect, test } from 'vitest';
import { chartConfigs } from '../src/charts/chartConfigs.js';
import type { ChartSpec } from '../src/charts/chartSpec.js';
import { buildAnalysis, XSS_NAME } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

type Dataset = { label: string; type?: string; data: unknown[]; fill?: unknown };
const datasets = (c: ChartSpec): Dataset[] => (c.config.data as { datasets: Dataset[] }).datasets;
const charts = chartConfigs(buildAnalysis());
const byId = (id: string): ChartSpec => {
  const c = charts.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no chart ${id}`);
  return c;
};

describe('chartConfigs: chart.js configurations as plain data', () => {
  test('the charts people expect are all there', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'cost-per-job',
      'fit-matrix',
      'hybrid-split',
      'monthly-spend-w01',
      'tornado-w01',
      'monthly-spend-w02',
      'tornado-w02',
      'monthly-spend-w03',
      'tornado-w03',
      'monthly-spend-w04',
      'tornado-w04',
      'monthly-spend-w05',
    ]);
  });

  test('are plain JSON data: no functions, nothing lost in a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
  });

  test('chart ids are file-safe and never carry input text', () => {
    for (const c of charts) expect(c.id).toMatch(/^[a-z0-9-]+$/);
  });

  test('draw at once and at a fixed size (no animation, not responsive)', () => {
    for (const c of charts) {
      expect(c.config.options).toMatchObject({ animation: false, responsive: false });
      expect(c.widthPx).toBeGreaterThan(0);
      expect(c.heightPx).toBeGreaterThan(0);
    }
  });

  test('cost per successful job: cloud and DePIN per workload; a missing option is a gap, not 0', () => {
    const c = byId('cost-per-job');
    expect(datasets(c).map((d) => d.label)).toEqual(['Cloud', 'DePIN']);
    const depin = datasets(c)[1]?.data ?? [];
    expect(depin[4]).toBeNull();
    expect(depin.every((v) => v === null || (typeof v === 'number' && v > 0))).toBe(true);
  });

  test('monthly spend: a P10–P90 band filled between two lines, and the subsidy cliff marked', () => {
    const c = byId('monthly-spend-w03');
    const ds = datasets(c);
    const p90 = ds.find((d) => d.label === 'DePIN P90');
    expect(p90?.fill).toBe('+1');
    expect(ds[ds.indexOf(p90 as Dataset) + 1]?.label).toBe('DePIN P10');
    const cliff = ds.find((d) => d.type === 'bar');
    expect(cliff?.label).toContain('2027-09');
    const labels = (c.config.data as { labels: string[] }).labels;
    expect(cliff?.data.findIndex((v) => v !== null)).toBe(labels.indexOf('2027-09'));
  });

  test('monthly spend: no cliff marker when DePIN keeps its advantage', () => {
    expect(datasets(byId('monthly-spend-w02')).some((d) => d.type === 'bar')).toBe(false);
  });

  test('tornado: one floating bar each way per input, widest swing on top', () => {
    const c = byId('tornado-w01');
    const ds = datasets(c);
    expect(ds).toHaveLength(2);
    const widths = ((ds[0]?.data ?? []) as [number, number][]).map(([a, b], i) => {
      const [c2, d2] = ((ds[1]?.data ?? []) as [number, number][])[i] ?? [0, 0];
      return Math.max(a, b, c2, d2) - Math.min(a, b, c2, d2);
    });
    expect(widths).toEqual([...widths].sort((x, y) => y - x));
  });

  test('hybrid split: cloud and DePIN shares add up to 100 % per workload', () => {
    const ds = datasets(byId('hybrid-split'));
    const cloud = (ds[0]?.data ?? []) as number[];
    const depin = (ds[1]?.data ?? []) as number[];
    cloud.forEach((v, i) => {
      expect(Math.round((v + (depin[i] ?? 0)) * 10)).toBe(1000);
    });
  });

  test('fit matrix: every workload appears twice (cloud and DePIN), coloured by level', () => {
    const ds = datasets(byId('fit-matrix'));
    expect(ds.map((d) => d.label)).toEqual(['High', 'Medium', 'Low']);
    expect(ds.reduce((a, d) => a + d.data.length, 0)).toBe(buildAnalysis().workloads.length * 2);
  });

  test('a workload without projection or sensitivity simply has fewer charts', () => {
    const a = mutableCopy(buildAnalysis());
    for (const w of a.workloads) {
      w.projection = null;
      w.distribution = null;
      w.sensitivity = null;
      w.decision.hybrid = null;
    }
    expect(chartConfigs(a).map((c) => c.id)).toEqual(['cost-per-job', 'fit-matrix']);
  });

  test('input text reaches chart titles only as data (HTML escaping is the page writer’s job)', () => {
    expect(byId('monthly-spend-w03').title).toContain(XSS_NAME);
  });
});
