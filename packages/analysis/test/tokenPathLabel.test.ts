import { tokenPricePath } from '@gpufit/pricing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenPathLabel, tokenPathRatios } from '../src/tokenPathLabel.js';

describe('tokenPathLabel: the expected and the median token price after 12 months', () => {
  it("token-crash.json's μ = -1.4, σ = 1.2: expected e^-1.4 = ×0.25, median e^(-1.4 - 0.72) = ×0.12", () => {
    const m = { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 };
    const r = tokenPathRatios(m);
    expect(r.mean).toBeCloseTo(0.246597, 6);
    expect(r.median).toBeCloseTo(Math.exp(-2.12), 9);
    expect(r.median).toBeCloseTo(0.120032, 6);
    expect(tokenPathLabel('NOS', m)).toBe(
      'NOS price path (expected ×0.25, median ×0.12 after 12 months: drift -1.4 a year, volatility 120 %)',
    );
    // The expected path the projection prints at month 12 is the mean, not the median.
    expect(tokenPricePath(m, 13)[12]).toBeCloseTo(r.mean, 9);
  });

  it('no volatility: the median is the mean', () => {
    const r = tokenPathRatios({ spotUsd: 2, annualDrift: 0.3, annualVolatility: 0 });
    expect(r.median).toBeCloseTo(r.mean, 12);
  });

  it('property: the median never exceeds the mean, and falls as volatility rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (mu, s, ds) => {
          const a = tokenPathRatios({ spotUsd: 1, annualDrift: mu, annualVolatility: s });
          const b = tokenPathRatios({ spotUsd: 1, annualDrift: mu, annualVolatility: s + ds });
          expect(a.median).toBeLessThanOrEqual(a.mean * (1 + 1e-12));
          expect(b.median).toBeLessThan(a.median);
        },
      ),
    );
  });
});
