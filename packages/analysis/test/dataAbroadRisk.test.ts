import type { Recommendation } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf } from './support/builders.js';

/**
 * A US workload's confidential documents were placed on AWS eu-south-2 (Spain) spot to save about USD 40 a month,
 * with no word that the data leaves the country its users are in.
 */
const option = (country: string | null, region: string) => ({
  offer: {
    country,
    region,
    providerName: 'Amazon Web Services',
    pricingCategory: 'Standard',
    gpu: 'H100',
    asOf: '2026-11-24',
  },
  cost: { monthlyUsd: 100 },
});

function risks(
  input: Record<string, unknown>,
  cloud: ReturnType<typeof option> | null,
  depin: ReturnType<typeof option> | null,
  recommendation: Recommendation,
): readonly string[] {
  const evidence = {
    profile: profileOf({
      id: 'w',
      kind: 'batch-inference',
      gpuHoursPerMonth: 100,
      usersRegion: 'US',
      ...input,
    }),
    fit: { constraints: [], reasons: [] },
    cloud,
    depin,
    depinOffer: null,
    recommendation,
    analysisDate: null,
    maxOfferAgeDays: 90,
    projection: null,
    distribution: null,
  } as unknown as RiskEvidence;
  return risksFor(evidence).risks.filter((r) => r.includes('would be processed in'));
}

describe('the data-abroad risk', () => {
  it('names the country and the way to keep the data home', () => {
    expect(risks({ dataSensitivity: 'confidential' }, option('ES', 'eu-south-2'), null, 'cloud')).toEqual([
      'The confidential data would be processed in ES (Amazon Web Services eu-south-2), outside US where its users are: no residency is set, so gpufit allowed it. Set residency if the data must stay in US; moving it between the regions is not priced.',
    ]);
  });

  it('is quiet for data that is not confidential, for a set residency, for an option in the users’ place, and for the option not used', () => {
    expect(risks({ dataSensitivity: 'internal' }, option('ES', 'eu-south-2'), null, 'cloud')).toEqual([]);
    expect(
      risks(
        { dataSensitivity: 'confidential', residency: ['EU'] },
        option('ES', 'eu-south-2'),
        null,
        'cloud',
      ),
    ).toEqual([]);
    expect(risks({ dataSensitivity: 'regulated' }, option('US', 'us-east-1'), null, 'cloud')).toEqual([]);
    expect(
      risks(
        { dataSensitivity: 'confidential' },
        option('US', 'us-east-1'),
        option('DE', 'eu-central-1'),
        'cloud',
      ),
    ).toEqual([]);
    expect(
      risks(
        { dataSensitivity: 'confidential' },
        option('US', 'us-east-1'),
        option('DE', 'eu-central-1'),
        'hybrid',
      ),
    ).toHaveLength(1);
  });
});
