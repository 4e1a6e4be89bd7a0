import type { TokenFloor } from '@gpufit/pricing';
import { isInterruptibleCategory, isTermCommitment, type Market, type Offer } from '@gpufit/schema';

/**
 * Where a host can list a GPU itself, for USD: the markets whose offers are a token-priced host's outside option.
 * Hyperscalers and GPU clouds own their GPUs.
 */
const HOST_LISTED_MARKETS: ReadonlySet<Market> = new Set<Market>(['marketplace', 'depin']);

/**
 * Whether an offer's USD price is a host's outside option: listed on a marketplace or DePIN network, priced (not
 * unknown), not a commitment (a term price is not a listing a host can move to from one month to the next), and
 * paid in USD with no incentive emissions in it (a price that rests on emissions a scenario may end, or on a
 * token, does not hold a floor).
 */
function isUsdListing(offer: Offer): boolean {
  const incentive = offer.incentive;
  return (
    HOST_LISTED_MARKETS.has(offer.market) &&
    offer.usdPerGpuHour !== null &&
    offer.usdPerGpuHour > 0 &&
    !isTermCommitment(offer) &&
    (incentive === null || (incentive.denomination !== 'token' && incentive.subsidyShare === 0))
  );
}

const keyOf = (offer: Offer): string =>
  `${offer.gpu}|${isInterruptibleCategory(offer.pricingCategory) ? 'interruptible' : 'uninterrupted'}`;

/**
 * The floor under each token-denominated offer's USD price (pricing's incentives/tokenFloor.ts): the cheapest
 * USD-priced listing of the same GPU on a marketplace or DePIN network, in the same interruptibility class (an
 * interruptible host's outside option is an interruptible listing), with the offer it comes from. Ties go to the
 * first offer in catalog order. Built once per catalog; the lookup returns null for an offer not priced in its
 * incentive token, and for one whose GPU has no such listing (then no floor is invented).
 */
export function tokenFloors(offers: readonly Offer[]): (offer: Offer) => TokenFloor | null {
  const cheapest = new Map<string, Offer>();
  for (const o of offers) {
    if (!isUsdListing(o)) continue;
    const key = keyOf(o);
    const best = cheapest.get(key);
    if (best === undefined || o.usdPerGpuHour! < best.usdPerGpuHour!) cheapest.set(key, o);
  }
  return (offer) => {
    if (offer.incentive?.denomination !== 'token') return null;
    const o = cheapest.get(keyOf(offer));
    return o === undefined
      ? null
      : { usdPerGpuHour: o.usdPerGpuHour!, offerId: o.id, providerName: o.providerName, gpu: o.gpu };
  };
}
