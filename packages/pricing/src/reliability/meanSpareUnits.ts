import { demandShape } from '../demandShape.js';
import { type ReplicaCount, replicasForDemandAndAvailability } from './replicasForAvailability.js';

export interface MeanSpareUnitsOptions {
  /** The service's mean demand, in GPUs (useful GPU-hours a month ÷ hours a month). */
  readonly meanGpus: number;
  /** The demand's peak over its mean (`peakToMeanRatio`): the peak is the demand exceeded 1 % of hours. */
  readonly peakToMeanRatio: number;
  /** GPUs of demand one unit carries: a demand of D GPUs needs max(1, ⌈D ÷ this⌉) units. */
  readonly gpusPerUnit: number;
  /** The availability target A. */
  readonly target: number;
  /** Probability that one unit is up (a). */
  readonly unitAvailability: number;
}

export type MeanSpareUnits =
  | {
      readonly feasible: true;
      /** The units the peak needs, and the units that reach the target there (`replicasForDemandAndAvailability`). */
      readonly peakNeeded: number;
      readonly peakUnits: number;
      /** The spare units held on average over the month's hours: Σ P(n units needed) × spares(n). */
      readonly meanSpares: number;
    }
  | { readonly feasible: false; readonly reason: string };

/**
 * Spare units of a service whose capacity follows its demand (on-demand or spot, an autoscaler), averaged over
 * the hours of a month. At each hour the demand D needs n = max(1, ⌈D/c⌉) units, and n + s(n) units reach the
 * availability target there, s(n) from k-out-of-n redundancy (`replicasForDemandAndAvailability`); the month holds
 * Σₙ P(n) × s(n) spares on average, with D distributed as `demandShape` assumes for the mean and peak-to-mean ratio.
 * Every level meets the target, so the month's time-averaged availability does too. Demand above the peak (the
 * 1 % of hours above the P99) is served by the peak's units, as the working capacity is sized: its hours count at
 * the peak's spares.
 *
 * Before (until 2026-12), the peak's spares were billed all month while the units that carry the work follow
 * the mean: hosted-api.csv's legal-70b, 2.2 two-GPU replicas on average and 5 at its peak at 0.99 a unit for
 * 0.999, held the peak's 2 spares all month ($5,518.80 of an $11,624.36 bill), where 1 spare reaches it at the mean
 * (3 of 4 up: 0.9994); it now holds 1.02 on average ($2,820.62 of $8,926.18).
 * Capacity that cannot follow the demand (a commitment, capacity booked by the day) holds the peak's spares.
 */
export function meanSpareUnits(options: MeanSpareUnitsOptions): MeanSpareUnits {
  const { meanGpus, peakToMeanRatio, gpusPerUnit: c, target, unitAvailability } = options;
  const units = (gpus: number): number => Math.max(1, Math.ceil(gpus / c - 1e-9));
  const spares = (n: number): ReplicaCount =>
    replicasForDemandAndAvailability({ needed: n, target, nodeAvailability: unitAvailability });
  const peakNeeded = units(meanGpus * peakToMeanRatio);
  const atPeak = spares(peakNeeded);
  if (!atPeak.feasible) return atPeak;
  const peakSpares = atPeak.replicas - peakNeeded;
  if (peakNeeded === 1 || peakSpares === 0)
    return { feasible: true, peakNeeded, peakUnits: atPeak.replicas, meanSpares: peakSpares };
  const shape = demandShape({ meanGpus, peakToMeanRatio });
  let meanSpares = 0;
  let below = 0;
  for (let n = 1; n < peakNeeded; n++) {
    const upTo = shape.cdf((n + 1e-9) * c);
    const p = upTo - below;
    below = upTo;
    if (!(p > 0)) continue;
    const count = spares(n);
    if (!count.feasible) return count;
    meanSpares += p * (count.replicas - n);
  }
  meanSpares += Math.max(0, 1 - below) * peakSpares;
  return { feasible: true, peakNeeded, peakUnits: atPeak.replicas, meanSpares };
}
