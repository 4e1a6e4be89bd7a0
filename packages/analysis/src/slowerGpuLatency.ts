/**
 * What a slower GPU does to a served request's latency. A request takes about 1 ÷ ratio as long, at the same batch,
 * on a GPU that does `ratio` of the demand GPU's work a second at what bounds the request:
 *
 * - **token generation** (`memory-bandwidth`): an LLM's decode at low batch reads every weight for each token, so
 *   its time per token follows the GPU's memory bandwidth, not its measured throughput (MLPerf and vLLM runs are
 *   batched, where compute and the newer GPU's FP8 kernels count too). The ratio is offer ÷ demand peak memory
 *   bandwidth (`datasets/gpu-tiers.csv` memoryBandwidthGBps, each GPU's datasheet): an fp8 70B moved from H100
 *   (3,350 GB/s) to A100-80GB (2,039 GB/s) decodes about 3,350 ÷ 2,039 = 1.64× as long, where the measured
 *   serving ratio 0.452× read 2.21×. That is per output token only: the request's prefill (reading its input) is
 *   compute-bound, so a long-input request stretches at least by the slower of the measured ratio (2.21×) and the
 *   datasheet dense BF16 compute ratio (989 ÷ 312 = 3.17×), which the risk (risks.ts, gpu-substituted) gives beside;
 * - **anything else** (`throughput`): a diffusion step, an encoder pass or a batch of frames is bound by the GPU's
 *   compute, so the priced throughput ratio (measured, or the datasheet one) is the stretch's ratio: an 8 s Flux API
 *   stated on H100 and priced on L40S at 0.323× must take about 2.58 s or less on the H100 today.
 *
 * Either way an estimate: the ratio is measured on whole benchmark runs or read from datasheets, not on one request.
 * So a p99 budget holds on the slower GPU only if a request's p99 on the demand's GPU is about `budget × ratio` or
 * less — which gpufit can state but not check, since the workload gives its budget, not its current latency.
 */

/** What bounds a request's latency, and so which ratio stretches it. */
export type LatencyBasis = 'memory-bandwidth' | 'throughput';

export interface LatencyRatio {
  /** Work a second on the offer's GPU ÷ on the demand's, at what bounds the request. */
  readonly ratio: number;
  readonly basis: LatencyBasis;
}

export interface SlowerGpuLatency extends LatencyRatio {
  /** How many times as long a request can take on the slower GPU: 1 ÷ ratio (> 1). */
  readonly stretch: number;
  /** The p99 on the demand's GPU, in ms, at or under which the budget still holds on the slower GPU. */
  readonly maxDemandP99Ms: number;
}

/**
 * The ratio that stretches a request's latency: for token generation the offer's peak memory bandwidth ÷ the demand
 * GPU's when both are on record, else (and for every other task) the priced throughput ratio.
 */
export function latencyRatio(
  generatesTokens: boolean,
  throughputRatio: number,
  demandBandwidthGBps: number | null,
  offerBandwidthGBps: number | null,
): LatencyRatio {
  if (
    generatesTokens &&
    demandBandwidthGBps !== null &&
    offerBandwidthGBps !== null &&
    demandBandwidthGBps > 0 &&
    offerBandwidthGBps > 0 &&
    Number.isFinite(demandBandwidthGBps) &&
    Number.isFinite(offerBandwidthGBps)
  )
    return { ratio: offerBandwidthGBps / demandBandwidthGBps, basis: 'memory-bandwidth' };
  return { ratio: throughputRatio, basis: 'throughput' };
}

/** `null` for a GPU at least as fast (ratio ≥ 1) or a ratio that is not a positive finite number. */
export function slowerGpuLatency(p99BudgetMs: number, by: LatencyRatio): SlowerGpuLatency | null {
  const { ratio } = by;
  if (!(ratio > 0 && ratio < 1) || !(p99BudgetMs > 0) || !Number.isFinite(p99BudgetMs)) return null;
  return { ...by, stretch: 1 / ratio, maxDemandP99Ms: p99BudgetMs * ratio };
}
