import type { Analysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderCsv } from '../src/index.js';
import { presentAnalysis, presentTotals } from '../src/present/presentAnalysis.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { type DeepMutable, mutableCopy } from './helpers/mutable.js';

/**
 * A CFO's review (2026-12-05): a workload read "USD 2,292.01 a month, USD 55,008.00 over the horizon" (24 × 2,292.01
 * is 55,008.24), its projection's first month and its FOCUS rows 2,292.00: the portfolio total was rounded once and
 * allocated across the workloads by largest remainder, which moved one workload's monthly figure a cent off its own
 * months. Each workload's monthly figure is now its own, rounded once; the portfolio's is the sum of those.
 */

/** Every cloud-recommended workload with a projection gets a flat cost of `usd[i]` a month, consistently. */
function flatCloud(usd: readonly number[]): { analysis: Analysis; ids: string[] } {
  const a: DeepMutable<Analysis> = mutableCopy(buildAnalysis());
  const ids: string[] = [];
  let k = 0;
  for (const w of a.workloads) {
    const d = w.decision;
    if (d.recommendation !== 'cloud' || w.projection === null || d.cloud?.cost.monthlyUsd == null) continue;
    const monthly = usd[k++ % usd.length]!;
    const cost = d.cloud.cost;
    const scale = monthly / cost.monthlyUsd!;
    for (const c of cost.components) {
      c.usd *= scale;
      c.quantity *= scale;
    }
    cost.monthlyUsd = monthly;
    w.projection.months = w.projection.months.map((m) => ({ ...m, cloudUsd: monthly }));
    w.projection.horizonCloudUsd = monthly * w.projection.months.length;
    d.recommendedMonthlyUsd = monthly;
    ids.push(w.id);
  }
  let total = 0;
  let allCloud = 0;
  let savings = 0;
  for (const w of a.workloads) {
    const d = w.decision;
    if (d.recommendedMonthlyUsd === null) continue;
    total += d.recommendedMonthlyUsd;
    allCloud += d.cloud?.cost.monthlyUsd ?? d.recommendedMonthlyUsd;
    if (d.monthlySavingsUsd !== null) {
      d.monthlySavingsUsd = (d.cloud?.cost.monthlyUsd ?? 0) - d.recommendedMonthlyUsd;
      savings += d.monthlySavingsUsd;
    }
  }
  a.totals.monthlyUsd.recommended = total;
  a.totals.monthlyUsd.allCloud = allCloud;
  a.totals.monthlySavingsUsd = savings;
  return { analysis: a as Analysis, ids };
}

function check(analysis: Analysis, ids: readonly string[]) {
  const p = presentAnalysis(analysis);
  for (const id of ids) {
    const w = p.workloads.find((x) => x.workload.id === id)!;
    const months = w.projection!.months.map((m) => m.cloudCents);
    // The monthly figure is the projection's month, every month, and the horizon is that many of it.
    expect(w.recommendedCents).toBe(months[0]);
    expect(w.cloud!.monthlyCents).toBe(months[0]);
    expect(w.recommendedHorizonCents).toBe(months.length * w.recommendedCents!);
  }
  // The portfolio's monthly total is the sum of the rows shown above it.
  expect(p.workloads.reduce((s, w) => s + (w.recommendedCents ?? 0), 0)).toBe(
    p.totals.monthlyRecommendedCents,
  );
  expect(presentTotals(analysis)).toEqual(p.totals);
  return p;
}

describe("a workload's monthly figure and its horizon agree", () => {
  test('3,265.535 and 2,281.895 a month show 3,265.54 and 2,281.90 in the summary, the detail, the projection and the CSV', () => {
    // Rounded on their own (half to even) they are 3,265.54 and 2,281.90; their total 5,547.43 is a cent less, and
    // allocating it had shown one of them a cent below its own months.
    const { analysis, ids } = flatCloud([3265.535, 2281.895]);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const p = check(analysis, ids);
    const shown = ids.map((id) => p.workloads.find((x) => x.workload.id === id)!.recommendedCents);
    expect(shown.slice(0, 2)).toEqual([326554, 228190]);
    const csv = renderCsv(analysis);
    for (const [i, id] of ids.slice(0, 2).entries()) {
      const planRow = csv.split('\n').find((l) => l.startsWith(`${id},`) && l.includes(',plan,'));
      expect(planRow).toContain(i === 0 ? ',3265.54,' : ',2281.90,');
    }
  });

  test('property: for any flat costs, monthly = each shown month, horizon = months × monthly, total = sum of rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 1, max: 1_000_000_000 }).map((x) => x / 100_000),
          { minLength: 1, maxLength: 6 },
        ),
        (usd) => {
          const { analysis, ids } = flatCloud(usd);
          check(analysis, ids);
        },
      ),
      { numRuns: 200 },
    );
  });
});
