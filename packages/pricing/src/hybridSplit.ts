/**
 * The hybrid split (DESIGN §5.10): part of the work on cloud, the rest on decentralized supply, at the least
 * monthly cost that honours the cloud floor (hard constraints, latency). With hourly demand D (demandShape.ts),
 * baseline b and H hours a month, three placements are compared and the cheapest wins:
 *   all-cloud      the priced cloud option (`allCloudMonthlyUsd`), or committed base + on-demand bursts at the
 *                  newsvendor optimum when the caller gives none;
 *   held base      H · (r_c · b + r_depin · E[(D − b)⁺]), b = max(newsvendor F⁻¹(1 − r_c / r_depin), floor):
 *                  committed cloud held all month for the base, DePIN for the bursts;
 *   elastic floor  H · (r_od · E[min(D, b)] + r_depin · E[(D − b)⁺]) at the floor's b: on-demand cloud for the
 *                  share the floor keeps there, DePIN for the rest (both paid per use, so only a floor makes
 *                  this a split: without one the cheaper side would take all of it).
 * All-cloud is itself a split (cloud share 1), so the blend is never dearer than all-cloud.
 *   cloud share(b) = E[min(D, b)] / E[D] = 1 − E[(D − b)⁺] / E[D]
 * Rates are per GPU-hour of useful work with every overhead included (interruptions, redundancy).
 */
import { HOURS_PER_MONTH, type HybridSplit } from '@gpufit/schema';
import { assert } from './assert.js';
import { type DemandInput, demandShape } from './demandShape.js';
import { findRoot } from './findRoot.js';
import { newsvendorBaseline } from './newsvendorBaseline.js';

export interface HybridRates {
  /** Committed (reserved) cloud, paid for every hour of the baseline; null when there is no committed offer. */
  readonly committedUsdPerGpuHour: number | null;
  /** On-demand (or spot) cloud per used GPU-hour; null when there is no such offer. */
  readonly onDemandUsdPerGpuHour: number | null;
  /** DePIN per used GPU-hour; null when no DePIN offer is feasible and priced. */
  readonly depinUsdPerGpuHour: number | null;
}

export interface HybridSplitOptions {
  /** The least share of GPU-hours cloud must serve (hard constraints, latency); default 0. */
  readonly floorShare?: number;
  /** Why the floor is what it is, for the report. */
  readonly floorReason?: string | null;
  /** Default HOURS_PER_MONTH (730). */
  readonly hoursPerMonth?: number;
  /**
   * The all-cloud cost the split must beat: the priced cloud option, with every overhead (the analysis passes
   * it). Default: committed base + on-demand bursts at the newsvendor optimum from the rates.
   */
  readonly allCloudMonthlyUsd?: number;
}

export const HYBRID_BAD_FLOOR = 'the cloud floor share must be between 0 and 1';
export const HYBRID_BAD_RATE = 'hybrid rates must be finite and above 0 (USD per GPU-hour)';

const rate = (x: number): boolean => Number.isFinite(x) && x > 0;

export function hybridSplit(
  demand: DemandInput,
  rates: HybridRates,
  options: HybridSplitOptions = {},
): HybridSplit {
  const floorShare = options.floorShare ?? 0;
  const floorReason = options.floorReason ?? null;
  const hours = options.hoursPerMonth ?? HOURS_PER_MONTH;
  assert(floorShare >= 0 && floorShare <= 1, HYBRID_BAD_FLOOR, floorShare);
  const { committedUsdPerGpuHour: rc, onDemandUsdPerGpuHour: rod, depinUsdPerGpuHour: rd } = rates;
  assert((rc !== null || rod !== null) && [rc, rod, rd].every((r) => r === null || rate(r)), HYBRID_BAD_RATE);
  assert(
    options.allCloudMonthlyUsd === undefined ||
      (Number.isFinite(options.allCloudMonthlyUsd) && options.allCloudMonthlyUsd >= 0),
    HYBRID_BAD_RATE,
  );
  const shape = demandShape(demand);
  const mean = shape.meanGpus;
  const excess = (b: number): number => shape.expectedExcess(b);
  const servedShare = servedShareOf(shape);
  const peak = Math.max(shape.peakGpus, mean);

  // All-cloud: the caller's priced option, else committed base + on-demand bursts (or one of them alone).
  let allCloudBaseline = peak;
  let allCloudMonthlyUsd: number;
  if (options.allCloudMonthlyUsd !== undefined) allCloudMonthlyUsd = options.allCloudMonthlyUsd;
  else if (rc !== null && rod !== null) {
    allCloudBaseline = newsvendorBaseline(shape.quantile, rc, rod);
    allCloudMonthlyUsd = hours * (rc * allCloudBaseline + rod * excess(allCloudBaseline));
  } else if (rod !== null) allCloudMonthlyUsd = hours * rod * mean;
  else allCloudMonthlyUsd = hours * rc! * peak;

  const allDepinMonthlyUsd = rd === null ? null : hours * rd * mean;
  let best = { baseline: allCloudBaseline, cloudShare: 1, blended: allCloudMonthlyUsd };
  if (rd !== null && floorShare < 1) {
    // The least baseline whose served share reaches the floor (served share grows with b).
    const floorBaseline = floorShare > 0 ? baselineForShare(shape, floorShare) : 0;
    const consider = (baseline: number, blended: number) => {
      if (Number.isFinite(blended) && blended < best.blended) {
        best = { baseline, cloudShare: servedShare(baseline), blended };
      }
    };
    if (rc !== null) {
      const b = Math.max(newsvendorBaseline(shape.quantile, rc, rd), floorBaseline);
      consider(b, hours * (rc * b + rd * excess(b)));
    }
    if (rod !== null && floorShare > 0) {
      const b = floorBaseline;
      consider(b, hours * (rod * (mean - excess(b)) + rd * excess(b)));
    }
    if (rod !== null && floorShare === 0) consider(0, hours * rd * mean);
  }
  return {
    meanGpus: mean,
    peakGpus: shape.peakGpus,
    floorShare,
    floorReason,
    allCloudMonthlyUsd,
    baselineGpus: best.baseline,
    cloudShare: best.cloudShare,
    depinShare: 1 - best.cloudShare,
    blendedMonthlyUsd: best.blended,
    allDepinMonthlyUsd,
    savingsVsAllCloudUsd: allCloudMonthlyUsd - best.blended,
    savingsVsAllDepinUsd: allDepinMonthlyUsd === null ? null : allDepinMonthlyUsd - best.blended,
  };
}

/**
 * The share of a demand's GPU-hours a baseline of b GPUs serves (the rest is the expected excess above it), for the
 * hybrid split and for a committed base kept beside DePIN bursts (committedBaseHybrid.ts of @gpufit/analysis).
 */
export function servedShareOf(shape: {
  readonly meanGpus: number;
  expectedExcess(b: number): number;
}): (b: number) => number {
  const mean = shape.meanGpus;
  return (b) => Math.min(1, Math.max(0, 1 - shape.expectedExcess(b) / mean));
}

/** The least baseline whose served share reaches `share` (served share grows with the baseline). */
export function baselineForShare(
  shape: { readonly meanGpus: number; readonly peakGpus: number; expectedExcess(b: number): number },
  share: number,
): number {
  const servedShare = servedShareOf(shape);
  let hi = Math.max(shape.peakGpus, shape.meanGpus);
  for (let i = 0; i < 64 && servedShare(hi) < share; i++) hi *= 2;
  return findRoot((b) => servedShare(b) - share, 0, hi, { tol: 1e-12 * hi }) ?? hi;
}
