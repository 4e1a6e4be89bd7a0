/**
 * The term factor (commitments/termFactor.ts): a commitment's term outlasting the horizon is paid whole, spread
 * over the horizon. One rule for the estimate, the floor, the committed base's useful rate and the what-if.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost, termFactor } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

describe('termFactor', () => {
  it('a 36-month term on a 12-month horizon is paid ×3; a term within the horizon, or none, ×1', () => {
    expect(termFactor({ termMonths: 36 }, 12)).toBe(3);
    expect(termFactor({ termMonths: 12 }, 9)).toBeCloseTo(4 / 3, 12);
    expect(termFactor({ termMonths: 12 }, 12)).toBe(1);
    expect(termFactor({ termMonths: 12 }, 24)).toBe(1);
    expect(termFactor({ termMonths: null }, 1)).toBe(1);
  });

  it('is what estimateCost bills: a Committed batch held all month pays held × factor', () => {
    // One 8-GPU instance held all month (5,840 GPU-hours) for 100 GPU-hours of work, a 36-month term, 12 months.
    const p = profile({
      id: 'c',
      kind: 'batch-inference',
      gpuType: 'A100-80GB',
      gpuHoursPerMonth: 100,
      horizonMonths: 12,
    });
    const o = offer({ pricingCategory: 'Committed', termMonths: 36, interruptionsPerHour: 0 });
    const e = estimateCost(p, o, { tiers: TEST_TIERS });
    const hours = e.components.filter((c) => c.unit === 'GPU-hour').reduce((a, c) => a + c.quantity, 0);
    expect(hours).toBeCloseTo(8 * 730 * termFactor(o, 12), 6);
  });

  it('property: at least 1, falling in the horizon, term ÷ horizon past the term', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (term, h1, h2) => {
          const [a, b] = h1 <= h2 ? [h1, h2] : [h2, h1];
          const f = termFactor({ termMonths: term }, a);
          expect(f).toBeGreaterThanOrEqual(1);
          expect(termFactor({ termMonths: term }, b)).toBeLessThanOrEqual(f);
          // Months paid over the horizon: the whole term when it is longer, else the horizon.
          expect(f * a).toBeCloseTo(term === null ? a : Math.max(term, a), 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
