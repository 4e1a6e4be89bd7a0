import type { Recommendation } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf, riskEvidence } from './support/builders.js';

/**
 * A reranker recommended on RunPod (cloud) led its top risks with "Incentive-token emissions pay 25 % …" of the
 * Nosana option it did not take. The decentralized option's subsidy and token now come early only when the plan
 * runs there; for a plan on cloud they follow its own risks.
 */
const offer = {
  providerName: 'RunPod',
  gpu: 'RTX4090',
  region: 'us',
  country: 'US',
  pricingCategory: 'Standard',
  asOf: '2026-11-24',
};
const cloud = { offer, cost: { monthlyUsd: 500, components: [] } };
const depin = {
  offer: { ...offer, providerName: 'Nosana' },
  cost: { monthlyUsd: 300, components: [{ name: 'incentive-subsidy', usd: -100 }] },
};
const depinOffer = { notes: '', incentive: { symbol: 'NOS', denomination: 'token', subsidyShare: 0.25 } };

function risks(recommendation: Recommendation): readonly string[] {
  const evidence = {
    profile: profileOf({ id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 100, interruptible: true }),
    fit: { constraints: [], reasons: [] },
    cloud,
    depin,
    depinOffer,
    recommendation,
    analysisDate: '2026-12-01',
    maxOfferAgeDays: 1,
    projection: null,
    distribution: null,
  } as unknown as RiskEvidence;
  return risksFor(evidence).risks;
}

describe("the decentralized option's subsidy and token", () => {
  it('lead when the plan runs on DePIN', () => {
    const r = risks('depin');
    expect(r[0]).toMatch(/^Incentive-token emissions pay 25 %/);
    expect(r[1]).toMatch(/^The DePIN price is paid in the NOS incentive token/);
  });

  it('follow the plan’s own risks when it stays on cloud', () => {
    const r = risks('cloud');
    const subsidy = r.findIndex((x) => x.startsWith('Incentive-token emissions pay'));
    const stale = r.findIndex((x) => x.startsWith('The cloud option is priced from'));
    expect(subsidy).toBeGreaterThan(stale);
    expect(stale).toBeGreaterThanOrEqual(0);
    expect(r.filter((x) => x.startsWith('Incentive-token emissions pay'))).toHaveLength(1);
  });
});

describe("the decentralized option's spares", () => {
  const withSpares = (recommendation: Recommendation) =>
    risksFor(
      riskEvidence({
        profile: profileOf({ id: 'sdxl', kind: 'realtime-inference', gpuHoursPerMonth: 1100 }),
        cloud,
        depin: {
          offer: depin.offer,
          cost: { monthlyUsd: 578.81, replicas: 11, components: [{ name: 'redundancy', usd: 296.79 }] },
        },
        recommendation,
      } as unknown as Partial<RiskEvidence>),
    ).stakes.map((s) => s.id);

  it('are the plan’s risk when it runs on DePIN, the untaken option’s when it stays on cloud', () => {
    expect(withSpares('depin')).toContain('redundancy');
    expect(withSpares('depin')).not.toContain('redundancy-unused');
    expect(withSpares('cloud')).toContain('redundancy-unused');
    expect(withSpares('cloud')).not.toContain('redundancy');
  });
});
