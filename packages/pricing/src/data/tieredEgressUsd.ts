import type { EgressTier } from '@gpufit/schema';
import { assert } from '../assert.js';
import { EGRESS_TIERS_ORDER, INVALID_AMOUNT } from '../messages.js';

/**
 * Cost of `gib` GiB of egress in a month under cumulative price tiers: the first `upToGiB` of the first tier at
 * its price, the next GiB up to the second tier's bound at the second price, and so on (how AWS, GCP and Azure
 * publish internet egress, price-facts §4). If the last tier is not open-ended, its price continues beyond its
 * bound (gpufit assumption: the provider's published tiers stop, its last price does not).
 */
export function tieredEgressUsd(gib: number, tiers: readonly EgressTier[]): number {
  assert(Number.isFinite(gib) && gib >= 0, INVALID_AMOUNT, gib);
  assert(tiers.length > 0, EGRESS_TIERS_ORDER, 'no tiers');
  let usd = 0;
  let floor = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    const last = i === tiers.length - 1;
    const ceiling = tier.upToGiB === null || last ? Number.POSITIVE_INFINITY : tier.upToGiB;
    assert(ceiling > floor, EGRESS_TIERS_ORDER, () => `tier ${i + 1}`);
    if (gib <= floor) break;
    usd += (Math.min(gib, ceiling) - floor) * tier.usdPerGiB;
    floor = ceiling;
  }
  return usd;
}
