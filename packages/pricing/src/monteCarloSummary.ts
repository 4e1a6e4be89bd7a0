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
import { percentiles } from './percentile.js';

export function summarizeMonteCarlo(params: MonteCarloParams, out: MonteCarloOut): Distribution {
  const { trials, months, sampleTrials: K } = params;
  const hc = out.horizonCloud.subarray(0, trials);
  const hd = out.horizonDepin.subarray(0, trials);
  let cheaper = 0;
  for (let i = 0; i < trials; i++) if (hd[i]! < hc[i]!) cheaper++;
  const monthly = [];
  const column = new Float64Array(K);
  const monthOf = (values: Float64Array, t: number): Float64Array => {
    for (let i = 0; i < K; i++) column[i] = values[i * months + t]!;
    return column;
  };
  for (let t = 0; t < months; t++) {
    monthly.push({
      month: addMonths(params.startMonth, t),
      cloud: percentiles(monthOf(out.monthlyCloud, t)),
      depin: percentiles(monthOf(out.monthlyDepin, t)),
    });
  }
  return {
    trials,
    seed: params.seed,
    months: monthly,
    horizonCloud: percentiles(hc),
    horizonDepin: percentiles(hd),
    pDepinCheaper: trials > 0 ? cheaper / trials : 0,
  };
}
