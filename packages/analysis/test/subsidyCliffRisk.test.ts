import type { Projection, Recommendation } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf } from './support/builders.js';

/**
 * "Subsidy cliff" was said whenever DePIN, having been cheaper, stopped being so — under demand growth a cloud
 * side's spare unit made the two cross with a subsidy of 0 % in every month, and for a plan that stays on cloud.
 */
function projection(shares: readonly number[], cliff: string | null): Projection {
  return {
    months: shares.map((s, i) => ({
      month: `2027-0${i + 1}`,
      index: i,
      demandFactor: 1,
      cloudUsd: 100,
      depinUsd: i < 2 ? 90 : 110,
      subsidyShare: s,
      tokenPriceUsd: null,
    })),
    horizonCloudUsd: 100 * shares.length,
    horizonDepinUsd: 0,
    subsidyCliffMonth: cliff,
  };
}

function risks(p: Projection, recommendation: Recommendation): readonly string[] {
  const evidence = {
    profile: profileOf({ id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 100 }),
    fit: { constraints: [] },
    cloud: null,
    depin: null,
    depinOffer: null,
    recommendation,
    analysisDate: null,
    maxOfferAgeDays: 90,
    projection: p,
    distribution: null,
  } as unknown as RiskEvidence;
  return risksFor(evidence).risks.filter((r) => /DePIN stops beating cloud/.test(r));
}

describe('the subsidy-cliff risk', () => {
  it('names a subsidy that falls by the crossing, with the shares', () => {
    expect(risks(projection([0.25, 0.25, 0], '2027-03'), 'depin')).toEqual([
      'Subsidy cliff: DePIN stops beating cloud in 2027-03 as the incentive subsidy fades (from 25 % to 0 %).',
    ]);
  });

  it('does not blame a subsidy that never changes', () => {
    const [r] = risks(projection([0, 0, 0], '2027-03'), 'hybrid');
    expect(r).toMatch(
      /^DePIN stops beating cloud in 2027-03 on the projected path: .*no incentive subsidy fades/,
    );
  });

  it('is not said for a plan that stays on cloud, nor without a crossing', () => {
    expect(risks(projection([0.25, 0.25, 0], '2027-03'), 'cloud')).toEqual([]);
    expect(risks(projection([0.25, 0.25, 0], null), 'depin')).toEqual([]);
  });
});
