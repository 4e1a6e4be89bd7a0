/**
 * Distributions of hourly GPU demand D for the hybrid split (DESIGN §5.10), as a registry of shapes built
 * by one constructor. Each gives its quantile F⁻¹(p) and its expected excess E[(D − b)⁺] over a baseline b
 * (the demand a baseline of b GPUs does not serve).
 *
 * From a mean and a peak-to-mean ratio r, gpufit assumes (documented in docs/projection-and-uncertainty.md):
 * - `lognormal` when r ≤ e^{z²/2} ≈ 14.97 (z = Φ⁻¹(0.99)): hourly demand is lognormal with the given mean
 *   and its 99th percentile at the peak ("peak" = the level exceeded 1 % of hours, 7.3 h a month). Smooth,
 *   never idle, right-skewed like request traffic: σ = z − √(z² − 2 ln r), μ = ln(mean) − σ²/2.
 * - `on-off` above that (a lognormal cannot put its P99 that far above its mean): the workload is idle or
 *   at its peak, at peak 1/r of the hours — what so spiky a ratio describes (bursty batch jobs).
 * - `empirical` for an hourly series: the series itself (inverse-ECDF quantile, Hyndman & Fan type 1).
 */
import { assert } from './assert.js';
import { normalCdf, normalQuantile } from './normalDistribution.js';

export interface DemandShape {
  readonly kind: 'lognormal' | 'on-off' | 'empirical';
  readonly meanGpus: number;
  /** The lognormal's P99, the on-off peak, or the series' maximum. */
  readonly peakGpus: number;
  /** Smallest demand level d with P(D ≤ d) ≥ p, for p in [0, 1). */
  readonly quantile: (p: number) => number;
  /** P(D ≤ x): the share of hours whose demand is at most x GPUs. */
  readonly cdf: (x: number) => number;
  /** E[(D − b)⁺]: the mean demand above a baseline of b GPUs. */
  readonly expectedExcess: (b: number) => number;
  readonly description: string;
}

export type DemandInput =
  | { readonly meanGpus: number; readonly peakToMeanRatio: number }
  | { readonly hourlyGpus: readonly number[] };

export const DEMAND_INVALID = 'demand needs a finite mean above 0 and a peak-to-mean ratio of at least 1';
export const DEMAND_SERIES_INVALID = 'an hourly demand series needs finite, non-negative values, not all 0';

/** z = Φ⁻¹(0.99): the peak is the demand exceeded 1 % of hours. */
export const PEAK_QUANTILE = 0.99;
const Z_PEAK = normalQuantile(PEAK_QUANTILE);
/** The largest peak-to-mean ratio a lognormal can give its P99: e^{z²/2}. */
export const LOGNORMAL_MAX_PEAK_TO_MEAN = Math.exp((Z_PEAK * Z_PEAK) / 2);

function lognormal(mean: number, ratio: number): DemandShape {
  const sigma = Z_PEAK - Math.sqrt(Math.max(0, Z_PEAK * Z_PEAK - 2 * Math.log(ratio)));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const constant = sigma === 0;
  return {
    kind: 'lognormal',
    meanGpus: mean,
    peakGpus: mean * ratio,
    quantile: (p) => (constant ? mean : p <= 0 ? 0 : Math.exp(mu + sigma * normalQuantile(p))),
    cdf: (x) => (constant ? (x >= mean ? 1 : 0) : x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
    expectedExcess: (b) => {
      if (b <= 0) return mean - b;
      if (constant) return Math.max(0, mean - b);
      const d1 = (mu + sigma * sigma - Math.log(b)) / sigma;
      return Math.max(0, mean * normalCdf(d1) - b * normalCdf(d1 - sigma));
    },
    description: `lognormal hourly demand, mean ${mean} GPUs, P99 ${mean * ratio} GPUs (σ = ${sigma.toFixed(4)})`,
  };
}

function onOff(mean: number, ratio: number): DemandShape {
  const peak = mean * ratio;
  const q = 1 / ratio;
  return {
    kind: 'on-off',
    meanGpus: mean,
    peakGpus: peak,
    quantile: (p) => (p <= 1 - q ? 0 : peak),
    cdf: (x) => (x < 0 ? 0 : x < peak ? 1 - q : 1),
    expectedExcess: (b) => (b <= 0 ? mean - b : q * Math.max(0, peak - b)),
    description: `on-off demand: ${peak} GPUs for ${(100 * q).toFixed(2)} % of hours, idle otherwise (mean ${mean})`,
  };
}

function empirical(series: readonly number[]): DemandShape {
  assert(
    series.length > 0 && series.every((x) => Number.isFinite(x) && x >= 0) && series.some((x) => x > 0),
    DEMAND_SERIES_INVALID,
  );
  const sorted = Float64Array.from(series).sort();
  const n = sorted.length;
  let total = 0;
  for (const x of sorted) total += x;
  const mean = total / n;
  return {
    kind: 'empirical',
    meanGpus: mean,
    peakGpus: sorted[n - 1]!,
    quantile: (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!,
    cdf: (x) => {
      // The number of hours at most x (the first index above it), by bisection of the sorted series.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo / n;
    },
    expectedExcess: (b) => {
      if (b <= 0) return mean - b;
      let excess = 0;
      for (let i = n - 1; i >= 0 && sorted[i]! > b; i--) excess += sorted[i]! - b;
      return excess / n;
    },
    description: `the given hourly series (${n} hours, mean ${mean.toFixed(3)} GPUs, peak ${sorted[n - 1]} GPUs)`,
  };
}

/** The demand distribution gpufit assumes for a demand input (see the file comment). */
export function demandShape(demand: DemandInput): DemandShape {
  if ('hourlyGpus' in demand) return empirical(demand.hourlyGpus);
  const { meanGpus, peakToMeanRatio } = demand;
  assert(
    Number.isFinite(meanGpus) && meanGpus > 0 && Number.isFinite(peakToMeanRatio) && peakToMeanRatio >= 1,
    DEMAND_INVALID,
    () => `mean ${meanGpus}, peak-to-mean ${peakToMeanRatio}`,
  );
  return peakToMeanRatio <= LOGNORMAL_MAX_PEAK_TO_MEAN
    ? lognormal(meanGpus, peakToMeanRatio)
    : onOff(meanGpus, peakToMeanRatio);
}
