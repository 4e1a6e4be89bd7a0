import { join } from 'node:path';
import { cheapestFeasible, indexOffers, marketsOfSide, sidesOfMarkets } from '@gpufit/analysis';
import {
  costFloor,
  costFloorKey,
  costFloorOf,
  costFloorUsd,
  effectivePrice,
  estimateCost,
  feasibility,
  freeEgressAllowanceGiB,
  type GpuTierTable,
  gpuFeasible,
  gpuHoursFloor,
  gpuTierTable,
  gpuWorkFloor,
  gpuWorkFloorsOf,
  instanceHoursFloor,
  interruptibleRule,
  offersWithInterruptionMultipliers,
  placeFeasible,
  placeKey,
  referenceGpu,
  reliabilityFloors,
  reliabilityOf,
  type ThroughputRatioTable,
  throughputConversion,
  throughputRatioTable,
  tieredEgressUsd,
  workFloor,
} from '@gpufit/pricing';
import {
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  GPU_POLICIES,
  INTERCONNECTS,
  isCommitted,
  MARKETS,
  type Offer,
  PRECISIONS,
  PRICING_CATEGORIES,
  placeIncludesCountry,
  type Scenario,
  type Side,
  scenarioSchema,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  WORKLOAD_TASKS,
  type WorkloadProfile,
  type WorkloadProfileInput,
  workloadKinds,
} from '@gpufit/schema';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkloadAnalyzer } from '../../analysis/src/analyzeWorkload.js';
import { bestOffers, explained } from '../../analysis/src/bestOffers.js';
import { classAndGroupBounds, indexOfferParts } from '../../analysis/src/matchOffers.js';
import { usd } from '../../analysis/src/usdText.js';
import { offerFacts } from '../../pricing/src/estimate/offerFacts.js';
import { gpuConversion } from '../../pricing/src/feasibility/feasibility.js';
import { precisionSupport } from '../../pricing/src/tiers/precisionSupport.js';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { loadGpuTiers, loadThroughputRatios } from '../src/data/loadReferenceData.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';

let catalog: Offer[];
let tiers: GpuTierTable;
const SIDES = sidesOfMarkets();

/** The bundled measured ratios (datasets/throughput-ratios.csv), so substitutes are priced as in a real run. */
let ratios: ThroughputRatioTable;

beforeAll(async () => {
  catalog = (await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'))).rows;
  tiers = gpuTierTable(await loadGpuTiers());
  ratios = throughputRatioTable(await loadThroughputRatios());
});

/** The catalog's offers by a key, in catalog order. */
function groupBy(offers: readonly Offer[], key: (o: Offer) => string): Map<string, Offer[]> {
  const out = new Map<string, Offer[]>();
  for (const o of offers) {
    const k = key(o);
    const list = out.get(k);
    if (list === undefined) out.set(k, [o]);
    else list.push(o);
  }
  return out;
}

/** The definition `cheapestFeasible` must match: price every offer, keep the cheapest (ties: lowest id). */
function naive(
  profile: WorkloadProfile,
  offers: readonly Offer[],
  scenario: Scenario,
  side?: Side,
): { id: string; usd: number } | null {
  let best: { id: string; usd: number; rank: number } | null = null;
  for (const offer of offers) {
    if (side !== undefined && SIDES[offer.market] !== side) continue;
    const e = estimateCost(profile, offer, { tiers, scenario, ratios });
    if (!e.feasible || e.monthlyUsd === null) continue;
    // At the same cost, inside the users' region first, then the lowest id (analysis's preferOffer).
    const rank =
      profile.usersRegion === null || profile.usersRegion === 'global'
        ? 0
        : offer.country !== null && placeIncludesCountry(profile.usersRegion, offer.country)
          ? 0
          : 1;
    if (
      best === null ||
      e.monthlyUsd < best.usd ||
      (e.monthlyUsd === best.usd && (rank < best.rank || (rank === best.rank && offer.id < best.id)))
    ) {
      best = { id: offer.id, usd: e.monthlyUsd, rank };
    }
  }
  return best === null ? null : { id: best.id, usd: best.usd };
}

function validated(input: WorkloadProfileInput): WorkloadProfile {
  const r = validateWorkloadProfile(input);
  if (!r.ok) throw new Error(`generated an invalid profile: ${JSON.stringify(r.issues)}`);
  return r.value;
}

const GPU_TYPES = ['H100', 'h100-pcie', 'A100-80GB', 'A100', 'L40S', 'RTX4090', 'A10G', 'L4', 'T4', 'TPU-v5'];

/** Profiles as users write them, over the ranges where offers differ: GPU, memory, fabric, data, rules. */
const profile: fc.Arbitrary<WorkloadProfile> = fc
  .record(
    {
      id: fc.constant('w'),
      kind: fc.constantFrom(...WORKLOAD_KINDS),
      gpuHoursPerMonth: fc.double({ min: 0, max: 2e5, noNaN: true }),
      jobsPerMonth: fc.double({ min: 0, max: 5000, noNaN: true }),
      hoursPerJob: fc.double({ min: 0.01, max: 1000, noNaN: true }),
      modelParamsBillions: fc.constantFrom(0.5, 1.3, 7, 8, 13, 34, 70, 175, 405),
      precision: fc.constantFrom(...PRECISIONS),
      gpuType: fc.constantFrom(...GPU_TYPES),
      gpusPerReplica: fc.constantFrom(1, 2, 4, 8),
      nodes: fc.constantFrom(1, 1, 2, 4, 16),
      interconnect: fc.constantFrom(...INTERCONNECTS),
      peakToMeanRatio: fc.double({ min: 1, max: 5, noNaN: true }),
      datasetGiB: fc.double({ min: 0, max: 1e5, noNaN: true }),
      egressGiBPerMonth: fc.double({ min: 0, max: 1e5, noNaN: true }),
      dataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
      compliance: fc.subarray([...COMPLIANCE_REQUIREMENTS], { maxLength: 2 }),
      residency: fc.subarray(['EU', 'US', 'DE', 'APAC', 'NA'], { maxLength: 2 }),
      // At equal cost the offer inside the users' region wins (preferOffer): ties between regions are common.
      usersRegion: fc.constantFrom('US', 'EU', 'JP', 'north-america', 'asia', 'global'),
      availabilityTarget: fc.constantFrom(0.5, 0.9, 0.99, 0.999, 0.9999),
      interruptible: fc.boolean(),
      checkpointable: fc.boolean(),
      checkpointMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
      restartMinutes: fc.double({ min: 0, max: 60, noNaN: true }),
      costSensitivity: fc.constantFrom(...COST_SENSITIVITIES),
      horizonMonths: fc.integer({ min: 1, max: 36 }),
      statelessRequests: fc.boolean(),
      gpuPolicy: fc.constantFrom(...GPU_POLICIES),
      allowedPricingCategories: fc.subarray([...PRICING_CATEGORIES], { maxLength: 2 }),
      allowedMarkets: fc.subarray([...MARKETS], { maxLength: 3 }),
      excludedProviders: fc.subarray(['aws', 'vast', 'akash', 'lambda'], { maxLength: 2 }),
    },
    { requiredKeys: ['id', 'kind'] },
  )
  .filter(
    (p) => p.gpuHoursPerMonth !== undefined || (p.jobsPerMonth !== undefined && p.hoursPerJob !== undefined),
  )
  .map((p) => {
    // The schema rejects a demand given twice that disagrees; keep one form when all four are present.
    if (p.gpuHoursPerMonth !== undefined && p.jobsPerMonth !== undefined && p.gpusPerReplica !== undefined) {
      const { jobsPerMonth: _drop, ...rest } = p;
      return validated(rest);
    }
    return validated(p);
  });

const scenario: fc.Arbitrary<Scenario> = fc
  .record(
    {
      subsidies: fc.constantFrom(
        {},
        { akash: { kind: 'none' as const, share: 0.5 } },
        { AKT: { kind: 'linear' as const, share: 0.9, monthsToZero: 6 }, render: { kind: 'none' as const } },
      ),
      tokenPrices: fc.constantFrom({}, { RENDER: { spotUsd: 4.2, annualDrift: 0, annualVolatility: 0.8 } }),
      committedUtilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
      transferMbps: fc.constantFrom(100, 1000),
      placement: fc.constantFrom(
        {},
        { excludedProviders: ['runpod'] },
        { allowedPricingCategories: ['Standard'] },
      ),
      gpuPolicy: fc.constantFrom(...GPU_POLICIES),
    },
    { requiredKeys: [] },
  )
  .map((s) => scenarioSchema.parse(s));

/**
 * A slice of the real catalog with prices moved, and some offers duplicated at exactly the same price under
 * another id (ties must go to the lowest id).
 */
function offersFrom(picks: readonly { at: number; factor: number; tie: boolean }[]): Offer[] {
  const out: Offer[] = [];
  picks.forEach(({ at, factor, tie }, k) => {
    const o = catalog[at % catalog.length]!;
    const moved: Offer = {
      ...o,
      id: `${o.id}#${k}`,
      usdPerGpuHour: o.usdPerGpuHour === null ? null : Math.max(0.01, o.usdPerGpuHour * factor),
    };
    out.push(moved);
    if (tie) out.push({ ...moved, id: `${o.id}#${k}-a` });
  });
  return out;
}

const offerPicks = fc.array(
  fc.record({
    at: fc.nat(),
    factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
    tie: fc.boolean(),
  }),
  { maxLength: 120 },
);

/** Reliability and spot zones as catalogs state them (or leave to the market's defaults), and a price move. */
const reliabilityTerms = fc.record({
  factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
  interruptionsPerHour: fc.option(fc.constantFrom(0, 1e-4, 0.002, 0.03, 0.2, 1, 5), { nil: null }),
  availability: fc.option(fc.constantFrom(0.5, 0.9, 0.97, 0.99, 0.999, 0.9999, 1), { nil: null }),
  zonesWithSpot: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
});

function withReliability(
  o: Offer,
  t: {
    factor: number;
    interruptionsPerHour: number | null;
    availability: number | null;
    zonesWithSpot: number | null;
  },
  k: number,
): Offer {
  return {
    ...o,
    id: `${o.id}#r${k}`,
    usdPerGpuHour: o.usdPerGpuHour === null ? null : Math.max(0.01, o.usdPerGpuHour * t.factor),
    usdPerGpuHourMin: null,
    usdPerGpuHourMax: null,
    interruptionsPerHour: t.interruptionsPerHour,
    availability: t.availability,
    zonesWithSpot: t.zonesWithSpot,
  };
}

describe('cheapestFeasible', () => {
  it('finds exactly the offer the naive loop finds (same id, same monthlyUsd), on the real catalog', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 4 }),
        scenario,
        fc.constantFrom<Side | undefined>(undefined, 'cloud', 'depin'),
        (profiles, s, side) => {
          const options = {
            tiers,
            scenario: s,
            ratios,
            ...(side === undefined ? {} : { markets: marketsOfSide(SIDES, side) }),
          };
          const got = cheapestFeasible(profiles, catalog, options);
          profiles.forEach((p, i) => {
            const want = naive(p, catalog, s, side);
            const g = got[i]!;
            expect(g === null ? null : { id: g.offer.id, usd: g.estimate.monthlyUsd }).toEqual(want);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('matches the naive loop on random, perturbed catalogs with ties, for each side', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 6 }),
        offerPicks,
        scenario,
        fc.constantFrom<Side | undefined>(undefined, 'cloud', 'depin'),
        (profiles, picks, s, side) => {
          const offers = offersFrom(picks);
          const options = {
            tiers,
            scenario: s,
            ratios,
            ...(side === undefined ? {} : { markets: marketsOfSide(SIDES, side) }),
          };
          const got = cheapestFeasible(profiles, offers, options);
          profiles.forEach((p, i) => {
            const g = got[i]!;
            expect(g === null ? null : { id: g.offer.id, usd: g.estimate.monthlyUsd }).toEqual(
              naive(p, offers, s, side),
            );
            // The estimate returned is the one estimateCost gives for that pair.
            if (g !== null)
              expect(g.estimate).toEqual(estimateCost(p, g.offer, { tiers, scenario: s, ratios }));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bounds from below: no feasible offer costs less than its bound, and the pre-filter is feasibility', () => {
    fc.assert(
      fc.property(profile, offerPicks, scenario, (p, picks, s) => {
        for (const offer of offersFrom(picks.slice(0, 30))) {
          const bound = indexOffers([offer], { tiers, scenario: s, ratios }).lowestBound(p);
          // The floor leaves the provider rules (placement lists) to the full estimate; spot for work that is not
          // interruptible it rules out (the group key holds the category).
          // interruptible work (the group key holds the category), and spot capacity that cannot hold the least
          // GPUs the work holds at once (the index knows each group's zones).
          const physical = feasibility(p, offer, { tiers, scenario: s, ratios, skipOfferTerms: true });
          const e = estimateCost(p, offer, { tiers, scenario: s, ratios });
          if (!physical.feasible || interruptibleRule(p, offer) !== null) expect(bound).toBeNull();
          if (e.feasible) expect(bound).not.toBeNull();
          if (bound !== null && e.feasible) expect(bound).toBeLessThanOrEqual(e.monthlyUsd!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a class entry waits in the heap under a bound none of its groups beats', () => {
    // `cheapest` prices offers in bound order only if a class is expanded before any of its groups would be due.
    fc.assert(
      fc.property(profile, fc.option(offerPicks, { nil: undefined }), scenario, (p, picks, s) => {
        const offers = picks === undefined ? catalog : offersFrom(picks);
        const pairs = classAndGroupBounds(offers, { tiers, scenario: s, ratios }, p);
        for (const { classBound, groupBound } of pairs) expect(classBound).toBeLessThanOrEqual(groupBound);
      }),
      { numRuns: 300 },
    );
  });

  it("pricing's gpuHoursFloor bounds the work floor of every offer of the GPU, and is null only when each is", () => {
    // The index keys a GPU's entry by this bound, so it must never exceed what a class of that GPU bills or holds;
    // with the offer's GPUs an instance (`instanceHoursFloor`) too.
    const byGpu = groupBy(catalog, (o) => o.gpu);
    let bounded = 0;
    let tight = 0;
    let tighter = 0;
    fc.assert(
      fc.property(profile, scenario, (p, s) => {
        const options = { tiers, scenario: s, ratios };
        for (const [gpu, offers] of byGpu) {
          const largest = Math.max(...offers.map((o) => o.gpuMemoryGiB));
          const hours = gpuHoursFloor(p, gpu, largest, options);
          const floor = gpuWorkFloor(p, gpu, largest, options);
          expect(floor === null ? null : instanceHoursFloor(p, floor)).toBe(hours);
          for (const o of offers) {
            const work = workFloor(p, o, options);
            if (hours === null) {
              expect(work).toBeNull();
              continue;
            }
            if (work === null) continue;
            bounded++;
            expect(hours).toBeGreaterThanOrEqual(0);
            expect(hours).toBeLessThanOrEqual(work.gpuHours);
            expect(hours).toBeLessThanOrEqual(work.heldGpuHours);
            if (hours === work.gpuHours) tight++;
            const sized = instanceHoursFloor(p, floor!, o.gpusPerInstance);
            expect(sized).toBeGreaterThanOrEqual(hours);
            // Float rounding of the same product taken in another order: far inside costFloorUsd's slack.
            expect(sized).toBeLessThanOrEqual(work.gpuHours * (1 + 1e-12));
            expect(sized).toBeLessThanOrEqual(work.heldGpuHours * (1 + 1e-12));
            if (sized > hours * 1.5) tighter++;
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(bounded).toBeGreaterThan(1000);
    // Not vacuous: for many offers (one GPU an instance, no re-work) the bound is the floor itself, and the
    // instance size raises it far for many others (a service's unit, a whole instance's start-ups).
    expect(tight).toBeGreaterThan(100);
    expect(tighter).toBeGreaterThan(100);
  });

  it('the instance-size bound holds for batches split over, or sharing, an instance with many jobs at once', () => {
    // Many short stated jobs of small models on one node (`statelessRequests`): the work runs split over the slots or
    // as jobs side by side, several at once at the peak, so a run starts on fewer GPUs than the instance has.
    const byGpu = groupBy(catalog, (o) => o.gpu);
    let bounded = 0;
    let below = 0;
    const busy = fc
      .record({
        kind: fc.constantFrom('batch-inference', 'fine-tuning', 'experimentation'),
        jobsPerMonth: fc.integer({ min: 100, max: 20_000 }),
        hoursPerJob: fc.double({ min: 0.05, max: 5, noNaN: true }),
        restartMinutes: fc.double({ min: 1, max: 60, noNaN: true }),
        modelParamsBillions: fc.constantFrom(0.5, 1.3, 7, 8, 13),
        peakToMeanRatio: fc.double({ min: 1, max: 5, noNaN: true }),
        gpuType: fc.constantFrom(...GPU_TYPES),
        gpusPerReplica: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
      })
      .map((r) => validated({ id: 'b', ...r, nodes: 1, statelessRequests: true }));
    fc.assert(
      fc.property(busy, scenario, (p, s) => {
        const options = { tiers, scenario: s, ratios };
        for (const [gpu, offers] of byGpu) {
          const floor = gpuWorkFloor(p, gpu, Math.max(...offers.map((o) => o.gpuMemoryGiB)), options);
          if (floor === null) continue;
          for (const o of offers) {
            const work = workFloor(p, o, options);
            if (work === null) continue;
            bounded++;
            const sized = instanceHoursFloor(p, floor, o.gpusPerInstance);
            expect(sized).toBeLessThanOrEqual(work.gpuHours * (1 + 1e-12));
            // Not vacuous: instances that start on fewer GPUs than they have.
            if (
              sized <
              floor.usefulGpuHours + (p.jobsPerMonth ?? 0) * (p.restartMinutes / 60) * o.gpusPerInstance
            )
              below++;
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(bounded).toBeGreaterThan(1000);
    expect(below).toBeGreaterThan(100);
  });

  it("pricing's placeFeasible refuses only offers feasibility refuses, and one placeKey gets one verdict", () => {
    // The index passes over a class whose place the profile refuses, deciding once per place key.
    const byPlace = groupBy(catalog, placeKey);
    let refused = 0;
    fc.assert(
      fc.property(profile, scenario, (p, s) => {
        const options = { tiers, scenario: s, ratios };
        for (const offers of byPlace.values()) {
          const verdict = placeFeasible(p, offers[0]!);
          for (const o of offers) {
            expect(placeFeasible(p, o)).toBe(verdict);
            if (!verdict) {
              refused++;
              expect(feasibility(p, o, options).feasible).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(byPlace.size).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(1000);
  });

  it('with parts and a ceiling, answers what the naive loop finds at or below the ceiling on those parts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 3 }),
        fc.option(offerPicks, { nil: undefined }),
        scenario,
        fc.constantFrom('cloud', 'depin') as fc.Arbitrary<Side>,
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (profiles, picks, s, side, cut) => {
          const offers = picks === undefined ? catalog : offersFrom(picks);
          const parts = indexOfferParts(offers, { tiers, scenario: s, ratios }, 2, (o) =>
            SIDES[o.market] === 'cloud' ? 0 : 1,
          );
          const k = side === 'cloud' ? 0 : 1;
          for (const p of profiles) {
            const all = naive(p, offers, s, side);
            // A ceiling around the cheapest cost (below, at and above it), or an arbitrary one without an answer.
            const ceiling = all === null ? 1000 * cut : all.usd * cut;
            const got = parts.cheapest(p, { parts: [k], atMostUsd: ceiling });
            expect(got[1 - k]).toBeNull();
            const g = got[k]!;
            const want = all !== null && all.usd <= ceiling ? all : null;
            expect(g === null ? null : { id: g.offer.id, usd: g.estimate.monthlyUsd }).toEqual(want);
            const exact = parts.cheapest(p, { parts: [k], atMostUsd: all?.usd ?? 0 })[k];
            expect(exact === null ? null : exact?.offer.id).toBe(all?.id ?? null);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a ceiling at the cheapest cost finds it where the GPU bound is tight (few offers, no data, property)', () => {
    // The scan leaves out a GPU entry whose bound is above the query's ceiling. With a catalog of a few offers and
    // no data charges a GPU's bound is close to its offer's cost, so a ceiling at that cost is where an entry left
    // out one step too soon (a ceiling scaled down) loses the answer.
    let found = 0;
    fc.assert(
      fc.property(
        profile,
        scenario,
        fc.uniqueArray(fc.nat(1_000_000), { minLength: 1, maxLength: 3 }),
        (p0, s, picks) => {
          const p = { ...p0, datasetGiB: 0, egressGiBPerMonth: 0 };
          const offers = [...new Set(picks.map((i) => catalog[i % catalog.length]!))];
          const parts = indexOfferParts(offers, { tiers, scenario: s, ratios }, 1, () => 0);
          const all = naive(p, offers, s);
          if (all === null) return;
          found++;
          const at = parts.cheapest(p, { atMostUsd: all.usd })[0]!;
          expect(at === null ? null : { id: at.offer.id, usd: at.estimate.monthlyUsd }).toEqual(all);
          expect(parts.cheapest(p, { atMostUsd: all.usd * (1 - 1e-9) - 1e-9 })[0]).toBeNull();
        },
      ),
      { numRuns: 1500 },
    );
    expect(found).toBeGreaterThan(20);
  });

  it("pricing's pre-filter and floor: offers of one costFloorKey share one floor, and no estimate is below it", () => {
    const otherTerms = fc.record({
      factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
      provider: fc.constantFrom('aws', 'vast', 'akash', 'lambda', 'runpod'),
      region: fc.constantFrom('us-east-1', 'eu-west-1', 'any'),
      billingIncrementSeconds: fc.constantFrom(null, 1, 60, 3600),
      minimumBillableSeconds: fc.constantFrom(0, 60, 1200),
    });
    fc.assert(
      fc.property(profile, scenario, fc.nat(), otherTerms, (p, s, at, terms) => {
        const offer = catalog[at % catalog.length]!;
        const { factor, ...rest } = terms;
        const twin: Offer = {
          ...offer,
          ...rest,
          id: `${offer.id}#twin`,
          usdPerGpuHour: offer.usdPerGpuHour === null ? null : Math.max(0.01, offer.usdPerGpuHour * factor),
        };
        expect(costFloorKey(twin)).toBe(costFloorKey(offer));
        const options = { tiers, scenario: s, ratios };
        const floor = costFloor(p, offer, options);
        expect(costFloor(p, twin, options)).toEqual(floor);
        for (const o of [offer, twin]) {
          const e = estimateCost(p, o, options);
          const price = effectivePrice(o, { scenario: s });
          if (e.feasible) {
            expect(floor).not.toBeNull();
            expect(price.ok).toBe(true);
            if (floor !== null && price.ok)
              expect(costFloorUsd(floor, price.usd)).toBeLessThanOrEqual(e.monthlyUsd!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the floor covers commitment waste: no Committed offer of any term costs less than its bound', () => {
    // Any catalog offer made Committed for a random term (shorter, equal or longer than the horizon), under the
    // random scenarios (committedUtilization set or from the demand shape) and profiles (serving and batch).
    let committedFloors = 0;
    fc.assert(
      fc.property(
        profile,
        scenario,
        fc.nat(),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (p, s, at, termMonths, factor) => {
          // Forty catalog offers spread from `at`, so that most profiles meet some they can run on.
          for (let k = 0; k < 40; k++) {
            const base = catalog[(at + k * 67) % catalog.length]!;
            const offer: Offer = {
              ...base,
              id: `${base.id}#committed`,
              pricingCategory: 'Committed',
              termMonths,
              usdPerGpuHour: base.usdPerGpuHour === null ? null : Math.max(0.01, base.usdPerGpuHour * factor),
            };
            const options = { tiers, scenario: s, ratios };
            const floor = costFloor(p, offer, options);
            const e = estimateCost(p, offer, options);
            const price = effectivePrice(offer, { scenario: s });
            if (!e.feasible || floor === null || !price.ok) continue;
            committedFloors++;
            expect(costFloorUsd(floor, price.usd)).toBeLessThanOrEqual(e.monthlyUsd!);
            // Its GPU-hours are never above the billed ones (held × term factor, + redundancy when serving).
            expect(floor.gpuHours).toBeLessThanOrEqual(e.billedGpuHoursPerMonth! * (1 + 1e-9) + 1e-9);
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(committedFloors).toBeGreaterThan(200);
  });

  it('the floor of a Committed batch offer without interruptions is its billed hours (test vector)', () => {
    const s = scenarioSchema.parse({});
    // 100 GPU-hours a month of fine-tuning, peak 2×, 24 months committed on a 12-month horizon: the peak holds
    // one instance all month, so the commitment bills 730 h × GPUs per instance × 2 (term ÷ horizon).
    const p = validated({ id: 'c', kind: 'fine-tuning', gpuHoursPerMonth: 100, horizonMonths: 12 });
    const committed = (o: Offer): Offer => ({
      ...o,
      id: `${o.id}#24`,
      pricingCategory: 'Committed',
      termMonths: 24,
      interruptionsPerHour: 0,
    });
    const offer = catalog
      .filter((o) => o.market === 'hyperscaler' && o.pricingCategory === 'Standard')
      .map(committed)
      .find((o) => estimateCost(p, o, { tiers, scenario: s }).feasible)!;
    const e = estimateCost(p, offer, { tiers, scenario: s });
    expect(e.feasible).toBe(true);
    const floor = costFloor(p, offer, { tiers, scenario: s })!;
    expect(floor.gpuHours).toBeCloseTo(e.billedGpuHoursPerMonth!, 6);
    expect(floor.gpuHours).toBeGreaterThanOrEqual(2 * 730 * offer.gpusPerInstance * (1 - 1e-12));
  });

  it('the floor of a batch of stated jobs counts their start-ups (test vector)', () => {
    const s = scenarioSchema.parse({});
    // 100 one-hour jobs a month, each starting for 12 minutes (restartMinutes, gpufit's start-up assumption), on
    // an offer of the GPU they are stated on with no interruptions and continuous billing. Whole (not split): 100
    // GPU-hours of work + 100 × 0.2 h of start-up = 120. Split over an 8-GPU instance: each job runs as 8 shards
    // side by side (one job at a time), and every shard starts: 100 + 100 × 0.2 × 8 = 260. The floor, and the
    // GPU's bound from its name alone for the 1-GPU offer, are those hours exactly; the 8-GPU offer's GPU bound
    // counts one replica's start-up (120), never more than the class's floor.
    const quiet = (o: Offer): Offer => ({
      ...o,
      id: `${o.id}#s`,
      interruptionsPerHour: 0,
      billingIncrementSeconds: null,
      minimumBillableSeconds: 0,
    });
    const profileOn = (o: Offer, statelessRequests: boolean) =>
      validated({
        id: 's',
        kind: 'batch-inference',
        modelParamsBillions: 7,
        gpuType: o.gpu,
        jobsPerMonth: 100,
        hoursPerJob: 1,
        gpusPerReplica: 1,
        restartMinutes: 12,
        statelessRequests,
      });
    const options = { tiers, scenario: s, ratios };
    const onH100 = (perInstance: number) =>
      catalog
        .filter(
          (o) =>
            o.gpu === 'H100' &&
            o.gpusPerInstance === perInstance &&
            o.pricingCategory === 'Standard' &&
            o.market === 'gpu-cloud',
        )
        .map(quiet)
        .find((o) => estimateCost(profileOn(o, perInstance > 1), o, options).feasible)!;
    for (const [perInstance, hours] of [
      [1, 120],
      [8, 260],
    ] as const) {
      const offer = onH100(perInstance);
      const p = profileOn(offer, perInstance > 1);
      const e = estimateCost(p, offer, options);
      expect(e.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(hours, 9);
      const work = workFloor(p, offer, options)!;
      expect(work.gpuHours).toBeCloseTo(hours, 9);
      expect(work.runGpuHours).toBeCloseTo(100, 9);
      expect(costFloor(p, offer, options)!.gpuHours).toBeCloseTo(hours, 9);
      expect(gpuHoursFloor(p, offer.gpu, offer.gpuMemoryGiB, options)).toBeCloseTo(120, 9);
    }
  });

  it('the floor of a batch of stated jobs is its billed GPU time when nothing else adds (property)', () => {
    // Flexible offers with no interruptions and continuous billing bill the work × packing and the start-ups
    // (`startupGpuHours`), nothing else: the floor must be exactly that (a floor without the start-ups let a
    // search price ten times the offers it needed), and never above the estimate.
    let exact = 0;
    let startups = 0;
    fc.assert(
      fc.property(
        profile
          .filter((p) => workloadKinds[p.kind].pattern !== 'serving' && (p.jobsPerMonth ?? 0) > 0)
          // Every run starts for at least a minute (the generator draws 0 too).
          .map((p) => ({ ...p, restartMinutes: Math.max(1, p.restartMinutes) })),
        scenario,
        fc.nat(),
        (p, s, at) => {
          const options = { tiers, scenario: s, ratios };
          for (let c = 0; c < 20; c++) {
            const o = catalog[(at + c * 67) % catalog.length]!;
            if (isCommitted(o.pricingCategory)) continue;
            const offer: Offer = {
              ...o,
              interruptionsPerHour: 0,
              billingIncrementSeconds: null,
              minimumBillableSeconds: 0,
            };
            const e = estimateCost(p, offer, options);
            const work = workFloor(p, offer, options);
            if (!e.feasible || work === null) continue;
            const billed = e.components.find((x) => x.name === 'gpu-time')!.quantity;
            expect(work.gpuHours).toBeLessThanOrEqual(billed * (1 + 1e-12));
            expect(work.gpuHours).toBeGreaterThanOrEqual(billed * (1 - 1e-12));
            exact++;
            if (work.gpuHours > work.runGpuHours) startups++;
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(exact).toBeGreaterThan(100);
    // Not vacuous: most of them start for a visible share of the month (a tiny jobsPerMonth adds less than an ulp).
    expect(startups).toBeGreaterThan(50);
  });

  it("the floor with the offers' reliability covers re-work, spare serving units and spot capacity", () => {
    // Twins of one catalog offer (one costFloorKey) that differ in reliability and spot zones: the floor of the
    // set (`reliabilityFloors(set)[0]`) is below every twin's real cost, and null only when none can run it.
    let bounded = 0;
    let ruledOut = 0;
    fc.assert(
      fc.property(
        profile,
        scenario,
        fc.nat(),
        fc.array(reliabilityTerms, { minLength: 1, maxLength: 4 }),
        (p, s, at, terms) => {
          // Twenty catalog offers spread from `at`, so that most profiles meet some they can run on.
          for (let c = 0; c < 20; c++) {
            const offer = catalog[(at + c * 67) % catalog.length]!;
            const twins = terms.map((t, k) => withReliability(offer, t, k));
            const options = { tiers, scenario: s, ratios };
            const work = workFloor(p, offer, options);
            if (work === null) continue;
            const floor = costFloorOf(work, p, offer, reliabilityFloors(twins)[0]!);
            if (floor === null) ruledOut++;
            for (const o of twins) {
              const e = estimateCost(p, o, options);
              const price = effectivePrice(o, { scenario: s });
              if (!e.feasible || !price.ok) continue;
              expect(floor).not.toBeNull();
              bounded++;
              expect(costFloorUsd(floor!, price.usd)).toBeLessThanOrEqual(e.monthlyUsd!);
              expect(floor!.gpuHours).toBeLessThanOrEqual(e.billedGpuHoursPerMonth! * (1 + 1e-9) + 1e-9);
              // Never below the floor without reliability: it only adds.
              expect(floor!.gpuHours).toBeGreaterThanOrEqual(costFloorOf(work, p, offer)!.gpuHours);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(bounded).toBeGreaterThan(300);
    expect(ruledOut).toBeGreaterThan(0);
  });

  /**
   * Ten 10-hour jobs a month of one GPU each, restarting from scratch after `restartMinutes` (also each run's
   * start-up), stated in the GPU of a one-GPU marketplace offer interrupted 0.1 times an hour and billed
   * continuously: the offer and the profile (throughput ratio 1, so a job runs 10 h on it).
   */
  function interruptedTenJobs(restartMinutes: number): { p: WorkloadProfile; offer: Offer } {
    const s = scenarioSchema.parse({});
    const profileOn = (o: Offer) =>
      validated({
        id: 'i',
        kind: 'batch-inference',
        gpuType: o.gpu,
        jobsPerMonth: 10,
        hoursPerJob: 10,
        gpusPerReplica: 1,
        interruptible: true,
        checkpointable: false,
        restartMinutes,
      });
    const offer = catalog
      .filter((o) => o.market === 'marketplace' && o.gpusPerInstance === 1)
      .map(
        (o): Offer => ({
          ...o,
          id: `${o.id}#i`,
          interruptionsPerHour: 0.1,
          billingIncrementSeconds: null,
          minimumBillableSeconds: 0,
        }),
      )
      .find((o) => estimateCost(profileOn(o), o, { tiers, scenario: s, ratios }).feasible)!;
    return { p: profileOn(offer), offer };
  }

  it('the floor of a flexible batch offer with interruptions is its billed hours (test vector)', () => {
    const s = scenarioSchema.parse({});
    // Ten 10-hour jobs a month (100 GPU-hours) that restart from scratch, instantly, on a host interrupted 0.1 times
    // an hour (MTBF 10 h): a job's expected run is (M + R)(e^{T/M} − 1) = 10 (e − 1) = 17.18 h, so the month bills
    // 100 × (e − 1) ≈ 171.83 GPU-hours (billed continuously: no rounding), and the floor of that one offer is that.
    const { p, offer } = interruptedTenJobs(0);
    const e = estimateCost(p, offer, { tiers, scenario: s, ratios });
    const used = e.components.find((c) => c.name === 'gpu-time')!.quantity;
    expect(used).toBeCloseTo(100, 9);
    expect(e.billedGpuHoursPerMonth).toBeCloseTo(100 * Math.expm1(1), 6);
    const floor = costFloorOf(
      workFloor(p, offer, { tiers, scenario: s, ratios })!,
      p,
      offer,
      reliabilityOf(offer),
    )!;
    expect(floor.gpuHours).toBeCloseTo(100 * Math.expm1(1), 6);
    // Without the offer's reliability the floor is the work alone.
    expect(costFloor(p, offer, { tiers, scenario: s, ratios })!.gpuHours).toBeCloseTo(100, 9);
  });

  it('with start-ups, re-work inflates the run and not the start-ups (test vector)', () => {
    const s = scenarioSchema.parse({});
    // The vector above with a 30-minute restart, which is also each job's start-up: ten 10-hour jobs restarting
    // from scratch at 0.1 interruptions an hour take (M + R)(e^{T/M} − 1) = 10.5 (e − 1) h each; the month bills
    // the work, 10 × 0.5 h of start-up, and the work's re-work 100 × (1.05 (e − 1) − 1), and the floor of that
    // one offer is exactly that (re-work counted on the start-ups too would put it above the bill).
    const { p, offer } = interruptedTenJobs(30);
    const billed = 100 + 5 + 100 * (1.05 * Math.expm1(1) - 1);
    const e = estimateCost(p, offer, { tiers, scenario: s, ratios });
    expect(e.billedGpuHoursPerMonth).toBeCloseTo(billed, 6);
    const work = workFloor(p, offer, { tiers, scenario: s, ratios })!;
    expect(work.gpuHours).toBeCloseTo(105, 9);
    expect(costFloorOf(work, p, offer, reliabilityOf(offer))!.gpuHours).toBeCloseTo(billed, 6);
  });

  it('matches the naive loop when copies of an offer differ in reliability and spot zones', () => {
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({ at: fc.nat(), copies: fc.array(reliabilityTerms, { minLength: 1, maxLength: 8 }) }),
          {
            maxLength: 25,
          },
        ),
        scenario,
        (profiles, picks, s) => {
          const offers = picks.flatMap(({ at, copies }, k) =>
            copies.map((t, j) => withReliability(catalog[at % catalog.length]!, t, k * 100 + j)),
          );
          const got = cheapestFeasible(profiles, offers, { tiers, scenario: s, ratios });
          profiles.forEach((p, i) => {
            const g = got[i]!;
            expect(g === null ? null : { id: g.offer.id, usd: g.estimate.monthlyUsd }).toEqual(
              naive(p, offers, s),
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("pricing's gpuFeasible refuses a GPU only when feasibility refuses every offer of it", () => {
    const byGpu = groupBy(catalog, (o) => o.gpu);
    let refused = 0;
    let admitted = 0;
    fc.assert(
      fc.property(profile, scenario, (p, s) => {
        const options = { tiers, scenario: s, ratios };
        for (const [gpu, offers] of byGpu) {
          if (gpuFeasible(p, gpu, options)) {
            admitted++;
            continue;
          }
          refused++;
          for (const o of offers) expect(feasibility(p, o, options).feasible).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(admitted).toBeGreaterThan(100);
  });

  // Any task, as the conversion reads it (whether the kind has it is the schema's concern).
  const task = fc.constantFrom(null, ...WORKLOAD_TASKS);
  it("feasibility's kept GPU conversions equal throughputConversion asked afresh, profile after profile", () => {
    const gpus = [...new Set(catalog.map((o) => o.gpu))];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profile, task, task, scenario), { minLength: 1, maxLength: 3 }),
        (asked) => {
          // Profiles in a row, each with one task, another and the first again (kept answers must not cross tasks),
          // and the whole run twice, so kept answers of one profile meet the next.
          const runs = asked.flatMap(([p, t, u, s]) => [
            [{ ...p, task: t }, s] as const,
            [{ ...p, task: u }, s] as const,
            [{ ...p, task: t }, s] as const,
          ]);
          for (const [p, s] of [...runs, ...runs]) {
            const options = { tiers, scenario: s, ratios };
            const demandTier = referenceGpu(p, tiers)?.tier;
            for (const gpu of gpus) {
              const kept = gpuConversion(p, gpu, options);
              const offerTier = tiers.get(gpu);
              if (
                demandTier === undefined ||
                offerTier === undefined ||
                !precisionSupport(offerTier, p.precision).runs
              ) {
                expect(kept).toBe(null);
                continue;
              }
              const fresh = throughputConversion({
                policy: p.gpuPolicy ?? s.gpuPolicy,
                throughputClass: workloadKinds[p.kind].throughputClass,
                modelParamsBillions: p.modelParamsBillions,
                precision: p.precision,
                task: p.task,
                demandTier,
                named: p.gpuType !== null,
                latencyBound: workloadKinds[p.kind].pattern === 'serving' && p.p99LatencyMs !== null,
                offerTier,
                ratios,
                explain: false,
              });
              expect(kept).toEqual(fresh.ok ? { demandTier, ratio: fresh.value.ratio } : null);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a query's gpuWorkFloorsOf equals gpuWorkFloor for every GPU, with other profiles asked in between", () => {
    // The index's scan works out the profile's part once a query (demand GPU, replica, reference hours, the kept
    // conversions) and asks it for every GPU name: the answers must be gpuWorkFloor's, GPU by GPU, even when another
    // profile's floors are asked between two GPUs (the kept conversions of the last key move on).
    const byGpu = [...groupBy(catalog, (o) => o.gpu)].map(
      ([gpu, offers]) => [gpu, Math.max(...offers.map((o) => o.gpuMemoryGiB))] as const,
    );
    let floors = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profile, task, scenario), { minLength: 2, maxLength: 4 }),
        fc.constantFrom(...GPU_POLICIES),
        (asked, other) => {
          const runs = asked.map(([p, t, s]) => ({
            p: { ...p, task: t },
            options: { tiers, scenario: s, ratios },
          }));
          for (const [i, { p, options }] of runs.entries()) {
            const fast = gpuWorkFloorsOf(p, options);
            const between = runs[(i + 1) % runs.length]!;
            for (const [j, [gpu, largest]] of byGpu.entries()) {
              // Another profile, and the same one under another GPU policy, asked in between.
              if (j % 3 === 1) gpuWorkFloor(between.p, gpu, largest, between.options);
              if (j % 3 === 2) gpuWorkFloor({ ...p, gpuPolicy: other }, gpu, largest, options);
              const slow = gpuWorkFloor(p, gpu, largest, options);
              expect(fast(gpu, largest)).toEqual(slow);
              if (slow !== null) floors++;
            }
          }
        },
      ),
      { numRuns: 100 },
    );
    expect(floors).toBeGreaterThan(1000);
  });

  it('workFloor with placeChecked equals workFloor for every offer placeFeasible admits', () => {
    fc.assert(
      fc.property(profile, scenario, (p, s) => {
        const options = { tiers, scenario: s, ratios, verdictOnly: true, skipOfferTerms: true } as const;
        for (const o of catalog.slice(0, 400)) {
          if (!placeFeasible(p, o)) continue;
          expect(workFloor(p, o, { ...options, placeChecked: true })).toEqual(workFloor(p, o, options));
        }
      }),
      { numRuns: 50 },
    );
  });

  it("an offer's egress price, kept per tier schedule, equals tieredEgressUsd for any run of amounts", () => {
    const tiered = catalog.filter((o) => o.egressTiers !== null && o.egressTiers.length > 0);
    expect(tiered.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(tiered.length - 1),
            fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (asks) => {
          for (const [i, gib] of [...asks, ...asks]) {
            const o = tiered[i]!;
            // A workload's GiB start after the account's free allowance (freeEgressAllowanceGiB).
            const allowance = freeEgressAllowanceGiB(o.egressTiers!);
            expect(offerFacts(o).egressUsd(gib)).toBe(tieredEgressUsd(allowance + gib, o.egressTiers!));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns null when nothing is feasible, and nothing for no profiles', () => {
    const s = scenarioSchema.parse({});
    // 100,000B parameters of fp32 training state: no instance of the catalog holds one replica.
    const p = validated({
      id: 'huge',
      kind: 'fine-tuning',
      gpuHoursPerMonth: 100,
      modelParamsBillions: 100_000,
    });
    expect(cheapestFeasible([p], catalog, { tiers, scenario: s })).toEqual([null]);
    expect(cheapestFeasible([p], [], { tiers, scenario: s })).toEqual([null]);
    expect(cheapestFeasible([], catalog, { tiers, scenario: s })).toEqual([]);
  });

  it('keeps to the side asked for', () => {
    const s = scenarioSchema.parse({});
    const p = validated({ id: 'b', kind: 'batch-inference', gpuHoursPerMonth: 500 });
    for (const side of ['cloud', 'depin'] as const) {
      const markets = marketsOfSide(SIDES, side);
      const [best] = cheapestFeasible([p], catalog, { tiers, scenario: s, markets });
      expect(best).not.toBeNull();
      expect(SIDES[best!.offer.market]).toBe(side);
    }
  });

  it('never mutates its inputs', () => {
    const s = scenarioSchema.parse({});
    const offers = catalog.slice(0, 200);
    const profiles = [validated({ id: 'r', kind: 'realtime-inference', gpuHoursPerMonth: 2000 })];
    const before = structuredClone([profiles, offers]);
    cheapestFeasible(Object.freeze(profiles), Object.freeze(offers), { tiers, scenario: s });
    expect([profiles, offers]).toEqual(before);
  });
});

describe("analyze()'s default offer search (indexes, then the rejection tally of a side without an option)", () => {
  it('gives the workload analysis of pricing every offer, unavailable sentences included (property)', () => {
    const base = (s: Scenario, offers: readonly Offer[]) =>
      ({ offers, tiers, ratios, scenario: s, monteCarlo: false, deep: false }) as const;
    const everyOffer = (
      s: Scenario,
      offers: readonly Offer[],
    ): ((p: WorkloadProfile) => ReturnType<ReturnType<typeof createWorkloadAnalyzer>>) => {
      const estimate = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, { tiers, scenario: s, ratios });
      const screen = (p: WorkloadProfile, o: Offer) =>
        estimateCost(p, o, { tiers, scenario: s, ratios, explain: false });
      const sides = sidesOfMarkets(s.decision.decentralizedMarkets);
      return createWorkloadAnalyzer({
        ...base(s, offers),
        findBest: (p) => explained(bestOffers(p, offers, screen, sides), p, estimate),
      });
    };
    fc.assert(
      fc.asyncProperty(
        fc.array(profile, { minLength: 1, maxLength: 4 }),
        fc.option(offerPicks, { nil: undefined }),
        scenario,
        async (profiles, picks, s) => {
          const offers = picks === undefined ? catalog : offersFrom(picks);
          const fast = createWorkloadAnalyzer(base(s, offers));
          const slow = everyOffer(s, offers);
          for (const p of profiles) {
            const [a, b] = [await fast(p), await slow(p)];
            expect(a.workload).toEqual(b.workload);
            expect(a.workload.decision.unavailable).toBeDefined();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("under random interruption multipliers, the analyzer's indexes give the naive loop's winners over the scaled offers (property)", async () => {
    const multipliers = fc.dictionary(
      fc.constantFrom(...MARKETS),
      fc.oneof(fc.constant(1), fc.double({ min: 0, max: 20, noNaN: true })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(profile, { minLength: 1, maxLength: 4 }),
        fc.option(offerPicks, { nil: undefined }),
        scenario,
        multipliers,
        async (profiles, picks, s0, m) => {
          const s = { ...s0, interruptionRateMultipliers: m };
          const offers = picks === undefined ? catalog : offersFrom(picks);
          const scaled = offersWithInterruptionMultipliers(offers, m);
          const fast = createWorkloadAnalyzer({
            offers,
            tiers,
            ratios,
            scenario: s,
            monteCarlo: false,
            deep: false,
          });
          for (const p of profiles) {
            const got = (await fast(p)).workload.decision;
            for (const side of ['cloud', 'depin'] as const) {
              const want = naive(p, scaled, s, side);
              const g = got[side];
              if (g?.mix !== undefined && want !== null) {
                // A committed base with on-demand bursts (committedBaseChoice.ts) replaces the single winner, which
                // the rationale names: the index's winner is the naive loop's, and the mix costs less.
                expect(got.rationale).toContain(`against ${usd(want.usd)} on the cheapest single offer`);
                expect(g.cost.monthlyUsd!).toBeLessThan(want.usd);
                continue;
              }
              expect(g === null ? null : { id: g.offer.id, usd: g.cost.monthlyUsd }).toEqual(want);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
