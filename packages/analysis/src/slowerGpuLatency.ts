/**
 * What a slower GPU does to a served request's latency. A measured ratio (MLPerf, or a labelled benchmark) is
 * throughput per GPU; a request bound by the GPU's speed (a diffusion step, a decode at low batch) takes about
 * 1 ÷ ratio as long, at the same batch, on a GPU priced at `ratio` of the demand's GPU (an estimate: the ratio is
 * measured on whole benchmark runs, not on one request). So a p99 budget holds on the slower GPU only if a request's
 * p99 on the demand's GPU is about `budget × ratio` or less — which gpufit can state but not check, since the
 * workload gives its budget, not its current latency. (An 8 s budget for a Flux API stated on H100 and priced on
 * L40S at 0.323×: requests must take about 2.58 s or less on the H100 today.)
 *
 * `null` for a GPU at least as fast (ratio ≥ 1) or a ratio that is not a positive finite number.
 */
export interface SlowerGpuLatency {
  /** How many times as long a GPU-bound request can take on the slower GPU: 1 ÷ ratio (> 1). */
  readonly stretch: number;
  /** The p99 on the demand's GPU, in ms, at or under which the budget still holds on the slower GPU. */
  readonly maxDemandP99Ms: number;
}

export function slowerGpuLatency(p99BudgetMs: number, ratio: number): SlowerGpuLatency | null {
  if (!(ratio > 0 && ratio < 1) || !(p99BudgetMs > 0) || !Number.isFinite(p99BudgetMs)) return null;
  return { stretch: 1 / ratio, maxDemandP99Ms: p99BudgetMs * ratio };
}
