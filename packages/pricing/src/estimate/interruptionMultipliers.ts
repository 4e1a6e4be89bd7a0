import type { Market, Offer } from '@gpufit/schema';
import { offerFacts } from './offerFacts.js';

/** Market → multiple of the interruption rate (a scenario's `interruptionRateMultipliers`; absent = 1). */
export type InterruptionRateMultipliers = Readonly<Partial<Record<Market, number>>>;

/**
 * The offer with `k` times its effective interruption rate, written onto it as an explicit rate, so every
 * consumer (the estimate's re-work and serving spares, the matcher's bounds and indexes, the Monte Carlo's
 * interruption counts) reads the same scaled rate. The effective rate is the one the estimate uses: stated,
 * derived from the offer's availability, or the market's assumption (`offerFacts`). Outages keep their length
 * and happen k times as often, so a known availability a (stated or assumed) becomes a/(a + k(1 − a)): its odds
 * of being down scale by k, as λ = (1 − a)/(a·D) does. k = 1 returns the offer itself.
 */
export function withInterruptionMultiplier(offer: Offer, k: number): Offer {
  if (!(Number.isFinite(k) && k >= 0))
    throw new RangeError(`interruption rate multiplier must be a finite number ≥ 0, got ${k}`);
  if (k === 1) return offer;
  const facts = offerFacts(offer);
  // Never interrupted and never down (on-demand cloud): nothing to scale; the offer keeps its notes.
  if (facts.interruptionsPerHour === 0 && (facts.availability === null || facts.availability === 1))
    return offer;
  const rate = facts.interruptionsPerHour * k;
  const a = facts.availability;
  const availability = a === null ? null : scaledAvailability(a, k);
  const why = `interruption rate × ${k} by the scenario's interruptionRateMultipliers.${offer.market}`;
  const basis = offer.reliabilitySource ?? facts.interruptionNote ?? facts.availabilityNote;
  return {
    ...offer,
    // 0 × ∞ (an offer never up, asked never to drop) stays never up: k scales how often it drops, not that.
    interruptionsPerHour: Number.isNaN(rate) ? Number.POSITIVE_INFINITY : rate,
    availability,
    reliabilitySource: basis === null ? why : `${basis}; ${why}`,
  };
}

/** a with its odds of being down, (1 − a)/a, times k; 0 and 1 stay (never up / never down). */
export function scaledAvailability(a: number, k: number): number {
  if (a <= 0 || a >= 1) return a;
  return a / (a + k * (1 - a));
}

const cache = new WeakMap<readonly Offer[], { key: string; offers: readonly Offer[] }>();

/**
 * The offers as a scenario's interruption multipliers make them (each of a market with a multiplier ≠ 1 through
 * `withInterruptionMultiplier`). Without such a multiplier the same array (bit-identical analysis); otherwise one
 * new array per offers array and setting, reused, so the indexes built on it are built once.
 */
export function offersWithInterruptionMultipliers(
  offers: readonly Offer[],
  multipliers: InterruptionRateMultipliers,
): readonly Offer[] {
  const active = Object.entries(multipliers).filter(([, k]) => k !== undefined && k !== 1);
  if (active.length === 0) return offers;
  const key = JSON.stringify(active.sort(([a], [b]) => (a < b ? -1 : 1)));
  const hit = cache.get(offers);
  if (hit !== undefined && hit.key === key) return hit.offers;
  const scaled = offers.map((o) => {
    const k = multipliers[o.market];
    return k === undefined ? o : withInterruptionMultiplier(o, k);
  });
  cache.set(offers, { key, offers: scaled });
  return scaled;
}
