import { type Offer, placeIncludesCountry } from '@gpufit/schema';

/** Why an offer cannot hold data that must stay in some places: where it runs cannot be shown, or it is elsewhere. */
export type ResidencyProblem = 'unproven' | 'outside';

/**
 * Whether an offer keeps data inside one of `places` (ISO countries or blocs such as EU, EEA), and why not. A
 * community host states its own country and no one checks it ("community hosts cannot prove where they are"), so
 * an unverified one is `unproven` wherever it says it is, as is an offer with no country. The one rule:
 * `feasibility` applies it to a workload's `residency`, and `gpufit offers --residency` filters the catalog by it.
 * No places: no problem.
 */
export function residencyProblem(offer: Offer, places: readonly string[]): ResidencyProblem | null {
  if (places.length === 0) return null;
  const country = offer.country;
  if (country === null || (offer.hosting === 'community' && !offer.verified)) return 'unproven';
  return places.some((place) => placeIncludesCountry(place, country)) ? null : 'outside';
}
