import type { Analysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportError } from '../src/errors.js';
import { formatUnitPrice } from '../src/present/format.js';
import { perJobMinor, presentAnalysis, presentTotals } from '../src/present/presentAnalysis.js';
import { createRounder } from '../src/present/rounder.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

const clone = mutableCopy;

describe('presentAnalysis: one rounding step, parts add up to totals', () => {
  const p = presentAnalysis(buildAnalysis());

  test('the workloads of the summary add up to the shown portfolio total', () => {
    const sum = p.workloads.reduce((a, w) => a + (w.recommendedCents ?? 0), 0);
    expect(sum).toBe(p.totals.monthlyRecommendedCents);
    expect(p.totals.monthlyRecommendedCents).toBe(
      Math.round(buildAnalysis().totals.monthlyUsd.recommended * 100),
    );
  });

  test('shown savings are shown cloud minus shown recommended, and add up to the shown total', () => {
    for (const w of p.workloads) {
      if (w.savingsCents !== null)
        expect(w.savingsCents).toBe((w.cloud?.monthlyCents ?? 0) - (w.recommendedCents ?? 0));
    }
    expect(p.workloads.reduce((a, w) => a + (w.savingsCents ?? 0), 0)).toBe(p.totals.monthlySavingsCents);
  });

  test("each option's shown components add up to its shown monthly cost", () => {
    for (const w of p.workloads) {
      for (const o of [w.cloud, w.depin]) {
        if (o?.monthlyCents == null || o.components.length === 0) continue;
        expect(o.components.reduce((a, c) => a + c.cents, 0)).toBe(o.monthlyCents);
      }
    }
  });

  test('the months of every path add up to its shown horizon', () => {
    for (const w of p.workloads) {
      for (const path of w.paths)
        expect(path.months.reduce((a, m) => a + m.cents, 0)).toBe(path.horizonCents);
      if (w.projection !== null) {
        expect(w.projection.months.reduce((a, m) => a + (m.cloudCents ?? 0), 0)).toBe(
          w.projection.horizonCloudCents,
        );
      }
    }
  });

  test('hybrid shares are allocated to exactly 100 %', () => {
    for (const w of p.workloads) {
      if (w.hybrid !== null) expect(w.hybrid.cloudPerMille + w.hybrid.depinPerMille).toBe(1000);
    }
  });

  test('the recommended option shows the allocated figure, so summary and detail agree', () => {
    for (const w of p.workloads) {
      const rec = w.workload.decision.recommendation;
      const shown =
        rec === 'hybrid'
          ? w.hybrid?.blendedCents
          : rec === 'cloud'
            ? w.cloud?.monthlyCents
            : w.depin?.monthlyCents;
      if (w.recommendedCents !== null) expect(shown).toBe(w.recommendedCents);
    }
  });

  test('for random recommended costs, the summary rows always add up to the rounded portfolio total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (costs) => {
          const a = clone(buildAnalysis());
          let total = 0;
          let savings = 0;
          a.workloads.slice(0, 5).forEach((w, i) => {
            const cost = costs[i] ?? 0;
            w.decision.recommendedMonthlyUsd = cost;
            const d = w.decision;
            if (d.recommendation === 'hybrid' && d.hybrid !== null) d.hybrid.blendedMonthlyUsd = cost;
            else if (d.recommendation !== 'hybrid') {
              const option = d[d.recommendation];
              if (option !== null) option.cost.monthlyUsd = cost;
            }
            total += cost;
            if (w.decision.monthlySavingsUsd !== null) {
              w.decision.monthlySavingsUsd = (w.decision.cloud?.cost.monthlyUsd ?? 0) - cost;
              savings += w.decision.monthlySavingsUsd;
            }
            w.decision.cloud?.cost.components.splice(0);
            w.decision.depin?.cost.components.splice(0);
          });
          a.totals.monthlyUsd.recommended = total;
          a.totals.monthlySavingsUsd = savings;
          const shown = presentAnalysis(a as Analysis);
          expect(shown.workloads.reduce((s, w) => s + (w.recommendedCents ?? 0), 0)).toBe(
            shown.totals.monthlyRecommendedCents,
          );
          // The totals alone (the CLI's summary line) are the full presentation's, without its workloads.
          expect(presentTotals(a as Analysis)).toEqual(shown.totals);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('presentTotals: the totals of presentAnalysis, without holding its workloads', () => {
  test('the same five figures for the example analysis in every rounding mode, and from a given presentation', () => {
    for (const roundingMode of ['halfEven', 'halfUp', 'down'] as const) {
      const full = presentAnalysis(buildAnalysis(), { roundingMode });
      expect(presentTotals(buildAnalysis(), { roundingMode })).toEqual(full.totals);
      expect(presentTotals(buildAnalysis(), { presented: full })).toBe(full.totals);
    }
  });

  test('refuses NaN the way presentAnalysis does', () => {
    const a = clone(buildAnalysis());
    a.totals.monthlySavingsUsd = Number.NaN;
    expect(() => presentTotals(a as Analysis)).toThrow(/totals\.monthlySavingsUsd/);
  });
});

describe('bad numbers fail loudly, with a path', () => {
  test('NaN anywhere in the analysis is a ReportError naming where it is', () => {
    const a = clone(buildAnalysis());
    const p = a.workloads[1]?.projection?.months[3];
    if (p) p.cloudUsd = Number.NaN;
    expect(() => presentAnalysis(a as Analysis)).toThrow(ReportError);
    expect(() => presentAnalysis(a as Analysis)).toThrow(/workloads\.1\.projection\.months\.3\.cloudUsd/);
  });

  test('Infinity is refused the same way', () => {
    const a = clone(buildAnalysis());
    a.totals.monthlyUsd.allCloud = Number.POSITIVE_INFINITY;
    expect(() => presentAnalysis(a as Analysis)).toThrow(
      expect.objectContaining({ code: 'non-finite-number', path: ['totals', 'monthlyUsd', 'allCloud'] }),
    );
    const b = clone(buildAnalysis());
    b.workloads[1]!.fit.cloud.score = Number.NaN;
    expect(() => presentAnalysis(b as Analysis)).toThrow(
      expect.objectContaining({ code: 'non-finite-number', path: ['workloads', 1, 'fit', 'cloud', 'score'] }),
    );
  });

  test.each([
    ['a non-recommended option', 'cloud'],
    ['the recommended option', 'depin'],
  ] as const)('components of %s that do not add up to its total are refused, not papered over', (_, side) => {
    const a = clone(buildAnalysis());
    const c = a.workloads[1]?.decision[side]?.cost;
    if (c) c.monthlyUsd = (c.monthlyUsd ?? 0) + 50;
    expect(() => presentAnalysis(a as Analysis)).toThrow(
      expect.objectContaining({ code: 'inconsistent-total' }),
    );
  });

  test('a portfolio total that is not the sum of its workloads is refused', () => {
    const a = clone(buildAnalysis());
    a.totals.monthlyUsd.recommended += 10;
    expect(() => presentAnalysis(a as Analysis)).toThrow(/totals\.monthlyUsd\.recommended/);
  });

  test('does not mutate its input', () => {
    const a = buildAnalysis();
    const before = JSON.stringify(a);
    presentAnalysis(a);
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('a workload with no priced cloud option', () => {
  test('counts at its recommended cost in the all-cloud total, so all-cloud − plan = savings', () => {
    const a = clone(buildAnalysis());
    const w = a.workloads[1];
    if (w === undefined) throw new Error('fixture changed');
    const cloudMonthly = w.decision.cloud?.cost.monthlyUsd ?? 0;
    w.decision.cloud = null;
    w.decision.monthlySavingsUsd = null;
    a.totals.monthlyUsd.allCloud -= cloudMonthly - (w.decision.recommendedMonthlyUsd ?? 0);
    a.totals.monthlySavingsUsd -= cloudMonthly - (w.decision.recommendedMonthlyUsd ?? 0);
    const p = presentAnalysis(a);
    expect(p.workloads[1]?.savingsCents).toBeNull();
    expect(p.totals.monthlyAllCloudCents - p.totals.monthlyRecommendedCents).toBe(
      p.totals.monthlySavingsCents,
    );
  });
});

describe('cost per job for people', () => {
  test('keeps four decimals below USD 100 a job and shows a larger job to the cent (it read "49,497.3793 per job")', () => {
    const r = createRounder('halfEven');
    expect(formatUnitPrice.people(perJobMinor(r, 0.90791))).toBe('0.9079');
    expect(formatUnitPrice.people(perJobMinor(r, 99.99994))).toBe('99.9999');
    expect(formatUnitPrice.people(perJobMinor(r, 213.2296))).toBe('213.23');
    expect(formatUnitPrice.people(perJobMinor(r, 49_497.3793))).toBe('49,497.38');
    // Rounded once, to the cent, from the unrounded figure.
    expect(perJobMinor(r, 100.005)).toBe(r.cents(100.005) * 100);
  });
});
