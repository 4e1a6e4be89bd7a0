/**
 * Each month of a projection priced at that month's demand (DESIGN §5.8). Demand growth used to scale a whole
 * month-0 cost by (1 + g)^t, but much of a cost does not follow the demand: a service's one always-up unit and its
 * spare units for the availability target, a whole 8-GPU instance rented for a 2-GPU job, a one-off dataset upload
 * spread over the horizon, egress tiers. At 5 % a month for 24 months (×3.07) a small EU embedder's last month was
 * projected at USD 6,233 where pricing that month's demand gives USD 2,986.
 *
 * So month t re-prices the workload on the same offer at demand factor (1 + g)^t: every recurring quantity of the
 * profile × the factor (`profileAtDemand`), the same estimate as month 0. The offer chosen at month 0 is kept (the
 * plan places the workload once). A month whose demand the offer cannot hold (a marketplace's capacity, the
 * availability target) or whose estimate is unpriced is scaled from the last month priced, and counted in
 * `unpricedFrom`.
 *
 * The Monte Carlo's demand shock within a month (σ_d) still scales that month's whole cost: capacity follows the
 * month's demand (monteCarloKernel.ts).
 */
import type { Offer, WorkloadProfile } from '@gpufit/schema';
import { type CostBasis, costBasis, type DemandMonth, type DemandPath } from './costBasis.js';
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
    outputPerMonth: profile.outputPerMonth === null ? null : profile.outputPerMonth * factor,
  };
}

function partsOf(basis: CostBasis, demandFactor: number): DemandMonth {
  return {
    demandFactor,
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

/**
 * `basis` (month 0 of `profile` on `offer`) with its `months` months priced at demand (1 + growthMonthly)^t, by
 * the estimate month 0 used (`options`; sentences are not written). Without growth the basis is returned as is.
 */
export function withDemandPath(
  basis: CostBasis,
  profile: WorkloadProfile,
  offer: Offer,
  options: EstimateCostOptions,
  growthMonthly: number,
  months: number,
): CostBasis {
  if (growthMonthly === 0 || months <= 1) return basis;
  const growth = 1 + growthMonthly;
  const path: DemandMonth[] = [partsOf(basis, 1)];
  let unpricedFrom: number | null = null;
  let unpricedReason: string | null = null;
  const screen = { ...options, explain: false };
  for (let t = 1; t < months; t++) {
    const factor = growth ** t;
    if (unpricedFrom === null) {
      const estimate = estimateCost(profileAtDemand(profile, factor), offer, screen);
      const at = costBasis(estimate, offer);
      if (at.ok) {
        path.push(partsOf(at.value, factor));
        continue;
      }
      unpricedFrom = t;
      unpricedReason = estimate.rejections[0]?.message ?? at.reason;
    }
    path.push(scaled(path[t - 1]!, factor));
  }
  return { ...basis, demandPath: { growthMonthly, months: path, unpricedFrom, unpricedReason } };
}
