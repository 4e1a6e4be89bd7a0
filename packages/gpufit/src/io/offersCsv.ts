import { neutralizeFormula } from '@gpufit/report';
import { OFFER_FIELDS, type Offer } from '@gpufit/schema';
import { stringify } from 'csv-stringify/sync';

/**
 * One offer as a row of `offers.csv` (the inverse of the loader: lists `;`-joined, unknowns empty). Free text
 * (names, instance types, regions, sources, notes) comes from imported payloads and `--source`, so a cell that
 * would start a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, as in the report CSVs.
 */
export function offerToCsvRecord(o: Offer): string[] {
  const cell = (x: string | number | boolean | null | undefined): string =>
    x === null || x === undefined ? '' : String(x);
  const text = (x: string | null | undefined): string => neutralizeFormula(cell(x));
  const record: Record<(typeof OFFER_FIELDS)[number], string> = {
    id: text(o.id),
    provider: text(o.provider),
    providerName: text(o.providerName),
    market: o.market,
    instanceType: text(o.instanceType),
    gpu: o.gpu,
    gpuMemoryGiB: cell(o.gpuMemoryGiB),
    gpusPerInstance: cell(o.gpusPerInstance),
    region: text(o.region),
    country: cell(o.country),
    regionListing: cell(o.regionListing),
    pricingCategory: o.pricingCategory,
    termMonths: cell(o.termMonths),
    usdPerGpuHour: cell(o.usdPerGpuHour),
    usdPerGpuHourMin: cell(o.usdPerGpuHourMin),
    usdPerGpuHourMax: cell(o.usdPerGpuHourMax),
    availability: cell(o.availability),
    interruptionsPerHour: cell(o.interruptionsPerHour),
    zonesWithSpot: cell(o.zonesWithSpot),
    verified: cell(o.verified),
    hosting: o.hosting,
    certifications: o.certifications.join(';'),
    interconnect: o.interconnect,
    egressUsdPerGiB: cell(o.egressUsdPerGiB),
    egressTiers: o.egressTiers?.map((t) => `${t.upToGiB ?? 'inf'}:${t.usdPerGiB}`).join(';') ?? '',
    ingressUsdPerGiB: cell(o.ingressUsdPerGiB),
    incentiveSymbol: cell(o.incentive?.symbol),
    incentiveSubsidyShare: cell(o.incentive?.subsidyShare),
    incentiveDenomination: cell(o.incentive?.denomination),
    billingIncrementSeconds: cell(o.billingIncrementSeconds),
    minimumBillableSeconds: cell(o.minimumBillableSeconds),
    reliabilitySource: text(o.reliabilitySource),
    egressSource: text(o.egressSource),
    source: text(o.source),
    asOf: o.asOf,
    notes: text(o.notes),
  };
  return OFFER_FIELDS.map((f) => record[f]);
}

/** Offers as an `offers.csv` document (header + rows, LF line ends), loadable by `loadOffersCsv`. */
export function offersToCsv(offers: readonly Offer[]): string {
  return stringify([[...OFFER_FIELDS], ...offers.map(offerToCsvRecord)]);
}
