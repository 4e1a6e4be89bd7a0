import type { Analysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeLineStart, escapeMarkdown, markdownCodeSpan } from '../src/markdown/escapeMarkdown.js';
import { renderMarkdown } from '../src/markdown/renderMarkdown.js';
import { buildAnalysis, FORMULA_NAME, XSS_NAME } from './fixtures/analysis.js';
import { cells, centsOf, tableAfter } from './helpers/markdownTables.js';
import { mutableCopy } from './helpers/mutable.js';

const md = renderMarkdown(buildAnalysis(), { chartImageDir: 'charts' });

describe('renderMarkdown', () => {
  test('renders the fixture portfolio as the reviewed text (file snapshot)', async () => {
    await expect(md).toMatchFileSnapshot('./__snapshots__/report.md.snap');
  });

  test('the executive summary comes first, before any per-workload detail', () => {
    const summary = md.indexOf('## Executive summary');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(md.indexOf('## Workloads'));
    expect(md.slice(0, summary)).not.toMatch(/^## /m);
  });

  test('the summary table has the columns a founder pastes into a deck', () => {
    const header = md.split('\n').find((l) => l.startsWith('| workload '));
    expect(cells(header ?? '')).toEqual([
      'workload',
      'recommendation',
      'approach',
      'cloud option',
      'decentralized option',
      'monthly cost (USD)',
      'savings (USD/month)',
    ]);
  });

  test('the summary rows add up to the shown total, for cost and for savings', () => {
    const rows = tableAfter(md, '## Executive summary');
    const total = rows.at(-1) ?? [];
    const body = rows.slice(0, -1);
    const sum = (col: number): number =>
      body.reduce((a, r) => a + (/^-?[\d,]+\.\d\d$/.test(r[col] ?? '') ? centsOf(r[col] ?? '') : 0), 0);
    expect(sum(5)).toBe(centsOf(total[5] ?? ''));
    expect(sum(6)).toBe(centsOf(total[6] ?? ''));
  });

  test('the summary states monthly and horizon totals and the savings', () => {
    const summary = md.slice(md.indexOf('## Executive summary'), md.indexOf('## Workloads'));
    expect(summary).toMatch(/Recommended plan: USD [\d,]+\.\d\d a month/);
    expect(summary).toMatch(
      /Over the 12-month horizon: USD [\d,]+\.\d\d, against USD [\d,]+\.\d\d all-cloud/,
    );
    expect(summary).toMatch(/saves USD [\d,]+\.\d\d a month/);
    expect(summary).toContain('### Top risks');
    expect(summary).toContain('subsidy cliff');
  });

  test("every option's cost components add up to the option's shown total", () => {
    const lines = md.split('\n');
    let checked = 0;
    lines.forEach((line, i) => {
      if (!line.includes('cost components**')) return;
      const rows = tableAfter(md, line, i);
      const total = rows.at(-1) ?? [];
      expect(rows.slice(0, -1).reduce((a, r) => a + centsOf(r[4] ?? ''), 0)).toBe(centsOf(total[4] ?? ''));
      checked += 1;
    });
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test("a cost line's positive quantity under 0.005 reads '< 0.01', not 0 beside its cents", () => {
    // A per-second bill's remainder: 0.004 GPU-hours at USD 1.4693 is USD 0.01, and '0 GPU-hour' read as nothing.
    const a = mutableCopy(buildAnalysis());
    const cost = a.workloads[3]?.decision.depin?.cost;
    if (cost === undefined) throw new Error('fixture changed');
    const line = (quantity: number) => ({
      name: 'billing-rounding' as const,
      unit: 'GPU-hour',
      quantity,
      unitPriceUsd: 1.4693,
      usd: quantity * 1.4693,
    });
    cost.components = [line(0.004), { ...line(0), name: 'redundancy' as const }];
    cost.monthlyUsd = 0.004 * 1.4693;
    const text = renderMarkdown(a as Analysis);
    const section4 = text.split('\n').findIndex((l) => l.startsWith('### 4.'));
    const rows = tableAfter(text, '**DePIN cost components**', section4);
    // Markdown escapes the '<'.
    expect(rows[0]?.slice(1, 5)).toEqual(['\\< 0.01', 'GPU-hour', '1.4693', '0.01']);
    // A line of none stays 0.
    expect(rows[1]?.[1]).toBe('0');
  });

  test('for random cost components (subsidies included), the shown lines add up to the shown total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2000, max: 20000, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (amounts) => {
          const a = mutableCopy(buildAnalysis());
          // Workload 4 recommends cloud, so its DePIN option can change without touching the totals.
          const cost = a.workloads[3]?.decision.depin?.cost;
          if (cost === undefined) throw new Error('fixture changed');
          cost.components = amounts.map((usd, i) => ({
            name: i === 0 ? 'incentive-subsidy' : 'gpu-time',
            unit: 'GPU-hour',
            quantity: 1,
            unitPriceUsd: usd,
            usd,
          }));
          cost.monthlyUsd = amounts.reduce((s, x) => s + x, 0);
          const text = renderMarkdown(a as Analysis);
          const section4 = text.split('\n').findIndex((l) => l.startsWith('### 4.'));
          const rows = tableAfter(text, '**DePIN cost components**', section4);
          const total = rows.at(-1) ?? [];
          expect(rows.slice(0, -1).reduce((s, r) => s + centsOf(r[4] ?? ''), 0)).toBe(
            centsOf(total[4] ?? ''),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  test('per-workload detail carries the fit reasons, options, components, projection and risks', () => {
    const section = md.slice(md.indexOf('### 1.'), md.indexOf('### 2.'));
    for (const heading of [
      '#### Options',
      '#### Hybrid split',
      '#### Projection over the horizon',
      '#### Uncertainty (Monte Carlo)',
      '#### Break-even points',
      '#### Sensitivity',
      '#### Risks',
      '#### Assumptions',
    ]) {
      expect(section).toContain(heading);
    }
    expect(section).toMatch(/\| latency +\| +\+12 \| +-15 \|/);
  });

  test('every report states assumptions, as-of dates and sources, framework version and seed', () => {
    expect(md).toContain('## Assumptions');
    expect(md).toContain('## Sources and as-of dates');
    expect(md).toMatch(
      /\| skypilot-org\/skypilot-catalog@00148f2af3672e2229b4f7bf8157d5a3f36e3c35:catalogs\/v8\/aws\/vms\.csv +\| 2026-11-24 \| +84 \|/,
    );
    expect(md).toContain('Decision framework version: `1.0.0`');
    expect(md).toContain('Random seed: `20270101`');
  });

  test('says "incentive token", never a bare "token"', () => {
    const bare = [...md.matchAll(/\btokens?\b/gi)].filter(
      (m) => !/incentive[ -]$/i.test(md.slice(Math.max(0, (m.index ?? 0) - 10), m.index)),
    );
    expect(bare.map((m) => md.slice((m.index ?? 0) - 30, (m.index ?? 0) + 10))).toEqual([]);
  });

  test('an HTML payload in a workload name is text, not HTML', () => {
    expect(md).not.toContain(XSS_NAME);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  test('a formula-looking name is kept as text (it is only a risk in spreadsheets)', () => {
    expect(md).toContain(escapeMarkdown(FORMULA_NAME));
  });

  test('pipes and line breaks in input cannot break a table row', () => {
    const a = buildAnalysis({ renameWorkloads: (n, i) => (i === 0 ? 'a | b\nc || d' : n) });
    const row = renderMarkdown(a)
      .split('\n')
      .find((l) => l.startsWith('| 1. a'));
    expect(cells(row ?? '')).toHaveLength(7);
  });

  test('charts are embedded as images only when their directory is given', () => {
    expect(md).toContain(
      '![Monthly spend: Support chat assistant (Llama 3.1 8B)](charts/monthly-spend-w01.png)',
    );
    expect(renderMarkdown(buildAnalysis())).not.toContain('![');
  });

  test('is deterministic and does not mutate its input', () => {
    const a = buildAnalysis();
    const before = JSON.stringify(a);
    expect(renderMarkdown(a)).toBe(renderMarkdown(buildAnalysis()));
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('Markdown escaping', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['a*b_c`d', 'a\\*b\\_c\\`d'],
    ['[click](http://x)', '\\[click\\](http://x)'],
    ['$5 and $6', '\\$5 and \\$6'],
    ['a|b', 'a\\|b'],
    ['line\nbreak', 'line break'],
    ['&amp;', '\\&amp;'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });

  test.each([
    ['# heading', '\\# heading'],
    ['1. item', '1\\. item'],
    ['- item', '\\- item'],
    ['plain', 'plain'],
  ])('line start %j → %j', (input, output) => {
    expect(escapeLineStart(input)).toBe(output);
  });

  test.each([
    ['id', '`id`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['a|b', '`a\\|b`'],
  ])('code span %j → %j', (input, output) => {
    expect(markdownCodeSpan(input)).toBe(output);
  });
});

describe('the executive summary answers "what if the token subsidy ends?"', () => {
  const withSubsidy = (savingRestsOnIt: number) => {
    const a = mutableCopy(buildAnalysis());
    const counted = a.workloads.map((w) => {
      const d = w.decision;
      const share =
        d.recommendation === 'depin' ? 1 : d.recommendation === 'hybrid' ? d.hybrid!.depinShare : 0;
      const line = d.depin?.cost.components.find((c) => c.name === 'incentive-subsidy')?.usd ?? 0;
      return -line * share;
    });
    const monthlyUsd = counted.reduce((x, y) => x + y, 0);
    a.totals.incentiveSubsidy = {
      monthlyUsd,
      recommendedWithoutUsd: a.totals.monthlyUsd.recommended + monthlyUsd,
      workloads: counted.filter((x) => x > 0).length,
      savingRestsOnIt,
    };
    return { md: renderMarkdown(a as Analysis, { chartImageDir: 'charts' }), a };
  };

  test('what incentive tokens pay of the plan, the plan without them against all-cloud, whose saving rests on it', () => {
    const { md: text, a } = withSubsidy(1);
    const s = a.totals.incentiveSubsidy!;
    expect(s.workloads).toBeGreaterThan(0);
    const line = text.split('\n').find((l) => l.startsWith('Incentive tokens pay '))!;
    expect(line).toMatch(
      new RegExp(
        `^Incentive tokens pay USD ([\\d,.]+) of the plan a month \\(${s.workloads} workloads? on a subsidized network, at month-one demand; the projection follows each network’s subsidy schedule\\)\\. \\*\\*If those subsidies ended, the plan would cost USD ([\\d,.]+) a month\\*\\*, (still USD [\\d,.]+ below|USD [\\d,.]+ above) all-cloud\\. The saving of 1 workload rests on it`,
      ),
    );
    // the sentence's two figures add up with the shown plan total, to the cent
    const [paid, without] = [...line.matchAll(/USD ([\d,.]+)/g)].map((m) =>
      Math.round(Number(m[1]!.replace(/,/g, '')) * 100),
    );
    const total = tableAfter(text, '## Executive summary').at(-1)!;
    expect(without).toBe(centsOf(total[5]!) + paid!);
  });

  test('says no saving rests on a subsidy when none does, and nothing at all without a subsidy', () => {
    expect(withSubsidy(0).md).toContain('No placement’s saving rests on a subsidy');
    expect(md).not.toContain('Incentive tokens pay');
  });
});

describe('top risks', () => {
  test('a decentralized side ruled out whole is not repeated: the summary table already says it', () => {
    const a = mutableCopy(buildAnalysis());
    const w = a.workloads.find((x) => x.id === 'pretrain-7b')!;
    const ruledOut = `DePIN is ruled out: ${w.fit.constraints[0]!.reason}`;
    w.decision.risks = [ruledOut, ...w.decision.risks];
    const text = renderMarkdown(a as Analysis, { chartImageDir: 'charts' });
    const summary = text.slice(text.indexOf('## Executive summary'), text.indexOf('## Workloads'));
    expect(summary).toContain(`ineligible: ${w.fit.constraints[0]!.reason}`);
    const top = summary.slice(summary.indexOf('### Top risks'));
    expect(top).not.toContain(ruledOut);
    expect(top).toContain('A single-region cluster is exposed to capacity shortages.');
    // still listed under the workload itself
    expect(text.slice(text.indexOf('## Workloads'))).toContain(ruledOut);
  });
});
