/**
 * Each month of a projection priced at that month's demand (DESIGN §5.8). Demand growth used to scale a whole
 * month-0 cost by (1 + g)^t, but much of a cost does not follow the demand: a service's one always-up unit and its
 * spare units for the availability target, a whole 8-GPU instance rented for a 2-GPU job, a one-off dataset upload
 * spread over the horizon, egress tiers. At 5 % a month for 24 months (×3.07) a small EU embedder's last month was
 * projected at USD 6,233 where pricing that month's demand gives USD 2,986.
 *
 * So month t re-prices the workload at demand factor (1 + g)^t: every recurring quantity of the profile × the
 * factor (`profileAtDemand`), the same estimate as month 0, on the offer chosen at month 0 — or, given a search, on
 * the side's cheapest offer at that demand when it is cheaper (a committed single instance that would need three
 * at 1.22× demand is re-planned, not paid threefold; `movedFrom`). A month no offer can price (one zone's spot,
 * the availability target) is scaled from the last month priced, and counted in `unpricedFrom`.
 *
 * The Monte Carlo's demand shock within a month (σ_d) still scales that month's whole cost: capacity follows the
 * month's demand (monteCarloKernel.ts).
 */
import type { CostEstimate, Offer, WorkloadProfile } from '@gpufit/schema';
import {
  type CostBasis,
  costBasis,
  type DemandMonth,
  type DemandPath,
  grossUsdPerGpuHour,
} from './costBasis.js';
import { type EstimateCostOptions, estimateCost } from './estimate/estimateCost.js';

/**
 * The profile with every recurring quantity × `factor`: GPU-hours or jobs a month, results egressed, output a
 * month. What happens once (the dataset uploaded), the job's size and the service's shape (hours per job, GPUs a
 * replica, peak-to-mean) are kept.
 */
export function profileAtDemand(profile: WorkloadProfile, factor: number): WorkloadProfile {
  if (factor === 1) return profile;
  return {
    ...profile,
    gpuHoursPerMonth: profile.gpuHoursPerMonth === null ? null : profile.gpuHoursPerMonth * factor,
    jobsPerMonth: profile.jobsPerMonth === null ? null : profile.jobsPerMonth * factor,
    egressGiBPerMonth: profile.egressGiBPerMonth * factor,
    ingressGiBPerMonth: profile.ingressGiBPerMonth * factor,
    outputPerMonth: profile.outputPerMonth === null ? null : profile.outputPerMonth * factor,
  };
}

function partsOf(basis: CostBasis, demandFactor: number, estimate?: CostEstimate): DemandMonth {
  return {
    ...(estimate !== undefined && { grossUsdPerGpuHour: grossUsdPerGpuHour(estimate) }),
    demandFactor,
    offerId: basis.offerId,
    computeUsd: basis.computeUsdPerMonth - basis.interruptionUsdPerMonth,
    interruptionUsd: basis.interruptionUsdPerMonth,
    interruptionsPerMonth: basis.interruptionsPerMonth,
    dataUsd: basis.dataUsdPerMonth,
  };
}

/** `parts` scaled from its own demand to `demandFactor` (the fallback for a month the offer cannot price). */
function scaled(parts: DemandMonth, demandFactor: number): DemandMonth {
  const k = demandFactor / parts.demandFactor;
  return {
    ...parts,
    demandFactor,
    computeUsd: parts.computeUsd * k,
    interruptionUsd: parts.interruptionUsd * k,
    interruptionsPerMonth: parts.interruptionsPerMonth * k,
    dataUsd: parts.dataUsd * k,
  };
}

/** Month t of `path`: priced, or past its last month scaled from that month. */
export function demandMonthAt(path: DemandPath, t: number): DemandMonth {
  const at = path.months[t];
  if (at !== undefined) return at;
  const last = path.months[path.months.length - 1]!;
  return scaled(last, (1 + path.growthMonthly) ** t);
}

/** The cheapest offer of a side for a profile, as a search finds it (analysis's offer index), or null. */
export type SideSearch = (profile: WorkloadProfile) => {
  readonly offer: Offer;
  readonly estimate: CostEstimate;
} | null;

/** Whether two offers' costs move alike month by month: the same incentive (symbol, denomination, share) or none. */
function sameIncentive(a: Offer, b: Offer): boolean {
  const x = a.incentive;
  const y = b.incentive;
  if (x === null || y === null) return x === y;
  return x.symbol === y.symbol && x.denomination === y.denomination && x.subsidyShare === y.subsidyShare;
}

/**
 * `basis` (month 0 of `profile` on `offer`) with its `months` months priced at demand (1 + growthMonthly)^t, by
 * the estimate month 0 used (`options`; sentences are not written). Without growth the basis is returned as is.
 *
 * With `search` (the cheapest offer of the same side at a demand), a month moves to that offer when it saves at
 * least `minSaving` (USD and share of the chosen offer's month, the policy's bar for moving a workload) at that
 * month's demand, or when the chosen one cannot hold the demand: a founder re-plans
 * when a 12-month commitment sized for one instance would need three, rather than pay for them. Only to an offer
 * whose cost moves alike (`sameIncentive`: the subsidy schedule and token path are the chosen offer's).
 */
export function withDemandPath(
  basis: CostBasis,
  profile: WorkloadProfile,
  offer: Offer,
  options: EstimateCostOptions,
  growthMonthly: number,
  months: number,
  search?: SideSearch,
  minSaving: { readonly usd: number; readonly share: number } = { usd: 0, share: 0 },
): CostBasis {
  if (growthMonthly === 0 || months <= 1) return basis;
  const growth = 1 + growthMonthly;
  const path: DemandMonth[] = [partsOf(basis, 1)];
  let unpricedFrom: number | null = null;
  let unpricedReason: string | null = null;
  let movedFrom: DemandPath['movedFrom'] = null;
  const screen = { ...options, explain: false };
  for (let t = 1; t < months; t++) {
    const factor = growth ** t;
    if (unpricedFrom === null) {
      const demand = profileAtDemand(profile, factor);
      const estimate = estimateCost(demand, offer, screen);
      const at = costBasis(estimate, offer);
      const other = search?.(demand) ?? null;
      const chosenUsd = at.ok ? estimate.monthlyUsd : null;
      if (
        other !== null &&
        other.offer.id !== offer.id &&
        other.estimate.monthlyUsd !== null &&
        (chosenUsd === null ||
          chosenUsd - other.estimate.monthlyUsd >=
            Math.max(minSaving.usd, minSaving.share * chosenUsd, 1e-9)) &&
        sameIncentive(other.offer, offer)
      ) {
        const moved = costBasis(other.estimate, other.offer);
        if (moved.ok) {
          path.push(partsOf(moved.value, factor, other.estimate));
          movedFrom ??= { month: t, offer: other.offer, usd: other.estimate.monthlyUsd, chosenUsd };
          continue;
        }
      }
      if (at.ok) {
        path.push(partsOf(at.value, factor));
        continue;
      }
      unpricedFrom = t;
      unpricedReason = estimate.rejections[0]?.message ?? at.reason;
    }
    path.push(scaled(path[t - 1]!, factor));
  }
  return { ...basis, demandPath: { growthMonthly, months: path, unpricedFrom, unpricedReason, movedFrom } };
}
