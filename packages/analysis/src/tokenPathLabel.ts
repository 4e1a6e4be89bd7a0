import { tokenStepCoefficients } from '@gpufit/pricing';
import type { TokenPriceModel } from '@gpufit/schema';

const times = (x: number): string => `×${Math.round(x * 100) / 100}`;

/**
 * The token price a model expects and its median after 12 months, relative to today: under geometric Brownian
 * motion (pricing's tokenPricePath) E[S(12)] = S0·e^μ, while the log price moves by μ − σ²/2 a year, so the median
 * path is S0·e^(μ − σ²/2). A crypto treasurer read "expected ×0.25 …, drift -1.4 a year on the log scale" for
 * token-crash.json's μ = -1.4, σ = 1.2, where the log drift is -2.12 and the typical path ends at ×0.12.
 */
export function tokenPathRatios(model: TokenPriceModel): { readonly mean: number; readonly median: number } {
  const { logDrift } = tokenStepCoefficients(model);
  return { mean: Math.exp(model.annualDrift), median: Math.exp(logDrift * 12) };
}

/** "NOS price path (expected ×0.25, median ×0.12 after 12 months: drift -1.4 a year, volatility 120 %)". */
export function tokenPathLabel(key: string, model: TokenPriceModel): string {
  const { mean, median } = tokenPathRatios(model);
  const vol = `${Math.round(model.annualVolatility * 1000) / 10} %`;
  return `${key} price path (expected ${times(mean)}, median ${times(median)} after 12 months: drift ${model.annualDrift} a year, volatility ${vol})`;
}
