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
  const out: UnpricedNetwork[] = [];
  for (const n of networks) {
    const of = offers.filter((o) => o.provider === n.provider);
    if (of.length === 0)
      out.push({ provider: n.provider, name: n.networkName, offers: 0, reason: 'no-offer' });
    else if (of.every((o) => o.usdPerGpuHour == null))
      out.push({ provider: n.provider, name: n.networkName, offers: of.length, reason: 'no-usd-price' });
  }
  return out;
}
