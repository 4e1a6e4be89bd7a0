/**
 * Turns the kernel's per-trial output into a `Distribution`: type-7 percentiles (percentile.ts) of each
 * option's horizon spend over all trials and of each month's spend over the first `sampleTrials` trials,
 * and P(DePIN cheaper) = the share of trials whose DePIN horizon spend is strictly below cloud's. It reads
 * only the merged arrays, so the answer cannot depend on how the trials were computed.
 */
import type { Distribution, Percentiles } from '@gpufit/schema';
import { addMonths } from './calendarMonth.js';
import type { MonteCarloOut } from './monteCarloKernel.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
import { percentilesInPlace } from './percentile.js';

/** Month columns gathered per pass over the trial-major monthly spend. */
const MONTHS_AT_ONCE = 8;

export function summarizeMonteCarlo(params: MonteCarloParams, out: MonteCarloOut): Distribution {
  const { trials, months, sampleTrials: K } = params;
  const hc = out.horizonCloud.subarray(0, trials);
  const hd = out.horizonDepin.subarray(0, trials);
  let cheaper = 0;
  for (let i = 0; i < trials; i++) if (hd[i]! < hc[i]!) cheaper++;
  // One buffer for every selection (it reorders what it is given): each month's column, then each horizon.
  // The kernel writes trial-major (trial · months + t); the columns are gathered MONTHS_AT_ONCE months per pass,
  // so a pass reads each trial's row once instead of one strided pass over every trial per month.
  const width = Math.min(months, MONTHS_AT_ONCE);
  const buffer = selectionBuffer(Math.max(width * K, trials));
  const cloud = monthlyPercentiles(out.monthlyCloud, months, K, buffer);
  const depin = monthlyPercentiles(out.monthlyDepin, months, K, buffer);
  const monthly = [];
  for (let t = 0; t < months; t++) {
    monthly.push({ month: addMonths(params.startMonth, t), cloud: cloud[t]!, depin: depin[t]! });
  }
  const horizon = buffer.subarray(0, trials);
  const horizonOf = (values: Float64Array): Float64Array => {
    horizon.set(values);
    return horizon;
  };
  return {
    trials,
    seed: params.seed,
    months: monthly,
    horizonCloud: percentilesInPlace(horizonOf(hc)),
    horizonDepin: percentilesInPlace(horizonOf(hd)),
    pDepinCheaper: trials > 0 ? cheaper / trials : 0,
  };
}

/** P10/P50/P90 of each month's column of `values` (trial-major, `months` a trial, `K` trials), in month order. */
function monthlyPercentiles(
  values: Float64Array,
  months: number,
  K: number,
  scratch: Float64Array,
): Percentiles[] {
  const result: Percentiles[] = [];
  for (let t0 = 0; t0 < months; t0 += MONTHS_AT_ONCE) {
    const w = Math.min(MONTHS_AT_ONCE, months - t0);
    for (let i = 0, row = t0; i < K; i++, row += months) {
      for (let c = 0, at = i; c < w; c++, at += K) scratch[at] = values[row + c]!;
    }
    for (let c = 0; c < w; c++) result.push(percentilesInPlace(scratch.subarray(c * K, (c + 1) * K)));
  }
  return result;
}

/** Doubles of the largest reused selection buffer: 2 MB, a summary of 10,000 trials (or 8 months of 2,048 trials). */
const SELECTION_MAX = 1 << 18;

/**
 * The selection buffer, kept from call to call (the largest size so far, up to SELECTION_MAX doubles): a new
 * 160 KB array for every workload's summary was garbage for the collector (issue 19). This function is
 * synchronous and keeps only numbers from the buffer, so no caller sees it; a larger run gets an array of its own.
 */
function selectionBuffer(length: number): Float64Array {
  if (length > SELECTION_MAX) return new Float64Array(length);
  if (selection.length < length) selection = new Float64Array(length);
  return selection;
}
let selection = new Float64Array(0);
