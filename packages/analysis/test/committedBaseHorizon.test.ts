import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixSavesEnough } from '../src/committedBaseChoice.js';
import { committedBaseDearerSaid, committedBaseHorizon } from '../src/committedBaseHorizon.js';

/**
 * A committed-base mix against the single offer over the projected horizon (committedBaseHorizon.ts): the saving on
 * the months' average must clear the decision policy's bar, and the months the mix costs more are named.
 */
const BAR = { minSavingShare: 0.05, minMonthlySavingUsd: 100 };

describe('committedBaseHorizon', () => {
  it("finance-12-month's support-copilot-8b at 2 % a month: saves 439.06 over 12 months (36.59 a month), under the bar; months 9-12 cost more", () => {
    // The mix's projected months (report.md's projection at 2 % a month, before this rule) against RunPod's flat
    // USD 1,591.40 (to the cent, so the saving reads 439.07 where the unrounded months give 439.06).
    const mix = [
      1419.69, 1442.44, 1465.72, 1489.53, 1513.89, 1538.8, 1564.27, 1590.3, 1616.91, 1644.09, 1671.86,
      1700.23,
    ];
    const single = mix.map(() => 1591.4);
    const h = committedBaseHorizon(mix, single, BAR);
    expect(h.months).toBe(12);
    expect(h.savingUsd).toBeCloseTo(439.07, 2);
    expect(h.singleUsd).toBeCloseTo(19_096.8, 6);
    expect(h.savesEnough).toBe(false);
    expect(h.dearer.map((d) => d.index)).toEqual([8, 9, 10, 11]);
    // Taken under a bar of USD 30 and 2 %, the risk names the months and the largest excess.
    const low = committedBaseHorizon(mix, single, { minSavingShare: 0.02, minMonthlySavingUsd: 30 });
    expect(low.savesEnough).toBe(true);
    const said = committedBaseDearerSaid(low, { startMonth: '2027-01', growthMonthly: 0.02 })!;
    expect(said.usdPerMonth).toBeCloseTo(108.83, 2);
    expect(said.text).toContain(
      "in 2027-09 to 2027-12 it costs $1,616.91–$1,700.23 a month against the single offer's $1,591.40, $25.51–$108.83 more ($267.49 in all); over the 12 months it still saves $439.07",
    );
  });

  it('names months that are not consecutive one by one, and says nothing when no month is dearer', () => {
    const h = committedBaseHorizon([70, 120, 70, 120], [100, 100, 100, 100], BAR);
    expect(h.dearer.map((d) => d.index)).toEqual([1, 3]);
    expect(committedBaseDearerSaid(h, { startMonth: '2027-11', growthMonthly: 0.1 })!.text).toContain(
      'in 2027-12, 2028-02 it costs $120.00 a month',
    );
    // With no growth (the months moved by a scenario's price formulas) the sentence says so, not "growth of 0 %".
    const priced = committedBaseDearerSaid(h, { startMonth: '2027-11', growthMonthly: 0 })!;
    expect(priced.text).toMatch(/^As projected \(the scenario's prices move by month\)/);
    expect(priced.text).not.toContain('0 % a month');
    expect(priced.text).toContain('over the 4 months it still saves $20.00');
    // Dearer over the horizon: never taken, so no sentence of what it "still saves".
    expect(
      committedBaseDearerSaid(committedBaseHorizon([90, 120], [100, 100], BAR), {
        startMonth: '2027-01',
        growthMonthly: 0.1,
      }),
    ).toBeNull();
    const flat = committedBaseHorizon([90, 90], [100, 100], BAR);
    expect(flat.dearer).toEqual([]);
    expect(committedBaseDearerSaid(flat, { startMonth: '2027-01', growthMonthly: 0 })).toBeNull();
  });

  it("property: with no growth (every month month one) it is month one's test; when it saves enough the mix costs less over the horizon; the dearer months are those that print dearer", () => {
    const month = fc.double({ min: 1, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(month, month, fc.integer({ min: 1, max: 36 }), (m, s, n) => {
        const h = committedBaseHorizon(new Array(n).fill(m), new Array(n).fill(s), BAR);
        // Σ of n equal months against n × the month: equal to a part in 1e12, so only a knife-edge can differ.
        const monthOne = mixSavesEnough(s - m, s, BAR);
        if (Math.abs(s - m - Math.max(0.05 * s, 100)) > 1e-6 * s) expect(h.savesEnough).toBe(monthOne);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(month, month), { minLength: 1, maxLength: 36 }), (pairs) => {
        const mix = pairs.map((p) => p[0]);
        const single = pairs.map((p) => p[1]);
        const h = committedBaseHorizon(mix, single, BAR);
        const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
        if (h.savesEnough) {
          expect(sum(mix)).toBeLessThan(sum(single));
          expect(h.savingUsd).toBeGreaterThanOrEqual(100 * pairs.length * (1 - 1e-9));
        }
        for (const [t, [a, b]] of pairs.entries())
          expect(h.dearer.some((d) => d.index === t)).toBe(Math.round(a * 100) > Math.round(b * 100));
        expect(h.savingUsd).toBeCloseTo(sum(single) - sum(mix), 3);
      }),
    );
  });
});
