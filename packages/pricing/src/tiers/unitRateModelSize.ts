/**
 * How far apart in size a measured model and a workload's model may be for the one's output rate to stand for the
 * other's: at most this factor, either way (gpufit assumption). A decoder's tokens a second fall about as its
 * parameters rise (each token reads every weight; MLPerf's own rows: Llama 3.1 8B on H100 5,104 tokens/s, Llama 2
 * 70B 3,821 per GPU on the same systems, and Llama 3.1 405B 35), and a diffusion step's work grows with its network,
 * so a rate carried across a factor f is off by up to about f. Within 2× that error is no larger than the gap the
 * reports already name between a benchmark's batched rate and real low-concurrency serving; beyond it the figure
 * would describe another model: a 12 B Flux.1 API priced at SDXL's (3.5 B) 0.738 images a second per L40S was told
 * its 1.5 M images a month filled 12.9 % of its GPU-hours.
 */
export const UNIT_RATE_MAX_SIZE_RATIO = 2;

/** Whether a rate measured on a model of `measuredBillions` parameters stands for one of `modelBillions`. */
export function unitRateFitsModel(measuredBillions: number, modelBillions: number): boolean {
  if (!(measuredBillions > 0 && modelBillions > 0)) return false;
  return (
    Math.max(measuredBillions, modelBillions) / Math.min(measuredBillions, modelBillions) <=
    UNIT_RATE_MAX_SIZE_RATIO
  );
}
