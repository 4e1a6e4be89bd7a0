import { describe, expect, it } from 'vitest';
import {
  costBasis,
  estimateCost,
  monteCarloPlan,
  projectSpend,
  spreadSigma,
  withInterruptionMultiplier,
} from '../src/index.js';
import { depinBasis } from './support/bases.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const batch = profile({
  id: 'b',
  kind: 'batch-inference',
  jobsPerMonth: 100,
  hoursPerJob: 4,
  gpusPerReplica: 1,
  egressGiBPerMonth: 500,
  datasetGiB: 120,
});
const depin = offer({
  id: 'akash:a100',
  provider: 'akash',
  market: 'depin',
  usdPerGpuHour: 1.2,
  interruptionsPerHour: 0.05,
  egressUsdPerGiB: 0.01,
  ingressUsdPerGiB: 0.005,
  incentiveSymbol: 'AKT',
  incentiveSubsidyShare: 0.25,
});

describe('costBasis: the month-0 estimate split into what a projection moves', () => {
  it('compute = gpu-time + interruption-overhead + redundancy + commitment-waste (unsubsidized); data = egress + ingress + checkpoint-sync', () => {
    const e = estimateCost(batch, depin, { tiers: TEST_TIERS });
    const r = costBasis(e, depin);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const usd = (n: string) => e.components.find((c) => c.name === n)!.usd;
    const b = r.value;
    expect(b.computeUsdPerMonth).toBeCloseTo(
      usd('gpu-time') + usd('interruption-overhead') + usd('redundancy') + usd('commitment-waste'),
      9,
    );
    expect(b.interruptionUsdPerMonth).toBeCloseTo(usd('interruption-overhead'), 9);
    expect(b.interruptionUsdPerMonth).toBeGreaterThan(0);
    expect(b.dataUsdPerMonth).toBeCloseTo(usd('egress') + usd('ingress') + usd('checkpoint-sync'), 9);
    expect(b.subsidyShare).toBe(0.25);
    expect(b.incentive).toEqual({ symbol: 'AKT', denomination: 'usd-pegged' });
    // λ × replica-hours: 0.05 an hour over the billed GPU-hours of 1-GPU replicas.
    expect(b.interruptionsPerMonth).toBeCloseTo(0.05 * e.billedGpuHoursPerMonth!, 9);
  });

  it('an offer without a stated rate draws the interruptions its re-work assumes, as it does under a multiplier', () => {
    // A marketplace host that states only its availability; and one that states nothing (the market's assumption).
    for (const stated of [{ availability: 0.97 }, {}]) {
      const o = offer({
        id: 'vast:a100',
        provider: 'vast',
        market: 'marketplace',
        usdPerGpuHour: 1.1,
        ...stated,
      });
      expect(o.interruptionsPerHour).toBeNull();
      const b = costBasis(estimateCost(batch, o, { tiers: TEST_TIERS }), o);
      if (!b.ok) throw new Error(b.reason);
      expect(b.value.interruptionUsdPerMonth).toBeGreaterThan(0);
      expect(b.value.interruptionsPerMonth).toBeGreaterThan(0);
      // Continuous in the multiplier: ×(1 + 1e-9) writes the effective rate onto the offer and draws the same count.
      const near = withInterruptionMultiplier(o, 1 + 1e-9);
      const n = costBasis(estimateCost(batch, near, { tiers: TEST_TIERS }), near);
      if (!n.ok) throw new Error(n.reason);
      expect(n.value.interruptionsPerMonth / b.value.interruptionsPerMonth).toBeCloseTo(1, 6);
    }
  });

  it('month 0 of the projection reproduces the estimate, subsidy included', () => {
    const e = estimateCost(batch, depin, { tiers: TEST_TIERS });
    const cloudOffer = offer({ id: 'cloud', usdPerGpuHour: 2.4, egressUsdPerGiB: 0.09 });
    const c = estimateCost(batch, cloudOffer, { tiers: TEST_TIERS });
    const b = costBasis(e, depin);
    const cb = costBasis(c, cloudOffer);
    if (!b.ok || !cb.ok) throw new Error('expected both bases');
    const p = projectSpend({ cloud: cb.value, depin: b.value }, scenario({ horizonMonths: 3 }));
    expect(p.months[0]!.depinUsd).toBeCloseTo(e.monthlyUsd!, 9);
    expect(p.months[0]!.cloudUsd).toBeCloseTo(c.monthlyUsd!, 9);
  });

  it('has no basis for an infeasible or unpriced estimate, and says why', () => {
    const { usdPerGpuHour: _drop, ...rest } = depin;
    const unpriced = { ...rest, usdPerGpuHour: null };
    const r = costBasis(estimateCost(batch, unpriced, { tiers: TEST_TIERS }), unpriced);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(depin.id);
  });
});

describe('an offer’s own price spread feeds the Monte Carlo', () => {
  it('reads min and max as the 5th and 95th percentiles of a lognormal', () => {
    // AWS p6-b200 us-east-2 spot over its three zones: $22.34 / $22.94 / $24.28 an instance-hour
    expect(spreadSigma(22.34 / 8, 24.28 / 8)).toBeCloseTo(
      Math.log(24.28 / 22.34) / (2 * 1.6448536269514722),
      12,
    );
    expect(spreadSigma(null, 3)).toBeNull();
    expect(spreadSigma(2, 2)).toBe(0);
  });

  it('a spot offer with a spread gives the cloud side a price sigma; without one the side defaults apply', () => {
    const p = profile({ id: 'b', kind: 'batch-inference', gpuType: 'A100-80GB', gpuHoursPerMonth: 100 });
    const spot = offer({
      pricingCategory: 'Dynamic',
      usdPerGpuHour: 2.8675,
      usdPerGpuHourMin: 2.7925,
      usdPerGpuHourMax: 3.035,
    });
    const b = costBasis(estimateCost(p, spot, { tiers: TEST_TIERS }), spot);
    expect(b.ok && b.value.priceSigma).toBeCloseTo(Math.log(3.035 / 2.7925) / 3.2897072539029444, 12);
    const plan = monteCarloPlan(
      { cloud: b.ok ? b.value : (null as never), depin: depinBasis() },
      scenario({}),
    );
    expect(plan.options[0].priceSigma).toBeGreaterThan(0);
    expect(plan.options[1].priceSigma).toBe(scenario({}).monteCarlo.depinPriceSpread);
  });
});
