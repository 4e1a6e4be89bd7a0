import { z } from 'zod';
import {
  asOfString,
  boundedNumber,
  nonEmptyText,
  oneOf,
  placeCode,
  positiveInt,
  visibleText,
} from './common.js';
import { OFFER_FIELD_RULES as R } from './offerFields.js';
import { ownField, withoutNulls } from './readBack.js';
import { isCommitted, MARKET_REGISTRY, type PricingCategory } from './registries.js';
import { isCapacityBlock } from './termCommitment.js';
import type { Denomination } from './vocabulary.js';

/** Column order of `datasets/offers.csv`; list fields are `;`-separated. */
export const OFFER_FIELDS = [
  'id',
  'provider',
  'providerName',
  'market',
  'instanceType',
  'gpu',
  'gpuMemoryGiB',
  'gpusPerInstance',
  'region',
  'country',
  'regionListing',
  'pricingCategory',
  'termMonths',
  'usdPerGpuHour',
  'usdPerGpuHourMin',
  'usdPerGpuHourMax',
  'availability',
  'interruptionsPerHour',
  'zonesWithSpot',
  'verified',
  'hosting',
  'certifications',
  'interconnect',
  'egressUsdPerGiB',
  'egressTiers',
  'ingressUsdPerGiB',
  'incentiveSymbol',
  'incentiveSubsidyShare',
  'incentiveDenomination',
  'billingIncrementSeconds',
  'minimumBillableSeconds',
  'reliabilitySource',
  'egressSource',
  'source',
  'asOf',
  'notes',
] as const;

/**
 * One egress price tier: GiB up to `upToGiB` (cumulative, per month) cost `usdPerGiB`; `upToGiB: null` is the
 * open last tier. In CSV a tier list is written `100:0;10340:0.09;inf:0.05`.
 */
export const egressTierSchema = z.object({
  upToGiB: z.number().positive().nullable(),
  usdPerGiB: boundedNumber('egress tier price', 0, 10, 'USD/GiB'),
});
export type EgressTier = z.infer<typeof egressTierSchema>;

const egressTiers = z.array(egressTierSchema).superRefine((tiers, ctx) => {
  let last = 0;
  tiers.forEach((t, i) => {
    if (t.upToGiB === null && i !== tiers.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: 'only the last egress tier may be open-ended (inf)',
      });
    }
    if (t.upToGiB !== null && t.upToGiB <= last) {
      ctx.addIssue({ code: 'custom', path: [i], message: 'egress tiers must have increasing upper bounds' });
    }
    if (t.upToGiB !== null) last = t.upToGiB;
  });
});

/** A price per GPU-hour in USD, from gpufit's floor to the listed ceiling (priceLimits.ts). */
function usdPerGpuHour(field: string, unknown = '', belowFloor = '', aboveCeiling = '') {
  return z
    .number({ error: `${field} must be a number (USD per GPU-hour)${unknown}` })
    .min(R.usdPerGpuHour.min, {
      error: `${field} must be at least ${R.usdPerGpuHour.min} USD per GPU-hour (gpufit's price floor)${belowFloor}`,
    })
    .max(R.usdPerGpuHour.max, {
      error: `${field} must be at most ${R.usdPerGpuHour.max} USD per GPU-hour${aboveCeiling}`,
    });
}

export const offerInputSchema = z
  .object({
    id: nonEmptyText('id', R.id.maxLength),
    provider: nonEmptyText('provider', R.provider.maxLength).transform((s) => s.toLowerCase()),
    providerName: nonEmptyText('providerName', R.providerName.maxLength).optional(),
    market: oneOf('market', R.market.values),
    instanceType: nonEmptyText('instanceType', R.instanceType.maxLength).optional(),
    gpu: nonEmptyText('gpu', R.gpu.maxLength),
    gpuMemoryGiB: boundedNumber('gpuMemoryGiB', R.gpuMemoryGiB.min, R.gpuMemoryGiB.max, 'GiB per GPU'),
    gpusPerInstance: positiveInt('gpusPerInstance', R.gpusPerInstance.max),
    region: nonEmptyText('region', R.region.maxLength),
    country: placeCode.optional(),
    /**
     * How the source lists the instance type's regions: `every-region` = it lists every region of the provider for
     * every type (SkyPilot's Lambda catalog: "live availability not encoded"), so the row does not show the type is
     * offered in its region; `per-type` = it lists the regions each type is offered in. Absent = not stated.
     */
    regionListing: oneOf('regionListing', R.regionListing.values).optional(),
    pricingCategory: oneOf('pricingCategory', R.pricingCategory.values),
    termMonths: positiveInt('termMonths', R.termMonths.max).optional(),
    /** List price per GPU-hour in USD. Absent = price unknown (a state, never $0). */
    usdPerGpuHour: usdPerGpuHour(
      'usdPerGpuHour',
      ', or empty when unknown',
      '; leave it empty when the price is unknown',
      '; is this a per-instance price?',
    ).optional(),
    /**
     * The spread behind a typical price, in USD per GPU-hour: for hyperscaler spot the lowest and highest spot
     * price over the region's zones (the row's price is their median); for a marketplace the range of its
     * offers. They feed the Monte Carlo's price draws; the row's own price is what gpufit quotes.
     */
    usdPerGpuHourMin: usdPerGpuHour('usdPerGpuHourMin').optional(),
    usdPerGpuHourMax: usdPerGpuHour('usdPerGpuHourMax').optional(),
    availability: boundedNumber('availability', R.availability.min, R.availability.max).optional(),
    interruptionsPerHour: boundedNumber(
      'interruptionsPerHour',
      R.interruptionsPerHour.min,
      R.interruptionsPerHour.max,
      'per hour',
    ).optional(),
    /** Zones of the region that list a spot price (Dynamic hyperscaler rows): bounds the spot capacity counted on. */
    zonesWithSpot: z
      .number({ error: 'zonesWithSpot must be a whole number' })
      .int({ error: 'zonesWithSpot must be a whole number' })
      .min(R.zonesWithSpot.min, { error: `zonesWithSpot must be at least ${R.zonesWithSpot.min}` })
      .max(R.zonesWithSpot.max, { error: `zonesWithSpot must be at most ${R.zonesWithSpot.max}` })
      .optional(),
    verified: z.boolean({ error: 'verified must be true or false' }).optional(),
    hosting: oneOf('hosting', R.hosting.values).optional(),
    certifications: z.array(oneOf('certifications', R.certifications.values)).optional(),
    interconnect: oneOf('interconnect', R.interconnect.values).optional(),
    egressUsdPerGiB: boundedNumber(
      'egressUsdPerGiB',
      R.egressUsdPerGiB.min,
      R.egressUsdPerGiB.max,
      'USD/GiB',
    ).optional(),
    egressTiers: egressTiers.optional(),
    ingressUsdPerGiB: boundedNumber(
      'ingressUsdPerGiB',
      R.ingressUsdPerGiB.min,
      R.ingressUsdPerGiB.max,
      'USD/GiB',
    ).optional(),
    incentiveSymbol: nonEmptyText('incentiveSymbol', R.incentiveSymbol.maxLength)
      .transform((s) => s.toUpperCase())
      .optional(),
    incentiveSubsidyShare: boundedNumber(
      'incentiveSubsidyShare',
      R.incentiveSubsidyShare.min,
      R.incentiveSubsidyShare.max,
    ).optional(),
    incentiveDenomination: oneOf('incentiveDenomination', R.incentiveDenomination.values).optional(),
    /** The provider's billing increment (AWS bills per second, Lambda per minute); absent = billed continuously. */
    billingIncrementSeconds: positiveInt('billingIncrementSeconds', R.billingIncrementSeconds.max).optional(),
    /** The least time billed per instance start (Spheron: 20 minutes; AWS: 60 s); default none. */
    minimumBillableSeconds: z
      .number({ error: 'minimumBillableSeconds must be a whole number of seconds' })
      .int({ error: 'minimumBillableSeconds must be a whole number of seconds' })
      .min(R.minimumBillableSeconds.min, {
        error: `minimumBillableSeconds must be at least ${R.minimumBillableSeconds.min}`,
      })
      .max(R.minimumBillableSeconds.max, { error: 'minimumBillableSeconds must be at most 31 days' })
      .optional(),
    reliabilitySource: nonEmptyText('reliabilitySource', R.reliabilitySource.maxLength).optional(),
    egressSource: nonEmptyText('egressSource', R.egressSource.maxLength).optional(),
    source: nonEmptyText('source', R.source.maxLength),
    asOf: asOfString,
    notes: z.string().max(R.notes.maxLength).superRefine(visibleText('notes')).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    for (const issue of offerRuleIssues(o)) {
      ctx.addIssue({
        code: 'custom',
        path: [issue.field],
        params: { gpufit: issue.code },
        message: issue.message,
      });
    }
  });

/** The fields a rule across an offer's columns reads. */
export interface OfferRuleInput {
  readonly pricingCategory: PricingCategory;
  readonly termMonths?: number | undefined;
  readonly usdPerGpuHour?: number | undefined;
  readonly usdPerGpuHourMin?: number | undefined;
  readonly usdPerGpuHourMax?: number | undefined;
  readonly incentiveSymbol?: string | undefined;
  readonly incentiveSubsidyShare?: number | undefined;
  readonly incentiveDenomination?: Denomination | undefined;
  readonly minimumBillableSeconds?: number | undefined;
}

/**
 * The rules across an offer's columns (a Committed offer has a term, or is a capacity block booked in whole days, a price lies within its spread, an
 * incentive names its token), as the schema reports them; empty when the row keeps them all. One function for
 * the zod schema and the loader's fast row decoder.
 */
export function offerRuleIssues(
  o: OfferRuleInput,
): { readonly field: string; readonly code: string; readonly message: string }[] {
  const out: { field: string; code: string; message: string }[] = [];
  if (isCommitted(o.pricingCategory) && o.termMonths === undefined && !isCapacityBlock(o)) {
    out.push({
      field: 'termMonths',
      code: 'committed_without_term',
      message:
        'a Committed offer needs termMonths (the length of the commitment), unless it is a capacity block booked in whole days (minimumBillableSeconds of 86400 or more)',
    });
  }
  if (!isCommitted(o.pricingCategory) && o.termMonths !== undefined) {
    out.push({
      field: 'termMonths',
      code: 'term_without_commitment',
      message: 'termMonths is only meaningful for a Committed offer',
    });
  }
  const price = o.usdPerGpuHour;
  if (o.usdPerGpuHourMin !== undefined && price !== undefined && o.usdPerGpuHourMin > price) {
    out.push({
      field: 'usdPerGpuHourMin',
      code: 'spread_above_price',
      message: `usdPerGpuHourMin (${o.usdPerGpuHourMin}) is above the row's usdPerGpuHour (${price}); the price must lie within its spread`,
    });
  }
  if (o.usdPerGpuHourMax !== undefined && price !== undefined && o.usdPerGpuHourMax < price) {
    out.push({
      field: 'usdPerGpuHourMax',
      code: 'spread_below_price',
      message: `usdPerGpuHourMax (${o.usdPerGpuHourMax}) is below the row's usdPerGpuHour (${price}); the price must lie within its spread`,
    });
  }
  if ((o.usdPerGpuHourMin !== undefined || o.usdPerGpuHourMax !== undefined) && price === undefined) {
    out.push({
      field: 'usdPerGpuHour',
      code: 'spread_without_price',
      message: 'a price spread (usdPerGpuHourMin/Max) needs the typical price usdPerGpuHour',
    });
  }
  if ((o.incentiveSubsidyShare !== undefined || o.incentiveDenomination === 'token') && !o.incentiveSymbol) {
    out.push({
      field: 'incentiveSymbol',
      code: 'incentive_without_symbol',
      message:
        'an incentive subsidy or token denomination needs the network incentive token symbol (e.g. AKT)',
    });
  }
  return out;
}

/**
 * A normalized offer (recognized by its `incentive` field, which no catalog row has) read back as the row it
 * stands for: `null` fields left out (no column takes `null`) and the incentive spread into its three columns. Anything else passes
 * through as it is.
 */
function normalizedAsInput(value: unknown): unknown {
  if (ownField(value, 'incentive') === undefined) return value;
  const out = withoutNulls(value, 'all', ['incentive']) as Record<string, unknown>;
  const incentive = ownField(value, 'incentive');
  if (incentive === null) return out;
  if (typeof incentive !== 'object') return value;
  return {
    ...out,
    incentiveSymbol: ownField(incentive, 'symbol'),
    incentiveSubsidyShare: ownField(incentive, 'subsidyShare'),
    incentiveDenomination: ownField(incentive, 'denomination'),
  };
}

/**
 * A validated row with its defaults: the offer it stands for (one function for the zod schema and the loader's
 * fast row decoder, so both build the same object, key order included).
 */
export function offerFromInput(o: z.output<typeof offerInputSchema>) {
  return {
    id: o.id,
    provider: o.provider,
    providerName: o.providerName ?? o.provider,
    market: o.market,
    instanceType: o.instanceType ?? null,
    gpu: o.gpu,
    gpuMemoryGiB: o.gpuMemoryGiB,
    gpusPerInstance: o.gpusPerInstance,
    region: o.region,
    country: o.country ?? null,
    regionListing: o.regionListing ?? null,
    pricingCategory: o.pricingCategory,
    termMonths: o.termMonths ?? null,
    usdPerGpuHour: o.usdPerGpuHour ?? null,
    usdPerGpuHourMin: o.usdPerGpuHourMin ?? null,
    usdPerGpuHourMax: o.usdPerGpuHourMax ?? null,
    availability: o.availability ?? null,
    interruptionsPerHour: o.interruptionsPerHour ?? null,
    zonesWithSpot: o.zonesWithSpot ?? null,
    verified: o.verified ?? false,
    hosting: o.hosting ?? MARKET_REGISTRY[o.market].hosting,
    certifications: [...new Set(o.certifications ?? [])],
    interconnect: o.interconnect ?? 'none',
    egressUsdPerGiB: o.egressUsdPerGiB ?? null,
    egressTiers: o.egressTiers ?? null,
    ingressUsdPerGiB: o.ingressUsdPerGiB ?? 0,
    incentive: o.incentiveSymbol
      ? {
          symbol: o.incentiveSymbol,
          subsidyShare: o.incentiveSubsidyShare ?? 0,
          denomination: o.incentiveDenomination ?? 'usd-pegged',
        }
      : null,
    billingIncrementSeconds: o.billingIncrementSeconds ?? null,
    minimumBillableSeconds: o.minimumBillableSeconds ?? 0,
    reliabilitySource: o.reliabilitySource ?? null,
    egressSource: o.egressSource ?? null,
    source: o.source,
    asOf: o.asOf,
    notes: o.notes ?? '',
  };
}

/** An offer with defaults applied. It also reads the offers it writes (`parse(parse(x))` equals `parse(x)`). */
export const offerSchema = z.preprocess(normalizedAsInput, offerInputSchema).transform(offerFromInput);

export type OfferInput = z.input<typeof offerInputSchema>;
export type Offer = z.output<typeof offerSchema>;
export type Incentive = NonNullable<Offer['incentive']>;
