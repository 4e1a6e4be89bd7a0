import { MAX_LISTED_USD_PER_GPU_HOUR, MIN_USD_PER_GPU_HOUR } from './priceLimits.js';
import { MARKETS, PRICING_CATEGORIES } from './registries.js';
import {
  COMPLIANCE_REQUIREMENTS,
  DENOMINATIONS,
  HOSTINGS,
  INTERCONNECTS,
  REGION_LISTINGS,
} from './vocabulary.js';

/**
 * The rule of one offer column: its type, bounds and vocabulary. The zod schema (`offerInputSchema`) takes its
 * bounds and vocabularies from this table, and so does the loader's fast row decoder, so the two cannot drift
 * apart; messages and the rules across fields stay in offer.ts. `required`: the row is refused without it.
 */
export type OfferFieldRule =
  /** Trimmed, non-empty, at most `maxLength` characters, no hidden character; `case` is applied after. */
  | {
      readonly type: 'text';
      readonly maxLength: number;
      readonly required: boolean;
      readonly case?: 'lower' | 'upper';
    }
  /** Free text that may be empty (`notes`): at most `maxLength` characters, no hidden character. */
  | { readonly type: 'note'; readonly maxLength: number }
  | {
      readonly type: 'number';
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
      readonly required: boolean;
    }
  | { readonly type: 'enum'; readonly values: readonly [string, ...string[]]; readonly required: boolean }
  | { readonly type: 'boolean' }
  /** A `;` list of vocabulary words. */
  | { readonly type: 'list'; readonly values: readonly [string, ...string[]] }
  /** A country or a bloc, upper-cased (`placeCode`). */
  | { readonly type: 'place' }
  /** `YYYY-MM-DD` or `YYYY-MM`, a real day from 2000 to 2099. */
  | { readonly type: 'date'; readonly required: boolean }
  /** `upToGiB:usdPerGiB;…;inf:usdPerGiB`. */
  | { readonly type: 'egressTiers' };

const text = (maxLength: number, required = false, letterCase?: 'lower' | 'upper') =>
  letterCase === undefined
    ? ({ type: 'text', maxLength, required } as const)
    : ({ type: 'text', maxLength, required, case: letterCase } as const);
const num = (min: number, max: number, required = false) =>
  ({ type: 'number', min, max, integer: false, required }) as const;
const whole = (min: number, max: number, required = false) =>
  ({ type: 'number', min, max, integer: true, required }) as const;
const price = num(MIN_USD_PER_GPU_HOUR, MAX_LISTED_USD_PER_GPU_HOUR);
const oneOf = <const V extends readonly [string, ...string[]]>(values: V, required = false) =>
  ({ type: 'enum', values, required }) as const;

/** Every offer column's rule, in `OFFER_FIELDS` order. */
export const OFFER_FIELD_RULES = {
  id: text(160, true),
  provider: text(64, true, 'lower'),
  providerName: text(200),
  market: oneOf(MARKETS, true),
  instanceType: text(120),
  gpu: text(64, true),
  gpuMemoryGiB: num(1, 4096, true),
  gpusPerInstance: whole(1, 1024, true),
  region: text(120, true),
  country: { type: 'place' },
  regionListing: oneOf(REGION_LISTINGS),
  pricingCategory: oneOf(PRICING_CATEGORIES, true),
  termMonths: whole(1, 120),
  usdPerGpuHour: price,
  usdPerGpuHourMin: price,
  usdPerGpuHourMax: price,
  availability: num(0, 1),
  interruptionsPerHour: num(0, 60),
  zonesWithSpot: whole(0, 64),
  verified: { type: 'boolean' },
  hosting: oneOf(HOSTINGS),
  certifications: { type: 'list', values: COMPLIANCE_REQUIREMENTS },
  interconnect: oneOf(INTERCONNECTS),
  egressUsdPerGiB: num(0, 10),
  egressTiers: { type: 'egressTiers' },
  ingressUsdPerGiB: num(0, 10),
  incentiveSymbol: text(16, false, 'upper'),
  incentiveSubsidyShare: num(0, 0.99),
  incentiveDenomination: oneOf(DENOMINATIONS),
  billingIncrementSeconds: whole(1, 86_400),
  minimumBillableSeconds: whole(0, 2_678_400),
  reliabilitySource: text(500),
  egressSource: text(500),
  source: text(500, true),
  asOf: { type: 'date', required: true },
  notes: { type: 'note', maxLength: 2000 },
} as const satisfies Record<string, OfferFieldRule>;
