import {
  type CostFloor,
  costFloorKey,
  costFloorOf,
  costFloorUsd,
  effectivePrice,
  estimateCost,
  type GpuTierTable,
  type GpuWorkFloor,
  gpuWorkFloorsOf,
  instanceHoursFloor,
  placeFeasible,
  placeKey,
  type ReliabilityFloor,
  reliabilityFloors,
  type ThroughputRatioTable,
  type WorkFloor,
  workFloor,
  workFloorKey,
} from '@gpufit/pricing';
import {
  isTermCommitment,
  type Market,
  type Offer,
  type Scenario,
  type WorkloadProfile,
} from '@gpufit/schema';
import type { SideBest } from './bestOffers.js';
import { preferOffer } from './preferOffer.js';

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
  /** Which of the index's parts the group's offers belong to (`indexOfferParts`); 0 for `indexOffers`. */
  readonly part: number;
  /** Groups of one `workFloorKey` share pricing's `workFloor` (one feasibility check per class and profile). */
  readonly workClass: number;
  readonly offers: Offer[];
  /** USD per GPU-hour after the subsidy share at month 0, parallel to `offers`. */
  readonly effectiveUsd: number[];
  /**
   * Parallel to `offers`: pricing's `reliabilityFloors`, the reliability of the offers from that one on, which
   * the group's floor counts (interruption re-work, spare serving units) once the offers before are priced.
   */
  readonly reliability: ReliabilityFloor[];
}

/** How much work the last queries did, for benchmarks and tuning. */
export interface MatchStats {
  /** `estimateCost` calls. */
  estimates: number;
  /**
   * Offer groups whose floor was computed: the groups of every class (one `workFloorKey`, one part) that passed
   * the feasibility pre-filter and whose class bound reached the top of its part's heap.
   */
  feasibleGroups: number;
  /** Classes (one `workFloorKey`) whose `workFloor` was computed, and class entries that reached a heap's top. */
  classFloors: number;
  classesExpanded: number;
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
 * The cheapest feasible offer for each profile by `estimateCost`'s `monthlyUsd` (ties: `preferOffer`, inside the
 * users' region, then the lowest offer id), exactly what pricing every offer and keeping the cheapest gives
 * (`bestOffers`), found by branch and bound:
 *
 * 1. Index once: offers with a known price grouped by pricing's `costFloorKey` (see `OfferGroup`), each
 *    group sorted by effective price e (pricing's `effectivePrice` at month 0, net of the subsidy).
 * 2. Per profile, each group's first offer gets pricing's `costFloor` — its feasibility pre-filter (null when
 *    `feasibility` rules it out, for the whole group) and lower bound: `costFloorUsd(floor, e)` ≤ `monthlyUsd`
 *    for every offer of the group. The floor counts the reliability of the offers not yet priced (pricing's
 *    `reliabilityFloors`: their least interruption rate, highest availability, most spot zones), so it grows as
 *    the cheap but unreliable offers of a group are passed, and is null once spot capacity rules out the rest.
 * 3. Offers are priced with `estimateCost` in ascending bound order across groups (a heap keyed by each group's
 *    next bound); the search stops when the next bound exceeds the best cost found, since no offer left can then
 *    be cheaper or tie. A group enters the heap only when its class (the groups of one `workFloorKey`, which share
 *    the feasibility check) reaches the top under a bound none of its groups beats: the class's cheapest price
 *    over the least GPU-hours its floors count, no data charges. A class enters it only when its GPU's entry
 *    reaches the top: one per GPU and count of GPUs an instance, keyed by pricing's `instanceHoursFloor` (the
 *    least GPU-hours any offer of that GPU and instance size bills or holds, from the GPU's name, the size and
 *    `gpuWorkFloor`, computed once per GPU) times the price of its cheapest class not yet taken out, so the
 *    classes get their `workFloor` one at a time, cheapest first. Most GPUs and classes never get there, so most
 *    floors are never computed.
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
  const parts = indexOfferParts(offers, options, 1, () => 0);
  return {
    cheapest: (profile) => parts.cheapest(profile)[0]!,
    lowestBound: (profile) => parts.lowestBound(profile)[0]!,
    groups: parts.groups,
    offers: parts.offers,
    stats: parts.stats,
  };
}

/** Several disjoint `OfferIndex`es over one catalog, answered together; see `indexOfferParts`. */
export interface OfferParts {
  /**
   * The cheapest feasible offer of each part (index = part), as `OfferIndex.cheapest` gives it for that part.
   * With `query.parts`, just those parts are searched (the others' answers are null); with `query.atMostUsd`, an
   * offer is an answer only when its `monthlyUsd` is at most that (null when the cheapest costs more), which
   * lets the search stop at that cost.
   */
  cheapest(profile: WorkloadProfile, query?: PartsQuery): (SideBest | null)[];
  lowestBound(profile: WorkloadProfile): (number | null)[];
  readonly groups: number;
  readonly offers: number;
  readonly stats: MatchStats;
}

/** What `OfferParts.cheapest` searches: some parts only, and only offers costing at most some amount. */
export interface PartsQuery {
  readonly parts?: readonly number[];
  readonly atMostUsd?: number;
}

/**
 * One index for `count` disjoint parts of a catalog (`partOf(offer)` in 0..count−1, or −1 to leave an offer
 * out): each part's answer is exactly what `indexOffers` over that part's offers gives, but the parts share one
 * scan per profile — pricing's `workFloor` (the feasibility check) is computed once per `workFloorKey` class
 * across every part and group, and each group is finished with `costFloorOf` (its data prices, category and
 * term) when its class's entry reaches the top of its part's heap.
 */
export function indexOfferParts(
  offers: readonly Offer[],
  options: CheapestFeasibleOptions,
  count: number,
  partOf: (offer: Offer) => number,
): OfferParts {
  if (!(count >= 1 && count <= 30)) throw new RangeError(`indexOfferParts: ${count} parts (1 to 30)`);
  const { groups, classes } = groupOffers(offers, options, partOf);
  let indexed = 0;
  for (const g of groups) indexed += g.offers.length;

  // Scratch for one query: per part a binary min-heap of (bound, group) in a slice of shared arrays, with each
  // group's next offer position; per class the query's work floor.
  const heapBound = new Float64Array(groups.length);
  const heapGroup = new Int32Array(groups.length);
  const partStart = new Int32Array(count + 1);
  for (const g of groups) partStart[g.part + 1]!++;
  for (let k = 0; k < count; k++) partStart[k + 1]! += partStart[k]!;
  const heapSize = new Int32Array(count);
  // Per group: the floor without reliability (valid for every offer of the group), the floor its heap key was
  // computed from, and whether that one counts the reliability of the offers left (`tight`).
  const groupBasic: (CostFloor | null)[] = new Array(groups.length).fill(null);
  const groupFloor: (CostFloor | null)[] = new Array(groups.length).fill(null);
  const groupTight = new Uint8Array(groups.length);
  const groupPos = new Int32Array(groups.length);
  const classWork: (WorkFloor | null)[] = new Array(classes).fill(null);
  // The query (a count) that computed each class's `classWork` (one floor serves every part the class is in).
  const classQuery = new Int32Array(classes).fill(-1);
  let queryId = 0;
  const classGroups = groupsByClass(groups, classes);
  const { classParts, partsOfClass } = classPartsOf(classGroups);
  // Classes by GPU name (the first offer's spelling; one tier key each) and GPUs an instance, with per part the
  // least month-0 price of its classes' offers: a scan asks pricing's `gpuWorkFloor` once per GPU name (null when
  // `gpuFeasible` refuses it) and `instanceHoursFloor` once per instance size, and pushes one entry per GPU, size
  // and part, keyed by a bound none of its offers can beat; the classes get their `workFloor`s only when that
  // entry reaches the top of its part's heap.
  const { names, gpus } = gpuEntriesOf(classGroups, classParts, partsOfClass);
  const nameFloor: (GpuWorkFloor | null)[] = new Array(names.length).fill(null);
  const nameQuery = new Int32Array(names.length).fill(-1);
  const gpuParts = gpus.flatMap((g) => g.parts);
  // Heap entries: a group's index (≥ 0), a class part (−1 − its index), a GPU part (−1 − classParts − its index).
  const firstGpuEntry = -1 - classParts.length;
  const estimateOptions = estimateOptionsOf(options);
  // Candidates are priced without their sentences (`explain: false`, the same numbers); the winner is priced
  // again in full, so callers get exactly what `estimateCost` gives.
  const screenOptions = { ...estimateOptions, explain: false };
  const floorOptions = floorOptionsOf(estimateOptions);
  // A class's `workFloor` is asked only once `placeAllows` passed its place, so feasibility need not check it again.
  const classFloorOptions = { ...floorOptions, placeChecked: true } as const;
  const stats: MatchStats = {
    estimates: 0,
    feasibleGroups: 0,
    classFloors: 0,
    classesExpanded: 0,
    profiles: 0,
  };

  // Per GPU part and query: its next class (cheapest first) to take out, and per GPU its hours floor.
  const gpuTaken = new Int32Array(gpuParts.length);
  // The query's ceiling (`PartsQuery.atMostUsd`): an entry keyed above it can never reach the top (the search
  // stops at a bound above the best cost found, which starts at the ceiling), so it is not pushed.
  let ceiling = Number.POSITIVE_INFINITY;
  const gpuHours = new Float64Array(gpus.length);
  // Each class's place (pricing's `placeKey`), and per place and query the place rules' verdict
  // (`placeFeasible`): a class whose place the profile refuses is passed over without its `workFloor`.
  const placeIds = new Map<string, number>();
  const classPlace = Int32Array.from(classGroups, (ofClass) => {
    const key = placeKey(ofClass[0]!.offers[0]!);
    let id = placeIds.get(key);
    if (id === undefined) {
      id = placeIds.size;
      placeIds.set(key, id);
    }
    return id;
  });
  const placeQuery = new Int32Array(placeIds.size).fill(-1);
  const placeOk = new Uint8Array(placeIds.size);
  function placeAllows(profile: WorkloadProfile, c: number): boolean {
    const place = classPlace[c]!;
    if (placeQuery[place] !== queryId) {
      placeQuery[place] = queryId;
      placeOk[place] = placeFeasible(profile, classGroups[c]![0]!.offers[0]!) ? 1 : 0;
    }
    return placeOk[place] === 1;
  }
  /** The first class of `gp` from position `from` whose place the profile may use (its length when none). */
  function nextAllowed(profile: WorkloadProfile, gp: GpuPart, from: number): number {
    let i = from;
    while (i < gp.classes.length && !placeAllows(profile, gp.classes[i]!)) i++;
    return i;
  }

  /**
   * Fills each wanted part's heap (`wanted`: a bit per part) with an entry per GPU the profile may run on, instance
   * size and part, keyed by pricing's `instanceHoursFloor` × the least price of its classes there; `expandGpu`
   * takes its classes out one at a time, cheapest first, as it reaches the top, and `expand` a class's groups.
   */
  function scan(profile: WorkloadProfile, wanted: number, atMostUsd: number): void {
    heapSize.fill(0);
    ceiling = atMostUsd;
    queryId++;
    // What the profile alone decides (its demand GPU, replica, reference hours, kept conversions), once a query.
    const gpuFloor = gpuWorkFloorsOf(profile, floorOptions);
    for (let i = 0; i < gpus.length; i++) {
      const gpu = gpus[i]!;
      if ((gpu.partMask & wanted) === 0) continue;
      const name = gpu.name;
      if (nameQuery[name] !== queryId) {
        nameQuery[name] = queryId;
        const { gpu: spelling, largestMemoryGiB } = names[name]!;
        nameFloor[name] = gpuFloor(spelling, largestMemoryGiB);
      }
      const floor = nameFloor[name]!;
      if (floor === null) continue;
      const hours = instanceHoursFloor(profile, floor, gpu.gpusPerInstance);
      gpuHours[i] = hours;
      for (const gp of gpu.parts) {
        const part = gp.part;
        if (((wanted >>> part) & 1) === 0) continue;
        // Above the query's ceiling even at its cheapest class (they are sorted by price): never at the top.
        if (hoursBound(hours, gp.leastUsd[0]!) > atMostUsd) continue;
        const first = nextAllowed(profile, gp, 0);
        if (first === gp.classes.length) continue;
        gpuTaken[gp.index] = first;
        heapSize[part] = heapPush(
          heapBound,
          heapGroup,
          partStart[part]!,
          heapSize[part]!,
          hoursBound(hours, gp.leastUsd[first]!),
          firstGpuEntry - gp.index,
        );
      }
    }
  }

  /**
   * The GPU entry `gp` was just removed from the heap at `base`: its cheapest class not yet taken (one whose place
   * the profile may use) gets its `workFloor` (once per class and query: a class's floor serves every part) and,
   * when the profile may run on it, an entry keyed by `classBound`; the GPU's entry goes back with the next such
   * class's price, a bound for every class left (they are sorted by price).
   */
  function expandGpu(profile: WorkloadProfile, gp: GpuPart, base: number, size: number): number {
    const taken = gpuTaken[gp.index]!;
    const c = gp.classes[taken]!;
    if (classQuery[c] !== queryId) {
      classQuery[c] = queryId;
      classWork[c] = workFloor(profile, classGroups[c]![0]!.offers[0]!, classFloorOptions);
      stats.classFloors++;
    }
    let n = size;
    const work = classWork[c] ?? null;
    if (work !== null) {
      const cp = gp.classParts[taken]!;
      n = heapPush(heapBound, heapGroup, base, n, classBound(work, classParts[cp]!), -1 - cp);
    }
    // The classes left cost at least the next one's price: none can be an answer above the ceiling.
    if (taken + 1 < gp.classes.length && hoursBound(gpuHours[gp.gpu]!, gp.leastUsd[taken + 1]!) <= ceiling) {
      const next = nextAllowed(profile, gp, taken + 1);
      if (next < gp.classes.length) {
        gpuTaken[gp.index] = next;
        const bound = hoursBound(gpuHours[gp.gpu]!, gp.leastUsd[next]!);
        n = heapPush(heapBound, heapGroup, base, n, bound, firstGpuEntry - gp.index);
      }
    }
    return n;
  }

  /** Replaces the entry at the top of the heap at `base` (a GPU or a class) by what it stands for. */
  function expandTop(profile: WorkloadProfile, base: number, size: number): number {
    const e = heapGroup[base]!;
    const rest = removeTop(heapBound, heapGroup, base, size);
    return e <= firstGpuEntry
      ? expandGpu(profile, gpuParts[firstGpuEntry - e]!, base, rest)
      : expand(profile, -1 - e, base, rest);
  }

  /**
   * Replaces the class entry `cp` (just removed from the heap at `base`) by its groups, each keyed by its cheapest
   * offer's floor without reliability (`cheapestOfPart` counts that when the group first reaches the top).
   */
  function expand(profile: WorkloadProfile, cp: number, base: number, size: number): number {
    const { workClass, groups: ofClass } = classParts[cp]!;
    const work = classWork[workClass]!;
    stats.classesExpanded++;
    let n = size;
    for (const g of ofClass) {
      const floor = costFloorOf(work, profile, g.offers[0]!);
      if (floor === null) continue;
      const gi = g.index;
      groupBasic[gi] = floor;
      groupFloor[gi] = floor;
      groupTight[gi] = 0;
      groupPos[gi] = 0;
      stats.feasibleGroups++;
      n = heapPush(heapBound, heapGroup, base, n, costFloorUsd(floor, g.effectiveUsd[0]!), gi);
    }
    return n;
  }

  function cheapestOfPart(profile: WorkloadProfile, part: number, atMostUsd: number): SideBest | null {
    const base = partStart[part]!;
    let size = heapSize[part]!;
    let best: Offer | null = null;
    // Until an offer is found, the ceiling stands in for its cost: no offer bounded above it can be an answer.
    let bestUsd = atMostUsd;
    while (size > 0 && heapBound[base]! <= bestUsd) {
      const gi = heapGroup[base]!;
      if (gi < 0) {
        size = expandTop(profile, base, size);
        continue;
      }
      const g = groups[gi]!;
      const pos = groupPos[gi]!;
      if (groupTight[gi] === 0) {
        // First time at the top with these offers left: count their reliability (cheaper than an estimate, and
        // needed only for the groups that get this far). It can only raise the key, or rule the rest out.
        groupTight[gi] = 1;
        const tight = costFloorOf(classWork[g.workClass]!, profile, g.offers[pos]!, g.reliability[pos]!);
        if (tight === null) {
          size = removeTop(heapBound, heapGroup, base, size);
          continue;
        }
        groupFloor[gi] = tight;
        const bound = costFloorUsd(tight, g.effectiveUsd[pos]!);
        if (bound > heapBound[base]!) {
          heapBound[base] = bound;
          siftDown(heapBound, heapGroup, base, size, 0);
          continue;
        }
      }
      const offer = g.offers[pos]!;
      stats.estimates++;
      const estimate = estimateCost(profile, offer, screenOptions);
      const usd = estimate.monthlyUsd;
      if (estimate.feasible && usd !== null && usd <= bestUsd) {
        if (preferOffer(profile, usd, offer, bestUsd, best)) {
          best = offer;
          bestUsd = usd;
        }
      }
      if (pos + 1 < g.offers.length) {
        groupPos[gi] = pos + 1;
        // The offers left may be more reliable than those priced: back to the floor without reliability until
        // the group is at the top again.
        if (g.reliability[pos + 1] !== g.reliability[pos]) {
          groupFloor[gi] = groupBasic[gi]!;
          groupTight[gi] = 0;
        }
        heapBound[base] = costFloorUsd(groupFloor[gi]!, g.effectiveUsd[pos + 1]!);
        siftDown(heapBound, heapGroup, base, size, 0);
      } else size = removeTop(heapBound, heapGroup, base, size);
    }
    heapSize[part] = size;
    return best === null ? null : { offer: best, estimate: estimateCost(profile, best, estimateOptions) };
  }

  const everyPart = (1 << count) - 1;

  function cheapest(profile: WorkloadProfile, query: PartsQuery = {}): (SideBest | null)[] {
    stats.profiles++;
    let wanted = everyPart;
    if (query.parts !== undefined) {
      wanted = 0;
      for (const k of query.parts) wanted |= 1 << k;
    }
    const atMost = query.atMostUsd ?? Number.POSITIVE_INFINITY;
    scan(profile, wanted, atMost);
    const out: (SideBest | null)[] = new Array(count);
    for (let k = 0; k < count; k++)
      out[k] = ((wanted >>> k) & 1) === 0 ? null : cheapestOfPart(profile, k, atMost);
    return out;
  }

  function lowestBound(profile: WorkloadProfile): (number | null)[] {
    scan(profile, everyPart, Number.POSITIVE_INFINITY);
    const out: (number | null)[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const base = partStart[k]!;
      let size = heapSize[k]!;
      // GPU and class entries at the top give way to what they stand for, so the answer is the least group floor.
      while (size > 0 && heapGroup[base]! < 0) size = expandTop(profile, base, size);
      heapSize[k] = size;
      out[k] = size > 0 ? heapBound[base]! : null;
    }
    return out;
  }

  return { cheapest, lowestBound, groups: groups.length, offers: indexed, stats };
}

/** The index's groups, each sorted by effective price (exported for tests; not in the package's API). */
export function buildGroups(offers: readonly Offer[], options: CheapestFeasibleOptions): OfferGroup[] {
  return groupOffers(offers, options, () => 0).groups;
}

function groupOffers(
  offers: readonly Offer[],
  options: CheapestFeasibleOptions,
  partOf: (offer: Offer) => number,
): { groups: OfferGroup[]; classes: number } {
  const { scenario, markets } = options;
  const byKey = new Map<
    string,
    { index: number; part: number; workClass: number; rows: { offer: Offer; usd: number }[] }
  >();
  const classes = new Map<string, number>();
  // Grouped by part first, so each part's groups are contiguous (their heaps are slices of one array).
  const keyed: { part: number; offer: Offer; usd: number; key: string }[] = [];
  for (const offer of offers) {
    if (markets !== undefined && !markets.has(offer.market)) continue;
    const part = partOf(offer);
    if (part < 0) continue;
    // Month-0 USD per GPU-hour as `estimateCost` charges it net of the incentive subsidy (pricing's
    // `effectivePrice`, the rule the estimate applies); an offer it refuses (an unknown price) is refused for
    // every profile.
    const price = effectivePrice(offer, scenario === undefined ? {} : { scenario });
    if (!price.ok) continue;
    keyed.push({ part, offer, usd: price.usd, key: `${part}\u0001${costFloorKey(offer)}` });
  }
  keyed.sort((a, b) => a.part - b.part);
  for (const { part, offer, usd, key } of keyed) {
    let entry = byKey.get(key);
    if (entry === undefined) {
      const classKey = workFloorKey(offer);
      let workClass = classes.get(classKey);
      if (workClass === undefined) {
        workClass = classes.size;
        classes.set(classKey, workClass);
      }
      entry = { index: byKey.size, part, workClass, rows: [] };
      byKey.set(key, entry);
    }
    entry.rows.push({ offer, usd });
  }
  const groups: OfferGroup[] = [];
  for (const { index, part, workClass, rows } of byKey.values())
    groups.push({ index, part, workClass, ...cheapestFirst(rows) });
  return { groups, classes: classes.size };
}

/**
 * Offers of one group cheapest first by effective price (ties to the lowest id), with each position's reliability
 * floor (pricing's `reliabilityFloors` of the offers from there on). Sorts `rows` in place.
 */
export function cheapestFirst(
  rows: { offer: Offer; usd: number }[],
): Pick<OfferGroup, 'offers' | 'effectiveUsd' | 'reliability'> {
  rows.sort((a, b) => a.usd - b.usd || (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0));
  const offers = rows.map((r) => r.offer);
  return { offers, effectiveUsd: rows.map((r) => r.usd), reliability: reliabilityFloors(offers) };
}

/** `estimateCost`'s options from the index's (tiers, and the scenario and ratios when given). */
function estimateOptionsOf({ tiers, scenario, ratios }: CheapestFeasibleOptions) {
  return {
    tiers,
    ...(scenario === undefined ? {} : { scenario }),
    ...(ratios === undefined ? {} : { ratios }),
  };
}

/** What pricing's `workFloor` wants: the verdict only, the offer's own terms left to the estimate. */
function floorOptionsOf(estimateOptions: ReturnType<typeof estimateOptionsOf>) {
  return { ...estimateOptions, verdictOnly: true, skipOfferTerms: true } as const;
}

/** The groups of each class (`workClass` 0 … classes − 1), in index order. */
function groupsByClass(groups: readonly OfferGroup[], classes: number): OfferGroup[][] {
  const byClass: OfferGroup[][] = Array.from({ length: classes }, () => []);
  for (const g of groups) byClass[g.workClass]!.push(g);
  return byClass;
}

/** Each class's groups (`classGroups[c]`) split by part: the parts, and the indexes of each class's parts. */
function classPartsOf(classGroups: readonly (readonly OfferGroup[])[]): {
  classParts: ClassPart[];
  partsOfClass: number[][];
} {
  const classParts: ClassPart[] = [];
  const partsOfClass: number[][] = classGroups.map(() => []);
  for (const [c, ofClass] of classGroups.entries()) {
    const byPart = new Map<number, ClassPart>();
    for (const g of ofClass) {
      let cp = byPart.get(g.part);
      if (cp === undefined) {
        cp = {
          workClass: c,
          part: g.part,
          groups: [],
          flexibleUsd: Number.POSITIVE_INFINITY,
          committedUsd: Number.POSITIVE_INFINITY,
        };
        byPart.set(g.part, cp);
        partsOfClass[c]!.push(classParts.length);
        classParts.push(cp);
      }
      cp.groups.push(g);
      const usd = g.effectiveUsd[0]!;
      if (isTermCommitment(g.offers[0]!)) cp.committedUsd = Math.min(cp.committedUsd, usd);
      else cp.flexibleUsd = Math.min(cp.flexibleUsd, usd);
    }
  }
  return { classParts, partsOfClass };
}

/**
 * For tests (not in the package's API): for `profile`, each group's key in the heap (its cheapest offer's floor
 * without reliability) beside the bound of the class entry it waits behind.
 */
export function classAndGroupBounds(
  offers: readonly Offer[],
  options: CheapestFeasibleOptions,
  profile: WorkloadProfile,
): { readonly classBound: number; readonly groupBound: number }[] {
  const { groups, classes } = groupOffers(offers, options, () => 0);
  const floorOptions = floorOptionsOf(estimateOptionsOf(options));
  const out: { classBound: number; groupBound: number }[] = [];
  for (const cp of classPartsOf(groupsByClass(groups, classes)).classParts) {
    const work = workFloor(profile, cp.groups[0]!.offers[0]!, floorOptions);
    if (work === null) continue;
    const bound = classBound(work, cp);
    for (const g of cp.groups) {
      const floor = costFloorOf(work, profile, g.offers[0]!);
      if (floor !== null)
        out.push({ classBound: bound, groupBound: costFloorUsd(floor, g.effectiveUsd[0]!) });
    }
  }
  return out;
}

/**
 * One GPU's classes that have groups in one part, sorted by the least month-0 price of their offers there
 * (parallel arrays: the class, its `ClassPart`, that price).
 */
interface GpuPart {
  /** Position in the index's list of every GPU's parts. */
  readonly index: number;
  /** The GPU's position in the index's list of GPUs. */
  readonly gpu: number;
  readonly part: number;
  readonly classes: number[];
  readonly classParts: number[];
  readonly leastUsd: number[];
}

/**
 * One GPU name: the first offer's spelling (offers of one GPU differ at most in case and spaces around it) and the
 * most memory any of its offers' GPUs has (`gpuWorkFloor`).
 */
interface GpuName {
  readonly gpu: string;
  readonly largestMemoryGiB: number;
}

/** The classes of one GPU name with one count of GPUs an instance, by part (`instanceHoursFloor`). */
interface GpuEntry {
  /** Position in the index's list of GPU names. */
  readonly name: number;
  readonly gpusPerInstance: number;
  /** A bit per part the entry has offers in. */
  readonly partMask: number;
  readonly parts: GpuPart[];
}

/** The classes of each GPU name (trimmed, lower case) and instance size, with their parts (see `GpuEntry`). */
function gpuEntriesOf(
  classGroups: readonly (readonly OfferGroup[])[],
  classParts: readonly ClassPart[],
  partsOfClass: readonly (readonly number[])[],
): { names: GpuName[]; gpus: GpuEntry[] } {
  const names: { gpu: string; largestMemoryGiB: number }[] = [];
  const nameOf = new Map<string, number>();
  // Per GPU name and instance size: the name's position and (class part, price) pairs by part.
  const byKey = new Map<
    string,
    { name: number; gpusPerInstance: number; parts: Map<number, { cp: number; usd: number }[]> }
  >();
  for (const [c, ofClass] of classGroups.entries()) {
    const first = ofClass[0]!.offers[0]!;
    const nameKey = first.gpu.trim().toLowerCase();
    let name = nameOf.get(nameKey);
    if (name === undefined) {
      name = names.length;
      names.push({ gpu: first.gpu, largestMemoryGiB: 0 });
      nameOf.set(nameKey, name);
    }
    names[name]!.largestMemoryGiB = Math.max(names[name]!.largestMemoryGiB, first.gpuMemoryGiB);
    const key = `${nameKey}\u0000${first.gpusPerInstance}`;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { name, gpusPerInstance: first.gpusPerInstance, parts: new Map() };
      byKey.set(key, entry);
    }
    for (const cp of partsOfClass[c]!) {
      const { part, flexibleUsd, committedUsd } = classParts[cp]!;
      let list = entry.parts.get(part);
      if (list === undefined) {
        list = [];
        entry.parts.set(part, list);
      }
      list.push({ cp, usd: Math.min(flexibleUsd, committedUsd) });
    }
  }
  const out: GpuEntry[] = [];
  let index = 0;
  for (const { name, gpusPerInstance, parts } of byKey.values()) {
    const ofGpu: GpuPart[] = [];
    let partMask = 0;
    for (const [part, list] of [...parts.entries()].sort((a, b) => a[0] - b[0])) {
      list.sort((a, b) => a.usd - b.usd || a.cp - b.cp);
      partMask |= 1 << part;
      ofGpu.push({
        index: index++,
        gpu: out.length,
        part,
        classes: list.map((x) => classParts[x.cp]!.workClass),
        classParts: list.map((x) => x.cp),
        leastUsd: list.map((x) => x.usd),
      });
    }
    out.push({ name, gpusPerInstance, partMask, parts: ofGpu });
  }
  return { names, gpus: out };
}

/** One class's groups in one part, and the least month-0 price of their flexible and Committed offers. */
interface ClassPart {
  readonly workClass: number;
  readonly part: number;
  readonly groups: OfferGroup[];
  flexibleUsd: number;
  committedUsd: number;
}

/**
 * A bound no group of `cp` can beat: `costFloorUsd` of its cheapest offer's price over the least GPU-hours any of
 * its floors counts (flexible offers bill at least the work's GPU-hours, Committed ones at least what the
 * commitment holds, times a term factor ≥ 1) and no data charges (≥ 0). Every step of `costFloorUsd` is monotone,
 * so with prices and hours ≥ 0 it is never above a group's floor, float rounding included; otherwise −Infinity
 * (the class is expanded first).
 */
function classBound(work: WorkFloor, cp: ClassPart): number {
  let bound = Number.POSITIVE_INFINITY;
  if (cp.flexibleUsd !== Number.POSITIVE_INFINITY) bound = hoursBound(work.gpuHours, cp.flexibleUsd);
  if (cp.committedUsd !== Number.POSITIVE_INFINITY)
    bound = Math.min(bound, hoursBound(work.heldGpuHours, cp.committedUsd));
  return bound;
}

function hoursBound(gpuHours: number, usd: number): number {
  return gpuHours >= 0 && usd >= 0 ? costFloorUsd({ gpuHours, dataUsd: 0 }, usd) : Number.NEGATIVE_INFINITY;
}

function heapPush(
  bound: Float64Array,
  group: Int32Array,
  base: number,
  size: number,
  b: number,
  g: number,
): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (bound[base + parent]! <= b) break;
    bound[base + i] = bound[base + parent]!;
    group[base + i] = group[base + parent]!;
    i = parent;
  }
  bound[base + i] = b;
  group[base + i] = g;
  return size + 1;
}

/** Drops the heap's top; returns the new size. */
function removeTop(bound: Float64Array, group: Int32Array, base: number, size: number): number {
  const last = size - 1;
  if (last > 0) {
    bound[base] = bound[base + last]!;
    group[base] = group[base + last]!;
    siftDown(bound, group, base, last, 0);
  }
  return last;
}

function siftDown(bound: Float64Array, group: Int32Array, base: number, size: number, at: number): void {
  const b = bound[base + at]!;
  const g = group[base + at]!;
  let i = at;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && bound[base + right]! < bound[base + left]! ? right : left;
    if (bound[base + child]! >= b) break;
    bound[base + i] = bound[base + child]!;
    group[base + i] = group[base + child]!;
    i = child;
  }
  bound[base + i] = b;
  group[base + i] = g;
}
