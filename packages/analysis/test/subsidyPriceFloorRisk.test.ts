import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A scenario whose subsidy share rises (Nosana pays half of an RTX3060's USD 0.07194 at month 0, 99 % from
 * 2027-04) had priced those months at USD 0.00072 a GPU-hour, below gpufit's USD 0.001 floor. The projection holds
 * them at the floor (pricing's spendPath); a plan on that option says so (risk subsidy-price-floor).
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenarioOf = (later: number) => {
  const r = validateScenario({
    analysisDate: '2026-12-05',
    startMonth: '2027-01',
    horizonMonths: 6,
    subsidies: { nosana: { kind: 'step', share: 0.5, steps: [{ month: '2027-04', share: later }] } },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const nosana = offerOf('subsidyPriceFloorRisk test', {
  id: 'nosana:h100:global:standard',
  market: 'depin',
  usdPerGpuHour: 0.03597,
  gpusPerInstance: 1,
  region: 'global',
  incentiveSymbol: 'NOS',
  incentiveSubsidyShare: 0.5,
  incentiveDenomination: 'usd-pegged',
});
const batch = profileOf({
  id: 'embed',
  kind: 'batch-inference',
  gpuType: 'H100',
  gpuHoursPerMonth: 1000,
  interruptible: true,
  checkpointable: true,
  allowedMarkets: ['depin'],
});
const run = async (later: number) => {
  const a = await analyze({
    workloads: [batch],
    offers: [nosana],
    tiers,
    scenario: scenarioOf(later),
    monteCarlo: false,
  });
  return a.workloads[0]!;
};

describe('the subsidy-price-floor risk', () => {
  it('names the first month the rising share would price below the floor', async () => {
    const w = await run(0.99);
    expect(w.decision.risks.filter((r) => r.includes("gpufit's floor of $0.001"))).toEqual([
      "From 2027-04 the scenario's subsidy share would price nosana's GPU-hour below gpufit's floor of $0.001; the projection holds those months at the floor, never lower. A network paying nearly all of the price is not one to plan a budget on: check the schedule.",
    ]);
    // 0.07194 × (1 − 0.99) = 0.00072 < 0.001: held. The month's GPU-hours are priced at no less than the floor.
    const gpuHours = w.decision.depin!.cost.components.find((c) => c.name === 'gpu-time')!.quantity;
    expect(w.projection!.months[3]!.depinUsd! / gpuHours).toBeGreaterThanOrEqual(0.001 - 1e-12);
  });

  it('is quiet where the share stays above the floor', async () => {
    const w = await run(0.9);
    expect(w.decision.risks.some((r) => r.includes("gpufit's floor of $0.001"))).toBe(false);
  });
});
