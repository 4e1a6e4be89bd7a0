import type { CostRejection, Offer, Scenario } from '@gpufit/schema';
import { MAX_ADJUSTED_USD_PER_GPU_HOUR, MIN_USD_PER_GPU_HOUR, namedEntry } from '@gpufit/schema';
import { assert } from '../assert.js';
import * as notes from '../estimate/notes.js';
import { INVALID_SUBSIDY_SHARE } from '../messages.js';
import { initialSubsidyShare } from './subsidyScheduleFor.js';
import { tokenPriceRatio } from './tokenPriceRatio.js';
import { unsubsidizedUsdPerGpuHour } from './unsubsidizedPrice.js';

/** Adjusts a list price per GPU-hour for an offer in month `month` (see `compilePriceAdjustments`). */
export type PriceAdjuster = (offer: Offer, usdPerGpuHour: number, month: number) => number;

/** What sets the price of a GPU-hour in a scenario: the options `estimateCost` takes for it. */
export interface EffectivePriceOptions {
  /** The resolved scenario: its subsidy schedules and token prices. */
  readonly scenario?: Scenario;
  /** Month index since the scenario's start (0 = first month), for price adjustments; default 0. */
  readonly month?: number;
  /**
   * Incentive subsidy share for the month priced. Default: month 0's — the scenario schedule's `share` for the
   * offer's network or token, else the offer's `incentiveSubsidyShare`. A projection passes `subsidyShareAt(…)`.
   */
  readonly subsidyShare?: number;
  /** USD price of the offer's incentive token in the month priced (token-denominated offers); default: spot. */
  readonly tokenPriceUsd?: number;
  /** Compiled scenario price adjustments (`compilePriceAdjustments`). */
  readonly priceAdjuster?: PriceAdjuster;
}

/** A price per GPU-hour, or why the offer has none in this scenario. */
export type EffectivePrice =
  | {
      readonly ok: true;
      /**
       * USD per GPU-hour before the incentive subsidy: unsubsidized (list ÷ (1 − the share in it: month 0's, the
       * scenario's for the network, else the offer's)) × the token's move, then the scenario's adjustments. The GPU lines of an estimate bill this; the subsidy is its own
       * negative line of `share` × it.
       */
      readonly grossUsd: number;
      /** The incentive subsidy share of the month priced. */
      readonly share: number;
      /**
       * The share in today's list price: month 0's (the scenario schedule's `share` for the offer's network, else the
       * offer's `incentiveSubsidyShare`); grossUsd is list ÷ (1 − it) before the token's move and adjustments.
       */
      readonly initialShare: number;
      /**
       * What the tenant pays per GPU-hour: grossUsd × (1 − share); exactly the list price when nothing moved it
       * (the share is month 0's, the token at spot, no adjustment) — month 0 bills the list whatever its share.
       */
      readonly usd: number;
      /** The token's move, for a token-denominated offer whose token the scenario prices; else null. */
      readonly token: {
        readonly symbol: string;
        readonly nowUsd: number;
        readonly spotUsd: number;
        readonly ratio: number;
      } | null;
      /** The incentive token the scenario has no price model for (its move is left out); else null. */
      readonly tokenWithoutModel: string | null;
      /** The price before the scenario's adjustments, when they changed it; else null. */
      readonly adjustedFrom: number | null;
    }
  | { readonly ok: false; readonly rejection: CostRejection };

/**
 * THE effective price of an offer's GPU-hour in a scenario (DESIGN §5.7: effective = unsubsidized × (1 − share)),
 * the one rule estimating (`estimateCost`), matching (the catalog search orders offers by it) and ranking
 * (`rankOffers`) share. Refused (never $0) when the price is unknown, an adjustment is not a price, or the
 * adjusted or subsidized price falls below gpufit's floor. Throws on a subsidy share outside [0, 1).
 */
export function effectivePrice(offer: Offer, options: EffectivePriceOptions): EffectivePrice {
  const list = offer.usdPerGpuHour;
  if (list === null) {
    return refuse('price-unknown', 'the offer has no known price; it is not priced at $0');
  }
  // The share in today's list price: month 0's, the scenario's for the network, else the offer's.
  const initial = initialSubsidyShare(offer, options.scenario);
  assert(Number.isFinite(initial) && initial >= 0 && initial < 1, INVALID_SUBSIDY_SHARE, initial);
  const unsubsidized = unsubsidizedUsdPerGpuHour(offer, options.scenario, list, initial);
  let gross = unsubsidized;
  let token: Extract<EffectivePrice, { ok: true }>['token'] = null;
  let tokenWithoutModel: string | null = null;
  const incentive = offer.incentive;
  if (incentive !== null && incentive.denomination === 'token') {
    const scenario = options.scenario;
    const model =
      scenario === undefined ? undefined : namedEntry(scenario.tokenPrices, incentive.symbol)?.value;
    if (model === undefined) tokenWithoutModel = incentive.symbol;
    else {
      const nowUsd = options.tokenPriceUsd ?? model.spotUsd;
      const ratio = tokenPriceRatio(nowUsd, model.spotUsd);
      gross *= ratio;
      token = { symbol: incentive.symbol, nowUsd, spotUsd: model.spotUsd, ratio };
    }
  }
  let adjustedFrom: number | null = null;
  if (options.priceAdjuster !== undefined) {
    const adjusted = options.priceAdjuster(offer, gross, options.month ?? 0);
    if (!(Number.isFinite(adjusted) && adjusted <= MAX_ADJUSTED_USD_PER_GPU_HOUR)) {
      return refuse('price-unknown', notes.badAdjustment(adjusted));
    }
    if (!(adjusted >= MIN_USD_PER_GPU_HOUR)) {
      return refuse('price-below-floor', notes.adjustedBelowFloor(adjusted));
    }
    if (adjusted !== gross) adjustedFrom = gross;
    gross = adjusted;
  }
  const share = options.subsidyShare ?? initial;
  assert(Number.isFinite(share) && share >= 0 && share < 1, INVALID_SUBSIDY_SHARE, share);
  const usd = share === initial && gross === unsubsidized ? list : gross * (1 - share);
  if (!(usd >= MIN_USD_PER_GPU_HOUR)) {
    return refuse('price-below-floor', notes.subsidizedBelowFloor(gross, share));
  }
  return {
    ok: true,
    grossUsd: gross,
    share,
    initialShare: initial,
    usd,
    token,
    tokenWithoutModel,
    adjustedFrom,
  };
}

function refuse(code: CostRejection['code'], message: string): EffectivePrice {
  return { ok: false, rejection: { code, message } };
}
