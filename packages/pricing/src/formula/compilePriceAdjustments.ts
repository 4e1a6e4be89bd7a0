import type { Offer, PriceAdjustment } from '@gpufit/schema';
import type { PriceAdjuster } from '../estimate/estimateCost.js';
import type { CompiledFormula } from './compileFormula.js';
import { compileFormula } from './compileFormula.js';

/** Variables a price adjustment may use: `price` (USD per GPU-hour, before this adjustment) and `t` (months). */
export const PRICE_ADJUSTMENT_VARIABLES = ['price', 't'] as const;

/**
 * Compiles a scenario's price adjustments once into a `PriceAdjuster` for `estimateCost`. An adjustment applies to
 * offers of its `market` and/or `provider` (all offers when it names neither); several apply in order, each to the
 * previous result.
 */
export async function compilePriceAdjustments(
  adjustments: readonly PriceAdjustment[],
): Promise<PriceAdjuster> {
  const compiled: { readonly adjustment: PriceAdjustment; readonly formula: CompiledFormula }[] = [];
  for (const adjustment of adjustments) {
    compiled.push({
      adjustment,
      formula: await compileFormula(adjustment.expression, PRICE_ADJUSTMENT_VARIABLES),
    });
  }
  return (offer: Offer, usdPerGpuHour: number, month: number) => {
    let price = usdPerGpuHour;
    for (const { adjustment, formula } of compiled) {
      if (adjustment.market !== undefined && adjustment.market !== offer.market) continue;
      if (adjustment.provider !== undefined && adjustment.provider.toLowerCase() !== offer.provider) continue;
      price = formula({ price, t: month });
    }
    return price;
  };
}
