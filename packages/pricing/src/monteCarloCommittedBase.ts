/**
 * A committed base with on-demand bursts in the Monte Carlo kernels (monteCarloKernel.ts, portfolioMonteCarlo.ts).
 * Their month is linear in the trial's drawn demand factor D_t (spend = D_t · [...]); a mix's base does not move
 * with it and its burst is convex in it, so a trial prices the month at its own demand (committedBaseMonth.ts):
 *
 *   spend(t) = H · r_c · b + P · H · r_od · E[(D_t · f_t · D − b)⁺]
 *
 * f_t the projection's demand factor (growth), P the trial's price factor of the burst offer (1 without a spread).
 * The expected interruption re-work of the on-demand offer is inside r_od, so no interruption count is drawn. With
 * no demand volatility (D_t = 1) a trial is the projection's month exactly; with it the mean sits above the
 * projection's month (Jensen: the burst is convex in D_t), at E over D_t of the month (tested against the closed
 * form of a lognormal product).
 */
import type { CommittedBaseMonth } from './committedBaseMonth.js';
import { committedBaseMonthPricer } from './committedBaseMonth.js';
import type { CostBasis } from './costBasis.js';
import type { SpendPath } from './spendPath.js';

/** The plan's part of an option that is a committed base (plain data, transferable). */
export interface MonteCarloCommittedBase extends CommittedBaseMonth {
  /** f_t, the projection's demand factor of each month. */
  readonly demandFactor: Float64Array;
}

/** The plan's `committedBase` of an option, or nothing for a single offer. */
export function committedBasePlan(
  basis: CostBasis,
  path: SpendPath,
): { committedBase?: MonteCarloCommittedBase } {
  const m = basis.committedBase;
  return m === undefined ? {} : { committedBase: { ...m, demandFactor: path.demandFactor } };
}

/** spend(t) of a trial at drawn demand D and burst price factor P; null for an option without a base. */
export function committedBaseSpend(
  plan: MonteCarloCommittedBase | undefined,
): ((t: number, D: number, P: number) => number) | null {
  if (plan === undefined) return null;
  const pricer = committedBaseMonthPricer(plan);
  const f = plan.demandFactor;
  return (t, D, P) => pricer.baseUsd + P * pricer.burstUsd(D * f[t]!);
}
