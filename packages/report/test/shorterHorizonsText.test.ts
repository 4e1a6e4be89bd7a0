import type { Analysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shorterHorizons, shorterHorizonsText } from '../src/document/shorterHorizonsText.js';
import { renderMarkdown } from '../src/index.js';
import { presentAnalysis } from '../src/present/presentAnalysis.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { type DeepMutable, mutableCopy } from './helpers/mutable.js';

/**
 * A CFO's review (2026-12-05): "USD 51,135.38 a month" and "USD 1,020,650.88" over 6 to 24 months, and nothing said
 * that a 6-month experiment leaves the plan at USD 39,657.70 a month from 2027-07 (24 × 51,135.38 = 1,227,249).
 */
function endEarly(keep: number): { analysis: Analysis; id: string } {
  const a: DeepMutable<Analysis> = mutableCopy(buildAnalysis());
  const w = a.workloads.find((x) => x.projection !== null && x.projection.months.length > keep)!;
  const p = w.projection!;
  p.months = p.months.slice(0, keep);
  p.horizonCloudUsd = p.months.reduce((s, m) => s + (m.cloudUsd ?? 0), 0);
  if (p.horizonDepinUsd !== null) p.horizonDepinUsd = p.months.reduce((s, m) => s + (m.depinUsd ?? 0), 0);
  return { analysis: a as Analysis, id: w.id };
}

describe('shorterHorizonsText: the plan after a workload ends', () => {
  test('one workload ending early: its last month named, the last month and the average a month given', () => {
    const { analysis, id } = endEarly(6);
    const p = presentAnalysis(analysis);
    const s = shorterHorizons(p)!;
    expect(s.ended).toEqual([{ id, lastMonth: expect.any(String) }]);
    // The plan's last month is every other workload's last shown month, the ended one adding nothing.
    let expected = 0;
    for (const w of p.workloads) {
      if (w.workload.id === id || w.recommendedCents === null) continue;
      for (const x of w.paths.filter((y) => y.option === w.workload.decision.recommendation))
        expected += x.months[s.months - 1]?.cents ?? 0;
    }
    expect(s.lastMonthRecommendedCents).toBe(expected);
    expect(s.averageRecommendedCents).toBe(Math.round(p.totals.horizonRecommendedCents / s.months));
    const text = shorterHorizonsText(p);
    expect(text).toContain(
      `${id} ends after ${s.ended[0]!.lastMonth}, so the plan's last month, ${s.lastMonth}, costs USD `,
    );
    expect(renderMarkdown(analysis)).toContain(text.trim());
  });

  test('every workload on one horizon: nothing to say', () => {
    expect(shorterHorizonsText(presentAnalysis(buildAnalysis()))).toBe('');
  });

  test("property: average × months is the horizon total to within half a cent per month, the ended workload's last month is its own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), (keep) => {
        const { analysis } = endEarly(keep);
        const p = presentAnalysis(analysis);
        const s = shorterHorizons(p)!;
        expect(
          Math.abs(s.averageRecommendedCents * s.months - p.totals.horizonRecommendedCents),
        ).toBeLessThanOrEqual(s.months / 2);
        const ended = analysis.workloads.find((w) => w.id === s.ended[0]!.id)!;
        expect(s.ended[0]!.lastMonth).toBe(ended.projection!.months[keep - 1]!.month);
        expect(s.months).toBeGreaterThan(keep);
        expect(s.lastMonthRecommendedCents).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 11 },
    );
  });
});
