import { estimateCost, gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario, type WorkloadProfile } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partnerSearch } from '../src/committedBasePartners.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A committed base's partner search (committedBasePartners.ts) with pricing's cost floor finds exactly the partner
 * the exhaustive search finds (every wanted offer screened): the least monthlyUsd, ties to the lowest id.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenario = (() => {
  const r = validateScenario({ analysisDate: '2026-12-01' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();
const options = { tiers, scenario };
const screen = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, { ...options, explain: false });

/** One listing of AWS's H100 (on demand, or a commitment of `termMonths`), the way a grown catalog repeats one. */
interface Listing {
  readonly cents: number;
  readonly region: 'eu-central-1' | 'eu-west-1';
  readonly termMonths: 0 | 1 | 12 | 36;
  readonly gpusPerInstance: 1 | 8;
  readonly egressUsdPerGiB: 0 | 0.05 | 0.09;
  readonly availability: number | null;
  readonly interruptionsPerHour: number | null;
}
const listing: fc.Arbitrary<Listing> = fc.record({
  cents: fc.integer({ min: 150, max: 700 }),
  region: fc.constantFrom('eu-central-1', 'eu-west-1'),
  termMonths: fc.constantFrom(0, 0, 1, 12, 36),
  gpusPerInstance: fc.constantFrom(1, 8),
  egressUsdPerGiB: fc.constantFrom(0, 0.05, 0.09),
  availability: fc.option(fc.double({ min: 0.9, max: 0.9999, noNaN: true }), { nil: null }),
  interruptionsPerHour: fc.option(fc.double({ min: 0, max: 0.2, noNaN: true }), { nil: null }),
});
const offerOfListing = (l: Listing, i: number): Offer =>
  offerOf('committedBasePartners test', {
    id: `aws:p5:${l.region}${l.termMonths > 0 ? `:committed-${l.termMonths}mo` : ''}#${i}`,
    market: 'hyperscaler',
    providerName: 'Amazon Web Services',
    usdPerGpuHour: l.cents / 100,
    region: l.region,
    country: l.region === 'eu-west-1' ? 'IE' : 'DE',
    gpusPerInstance: l.gpusPerInstance,
    egressUsdPerGiB: l.egressUsdPerGiB,
    ...(l.termMonths > 0 ? { pricingCategory: 'Committed' as const, termMonths: l.termMonths } : {}),
    ...(l.availability === null ? {} : { availability: l.availability }),
    ...(l.interruptionsPerHour === null ? {} : { interruptionsPerHour: l.interruptionsPerHour }),
  });

/** A service (spare units for its availability target) or a batch of stated jobs (re-work when interrupted). */
const workload: fc.Arbitrary<WorkloadProfile> = fc
  .record({
    serving: fc.boolean(),
    gpuHoursPerMonth: fc.integer({ min: 20, max: 12_000 }),
    peakToMeanRatio: fc.double({ min: 1, max: 4, noNaN: true }),
    availabilityTarget: fc.constantFrom(0.95, 0.99, 0.999),
    egressGiBPerMonth: fc.constantFrom(0, 500, 20_000),
    jobsPerMonth: fc.integer({ min: 1, max: 400 }),
    horizonMonths: fc.constantFrom(6, 12, 24),
  })
  .map((w) =>
    profileOf({
      id: 'w',
      kind: w.serving ? 'realtime-inference' : 'batch-inference',
      modelParamsBillions: 8,
      gpuType: 'H100',
      gpuHoursPerMonth: w.gpuHoursPerMonth,
      peakToMeanRatio: w.peakToMeanRatio,
      egressGiBPerMonth: w.egressGiBPerMonth,
      horizonMonths: w.horizonMonths,
      dataSensitivity: 'internal',
      ...(w.serving
        ? { availabilityTarget: w.availabilityTarget, p99LatencyMs: 2000 }
        : { jobsPerMonth: w.jobsPerMonth, interruptible: false }),
    }),
  );

describe('the committed base partner search, pruned by the cost floor', () => {
  it('property: the same partner as screening every offer, with fewer screened', () => {
    let pruned = 0;
    let every = 0;
    fc.assert(
      fc.property(
        fc.array(listing, { minLength: 1, maxLength: 40 }),
        fc.array(workload, { minLength: 1, maxLength: 4 }),
        (listings, profiles) => {
          const offers = listings.map(offerOfListing);
          const fast = partnerSearch(offers, options);
          const slow = partnerSearch(offers, null);
          for (const profile of profiles)
            for (const region of ['eu-central-1', 'eu-west-1'])
              for (const kind of ['on-demand', 'committed'] as const) {
                const of = { provider: 'aws', gpu: 'H100', region };
                const want = slow.cheapest(profile, of, kind, screen);
                expect(fast.cheapest(profile, of, kind, screen)?.id).toBe(want?.id);
              }
          pruned += fast.stats.screened;
          every += slow.stats.screened;
        },
      ),
      { numRuns: 150, seed: 20261205 },
    );
    // The floor prunes: without it, the property above holds trivially.
    expect(pruned).toBeLessThan(every * 0.6);
  });

  it('counts reliability: a 0.999 service screens the listing that needs no spare, not the 39 cheaper ones that do', () => {
    // On one-GPU instances, listings at 0.95 availability need spare units for a 0.999 target; the one at 0.9999 (a
    // group of its own: another egress price, no egress) needs none. Without reliability the 39 cheaper listings'
    // floors are below its cost and each is screened; with it, their floor counts the spares and none is.
    const offers = Array.from({ length: 40 }, (_, i) =>
      offerOfListing(
        {
          cents: i === 39 ? 300 : 290,
          region: 'eu-central-1',
          termMonths: 0,
          gpusPerInstance: 1,
          egressUsdPerGiB: i === 39 ? 0 : 0.05,
          availability: i === 39 ? 0.9999 : 0.95,
          interruptionsPerHour: null,
        },
        i,
      ),
    );
    const profile = profileOf({
      id: 'w',
      kind: 'realtime-inference',
      modelParamsBillions: 8,
      gpuType: 'H100',
      gpuHoursPerMonth: 2920,
      availabilityTarget: 0.999,
      p99LatencyMs: 2000,
    });
    const of = { provider: 'aws', gpu: 'H100', region: 'eu-central-1' };
    const fast = partnerSearch(offers, options);
    const slow = partnerSearch(offers, null);
    const want = slow.cheapest(profile, of, 'on-demand', screen);
    expect(want?.id).toBe('aws:p5:eu-central-1#39');
    expect(fast.cheapest(profile, of, 'on-demand', screen)?.id).toBe(want?.id);
    expect(slow.stats.screened).toBe(40);
    expect(fast.stats.screened).toBe(1);
  });
});
