import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { presentAnalysis } from '../src/present/presentAnalysis.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

/**
 * Issue 18 item 4: a flat projection shows the same figure every month, and the months add up to the shown
 * horizon exactly (the horizon is the sum of the cent-rounded months, not a total spread by largest remainder).
 */
function flat(monthlyUsd: number, months: number) {
  const a = mutableCopy(buildAnalysis());
  const w = a.workloads.find((x) => x.projection !== null && x.decision.recommendation === 'cloud');
  if (w === undefined || w.projection === null)
    throw new Error('fixture has no cloud workload with a projection');
  const first = w.projection.months[0]!;
  w.projection.months = Array.from({ length: months }, (_, i) => ({
    ...first,
    month: `2027-${String((i % 12) + 1).padStart(2, '0')}`,
    index: i,
    cloudUsd: monthlyUsd,
    depinUsd: null,
  }));
  w.projection.horizonCloudUsd = monthlyUsd * months;
  w.projection.horizonDepinUsd = null;
  return { analysis: a, id: w.id };
}

describe('no cent drift in flat paths', () => {
  test('29.155 a month for 12 months: every month shows 29.16 and the horizon is 12 × 29.16', () => {
    const { analysis, id } = flat(29.155, 12);
    const shown = presentAnalysis(analysis).workloads.find((w) => w.workload.id === id)!;
    expect(shown.projection!.months.map((m) => m.cloudCents)).toEqual(Array(12).fill(2916));
    expect(shown.projection!.horizonCloudCents).toBe(12 * 2916);
    const cloudPath = shown.paths.find((p) => p.option === 'cloud')!;
    expect(cloudPath.months.map((m) => m.cents)).toEqual(Array(12).fill(2916));
    expect(cloudPath.horizonCents).toBe(12 * 2916);
  });

  test('property: a constant path shows identical months that sum to the shown horizon (projection and paths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }).map((x) => x / 1000),
        fc.integer({ min: 1, max: 36 }),
        (monthlyUsd, months) => {
          const { analysis, id } = flat(monthlyUsd, months);
          const p = presentAnalysis(analysis);
          const shown = p.workloads.find((w) => w.workload.id === id)!;
          const proj = shown.projection!;
          expect(new Set(proj.months.map((m) => m.cloudCents)).size).toBe(1);
          expect(proj.months.reduce((a, m) => a + m.cloudCents!, 0)).toBe(proj.horizonCloudCents);
          for (const path of shown.paths.filter((x) => x.option === 'cloud')) {
            expect(new Set(path.months.map((m) => m.cents)).size).toBe(1);
            expect(path.months.reduce((a, m) => a + m.cents, 0)).toBe(path.horizonCents);
          }
          // The portfolio horizon is the sum of the workloads' shown horizons.
          expect(p.totals.horizonRecommendedCents).toBe(
            p.workloads.reduce(
              (a, w) => a + (w.recommendedCents === null ? 0 : (w.recommendedHorizonCents ?? 0)),
              0,
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
