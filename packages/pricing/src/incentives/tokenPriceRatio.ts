import { assert } from '../assert.js';
import { INVALID_RATE } from '../messages.js';

/**
 * How much a price denominated in a network's incentive token has moved in USD: P_t ÷ P_ref.
 *
 * Definition (gpufit): an offer's `usdPerGpuHour` is the USD value of its token price observed when the incentive
 * token traded at the scenario's `tokenPrices[symbol].spotUsd` (P_ref). The network charges a fixed number of
 * tokens per GPU-hour (usdPerGpuHour ÷ P_ref), so in a month where the token trades at P_t the USD cost is
 * usdPerGpuHour × P_t ÷ P_ref. Month 0 (P_t = spot) gives the list price.
 */
export function tokenPriceRatio(tokenPriceUsd: number, referenceTokenPriceUsd: number): number {
  assert(Number.isFinite(tokenPriceUsd) && tokenPriceUsd >= 0, INVALID_RATE, tokenPriceUsd);
  assert(
    Number.isFinite(referenceTokenPriceUsd) && referenceTokenPriceUsd > 0,
    INVALID_RATE,
    referenceTokenPriceUsd,
  );
  return tokenPriceUsd / referenceTokenPriceUsd;
}
