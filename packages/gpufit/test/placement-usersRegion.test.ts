import { sidesOfMarkets } from '@gpufit/analysis';
import { estimateCost } from '@gpufit/pricing';
import { validateWorkloadProfile, type WorkloadProfile, type WorkloadProfileInput } from '@gpufit/schema';
import { describe, expect, test } from 'vitest';
import { bestOffers } from '../../analysis/src/bestOffers.js';
import { loadInputs } from '../src/cli/inputs.js';
import { analyzeOnBundled } from './support/analyzeBundled.js';

/**
 * At the same monthly cost the offer inside the users' region wins (analysis's preferOffer). On the bundled
 * catalog, Lambda lists its GH200 at one price in ten regions, and a US voice agent's LLM went to
 * asia-northeast-1 (first by offer id). The indexed search (analyze) and the exhaustive one (bestOffers) agree.
 */
const bundled = await loadInputs({});
// Lambda's offers alone: the tie this test is about is Lambda's one price in ten regions (on the whole catalog a
// Massed Compute L40S in Des Moines has been cheaper for this service since its spares follow the demand).
const inputs = {
  ...bundled,
  offers: { ...bundled.offers, rows: bundled.offers.rows.filter((o) => o.provider === 'lambda') },
};
const profileOf = (input: Partial<WorkloadProfileInput>): WorkloadProfile => {
  const v = validateWorkloadProfile({
    id: 'voice-llm',
    kind: 'realtime-inference',
    modelParamsBillions: 8,
    precision: 'fp8',
    gpuType: 'H100',
    gpusPerReplica: 1,
    gpuHoursPerMonth: 1460,
    peakToMeanRatio: 2,
    dataSensitivity: 'internal',
    availabilityTarget: 0.995,
    p99LatencyMs: 500,
    interruptible: false,
    ...input,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
};

async function cloudOf(profile: WorkloadProfile) {
  const a = await analyzeOnBundled(inputs, [profile]);
  const indexed = a.workloads[0]!.decision.cloud!;
  const options = { tiers: inputs.tiers, ratios: inputs.throughputRatios, scenario: inputs.scenario };
  const sides = sidesOfMarkets(inputs.scenario.decision.decentralizedMarkets);
  const exhaustive = bestOffers(profile, inputs.offers.rows, (p, o) => estimateCost(p, o, options), sides)
    .cloud!;
  return { indexed, exhaustive };
}

describe('placement: at equal cost, inside the users’ region', () => {
  test('a US voice agent’s LLM runs on Lambda GH200 in the US, not in asia-northeast-1, at the same cost', async () => {
    const anywhere = await cloudOf(profileOf({}));
    const us = await cloudOf(profileOf({ usersRegion: 'US' }));
    // Without a users' region, the tie goes to the lowest offer id, as before.
    expect(anywhere.indexed.offer.id).toBe('lambda:gpu-1x-gh200:asia-northeast-1:standard');
    expect(us.indexed.offer.id).toMatch(/^lambda:gpu-1x-gh200:us-/);
    expect(us.indexed.offer.country).toBe('US');
    expect(us.indexed.cost.monthlyUsd).toBe(anywhere.indexed.cost.monthlyUsd);
    // The exhaustive search gives the same winners.
    expect(anywhere.exhaustive.offer.id).toBe(anywhere.indexed.offer.id);
    expect(us.exhaustive.offer.id).toBe(us.indexed.offer.id);
  });

  test('users on a continent get a region there; global users, and a region whose country is unknown, do not count', async () => {
    const na = await cloudOf(profileOf({ usersRegion: 'north-america' }));
    expect(na.indexed.offer.id).toMatch(/^lambda:gpu-1x-gh200:us-/);
    expect(na.exhaustive.offer.id).toBe(na.indexed.offer.id);
    // Lambda's region list puts europe-central-1 in Germany: EU users get it.
    const eu = await cloudOf(profileOf({ usersRegion: 'EU' }));
    expect(eu.indexed.offer.id).toBe('lambda:gpu-1x-gh200:europe-central-1:standard');
    expect(eu.indexed.offer.country).toBe('DE');
    expect(eu.exhaustive.offer.id).toBe(eu.indexed.offer.id);
    // europe-south-1 is not in that list, so its country is unknown: Italian users are not known to be near it.
    const it = await cloudOf(profileOf({ usersRegion: 'IT' }));
    expect(it.indexed.offer.id).toBe('lambda:gpu-1x-gh200:asia-northeast-1:standard');
    const global = await cloudOf(profileOf({ usersRegion: 'global' }));
    expect(global.indexed.offer.id).toBe('lambda:gpu-1x-gh200:asia-northeast-1:standard');
  });
});
