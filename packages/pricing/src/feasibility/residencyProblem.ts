import { type Offer, placeIncludesCountry } from '@gpufit/schema';

/**
 * Why an offer cannot hold data that must stay in some places: where it runs cannot be shown (`unproven`), it is
 * elsewhere (`outside`), or its catalog row does not confirm that its instance type is offered in its region
 * (`unconfirmed`).
 */
export type ResidencyProblem = 'unproven' | 'outside' | 'unconfirmed';

/**
 * Whether an offer keeps data inside one of `places` (ISO countries or blocs such as EU, EEA), and why not. A
 * community host states its own country and no one checks it ("community hosts cannot prove where they are"), so
 * an unverified one is `unproven` wherever it says it is, as is an offer with no country. A row from a catalog that
 * lists every region of its provider for every instance type (`regionListing` every-region: SkyPilot's Lambda
 * catalog, "live availability not encoded") prices the type, not its presence in the region: data that must stay
 * in a place is not put on a placement the provider does not confirm, so such a row inside the places is
 * `unconfirmed` (a gpufit rule: a practitioner under data localization confirms the region first). The one rule:
 * `feasibility` applies it to a workload's `residency`, and `gpufit offers --residency` filters the catalog by it.
 * No places: no problem.
 */
export function residencyProblem(offer: Offer, places: readonly string[]): ResidencyProblem | null {
  if (places.length === 0) return null;
  const country = offer.country;
  if (country === null || (offer.hosting === 'community' && !offer.verified)) return 'unproven';
  if (!places.some((place) => placeIncludesCountry(place, country))) return 'outside';
  return offer.regionListing === 'every-region' ? 'unconfirmed' : null;
}
