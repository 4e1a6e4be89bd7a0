import { GLOBAL_PLACE, type Offer, placeIncludesCountry, type WorkloadProfile } from '@gpufit/schema';

/**
 * 0 when the offer runs inside the workload's `usersRegion` (its country is known and in that place), else 1; 0 for
 * every offer when the workload names no users' region (or `global`), so the order below is then the old one.
 */
function usersRank(profile: WorkloadProfile, offer: Offer): number {
  const users = profile.usersRegion;
  if (users === null || users === GLOBAL_PLACE) return 0;
  return offer.country !== null && placeIncludesCountry(users, offer.country) ? 0 : 1;
}

/**
 * Whether an offer costing `usd` a month beats the best so far (`bestUsd`, `best`): the lower monthly cost; at the
 * same cost, the offer inside the users' region (`usersRank`), then the lowest offer id. The one order of every
 * search for the cheapest offer (the indexes, the exhaustive loop, committed against flexible cloud), so they
 * give the same winner. Exact ties are common: a provider that lists one price in every region (Lambda's GH200
 * at USD 2.29 in ten regions) made a voice agent for users in the US run in asia-northeast-1, first by id.
 */
export function preferOffer(
  profile: WorkloadProfile,
  usd: number,
  offer: Offer,
  bestUsd: number,
  best: Offer | null,
): boolean {
  if (best === null || usd < bestUsd) return true;
  if (usd > bestUsd) return false;
  const a = usersRank(profile, offer);
  const b = usersRank(profile, best);
  return a < b || (a === b && offer.id < best.id);
}
