/**
 * The hybrid split (DESIGN §5.10): base load on committed cloud, bursts on DePIN. The baseline is the
 * newsvendor optimum b* = F⁻¹(1 − r_c / r_depin) of the hourly demand distribution (demandShape.ts), raised
 * when needed so cloud serves at least the floor share that hard constraints and latency set:
 *   cloud share(b) = E[min(D, b)] / E[D] = 1 − E[(D − b)⁺] / E[D]
 *   blended cost   = H · (r_c · b + r_depin · E[(D − b)⁺])             H = hours a month
 * It is compared with all-cloud — the best committed baseline with on-demand cloud bursts, the same
 * newsvendor with r_on-demand as the burst rate — and with all-DePIN, H · r_depin · E[D].
 * Rates are per GPU-hour of useful work with every overhead included (interruptions, redundancy).
 */
import { HOURS_PER_MONTH, type HybridSplit } from '@gpufit/schema';
import { assert } from './assert.js';
import { type DemandInput, demandShape } from './demandShape.js';
import { findRoot } from './findRoot.js';
import { newsvendorBaseline } from './newsvendorBaseline.js';

export interface HybridRates {
  /** Committed (reserved) cloud, paid for every hour of the baseline. */
  readonly committedUsdPerGpuHour: number;
  /** On-demand cloud per used GPU-hour (the bursts of the all-cloud reference). Give the committed rate
   * again when the cloud has no separate on-demand price. */
  readonly onDemandUsdPerGpuHour: number;
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
  assert(rate(rc) && rate(rod) && (rd === null || rate(rd)), HYBRID_BAD_RATE);
  const shape = demandShape(demand);
  const mean = shape.meanGpus;
  const monthly = (baseline: number, burstRate: number): number =>
    hours * (rc * baseline + burstRate * shape.expectedExcess(baseline));
  const servedShare = (b: number): number => Math.min(1, Math.max(0, 1 - shape.expectedExcess(b) / mean));

  const cloudBaseline = newsvendorBaseline(shape.quantile, rc, rod);
  const allCloudMonthlyUsd = monthly(cloudBaseline, rod);
  const base = {
    meanGpus: mean,
    peakGpus: shape.peakGpus,
    floorShare,
    floorReason,
    allCloudMonthlyUsd,
  };
  if (rd === null || floorShare >= 1) {
    // Everything on cloud: no DePIN offer, or constraints keep all of the work on cloud.
    const allDepinMonthlyUsd = rd === null ? null : hours * rd * mean;
    return {
      ...base,
      baselineGpus: cloudBaseline,
      cloudShare: 1,
      depinShare: 0,
      blendedMonthlyUsd: allCloudMonthlyUsd,
      allDepinMonthlyUsd,
      savingsVsAllCloudUsd: 0,
      savingsVsAllDepinUsd: allDepinMonthlyUsd === null ? null : allDepinMonthlyUsd - allCloudMonthlyUsd,
    };
  }
  let baseline = newsvendorBaseline(shape.quantile, rc, rd);
  if (servedShare(baseline) < floorShare) {
    // Raise the baseline until cloud serves the floor share (served share grows with b).
    let hi = Math.max(shape.peakGpus, baseline, mean);
    for (let i = 0; i < 64 && servedShare(hi) < floorShare; i++) hi *= 2;
    baseline = findRoot((b) => servedShare(b) - floorShare, baseline, hi, { tol: 1e-12 * hi }) ?? hi;
  }
  const cloudShare = servedShare(baseline);
  const blendedMonthlyUsd = monthly(baseline, rd);
  const allDepinMonthlyUsd = hours * rd * mean;
  return {
    ...base,
    baselineGpus: baseline,
    cloudShare,
    depinShare: 1 - cloudShare,
    blendedMonthlyUsd,
    allDepinMonthlyUsd,
    savingsVsAllCloudUsd: allCloudMonthlyUsd - blendedMonthlyUsd,
    savingsVsAllDepinUsd: allDepinMonthlyUsd - blendedMonthlyUsd,
  };
}
