import { isInterruptibleCategory, MARKET_REGISTRY, type Offer } from '@gpufit/schema';

/**
 * gpufit rule: spot GPUs a workload may count on per zone that lists a spot price — one 8-GPU server's worth
 * (or one instance, when an instance is larger). Why a limit at all: a spot market is capacity the provider has
 * not sold, and it is thinnest for the newest GPUs (SpotLake, IISWC 2022: "availability correlates with hardware
 * maturity"); instances of one type in one zone are reclaimed together (Spot-and-Scoot, arXiv 2604.16457:
 * co-interruptions within the same type and zone follow within 3 minutes in > 92 % of cases), so more instances
 * in one zone add risk, not capacity; and many regions list spot in only some zones, or at the on-demand price
 * (spot-by-zone.csv: p5 in ap-southeast-2/3, every US zone of p5.4xlarge). Why 8: the size of one standard GPU
 * server; no source publishes a capacity figure, so this is a gpufit assumption (reliability-facts.md, "Spot
 * trace datasets"; docs/methodology.md, "Capacity that exists").
 */
export const DYNAMIC_GPUS_PER_ZONE = 8;

/**
 * The GPUs gpufit counts on in one place without evidence of more: one standard GPU server's worth
 * (`DYNAMIC_GPUS_PER_ZONE`), or one instance when an instance is larger. A spot zone here; a marketplace listing
 * in the analysis's fleet risk.
 */
export function gpusCountedPerPlace(gpusPerInstance: number): number {
  return Math.max(gpusPerInstance, DYNAMIC_GPUS_PER_ZONE);
}

/**
 * Whether a workload that holds `gpusAtOnce` GPUs of this offer at the same time can count on it. Only
 * hyperscaler and GPU-cloud spot is limited: a marketplace's or a decentralized network's interruptible hosts are
 * many independent machines, whose interruptions the reliability rules already price. A job whose nodes need a
 * fabric between them must hold all of them in one zone (a cluster placement group lives in one zone), so it may
 * count on one zone's worth only. Returns the reason the offer is refused, or null.
 */
export function dynamicCapacity(
  offer: Offer,
  gpusAtOnce: number,
  options: { readonly oneZone: boolean },
): string | null {
  const limit = dynamicGpuLimit(offer, offer.zonesWithSpot, options.oneZone);
  if (gpusAtOnce <= limit) return null;
  const zones = Math.max(1, offer.zonesWithSpot ?? 1);
  const perZone = gpusCountedPerPlace(offer.gpusPerInstance);
  const where = options.oneZone
    ? 'in the one zone its interconnected nodes must share'
    : `in ${offer.region} (${zones} zone${zones === 1 ? '' : 's'} listing spot, ${perZone} GPUs each)`;
  return `the workload holds ${gpusAtOnce} GPUs at once; gpufit counts on at most ${limit} spot GPUs ${where}: spot capacity for many GPUs at once is not there to be had`;
}

/**
 * The most GPUs at once `dynamicCapacity` lets a workload count on for an offer of this market, pricing category
 * and instance size with `zonesWithSpot` zones listing spot (Infinity when it sets no limit).
 */
export function dynamicGpuLimit(
  offer: Pick<Offer, 'market' | 'pricingCategory' | 'gpusPerInstance'>,
  zonesWithSpot: number | null,
  oneZone: boolean,
): number {
  if (!isInterruptibleCategory(offer.pricingCategory)) return Number.POSITIVE_INFINITY;
  if (MARKET_REGISTRY[offer.market].thirdPartyHosts) return Number.POSITIVE_INFINITY;
  const perZone = gpusCountedPerPlace(offer.gpusPerInstance);
  return oneZone ? perZone : perZone * Math.max(1, zonesWithSpot ?? 1);
}
