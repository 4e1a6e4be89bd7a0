import { describe, expect, it } from 'vitest';
import { costBasis, estimateCost, projectSpend } from '../src/index.js';
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
