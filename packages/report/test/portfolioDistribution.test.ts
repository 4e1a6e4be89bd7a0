import { describe, expect, test } from 'vitest';
import { chartConfigs } from '../src/charts/chartConfigs.js';
import { renderCsv } from '../src/csv/renderCsv.js';
import { renderMarkdown } from '../src/markdown/renderMarkdown.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { withDistribution } from './fixtures/portfolio.js';
import { parseCsv } from './helpers/parseCsv.js';

describe('the plan’s spend range (totals.distribution) in the reports', () => {
  const { a, d } = withDistribution();

  test('the executive summary states P10/P50/P90 from the numbers, and a table per plan', () => {
    const md = renderMarkdown(a, { chartImageDir: 'charts' });
    expect(md).toContain(
      'recommended plan spends between USD 90,000.00 (P10) and USD 112,345.68 (P90), median USD 100,000.00',
    );
    // (112,345.678 − 90,000.004) / 2 / 100,000 = 11.2 %
    expect(md).toContain('about ±11.2 % around the median');
    expect(md).toContain('keeps the 1 workload without a decentralized option on cloud');
    expect(md).toMatch(/\| Recommended plan\s+\|\s+90,000\.00 \|\s+100,000\.00 \|\s+112,345\.68 \|/);
    expect(md).toMatch(/\| All-decentralized\s+\|\s+80,000\.00 \|\s+92,000\.00 \|\s+130,000\.00 \|/);
    expect(md).toContain('](charts/spend-fan.png)');
    // Without a distribution: no sentence, no table, no chart.
    const plain = renderMarkdown(buildAnalysis(), { chartImageDir: 'charts' });
    expect(plain).not.toContain('spend-fan');
    expect(plain).not.toContain('(P10)');
  });

  test('says in how many trials the recommended plan spends less than all-cloud (schema 2.7)', () => {
    const withShare = (share: number | undefined) => {
      const { pRecommendedCheaper: _, ...rest } = a.totals.distribution!;
      const distribution = share === undefined ? rest : { ...rest, pRecommendedCheaper: share };
      return renderMarkdown({ ...a, totals: { ...a.totals, distribution } }, { chartImageDir: 'charts' });
    };
    expect(a.workloads.some((w) => w.decision.recommendation !== 'cloud')).toBe(true);
    expect(withShare(0.8534)).toContain(
      'In 85.3 % of those trials the recommended plan spends less than all-cloud over the horizon.',
    );
    expect(withShare(1)).toContain('In 100.0 % of those trials');
    // An older result without the share: nothing said.
    expect(withShare(undefined)).not.toContain('of those trials the recommended plan');
  });

  test('the fan chart draws P10–P90 and P50 of the recommended plan and all-cloud, month by month', () => {
    const fan = chartConfigs(a).find((c) => c.id === 'spend-fan')!;
    const sets = (fan.config.data.datasets as { label: string; data: number[] }[]).map(
      (s) => [s.label, s.data] as const,
    );
    const byLabel = new Map(sets);
    expect([...byLabel.keys()]).toEqual([
      'All-cloud P90',
      'All-cloud P10',
      'All-cloud P50',
      'Recommended plan P90',
      'Recommended plan P10',
      'Recommended plan P50',
    ]);
    const n = d.recommended.months.length;
    expect(byLabel.get('Recommended plan P90')![0]).toBeCloseTo(112_345.678 / n, 2);
    expect(byLabel.get('All-cloud P10')).toHaveLength(n);
    expect(chartConfigs(buildAnalysis()).some((c) => c.id === 'spend-fan')).toBe(false);
  });

  test('report.csv fills a cloud-only workload’s horizon percentiles on its cloud and plan rows', () => {
    const [header, ...rows] = parseCsv(renderCsv(a));
    const col = (name: string) => header!.map((h) => h.replace(/^\uFEFF/, '')).indexOf(name);
    const id = d.workloads[0]!.id;
    const mine = rows.filter((r) => r[col('workloadId')] === id);
    const filled = mine.filter((r) => r[col('horizonP50Usd')] !== '');
    expect(filled.map((r) => r[col('option')]).sort()).toEqual(['cloud', 'recommended']);
    for (const r of filled) {
      expect([r[col('horizonP10Usd')], r[col('horizonP50Usd')], r[col('horizonP90Usd')]]).toEqual([
        '1000.50',
        '1100.00',
        '1234.56',
      ]);
    }
  });
});
