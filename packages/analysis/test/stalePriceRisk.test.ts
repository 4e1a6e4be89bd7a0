import type { Recommendation } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf } from './support/builders.js';

/**
 * A consumer SDXL API placed on RunPod's Secure Cloud (priced 2026-09-25) led its top risks with "Priced from
 * Nosana as of 2026-09-03 (93 days before 2026-12-05): older than 90 days; refresh the catalog before relying on
 * it" — the decentralized option it did not take, read as its own price. The sentence now names the option, says
 * when the plan does not take it, and follows the plan's own risks.
 */
const option = (providerName: string, asOf: string, monthlyUsd: number) => ({
  offer: { providerName, gpu: 'RTX4090', region: 'global', country: null, pricingCategory: 'Standard', asOf },
  cost: { monthlyUsd, components: [], replicas: null },
});

function evidence(
  recommendation: Recommendation | undefined,
  cloudAsOf: string,
  depinAsOf: string,
): RiskEvidence {
  return {
    profile: profileOf({ id: 'sdxl', kind: 'batch-inference', gpuHoursPerMonth: 1100, interruptible: true }),
    fit: { constraints: [], reasons: [] },
    cloud: option('RunPod', cloudAsOf, 1133.95),
    depin: option('Nosana', depinAsOf, 578.81),
    depinOffer: null,
    ...(recommendation === undefined ? {} : { recommendation }),
    ...(recommendation === 'hybrid'
      ? { hybrid: { cloudShare: 0.726, depinShare: 0.274, blendedMonthlyUsd: 1092.51 } }
      : {}),
    analysisDate: '2026-12-05',
    maxOfferAgeDays: 90,
    projection: null,
    distribution: null,
  } as unknown as RiskEvidence;
}
const staleOf = (e: RiskEvidence) => {
  const { risks, stakes } = risksFor(e);
  return risks
    .map((text, i) => ({ text, id: stakes[i]!.id }))
    .filter((r) => r.id === 'stale-price' || r.id === 'stale-price-unused');
};

describe('stale price: which option, and whether the plan takes it', () => {
  it('a plan on cloud: the stale decentralized option is named as not taken', () => {
    expect(staleOf(evidence('cloud', '2026-09-25', '2026-09-03'))).toEqual([
      {
        id: 'stale-price-unused',
        text: 'The decentralized option, which the plan does not take, is priced from Nosana as of 2026-09-03 (93 days before 2026-12-05): older than 90 days; refresh the catalog before relying on the comparison.',
      },
    ]);
  });

  it('a plan on DePIN: its own stale price is said first, as the plan’s', () => {
    expect(staleOf(evidence('depin', '2026-09-25', '2026-09-03'))).toEqual([
      {
        id: 'stale-price',
        text: 'The decentralized option is priced from Nosana as of 2026-09-03 (93 days before 2026-12-05): older than 90 days; refresh the catalog before relying on it.',
      },
    ]);
  });

  it('a hybrid takes both: one sentence names both stale options', () => {
    expect(staleOf(evidence('hybrid', '2026-05-20', '2026-09-03'))).toEqual([
      {
        id: 'stale-price',
        text: 'The cloud option is priced from RunPod as of 2026-05-20 (199 days before 2026-12-05) and the decentralized option from Nosana as of 2026-09-03 (93 days before 2026-12-05): older than 90 days; refresh the catalog before relying on it.',
      },
    ]);
  });

  it('the untaken option’s staleness follows the plan’s own risks', () => {
    const { stakes } = risksFor(evidence('cloud', '2026-05-20', '2026-09-03'));
    const ids = stakes.map((s) => s.id);
    expect(ids.indexOf('stale-price')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('stale-price-unused')).toBeGreaterThan(ids.indexOf('stale-price'));
  });

  it('property: every stale option is said exactly once, fresh ones never, whatever the plan', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((d) => {
      const t = new Date(Date.UTC(2026, 11, 5) - d * 86_400_000);
      return t.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(
        fc.constantFrom<Recommendation | undefined>('cloud', 'depin', 'hybrid', undefined),
        day,
        day,
        (rec, cloudAsOf, depinAsOf) => {
          const text = staleOf(evidence(rec, cloudAsOf, depinAsOf))
            .map((r) => r.text)
            .join(' ');
          const age = (d: string) => (Date.UTC(2026, 11, 5) - Date.parse(d)) / 86_400_000;
          const count = (s: string) => text.split(s).length - 1;
          return (
            count(`RunPod as of ${cloudAsOf}`) === (age(cloudAsOf) > 90 ? 1 : 0) &&
            count(`Nosana as of ${depinAsOf}`) === (age(depinAsOf) > 90 ? 1 : 0)
          );
        },
      ),
    );
  });
});
