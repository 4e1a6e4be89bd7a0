import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interruptionsFromAvailability, offerFacts } from '../src/estimate/offerFacts.js';
import {
  estimateCost,
  offersWithInterruptionMultipliers,
  scaledAvailability,
  withInterruptionMultiplier,
} from '../src/index.js';
import { offerInput, profileInput } from './support/arbitraries.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

/** A scenario's `interruptionRateMultipliers`: k × an offer's effective interruption rate, written onto it. */
describe('withInterruptionMultiplier', () => {
  it('test vectors: stated rate, availability, the community-host and spot assumptions, on-demand cloud', () => {
    // Stated rate 0.01/h, no availability: the rate doubles, availability stays derived (null).
    const stated = withInterruptionMultiplier(offer({ market: 'depin', interruptionsPerHour: 0.01 }), 2);
    expect(stated.interruptionsPerHour).toBe(0.02);
    expect(stated.availability).toBeNull();
    // Stated availability 0.9: λ = 0.1/0.9 per hour (1 h outages); ×3 → 1/3 per hour, a = 0.9/(0.9 + 0.3) = 0.75.
    const avail = withInterruptionMultiplier(offer({ market: 'marketplace', availability: 0.9 }), 3);
    expect(avail.interruptionsPerHour).toBeCloseTo(1 / 3, 15);
    expect(avail.availability).toBeCloseTo(0.75, 15);
    expect(interruptionsFromAvailability(avail.availability!)).toBeCloseTo(avail.interruptionsPerHour!, 12);
    // Neither: a DePIN host is assumed 0.95 available → λ = 0.05/0.95; ×2 → 0.1/0.95, a = 0.95/1.05.
    const host = withInterruptionMultiplier(offer({ market: 'depin' }), 2);
    expect(host.interruptionsPerHour).toBeCloseTo(0.1 / 0.95, 15);
    expect(host.availability).toBeCloseTo(0.95 / 1.05, 15);
    expect(host.reliabilitySource).toContain('× 2 by the scenario');
    // Spot: AWS Spot Advisor middle band over the assumed 24 h instance life, λ = −ln(0.875)/24; ×4.
    const spot = withInterruptionMultiplier(offer({ market: 'gpu-cloud', pricingCategory: 'Dynamic' }), 4);
    expect(spot.interruptionsPerHour).toBeCloseTo((-Math.log(0.875) / 24) * 4, 15);
    // On-demand cloud: never interrupted, always up: the offer itself.
    const cloud = offer({ market: 'hyperscaler' });
    expect(withInterruptionMultiplier(cloud, 5)).toBe(cloud);
    // k = 1: the offer itself; k = 0: never interrupted, always up.
    const o = offer({ market: 'depin', availability: 0.8 });
    expect(withInterruptionMultiplier(o, 1)).toBe(o);
    const never = withInterruptionMultiplier(o, 0);
    expect([never.interruptionsPerHour, never.availability]).toEqual([0, 1]);
  });

  it('refuses a multiplier that is not a finite number ≥ 0', () => {
    for (const k of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => withInterruptionMultiplier(offer({ market: 'depin' }), k)).toThrow(/multiplier/);
  });

  it('scaledAvailability: odds of being down × k; 0 and 1 stay; k = 1 is the identity (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (a, k) => {
          const b = scaledAvailability(a, k);
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          if (a === 0 || a === 1) expect(b).toBe(a);
          else if (a >= 1e-3 && a <= 0.999 && k >= 1e-6) {
            const odds = ((1 - a) / a) * k;
            expect(Math.abs((1 - b) / b - odds)).toBeLessThanOrEqual(1e-9 * odds);
          }
          expect(scaledAvailability(a, 1)).toBe(a);
        },
      ),
    );
  });

  it('the effective rate of the scaled offer is k × the effective rate (property)', () => {
    fc.assert(
      fc.property(offerInput, fc.double({ min: 0, max: 20, noNaN: true }), (input, k) => {
        const o = offer(input);
        const scaled = withInterruptionMultiplier(o, k);
        expect(offerFacts(scaled).interruptionsPerHour).toBeCloseTo(
          offerFacts(o).interruptionsPerHour * k,
          12,
        );
      }),
    );
  });

  it("an option's monthly cost is non-decreasing in the multiplier (infeasible = +∞; property)", () => {
    fc.assert(
      fc.property(
        profileInput,
        offerInput,
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (p, input, k1, k2) => {
          const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
          const w = profile(p);
          const o = offer(input);
          const cost = (k: number) => {
            const e = estimateCost(w, withInterruptionMultiplier(o, k), {
              tiers: TEST_TIERS,
              scenario: scenario(),
              explain: false,
            });
            return e.feasible && e.monthlyUsd !== null ? e.monthlyUsd : Number.POSITIVE_INFINITY;
          };
          const [a, b] = [cost(lo), cost(hi)];
          // Float noise of re-derived rates aside (a rate k·λ computed two ways), never cheaper.
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('offersWithInterruptionMultipliers', () => {
  const offers = [
    offer({ id: 'a', market: 'hyperscaler', pricingCategory: 'Dynamic' }),
    offer({ id: 'b', market: 'depin' }),
    offer({ id: 'c', market: 'marketplace', interruptionsPerHour: 0.02 }),
  ];
  it('no multiplier, or only 1s: the same array', () => {
    expect(offersWithInterruptionMultipliers(offers, {})).toBe(offers);
    expect(offersWithInterruptionMultipliers(offers, { depin: 1, hyperscaler: 1 })).toBe(offers);
  });
  it('scales only the markets named, and returns the same scaled array for the same setting', () => {
    const m = { depin: 2, marketplace: 0.5 };
    const got = offersWithInterruptionMultipliers(offers, m);
    expect(got[0]).toBe(offers[0]);
    expect(got[1]!.interruptionsPerHour).toBeCloseTo(0.1 / 0.95, 15);
    expect(got[2]!.interruptionsPerHour).toBe(0.01);
    expect(offersWithInterruptionMultipliers(offers, { marketplace: 0.5, depin: 2 })).toBe(got);
    expect(offersWithInterruptionMultipliers(offers, { depin: 3 })).not.toBe(got);
    expect(offers[1]!.interruptionsPerHour).toBeNull();
  });
});
