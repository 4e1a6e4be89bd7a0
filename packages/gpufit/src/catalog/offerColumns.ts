import type { Offer } from '@gpufit/schema';
import type { ColumnReaders } from './loadResultCodec.js';

type Certifications = Offer['certifications'];
type EgressTiers = NonNullable<Offer['egressTiers']>;
type Incentive = NonNullable<Offer['incentive']>;

/*
 * Each offer's own copies of its lists and incentive (a caller may change one offer), written as literals of
 * the offer's shape: the codec uses one for a stored value only where its copy gives back that value's JSON
 * exactly, and copies generically otherwise.
 */
const copyCertifications = (v: Certifications): Certifications => v.slice();
const copyEgressTiers = (v: EgressTiers): EgressTiers =>
  v.map((t) => ({ upToGiB: t.upToGiB, usdPerGiB: t.usdPerGiB }));
const copyIncentive = (v: Incentive): Incentive => ({
  symbol: v.symbol,
  subsidyShare: v.subsidyShare,
  denomination: v.denomination,
});

/**
 * Builds offers from the catalog cache's columns (`decodeLoadResult`), one object literal per offer in the key
 * order of `offerFromInput` (a test compares the JSON of the bundled catalog loaded both ways). Typed as `Offer`,
 * so a field added to the offer fails the type check here until it is read.
 */
export function offerRowBuilder(c: ColumnReaders): (r: number) => Offer {
  const id = c.text('id');
  const provider = c.text('provider');
  const providerName = c.text('providerName');
  const market = c.text('market') as (r: number) => Offer['market'];
  const instanceType = c.textOrNull('instanceType');
  const gpu = c.text('gpu');
  const gpuMemoryGiB = c.number('gpuMemoryGiB');
  const gpusPerInstance = c.number('gpusPerInstance');
  const region = c.text('region');
  const country = c.textOrNull('country');
  const regionListing = c.textOrNull('regionListing') as (r: number) => Offer['regionListing'];
  const pricingCategory = c.text('pricingCategory') as (r: number) => Offer['pricingCategory'];
  const termMonths = c.numberOrNull('termMonths');
  const usdPerGpuHour = c.numberOrNull('usdPerGpuHour');
  const usdPerGpuHourMin = c.numberOrNull('usdPerGpuHourMin');
  const usdPerGpuHourMax = c.numberOrNull('usdPerGpuHourMax');
  const availability = c.numberOrNull('availability');
  const interruptionsPerHour = c.numberOrNull('interruptionsPerHour');
  const zonesWithSpot = c.numberOrNull('zonesWithSpot');
  const verified = c.boolean('verified');
  const hosting = c.text('hosting') as (r: number) => Offer['hosting'];
  const certifications = c.json<Offer['certifications']>('certifications', copyCertifications);
  const interconnect = c.text('interconnect') as (r: number) => Offer['interconnect'];
  const egressUsdPerGiB = c.numberOrNull('egressUsdPerGiB');
  const egressTiers = c.json<Offer['egressTiers']>('egressTiers', copyEgressTiers);
  const ingressUsdPerGiB = c.number('ingressUsdPerGiB');
  const incentive = c.json<Offer['incentive']>('incentive', copyIncentive);
  const billingIncrementSeconds = c.numberOrNull('billingIncrementSeconds');
  const minimumBillableSeconds = c.number('minimumBillableSeconds');
  const reliabilitySource = c.textOrNull('reliabilitySource');
  const egressSource = c.textOrNull('egressSource');
  const source = c.text('source');
  const asOf = c.text('asOf');
  const notes = c.text('notes');
  return (r) => ({
    id: id(r),
    provider: provider(r),
    providerName: providerName(r),
    market: market(r),
    instanceType: instanceType(r),
    gpu: gpu(r),
    gpuMemoryGiB: gpuMemoryGiB(r),
    gpusPerInstance: gpusPerInstance(r),
    region: region(r),
    country: country(r),
    regionListing: regionListing(r),
    pricingCategory: pricingCategory(r),
    termMonths: termMonths(r),
    usdPerGpuHour: usdPerGpuHour(r),
    usdPerGpuHourMin: usdPerGpuHourMin(r),
    usdPerGpuHourMax: usdPerGpuHourMax(r),
    availability: availability(r),
    interruptionsPerHour: interruptionsPerHour(r),
    zonesWithSpot: zonesWithSpot(r),
    verified: verified(r),
    hosting: hosting(r),
    certifications: certifications(r),
    interconnect: interconnect(r),
    egressUsdPerGiB: egressUsdPerGiB(r),
    egressTiers: egressTiers(r),
    ingressUsdPerGiB: ingressUsdPerGiB(r),
    incentive: incentive(r),
    billingIncrementSeconds: billingIncrementSeconds(r),
    minimumBillableSeconds: minimumBillableSeconds(r),
    reliabilitySource: reliabilitySource(r),
    egressSource: egressSource(r),
    source: source(r),
    asOf: asOf(r),
    notes: notes(r),
  });
}
