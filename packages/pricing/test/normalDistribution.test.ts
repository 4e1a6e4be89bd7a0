import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, PricingAssertionError } from '../src/index.js';

describe('the standard normal distribution', () => {
  it.each([
    // Reference values (Abramowitz & Stegun table 26.1; R pnorm/qnorm).
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [2.326347874040841, 0.99],
    [-3, 0.0013498980316301],
  ])('Φ(%d) = %d and Φ⁻¹ inverts it', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 14);
    expect(normalQuantile(p)).toBeCloseTo(x, 9);
  });

  it('Φ⁻¹ is accurate in the far tails (AS 241 region 3)', () => {
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(1 - 1e-10)).toBeCloseTo(6.361340889697422, 6);
  });

  it('Φ⁻¹ only takes probabilities strictly between 0 and 1', () => {
    expect(() => normalQuantile(0)).toThrow(PricingAssertionError);
    expect(() => normalQuantile(1)).toThrow(PricingAssertionError);
  });
});
