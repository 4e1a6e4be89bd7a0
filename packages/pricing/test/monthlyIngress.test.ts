import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyIngressGiB } from '../src/data/monthlyIngressGiB.js';
import { estimateCost, profileAtDemand } from '../src/index.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

/**
 * `ingressGiBPerMonth`: GiB uploaded every month beside the one-time dataset. A call-archive transcription service
 * uploads new audio every month; gpufit could only price one upload of the dataset spread over the horizon.
 */
const calls = (ingressGiBPerMonth: number, datasetGiB = 1200) =>
  profile({
    id: 'calls',
    kind: 'batch-inference',
    gpuHoursPerMonth: 300,
    datasetGiB,
    horizonMonths: 12,
    ingressGiBPerMonth,
  });
const ingressLine = (p: ReturnType<typeof calls>, usd: number) => {
  const e = estimateCost(p, offer({ ingressUsdPerGiB: usd }), { tiers: TEST_TIERS, scenario: scenario() });
  return e.components.find((c) => c.name === 'ingress')!;
};

describe('ingressGiBPerMonth: priced every month', () => {
  it('adds to the dataset amortized over the horizon: 1,200 GiB ÷ 12 + 500 = 600 GiB a month, at $0.01 = $6', () => {
    expect(monthlyIngressGiB(calls(500))).toBe(600);
    const line = ingressLine(calls(500), 0.01);
    expect(line.quantity).toBeCloseTo(600, 9);
    expect(line.usd).toBeCloseTo(6, 9);
    // Without it the dataset is uploaded once: 100 GiB a month, $1.
    expect(ingressLine(calls(0), 0.01).quantity).toBeCloseTo(100, 9);
  });

  it('says so among the estimate’s assumptions', () => {
    const e = estimateCost(calls(500), offer({ ingressUsdPerGiB: 0.01 }), {
      tiers: TEST_TIERS,
      scenario: scenario(),
    });
    expect(
      e.assumptions.some((a) =>
        a.startsWith('500 GiB are uploaded every month (ingressGiBPerMonth) at $0.01/GiB'),
      ),
    ).toBe(true);
  });

  it('scales with demand, like egress; the dataset does not (profileAtDemand)', () => {
    expect(profileAtDemand(calls(500), 1.5).ingressGiBPerMonth).toBeCloseTo(750, 9);
    expect(profileAtDemand(calls(500), 1.5).datasetGiB).toBe(1200);
  });

  it('the ingress line is monotone in it, and never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (a, b, usd) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const l = ingressLine(calls(lo), usd);
          const h = ingressLine(calls(hi), usd);
          expect(l.usd).toBeGreaterThanOrEqual(0);
          expect(h.usd).toBeGreaterThanOrEqual(l.usd);
          expect(h.quantity - l.quantity).toBeCloseTo(hi - lo, 6);
        },
      ),
      { numRuns: 60 },
    );
  });
});
