import { type FocusService, MARKET_REGISTRY, type Market } from '@gpufit/schema';

export type { FocusService };

/**
 * FOCUS 1.2 service columns of an offer's market, from `MARKET_REGISTRY` (each ServiceName maps to exactly one
 * ServiceCategory and one ServiceSubcategory: validator rules ServiceName-C-005-C/C-008-C,
 * ServiceSubcategory-C-004-M).
 */
export function focusService(market: Market): FocusService {
  return MARKET_REGISTRY[market].focus;
}
