/**
 * One month of a committed base with on-demand bursts (docs/methodology.md, "The cloud option as a committed base
 * with on-demand bursts"; docs/projection-and-uncertainty.md §4): a base of b demand GPUs held all month at r_c per
 * GPU-hour, the hourly demand above it on on-demand capacity at r_od:
 *
 *   month(f) = H · r_c · b + H · r_od · E[(f · D − b)⁺],   E[(f·D − b)⁺] = f · E[(D − b/f)⁺]
 *
 * D the hourly demand of month 0 (demandShape.ts: mean and peak-to-mean), f the month's demand factor (growth, and
 * in the Monte Carlo each trial's drawn factor). The base does not move with demand; the burst is convex in it, so
 * a trial prices this at its own factor rather than scaling month 0 (monteCarloKernel.ts, portfolioMonteCarlo.ts).
 * Plain numbers only, so a Monte Carlo plan that carries it can be posted to worker threads.
 */
import { HOURS_PER_MONTH } from '@gpufit/schema';
import { assert } from './assert.js';
import { type DemandShape, demandShape } from './demandShape.js';

export interface CommittedBaseMonth {
  /** USD a month of the base, H · r_c · b: fixed whatever the demand. */
  readonly baseUsd: number;
  /** b, the base in demand GPUs. */
  readonly baseGpus: number;
  /** r_od: USD per demand GPU-hour of work on the on-demand offer, every overhead included. */
  readonly burstUsdPerGpuHour: number;
  /** Month 0's hourly demand: mean demand GPUs and peak-to-mean (demandShape.ts). */
  readonly meanGpus: number;
  readonly peakToMeanRatio: number;
}

export const COMMITTED_BASE_MONTH_INVALID =
  'a committed base month needs finite, non-negative USD and GPUs and a positive mean demand';

/** A month priced at any demand factor: the base and the expected burst, USD. */
export interface CommittedBaseMonthPricer {
  readonly baseUsd: number;
  /** H · r_od · E[(f · D − b)⁺]. */
  burstUsd(demandFactor: number): number;
  /** baseUsd + burstUsd(f). */
  monthUsd(demandFactor: number): number;
}

export function committedBaseMonthPricer(month: CommittedBaseMonth): CommittedBaseMonthPricer {
  const { baseUsd, baseGpus, burstUsdPerGpuHour, meanGpus, peakToMeanRatio } = month;
  assert(
    [baseUsd, baseGpus, burstUsdPerGpuHour].every((x) => Number.isFinite(x) && x >= 0) &&
      Number.isFinite(meanGpus) &&
      meanGpus > 0,
    COMMITTED_BASE_MONTH_INVALID,
    () => JSON.stringify(month),
  );
  const shape: DemandShape = demandShape({ meanGpus, peakToMeanRatio });
  const rate = HOURS_PER_MONTH * burstUsdPerGpuHour;
  const burstUsd = (f: number): number => (f > 0 ? rate * f * shape.expectedExcess(baseGpus / f) : 0);
  return { baseUsd, burstUsd, monthUsd: (f) => baseUsd + burstUsd(f) };
}
