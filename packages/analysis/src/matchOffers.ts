import {
  type CostFloor,
  costFloor,
  costFloorKey,
  costFloorUsd,
  effectivePrice,
  estimateCost,
  type GpuTierTable,
  type ThroughputRatioTable,
} from '@gpufit/pricing';
import type { Market, Offer, Scenario, WorkloadProfile } from '@gpufit/schema';
import type { SideBest } from './bestOffers.js';

export interface CheapestFeasibleOptions {
  /** GPU tiers, as `estimateCost` takes them. */
  readonly tiers: GpuTierTable;
  /** Measured throughput ratios, as `estimateCost` takes them. */
  readonly ratios?: ThroughputRatioTable;
  /** The resolved scenario, as `estimateCost` takes it (month 0, its subsidy shares and token spot prices). */
  readonly scenario?: Scenario;
  /** Only offers of these markets; default: every offer. */
  readonly markets?: ReadonlySet<Market>;
}

/**
 * Offers that `costFloor` cannot tell apart (the same `costFloorKey`). They differ in price (sorted cheapest
 * first), provider, pricing category, region, reliability and billing, which only the full estimate reads (an
 * offer it refuses on them — spot for non-interruptible work, a provider the placement lists exclude — is simply
 * passed over).
 */
export interface OfferGroup {
  readonly index: number;
  readonly offers: Offer[];
  /** USD per GPU-hour after the subsidy share at month 0, parallel to `offers`. */
  readonly effectiveUsd: number[];
}

/** How much work the last queries did, for benchmarks and tuning. */
export interface MatchStats {
  /** `estimateCost` calls. */
  estimates: number;
  /** Offer groups that passed the feasibility pre-filter. */
  feasibleGroups: number;
  profiles: number;
}

/**
 * The catalog indexed once for many "cheapest feasible offer" queries; see `cheapestFeasible`. Build it with
 * `indexOffers` and call `cheapest(profile)` per workload (a streaming analysis keeps only the index).
 */
export interface OfferIndex {
  cheapest(profile: WorkloadProfile): SideBest | null;
  /**
   * The least `monthlyUsd` any indexed offer could have for this profile (the smallest lower bound), or null
   * when no offer passes the feasibility pre-filter. Never above the cheapest feasible offer's real cost.
   */
  lowestBound(profile: WorkloadProfile): number | null;
  readonly groups: number;
  readonly offers: number;
  readonly stats: MatchStats;
}

/**
 * The cheapest feasible offer for each profile by `estimateCost`'s `monthlyUsd` (ties: lowest offer id), exactly
 * what pricing every offer and keeping the cheapest gives (`bestOffers`), found by branch and bound:
 *
 * 1. Index once: offers with a known price grouped by pricing's `costFloorKey` (see `OfferGroup`), each
 *    group sorted by effective price e (pricing's `effectivePrice` at month 0, net of the subsidy).
 * 2. Per profile, each group's first offer gets pricing's `costFloor` — its feasibility pre-filter (null when
 *    `feasibility` rules it out, for the whole group) and lower bound: `costFloorUsd(floor, e)` ≤ `monthlyUsd`
 *    for every offer of the group.
 * 3. Offers are priced with `estimateCost` in ascending bound order across groups (a heap keyed by each group's
 *    next bound); the search stops when the next bound exceeds the best cost found, since no offer left can then
 *    be cheaper or tie.
 *
 * The rules live in pricing only (the effective price, feasibility, the work conversion, the floor and what it
 * reads); the fast-check properties in gpufit's test/match.test.ts check that the answers equal the naive loop's.
 * Scenario price adjustments are not supported (they can lower a price arbitrarily). Pure apart from the index's
 * scratch.
 */
export function cheapestFeasible(
  profiles: readonly WorkloadProfile[],
  offers: readonly Offer[],
  options: CheapestFeasibleOptions,
): (SideBest | null)[] {
  const index = indexOffers(offers, options);
  const out: (SideBest | null)[] = new Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) out[i] = index.cheapest(profiles[i]!);
  return out;
}

/** Indexes a catalog for `cheapest(profile)` queries (see `cheapestFeasible`). */
export function indexOffers(offers: readonly Offer[], options: CheapestFeasibleOptions): OfferIndex {
  const { tiers, scenario, ratios } = options;
  const groups = buildGroups(offers, options);
  let indexed = 0;
  for (const g of groups) indexed += g.offers.length;

  // Scratch for one query: a binary min-heap of (bound, group) with each group's next offer position.
  const heapBound = new Float64Array(groups.length);
  const heapGroup = new Int32Array(groups.length);
  const groupFloor: (CostFloor | null)[] = new Array(groups.length).fill(null);
  const groupPos = new Int32Array(groups.length);
  const estimateOptions = {
    tiers,
    ...(scenario === undefined ? {} : { scenario }),
    ...(ratios === undefined ? {} : { ratios }),
  };
  // Candidates are priced without their sentences (`explain: false`, the same numbers); the winner is priced
  // again in full, so callers get exactly what `estimateCost` gives.
  const screenOptions = { ...estimateOptions, explain: false };
  const floorOptions = { ...estimateOptions, verdictOnly: true, skipOfferTerms: true };
  const stats: MatchStats = { estimates: 0, feasibleGroups: 0, profiles: 0 };

  /** Fills the heap with every group the profile may run on, keyed by its cheapest offer's bound. */
  function scan(profile: WorkloadProfile): number {
    let heapSize = 0;
    for (const g of groups) {
      const floor = costFloor(profile, g.offers[0]!, floorOptions);
      if (floor === null) continue;
      const gi = g.index;
      groupFloor[gi] = floor;
      groupPos[gi] = 0;
      heapSize = heapPush(heapBound, heapGroup, heapSize, costFloorUsd(floor, g.effectiveUsd[0]!), gi);
    }
    return heapSize;
  }

  function cheapest(profile: WorkloadProfile): SideBest | null {
    stats.profiles++;
    let heapSize = scan(profile);
    stats.feasibleGroups += heapSize;
    let best: Offer | null = null;
    let bestUsd = Number.POSITIVE_INFINITY;
    while (heapSize > 0 && heapBound[0]! <= bestUsd) {
      const gi = heapGroup[0]!;
      const g = groups[gi]!;
      const pos = groupPos[gi]!;
      const offer = g.offers[pos]!;
      stats.estimates++;
      const estimate = estimateCost(profile, offer, screenOptions);
      const usd = estimate.monthlyUsd;
      if (estimate.feasible && usd !== null) {
        if (usd < bestUsd || (usd === bestUsd && best !== null && offer.id < best.id)) {
          best = offer;
          bestUsd = usd;
        }
      }
      if (pos + 1 < g.offers.length) {
        groupPos[gi] = pos + 1;
        heapBound[0] = costFloorUsd(groupFloor[gi]!, g.effectiveUsd[pos + 1]!);
        siftDown(heapBound, heapGroup, heapSize, 0);
      } else {
        heapSize--;
        if (heapSize > 0) {
          heapBound[0] = heapBound[heapSize]!;
          heapGroup[0] = heapGroup[heapSize]!;
          siftDown(heapBound, heapGroup, heapSize, 0);
        }
      }
    }
    return best === null ? null : { offer: best, estimate: estimateCost(profile, best, estimateOptions) };
  }

  function lowestBound(profile: WorkloadProfile): number | null {
    return scan(profile) > 0 ? heapBound[0]! : null;
  }

  return { cheapest, lowestBound, groups: groups.length, offers: indexed, stats };
}

/** The index's groups, each sorted by effective price (exported for tests; not in the package's API). */
export function buildGroups(offers: readonly Offer[], options: CheapestFeasibleOptions): OfferGroup[] {
  const { scenario, markets } = options;
  const byKey = new Map<string, { group: OfferGroup; rows: { offer: Offer; usd: number }[] }>();
  for (const offer of offers) {
    if (markets !== undefined && !markets.has(offer.market)) continue;
    // Month-0 USD per GPU-hour as `estimateCost` charges it net of the incentive subsidy (pricing's
    // `effectivePrice`, the rule the estimate applies); an offer it refuses (an unknown price) is refused for
    // every profile.
    const price = effectivePrice(offer, scenario === undefined ? {} : { scenario });
    if (!price.ok) continue;
    const key = costFloorKey(offer);
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { group: { index: byKey.size, offers: [], effectiveUsd: [] }, rows: [] };
      byKey.set(key, entry);
    }
    entry.rows.push({ offer, usd: price.usd });
  }
  const groups: OfferGroup[] = [];
  for (const { group, rows } of byKey.values()) {
    rows.sort((a, b) => a.usd - b.usd || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0));
    for (const r of rows) {
      group.offers.push(r.offer);
      group.effectiveUsd.push(r.usd);
    }
    groups.push(group);
  }
  return groups;
}

function heapPush(bound: Float64Array, group: Int32Array, size: number, b: number, g: number): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (bound[parent]! <= b) break;
    bound[i] = bound[parent]!;
    group[i] = group[parent]!;
    i = parent;
  }
  bound[i] = b;
  group[i] = g;
  return size + 1;
}

function siftDown(bound: Float64Array, group: Int32Array, size: number, at: number): void {
  const b = bound[at]!;
  const g = group[at]!;
  let i = at;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && bound[right]! < bound[left]! ? right : left;
    if (bound[child]! >= b) break;
    bound[i] = bound[child]!;
    group[i] = group[child]!;
    i = child;
  }
  bound[i] = b;
  group[i] = g;
}
