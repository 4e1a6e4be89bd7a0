import { BLOCS, continentNamed, type Offer, placeIncludesCountry } from '@gpufit/schema';

/**
 * Whether an offer is in a place as a user writes it (case-insensitive): its provider region id (`us-east-1`),
 * an ISO-3166 country (`DE`), a bloc (`EU`, `EEA`, `NA`, `LATAM`, `APAC`, `MEA`) or a continent (`europe`,
 * `North America`, `south_america` …; members by UN M49, see `@gpufit/schema` places). An offer without a
 * country (a marketplace priced for "any" host) is in no country, bloc or continent.
 */
export function offerInPlace(offer: Offer, place: string): boolean {
  const t = place.trim();
  if (offer.region.toLowerCase() === t.toLowerCase()) return true;
  if (offer.country === null) return false;
  return placeIncludesCountry(continentNamed(t) ?? t.toUpperCase(), offer.country);
}

/** What a place names, for messages: a continent, a bloc, a country code, or (null) only a region id at most. */
export function placeKind(place: string): 'continent' | 'bloc' | 'country' | null {
  const t = place.trim();
  if (continentNamed(t) !== null) return 'continent';
  if ((BLOCS as readonly string[]).includes(t.toUpperCase())) return 'bloc';
  return /^[A-Za-z]{2}$/.test(t) ? 'country' : null;
}
