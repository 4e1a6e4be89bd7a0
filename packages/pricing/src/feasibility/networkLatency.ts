import { GLOBAL_PLACE, placeIncludesCountry } from '@gpufit/schema';
import { COUNTRY_ROUND_TRIP_MS } from './countryRoundTrip.data.js';

/**
 * The share of a service's p99 budget the network round trip between its users and the offer may take: the rest
 * is the model's (queueing, prefill, decoding). A gpufit assumption; the round trip is the least measured one, so
 * an offer is refused only when even the closest pair of AWS regions of the two countries is too far.
 */
export const NETWORK_SHARE_OF_P99 = 0.5;

interface Trip {
  readonly ms: number;
  /** The users' country it was measured from. */
  readonly from: string;
}

/** Per users' place: the least round trip to each measured country outside it, and the longest of those. */
interface TripsFrom {
  readonly to: ReadonlyMap<string, Trip>;
  readonly farthest: number | null;
}

const tripsByPlace = new Map<string, TripsFrom>();

/**
 * The measured round trips between a users' place (a country, a bloc or a continent) and every country outside it,
 * built once per place from the country table (placeIncludesCountry decides membership) and kept: feasibility asks
 * for every offer of every serving workload.
 */
function tripsFrom(usersPlace: string): TripsFrom {
  const known = tripsByPlace.get(usersPlace);
  if (known !== undefined) return known;
  const to = new Map<string, Trip>();
  let farthest: number | null = null;
  for (const [key, ms] of Object.entries(COUNTRY_ROUND_TRIP_MS)) {
    const [a, b] = key.split('|') as [string, string];
    const inA = placeIncludesCountry(usersPlace, a);
    if (inA === placeIncludesCountry(usersPlace, b)) continue;
    const [from, other] = inA ? [a, b] : [b, a];
    const best = to.get(other);
    if (best === undefined || ms < best.ms) to.set(other, { ms, from });
    if (farthest === null || ms > farthest) farthest = ms;
  }
  const trips = { to, farthest };
  tripsByPlace.set(usersPlace, trips);
  return trips;
}

/**
 * The least measured round trip (ms) between a users' place (a country, a bloc or a continent) and an offer's
 * country, with the users' country it was measured from; null when the offer is inside the place, the place is
 * `global`, or no measurement covers the pair (a country without an AWS region). For a place of several
 * countries, the nearest of them: users spread over a bloc are refused a far offer only when even the nearest
 * country's round trip is too long.
 */
export function leastRoundTripMs(usersPlace: string, offerCountry: string): Trip | null {
  if (usersPlace === GLOBAL_PLACE) return null;
  return tripsFrom(usersPlace).to.get(offerCountry) ?? null;
}

/**
 * The longest measured round trip (ms) from a users' place (a country, bloc or continent) to any country outside
 * it, or null when none is measured: an offer whose country is unknown may be that far.
 */
export function farthestRoundTripMs(usersPlace: string): number | null {
  return usersPlace === GLOBAL_PLACE ? null : tripsFrom(usersPlace).farthest;
}
