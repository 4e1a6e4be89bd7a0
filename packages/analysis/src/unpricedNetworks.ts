import type { Offer, UnpricedNetwork } from '@gpufit/schema';
import type { NetworkInfo } from './datasetTypes.js';

/**
 * The DePIN networks of `datasets/networks.csv` that no workload can be priced on, because the catalog holds no
 * offer of theirs (io.net: no dated public price was found) or only offers without a USD price (Render prices per
 * OctaneBench-hour). A crypto-native founder who runs on Akash, io.net, Nosana and Render read an executive summary
 * that named the networks its options were on and said nothing of io.net or Render, as if they had been compared and
 * lost; only a subsidy or token scenario's warnings said so. In the networks' order.
 */
export function unpricedNetworks(
  offers: readonly Offer[],
  networks: readonly NetworkInfo[],
): UnpricedNetwork[] {
  return unpricedNetworksOf(providerOffers(offers), networks);
}

/** Per provider: its offers, and how many of them have a USD price (`usdPerGpuHour` set). */
export type ProviderOffers = ReadonlyMap<string, { readonly offers: number; readonly priced: number }>;

/** Each provider's offers and priced offers in `offers` (what `unpricedNetworks` reads of a catalog). */
export function providerOffers(offers: readonly Offer[]): Map<string, { offers: number; priced: number }> {
  const book = new Map<string, { offers: number; priced: number }>();
  for (const o of offers) addProviderOffer(book, o.provider, o.usdPerGpuHour != null);
  return book;
}

/** Counts one offer of `provider` in `book`; `priced`: it has a USD price. */
export function addProviderOffer(
  book: Map<string, { offers: number; priced: number }>,
  provider: string,
  priced: boolean,
): void {
  let counts = book.get(provider);
  if (counts === undefined) {
    counts = { offers: 0, priced: 0 };
    book.set(provider, counts);
  }
  counts.offers++;
  if (priced) counts.priced++;
}

/**
 * `unpricedNetworks` from a catalog's provider counts (`providerOffers`), for a reader that counted them without
 * keeping every offer (`gpufit offers --gpu`, which builds only one GPU's offers).
 */
export function unpricedNetworksOf(
  book: ProviderOffers,
  networks: readonly NetworkInfo[],
): UnpricedNetwork[] {
  const out: UnpricedNetwork[] = [];
  for (const n of networks) {
    const counts = book.get(n.provider);
    if (counts === undefined || counts.offers === 0)
      out.push({ provider: n.provider, name: n.networkName, offers: 0, reason: 'no-offer' });
    else if (counts.priced === 0)
      out.push({ provider: n.provider, name: n.networkName, offers: counts.offers, reason: 'no-usd-price' });
  }
  return out;
}
