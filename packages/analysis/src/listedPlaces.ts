import type { Offer } from '@gpufit/schema';

/** The places (regions) where a catalog lists one provider's machines of one configuration (GPU × count). */
export type ListedPlaces = (offer: Offer) => readonly string[];

const key = (o: Offer) => `${o.provider}\u0000${o.gpu}\u0000${o.gpusPerInstance}`;

const cache = new WeakMap<readonly Offer[], ListedPlaces>();

/**
 * For each offer, the distinct regions in which the catalog lists its provider's machines with the same GPU and
 * GPUs per instance, in catalog order — whatever the pricing category (a listing's on-demand, spot and reserved
 * rows are one place). A marketplace listing shows that a configuration is offered in a place, not how many
 * machines are free there: the count is the evidence the catalog has of a marketplace's depth. Built once per
 * offers array, on first use.
 */
export function listedPlaces(offers: readonly Offer[]): ListedPlaces {
  const hit = cache.get(offers);
  if (hit !== undefined) return hit;
  let places: Map<string, Set<string>> | null = null;
  const lookup: ListedPlaces = (offer) => {
    if (places === null) {
      const built = new Map<string, Set<string>>();
      for (const o of offers) {
        const k = key(o);
        const set = built.get(k);
        if (set === undefined) built.set(k, new Set([o.region]));
        else set.add(o.region);
      }
      places = built;
    }
    const set = places.get(key(offer));
    return set === undefined ? [offer.region] : [...set];
  };
  cache.set(offers, lookup);
  return lookup;
}
