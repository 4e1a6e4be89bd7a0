import {
  MAX_ADJUSTED_USD_PER_GPU_HOUR,
  MIN_USD_PER_GPU_HOUR,
  type Offer,
  type PriceAdjustment,
} from '@gpufit/schema';
import type { PriceAdjuster } from '../estimate/estimateCost.js';
import type { CompiledFormula, FormulaRange } from './compileFormula.js';
import { compileFormula } from './compileFormula.js';

/** Variables a price adjustment may use: `price` (USD per GPU-hour, before this adjustment) and `t` (months). */
export const PRICE_ADJUSTMENT_VARIABLES = ['price', 't'] as const;

/**
 * What a price adjustment may return: at most the adjusted-price ceiling (a larger price is bad input, not a
 * number to round). Below the floor is not an error of the formula: `estimateCost` leaves that offer unpriced
 * with the reason `price-below-floor` (`price > 2 ? price : 0` drops the cheap offers, it does not make them free).
 */
export const ADJUSTED_PRICE_RANGE: FormulaRange = {
  min: Number.NEGATIVE_INFINITY,
  max: MAX_ADJUSTED_USD_PER_GPU_HOUR,
  describe: `an adjusted price may be at most ${MAX_ADJUSTED_USD_PER_GPU_HOUR} USD per GPU-hour; below ${MIN_USD_PER_GPU_HOUR} the offer is left unpriced`,
};

/** One compiled adjustment and the offers it applies to. */
interface CompiledPriceAdjustment {
  readonly adjustment: PriceAdjustment;
  readonly formula: CompiledFormula;
}

/** Whether an adjustment applies to an offer: its `market` and `provider` (any case), when it names them. */
function adjustmentApplies(adjustment: PriceAdjustment, offer: Offer): boolean {
  if (adjustment.market !== undefined && adjustment.market !== offer.market) return false;
  return adjustment.provider === undefined || adjustment.provider.toLowerCase() === offer.provider;
}

/**
 * Compiles a scenario's price adjustments once into a `PriceAdjuster` for `estimateCost`. An adjustment applies to
 * offers of its `market` and/or `provider` (all offers when it names neither); several apply in order, each to the
 * previous result. A result above `ADJUSTED_PRICE_RANGE` throws a `FormulaError` (`out-of-range`).
 */
export async function compilePriceAdjustments(
  adjustments: readonly PriceAdjustment[],
): Promise<PriceAdjuster> {
  const compiled: CompiledPriceAdjustment[] = [];
  for (const adjustment of adjustments) {
    compiled.push({
      adjustment,
      formula: await compileFormula(adjustment.expression, PRICE_ADJUSTMENT_VARIABLES, {
        range: ADJUSTED_PRICE_RANGE,
      }),
    });
  }
  return (offer: Offer, usdPerGpuHour: number, month: number) => {
    let price = usdPerGpuHour;
    for (const { adjustment, formula } of compiled) {
      if (adjustmentApplies(adjustment, offer)) price = formula({ price, t: month });
    }
    return price;
  };
}
