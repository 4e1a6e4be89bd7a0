import {
  bookedAheadDays,
  costFloorKey,
  costFloorOf,
  costFloorUsd,
  type EstimateCostOptions,
  effectivePrice,
  type ReliabilityFloor,
  type WorkFloor,
  workFloor,
  workFloorKey,
} from '@gpufit/pricing';
import { isTermCommitment, type Offer, type WorkloadProfile } from '@gpufit/schema';
import type { BestOffers, SideBest } from './bestOffers.js';
import { cheapestFirst } from './matchOffers.js';

type Estimator = (profile: WorkloadProfile, offer: Offer) => SideBest['estimate'];

/** Which offers partner a committed base: on-demand offers (its bursts), or term commitments (its base). */
export type PartnerKind = 'on-demand' | 'committed';

/** Offers of one `costFloorKey` among one provider's, GPU's and region's partners, cheapest effective price first. */
interface PartnerGroup {
  readonly offers: readonly Offer[];
  /** Month-0 USD per GPU-hour net of the subsidy (pricing's `effectivePrice`), parallel to `offers`. */
  readonly effectiveUsd: readonly number[];
  /** Pricing's `reliabilityFloors` of `offers`: the reliability of the offers from that one on. */
  readonly reliability: readonly ReliabilityFloor[];
  /** The offers' `workFloorKey` (one `workFloor` per key and profile). */
  readonly workKey: string;
}

/** One provider's, GPU's, region's and kind's partners: every one in catalog order, and the priced ones grouped. */
interface PartnerBucket {
  readonly all: Offer[];
  groups: PartnerGroup[] | null;
}

/**
 * The cheapest feasible partner of one provider, GPU type and region (by `screen`'s monthlyUsd, ties to the
 * lowest id), or null; see `partnerSearch`.
 */
export interface PartnerSearch {
  cheapest(
    profile: WorkloadProfile,
    of: Pick<Offer, 'provider' | 'gpu' | 'region'>,
    kind: PartnerKind,
    screen: Estimator,
  ): Offer | null;
  /** `screen` calls so far (for tests and benchmarks). */
  readonly stats: { screened: number };
}

const onDemand = (o: Offer) =>
  !isTermCommitment(o) && o.pricingCategory === 'Standard' && bookedAheadDays(o) === null;

/**
 * A committed base's partners indexed once per catalog (`offers`, those of the cloud side), for many searches.
 * With `bounded` (estimate options without a scenario's price formulas, which pricing's cost floor does not
 * bound), a search walks each `costFloorKey` group of the wanted offers cheapest effective price first, in order of
 * pricing's cost floor at that price — the floor of the group's offers not yet screened, their reliability counted
 * (`reliabilityFloors`: interruption re-work, a service's spare units), as the offer index's is — and stops when
 * the least floor is above the cheapest found, which no offer left can then beat or tie. Offers without a known
 * price are never feasible and are left out. Without `bounded`, every wanted offer is screened.
 * Either way the answer is the same: the least monthlyUsd, ties to the lowest id.
 */
export function partnerSearch(offers: readonly Offer[], bounded: EstimateCostOptions | null): PartnerSearch {
  const buckets = new Map<string, PartnerBucket>();
  for (const o of offers) {
    const kind: PartnerKind | null = isTermCommitment(o) ? 'committed' : onDemand(o) ? 'on-demand' : null;
    if (kind === null) continue;
    const key = bucketKey(o, kind);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, { all: [o], groups: null });
    else bucket.all.push(o);
  }
  const scenario = bounded?.scenario === undefined ? {} : { scenario: bounded.scenario };
  // A bucket's groups, made when it is first searched (most buckets never are).
  const groupsOf = (bucket: PartnerBucket): readonly PartnerGroup[] => {
    if (bucket.groups !== null) return bucket.groups;
    const byFloorKey = new Map<string, { workKey: string; rows: { offer: Offer; usd: number }[] }>();
    for (const o of bucket.all) {
      const price = effectivePrice(o, scenario);
      if (!price.ok) continue;
      const floorKey = costFloorKey(o);
      let entry = byFloorKey.get(floorKey);
      if (entry === undefined) {
        entry = { workKey: workFloorKey(o), rows: [] };
        byFloorKey.set(floorKey, entry);
      }
      entry.rows.push({ offer: o, usd: price.usd });
    }
    const groups: PartnerGroup[] = [];
    for (const { workKey, rows } of byFloorKey.values()) groups.push({ workKey, ...cheapestFirst(rows) });
    bucket.groups = groups;
    return groups;
  };

  const stats = { screened: 0 };
  const floorOptions =
    bounded === null ? null : ({ ...bounded, verdictOnly: true, skipOfferTerms: true } as const);
  // The work floors of the profile asked last, by `workFloorKey` (its two searches often read the same class).
  let last: { profile: WorkloadProfile; work: Map<string, WorkFloor | null> } | null = null;
  const workOf = (profile: WorkloadProfile, g: PartnerGroup): WorkFloor | null => {
    if (last === null || last.profile !== profile) last = { profile, work: new Map() };
    let work = last.work.get(g.workKey);
    if (work === undefined) {
      work = workFloor(profile, g.offers[0]!, floorOptions!);
      last.work.set(g.workKey, work);
    }
    return work;
  };

  const cheapest: PartnerSearch['cheapest'] = (profile, of, kind, screen) => {
    const bucket = buckets.get(bucketKey(of, kind));
    if (bucket === undefined) return null;
    let found: Offer | null = null;
    let foundUsd = Number.POSITIVE_INFINITY;
    const consider = (offer: Offer) => {
      stats.screened++;
      const e = screen(profile, offer);
      if (!e.feasible || e.monthlyUsd === null) return;
      if (found === null || e.monthlyUsd < foundUsd || (e.monthlyUsd === foundUsd && offer.id < found.id)) {
        found = offer;
        foundUsd = e.monthlyUsd;
      }
    };
    if (floorOptions === null) {
      for (const offer of bucket.all) consider(offer);
      return found;
    }
    // Per group: the next offer to screen, and the floor (and bound) of the offers from there on; −1 when done.
    const groups = groupsOf(bucket);
    const pos = new Array<number>(groups.length).fill(-1);
    const bound = new Array<number>(groups.length).fill(Number.POSITIVE_INFINITY);
    const work = new Array<WorkFloor | null>(groups.length).fill(null);
    const floorAt = (i: number, at: number) => {
      const g = groups[i]!;
      const floor = costFloorOf(work[i]!, profile, g.offers[at]!, g.reliability[at]!);
      // Null: spot capacity refuses every offer left (their most zones); none of them is feasible.
      pos[i] = floor === null ? -1 : at;
      bound[i] = floor === null ? Number.POSITIVE_INFINITY : costFloorUsd(floor, g.effectiveUsd[at]!);
    };
    for (let i = 0; i < groups.length; i++) {
      work[i] = workOf(profile, groups[i]!);
      if (work[i] !== null) floorAt(i, 0);
    }
    for (;;) {
      let next = -1;
      for (let i = 0; i < groups.length; i++)
        if (pos[i]! >= 0 && (next < 0 || bound[i]! < bound[next]!)) next = i;
      // An offer whose floor is above the cheapest found cannot win, nor tie.
      if (next < 0 || bound[next]! > foundUsd) break;
      const g = groups[next]!;
      const at = pos[next]!;
      consider(g.offers[at]!);
      if (at + 1 >= g.offers.length) pos[next] = -1;
      else floorAt(next, at + 1);
    }
    return found;
  };
  return { cheapest, stats };
}

function bucketKey(o: Pick<Offer, 'provider' | 'gpu' | 'region'>, kind: PartnerKind): string {
  return `${o.provider}\u0000${o.gpu}\u0000${o.region}\u0000${kind}`;
}

/**
 * A committed offer and an on-demand offer of one provider, one GPU type and one region: a textbook committed-base
 * mix (a reservation is held in a region, and bursts served from another would add its latency and transfer).
 */
export interface CommittedBasePair {
  readonly committed: SideBest;
  readonly onDemand: SideBest;
}

/**
 * The pairs a committed base with on-demand bursts is tried on (committedBaseChoice.ts): one provider's commitment
 * and its on-demand offer of the same GPU. bestOffers keeps the cheapest committed and the cheapest flexible cloud
 * offer, often of two providers (the bundled finance plan's support-copilot-8b: AWS's L4 commitment, RunPod's L40S on
 * demand); a practitioner reserves an instance type and bursts on that provider's on-demand of it. So, for the
 * cheapest commitment, the cheapest feasible on-demand offer of its provider and GPU in its region; for the cheapest
 * on-demand offer, the cheapest feasible commitment of its provider and GPU in its region (`partners`, over the
 * cloud side's offers). Offers are priced with `screen` (numbers only) and the winners again with `estimate` (with
 * their sentences), as bestOffers and `explained` do. A heuristic: a commitment that is not the cheapest alone, on
 * a third provider, is not tried.
 */
export function committedBasePairs(
  profile: WorkloadProfile,
  best: BestOffers,
  partners: PartnerSearch,
  screen: Estimator,
  estimate: Estimator,
): CommittedBasePair[] {
  const pairs: CommittedBasePair[] = [];
  const explain = (offer: Offer | null): SideBest | null =>
    offer === null ? null : { offer, estimate: estimate(profile, offer) };
  const c = best.cloudCommitted;
  if (c !== null) {
    const f = explain(partners.cheapest(profile, c.offer, 'on-demand', screen));
    if (f !== null) pairs.push({ committed: c, onDemand: f });
  }
  const f = best.cloudFlexible;
  if (
    f !== null &&
    onDemand(f.offer) &&
    (c === null || c.offer.provider !== f.offer.provider || c.offer.gpu !== f.offer.gpu)
  ) {
    const k = explain(partners.cheapest(profile, f.offer, 'committed', screen));
    if (k !== null) pairs.push({ committed: k, onDemand: f });
  }
  return pairs;
}
