/**
 * Turns the kernel's per-trial output into a `Distribution`: type-7 percentiles (percentile.ts) of each
 * option's horizon spend over all trials and of each month's spend over the first `sampleTrials` trials,
 * and P(DePIN cheaper) = the share of trials whose DePIN horizon spend is strictly below cloud's. It reads
 * only the merged arrays, so the answer cannot depend on how the trials were computed.
 */
import type { Distribution } from '@gpufit/schema';
import { addMonths } from './calendarMonth.js';
import type { MonteCarloOut } from './monteCarloKernel.js';
import type { MonteCarloParams } from './monteCarloPlan.js';
import { percentilesInPlace } from './percentile.js';

export function summarizeMonteCarlo(params: MonteCarloParams, out: MonteCarloOut): Distribution {
  const { trials, months, sampleTrials: K } = params;
  const hc = out.horizonCloud.subarray(0, trials);
  const hd = out.horizonDepin.subarray(0, trials);
  let cheaper = 0;
  for (let i = 0; i < trials; i++) if (hd[i]! < hc[i]!) cheaper++;
  const monthly = [];
  // One buffer for every selection (it reorders what it is given): each month's column, then each horizon.
  const buffer = new Float64Array(Math.max(K, trials));
  const column = buffer.subarray(0, K);
  const monthOf = (values: Float64Array, t: number): Float64Array => {
    for (let i = 0, j = t; i < K; i++, j += months) column[i] = values[j]!;
    return column;
  };
  const horizon = buffer.subarray(0, trials);
  const horizonOf = (values: Float64Array): Float64Array => {
    horizon.set(values);
    return horizon;
  };
  for (let t = 0; t < months; t++) {
    monthly.push({
      month: addMonths(params.startMonth, t),
      cloud: percentilesInPlace(monthOf(out.monthlyCloud, t)),
      depin: percentilesInPlace(monthOf(out.monthlyDepin, t)),
    });
  }
  return {
    trials,
    seed: params.seed,
    months: monthly,
    horizonCloud: percentilesInPlace(horizonOf(hc)),
    horizonDepin: percentilesInPlace(horizonOf(hd)),
    pDepinCheaper: trials > 0 ? cheaper / trials : 0,
  };
}
