import {
  ALLOWED_HOSTING,
  EGRESS_DEFAULTS,
  estimateCost,
  type GpuTier,
  type GpuTierTable,
  gpusForModel,
  initialSubsidyShare,
  modelMemoryGiB,
  relativeThroughput,
  tieredEgressUsd,
} from '@gpufit/pricing';
import type { EgressTier, Offer, Scenario, Side, WorkloadProfile } from '@gpufit/schema';
import {
  COMPLIANCE_REQUIREMENTS,
  HOSTINGS,
  HOURS_PER_MONTH,
  INTERCONNECTS,
  placeIncludesCountry,
  workloadKinds,
} from '@gpufit/schema';
import { SIDE_OF_MARKET, type SideBest } from './bestOffers.js';

export interface CheapestFeasibleOptions {
  /** GPU tiers, as `estimateCost` takes them. */
  readonly tiers: GpuTierTable;
  /** The resolved scenario, as `estimateCost` takes it (month 0, its subsidy shares and token spot prices). */
  readonly scenario?: Scenario;
  /** Only offers of this side (`SIDE_OF_MARKET`); default: every offer. */
  readonly side?: Side;
}

/**
 * A lower bound on the real cost must never exceed it; float error in `estimateCost`'s sums (and its 1e-9 slack
 * when counting whole units) is far below one part in a million, so bounds are shrunk by that much.
 */
const BOUND_SLACK = 1 - 1e-6;
const NVLINK = INTERCONNECTS.indexOf('nvlink');
const COMPLIANCE_BIT = new Map<string, number>(COMPLIANCE_REQUIREMENTS.map((c, i) => [c, 1 << i]));
const HOSTING_BIT = new Map<string, number>(HOSTINGS.map((h, i) => [h, 1 << i]));

/**
 * Offers that `feasibility` cannot tell apart and that charge the same for data: same GPU tier, memory, GPUs per
 * instance, fabric, certifications, country, hosting, egress and ingress prices. Its offers are sorted by
 * effective price, cheapest first.
 */
interface OfferGroup {
  /** Position in the index's group list. */
  readonly index: number;
  readonly tier: GpuTier;
  readonly gpuKey: string;
  readonly gpuMemoryGiB: number;
  readonly gpusPerInstance: number;
  /** Interconnect rank the offer provides (an NVLink tier in a multi-GPU instance counts as NVLink). */
  readonly offeredInterconnect: number;
  readonly certificationMask: number;
  readonly hostingBit: number;
  readonly country: string | null;
  /** Egress tiers, or null for the flat `egressFlatUsdPerGiB` (the offer's, else its market's default). */
  readonly egressTiers: readonly EgressTier[] | null;
  readonly egressFlatUsdPerGiB: number;
  readonly ingressUsdPerGiB: number;
  readonly offers: Offer[];
  /** USD per GPU-hour after the incentive-token move and the subsidy share, parallel to `offers`. */
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
 * 1. Index once: offers with a known price and a GPU in the tier table, grouped by everything `feasibility`
 *    reads (GPU tier, memory, GPUs per instance, fabric, certifications, country, hosting), each group sorted by
 *    effective price e = list × incentive-token ratio × (1 − subsidy share).
 * 2. Per profile, each group is checked once with the same rules as `feasibility` (GPU family, memory, fabric,
 *    certifications, residency, hosting) and given H = the GPU-hours a month the profile bills at least on it:
 *    useful hours (demand ÷ relative throughput) × instance packing, and for serving at least one whole unit
 *    (nodes × GPUs per instance × 730 h). Then e × H ≤ `monthlyUsd` for every offer of the group, because
 *    `estimateCost`'s GPU lines sum to price × (1 − share) × billed hours with billed = used + interruption
 *    overhead + redundancy + commitment waste (each ≥ 0), and the other lines (egress, ingress, checkpoint sync)
 *    are ≥ 0. Scenario price adjustments are not supported here (they can lower a price arbitrarily).
 * 3. Offers are priced with `estimateCost` in ascending bound order across groups (a heap keyed by each group's
 *    next bound); the search stops when the next bound exceeds the best cost found, since no offer left can then
 *    be cheaper or tie.
 *
 * The pre-filter and the bound restate pricing's rules (feasibilityDetail, estimateCost's used hours): when those
 * change, `scan` must follow — the fast-check properties in test/match.test.ts (same answers as the naive loop,
 * bound ≤ cost, pre-filter = `feasibility`) fail until it does. Pure apart from the index's scratch.
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
  const { tiers, scenario } = options;
  const groups = buildGroups(offers, options);
  let indexed = 0;
  for (const g of groups) indexed += g.offers.length;

  // Per gpuType named by a profile: which groups are of that GPU's family (`h100` covers `h100-pcie`), where a
  // stated gpusPerReplica counts as measured.
  const families = new Map<string, Uint8Array>();
  const familyOf = (key: string): Uint8Array => {
    let hit = families.get(key);
    if (hit === undefined) {
      hit = Uint8Array.from(groups, (g) => (g.gpuKey === key || g.gpuKey.startsWith(`${key}-`) ? 1 : 0));
      families.set(key, hit);
    }
    return hit;
  };
  const residencyCache = new Map<string, Map<string, boolean>>();

  // Scratch for one query: a binary min-heap of (bound, group) with each group's next offer position.
  const heapBound = new Float64Array(groups.length);
  const heapGroup = new Int32Array(groups.length);
  const groupHours = new Float64Array(groups.length);
  const groupDataUsd = new Float64Array(groups.length);
  const groupPos = new Int32Array(groups.length);
  const estimateOptions = scenario === undefined ? { tiers } : { tiers, scenario };
  // Candidates are priced without their sentences (`explain: false`, the same numbers); the winner is priced
  // again in full, so callers get exactly what `estimateCost` gives.
  const screenOptions = { ...estimateOptions, explain: false };
  const stats: MatchStats = { estimates: 0, feasibleGroups: 0, profiles: 0 };

  /** Fills the heap with every group the profile may run on, keyed by its cheapest offer's bound. */
  function scan(profile: WorkloadProfile): number {
    const kind = workloadKinds[profile.kind];
    const memoryGiB = modelMemoryGiB(profile.modelParamsBillions, profile.precision, kind.phase);
    const nodes = profile.nodes;
    const fixedGpus = profile.gpusPerReplica;
    const interconnectRank = INTERCONNECTS.indexOf(profile.interconnect);
    let complianceMask = 0;
    for (const c of profile.compliance) complianceMask |= COMPLIANCE_BIT.get(c) ?? 1 << 30;
    let hostingMask = 0;
    for (const h of ALLOWED_HOSTING[profile.dataSensitivity]) hostingMask |= HOSTING_BIT.get(h) ?? 0;
    const residency = profile.residency.length > 0 ? residencyLookup(profile.residency) : null;
    const gpuTypeKey = profile.gpuType === null ? null : profile.gpuType.trim().toLowerCase();
    const family = gpuTypeKey === null ? null : familyOf(gpuTypeKey);
    const namedTier = gpuTypeKey === null ? tiers.reference : tiers.get(gpuTypeKey);
    const throughputClass = kind.throughputClass;
    const serving = kind.pattern === 'serving';
    const resultGiB = profile.egressGiBPerMonth;
    const ingressGiB = profile.datasetGiB / profile.horizonMonths;

    let heapSize = 0;
    for (const g of groups) {
      if ((g.hostingBit & hostingMask) === 0) continue;
      if ((complianceMask & ~g.certificationMask) !== 0) continue;
      if (residency !== null && (g.country === null || !residency(g.country))) continue;
      // Memory and fabric, as `feasibility` decides them: a stated gpusPerReplica (on the gpuType, else the
      // reference GPU) caps the memory estimate, and counts as the replica's size on a GPU of that family.
      const demandTier = namedTier ?? g.tier;
      const footprintGiB =
        fixedGpus === null ? memoryGiB : Math.min(memoryGiB, fixedGpus * nodes * demandTier.memoryGiB);
      const needed = gpusForModel(footprintGiB, g.gpuMemoryGiB, nodes);
      const sameGpu = family === null || family[g.index] === 1;
      const gpus = fixedGpus !== null && sameGpu ? Math.max(fixedGpus, needed) : needed;
      if (gpus > g.gpusPerInstance) continue;
      const required = Math.min(
        interconnectRank,
        nodes > 1 ? Number.POSITIVE_INFINITY : gpus > 1 ? NVLINK : 0,
      );
      if (g.offeredInterconnect < required) continue;

      // Least GPU-hours billed a month on this group, computed as `estimateCost` computes used hours.
      const demandGpus = fixedGpus ?? gpusForModel(memoryGiB, demandTier.memoryGiB, nodes);
      const referenceGpuHours =
        profile.gpuHoursPerMonth ?? (profile.jobsPerMonth ?? 0) * profile.hoursPerJob * demandGpus * nodes;
      const rel =
        relativeThroughput(g.tier, throughputClass) / relativeThroughput(demandTier, throughputClass);
      const perInstance = g.gpusPerInstance;
      const packing = nodes > 1 ? perInstance / gpus : perInstance / (Math.floor(perInstance / gpus) * gpus);
      let hours = (referenceGpuHours / rel) * packing;
      if (serving) hours = Math.max(hours, nodes * perInstance * HOURS_PER_MONTH);
      // Result egress and dataset ingress, charged exactly as `estimateCost` charges them.
      const egressUsd =
        g.egressTiers === null
          ? resultGiB * g.egressFlatUsdPerGiB
          : tieredEgressUsd(resultGiB, g.egressTiers);
      const dataUsd = egressUsd + ingressGiB * g.ingressUsdPerGiB;

      const gi = g.index;
      groupHours[gi] = hours * BOUND_SLACK;
      groupDataUsd[gi] = dataUsd * BOUND_SLACK;
      groupPos[gi] = 0;
      heapSize = heapPush(
        heapBound,
        heapGroup,
        heapSize,
        g.effectiveUsd[0]! * groupHours[gi]! + groupDataUsd[gi]!,
        gi,
      );
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
        heapBound[0] = g.effectiveUsd[pos + 1]! * groupHours[gi]! + groupDataUsd[gi]!;
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

  function residencyLookup(places: readonly string[]): (country: string) => boolean {
    const key = places.join(';');
    let byCountry = residencyCache.get(key);
    if (byCountry === undefined) {
      byCountry = new Map();
      residencyCache.set(key, byCountry);
    }
    const memo = byCountry;
    return (country) => {
      let hit = memo.get(country);
      if (hit === undefined) {
        hit = places.some((place) => placeIncludesCountry(place, country));
        memo.set(country, hit);
      }
      return hit;
    };
  }

  function lowestBound(profile: WorkloadProfile): number | null {
    return scan(profile) > 0 ? heapBound[0]! : null;
  }

  return { cheapest, lowestBound, groups: groups.length, offers: indexed, stats };
}

function buildGroups(offers: readonly Offer[], options: CheapestFeasibleOptions): OfferGroup[] {
  const { tiers, scenario, side } = options;
  const byKey = new Map<string, { group: OfferGroup; rows: { offer: Offer; usd: number }[] }>();
  for (const offer of offers) {
    if (side !== undefined && SIDE_OF_MARKET[offer.market] !== side) continue;
    // `feasibility` rejects an unknown price and a GPU missing from the tier table for every profile.
    if (offer.usdPerGpuHour === null) continue;
    const tier = tiers.get(offer.gpu);
    if (tier === undefined) continue;
    let certificationMask = 0;
    for (const c of offer.certifications) certificationMask |= COMPLIANCE_BIT.get(c) ?? 0;
    const offeredInterconnect = Math.max(
      INTERCONNECTS.indexOf(offer.interconnect),
      tier.interconnect === 'nvlink' && offer.gpusPerInstance > 1 ? NVLINK : 0,
    );
    const gpuKey = offer.gpu.trim().toLowerCase();
    const egressTiers = offer.egressTiers !== null && offer.egressTiers.length > 0 ? offer.egressTiers : null;
    const egressFlatUsdPerGiB = offer.egressUsdPerGiB ?? EGRESS_DEFAULTS[offer.market].usdPerGiB;
    const key = [
      gpuKey,
      offer.gpuMemoryGiB,
      offer.gpusPerInstance,
      offeredInterconnect,
      certificationMask,
      offer.country ?? '',
      offer.hosting,
      egressTiers === null ? egressFlatUsdPerGiB : JSON.stringify(egressTiers),
      offer.ingressUsdPerGiB,
    ].join('\u0000');
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = {
        group: {
          index: byKey.size,
          tier,
          gpuKey,
          gpuMemoryGiB: offer.gpuMemoryGiB,
          gpusPerInstance: offer.gpusPerInstance,
          offeredInterconnect,
          certificationMask,
          hostingBit: HOSTING_BIT.get(offer.hosting) ?? 0,
          country: offer.country,
          egressTiers,
          egressFlatUsdPerGiB,
          ingressUsdPerGiB: offer.ingressUsdPerGiB,
          offers: [],
          effectiveUsd: [],
        },
        rows: [],
      };
      byKey.set(key, entry);
    }
    entry.rows.push({ offer, usd: effectiveUsdPerGpuHour(offer, scenario) });
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

/**
 * Month-0 USD per GPU-hour as `estimateCost` charges it net of the incentive subsidy: list price × (1 − subsidy
 * share). (A token-denominated price is scaled by the token's price ratio, which is exactly 1 at month 0.)
 */
function effectiveUsdPerGpuHour(offer: Offer, scenario: Scenario | undefined): number {
  return (offer.usdPerGpuHour ?? 0) * (1 - initialSubsidyShare(offer, scenario));
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
