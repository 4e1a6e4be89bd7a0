import { BLOC_COUNTRIES, CONTINENT_COUNTRIES, GLOBAL_PLACE, placeIncludesCountry } from '@gpufit/schema';
import { COUNTRY_ROUND_TRIP_MS } from './countryRoundTrip.data.js';

/**
 * The share of a service's p99 budget the network round trip between its users and the offer may take: the rest
 * is the model's (queueing, prefill, decoding). A gpufit assumption; the round trip is the least measured one, so
 * an offer is refused only when even the closest pair of AWS regions of the two countries is too far.
 */
export const NETWORK_SHARE_OF_P99 = 0.5;

/**
 * The least measured round trip (ms) between a users' place (a country, a bloc or a continent) and an offer's
 * country, with the users' country it was measured from; null when the offer is inside the place, the place is
 * `global`, or no measurement covers the pair (a country without an AWS region). For a place of several
 * countries, the nearest of them: users spread over a bloc are refused a far offer only when even the nearest
 * country's round trip is too long.
 */
export function leastRoundTripMs(
  usersPlace: string,
  offerCountry: string,
): { readonly ms: number; readonly from: string } | null {
  if (usersPlace === GLOBAL_PLACE || placeIncludesCountry(usersPlace, offerCountry)) return null;
  const members =
    (BLOC_COUNTRIES as Readonly<Record<string, ReadonlySet<string>>>)[usersPlace] ??
    (CONTINENT_COUNTRIES as Readonly<Record<string, ReadonlySet<string>>>)[usersPlace];
  let best: { ms: number; from: string } | null = null;
  for (const from of members ?? [usersPlace]) {
    const key = from < offerCountry ? `${from}|${offerCountry}` : `${offerCountry}|${from}`;
    const ms = COUNTRY_ROUND_TRIP_MS[key];
    if (ms !== undefined && (best === null || ms < best.ms)) best = { ms, from };
  }
  return best;
}

/**
 * The longest measured round trip (ms) from a users' place (a country, bloc or continent) to any country outside
 * it, or null when none is measured: an offer whose country is unknown may be that far.
 */
export function farthestRoundTripMs(usersPlace: string): number | null {
  if (usersPlace === GLOBAL_PLACE) return null;
  let worst: number | null = null;
  for (const [key, ms] of Object.entries(COUNTRY_ROUND_TRIP_MS)) {
    const [a, b] = key.split('|') as [string, string];
    const inA = placeIncludesCountry(usersPlace, a);
    const inB = placeIncludesCountry(usersPlace, b);
    if (inA !== inB && (worst === null || ms > worst)) worst = ms;
  }
  return worst;
}
