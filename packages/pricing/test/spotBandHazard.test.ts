import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELIABILITY_DEFAULTS } from '../src/assumptions.js';
import { SPOT_INSTANCE_LIFETIME_HOURS, spotBandHazard } from '../src/reliability/spotBandHazard.js';

describe('spotBandHazard: λ = −ln(1 − p) / L from a Spot Advisor share', () => {
  // Vectors: AWS Spot Advisor band mid-points (price-facts §1); λ computed independently with Python's math.log.
  it.each([
    [0.25, 24, 0.01198675302],
    [0.25, 730, 3.940850308e-4], // the whole-month life the catalog used before: its old 3.94085e-4
    [0.175, 24, 0.008015495527],
    [0.125, 24, 0.005563808026],
    [0.075, 24, 0.003248397561],
    [0.15, 24, 0.006771622062], // the 2025-05-01 p5 reading's 10–20 % span, used until 2026-12-05
    [0.025, 24, 0.001054908666], // the 2025-05-01 L4 reading, < 5 %, used until 2026-12-05
    [0, 24, 0],
  ])('p = %s over L = %s h → %s an hour', (p, l, λ) => {
    expect(spotBandHazard(p, l)).toBeCloseTo(λ, 9);
  });

  it('the default lifetime is 24 h, and the engine default for spot is the middle band over it', () => {
    expect(SPOT_INSTANCE_LIFETIME_HOURS).toBe(24);
    expect(RELIABILITY_DEFAULTS.hyperscaler.Dynamic.interruptionsPerHour).toBeCloseTo(0.005563808026, 9);
    expect(RELIABILITY_DEFAULTS.hyperscaler.Dynamic.note).toMatch(/24 h instance life.*gpufit assumption/);
  });

  it('rejects a share outside [0, 1) and a lifetime that is not a positive finite number', () => {
    for (const p of [-0.01, 1, 1.5, Number.NaN]) expect(() => spotBandHazard(p, 24)).toThrow(RangeError);
    for (const l of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => spotBandHazard(0.1, l)).toThrow(RangeError);
  });

  const share = fc.double({ min: 0, max: 0.999, noNaN: true });
  const life = fc.double({ min: 0.01, max: 10_000, noNaN: true });

  it('property: the share comes back — an instance living L hours at λ is reclaimed with probability p', () => {
    fc.assert(
      fc.property(share, life, (p, l) => {
        const λ = spotBandHazard(p, l);
        expect(λ).toBeGreaterThanOrEqual(0);
        expect(-Math.expm1(-λ * l)).toBeCloseTo(p, 9);
      }),
    );
  });

  it('property: more instances reclaimed → a higher hazard; a longer life → a lower one (λ·L fixed by p)', () => {
    fc.assert(
      fc.property(share, share, life, life, (p1, p2, l1, l2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(spotBandHazard(lo, l1)).toBeLessThanOrEqual(spotBandHazard(hi, l1));
        const [short, long] = l1 <= l2 ? [l1, l2] : [l2, l1];
        expect(spotBandHazard(p1, long)).toBeLessThanOrEqual(spotBandHazard(p1, short));
        expect(spotBandHazard(p1, l1) * l1).toBeCloseTo(spotBandHazard(p1, l2) * l2, 9);
      }),
    );
  });
});
