import type { FitAssessment, FitReason, Offer } from '@gpufit/schema';

/**
 * The fit's sentences that credit the cloud side with an SLA, and what each says instead when the cloud option is
 * an offer that sells none. The scoring package words a fit before any offer is placed ("clouds back that with an
 * SLA"); under `decision.decentralizedMarkets: ["depin"]` a marketplace of community hosts (Hyperbolic, Vast.ai)
 * competes as cloud (docs/framework.md, "Which providers are the decentralized side"), and then the sentence would
 * claim for the placed option what it lacks. Each clause is matched exactly (a test holds the scoring sentences to
 * them, so a reworded factor fails there instead of keeping the claim).
 */
export const SLA_CLAUSES: readonly {
  readonly factor: string;
  readonly clause: string;
  readonly instead: (option: string) => string;
}[] = [
  {
    factor: 'uptime',
    clause:
      '; clouds back that with an SLA, DePIN only with redundant replicas because "uptime can vary by provider".',
    instead: (option) =>
      `; the cloud option here, ${option}, sells no SLA, so there as on DePIN only redundant replicas back that, because "uptime can vary by provider".`,
  },
  {
    factor: 'interruption-tolerance',
    clause: ', which clouds sell with an SLA.',
    instead: (option) =>
      `. The cloud option here, ${option}, is not reclaimed while rented, but no SLA backs it: a host that fails drops the work.`,
  },
  {
    factor: 'cost-sensitivity',
    clause: ', which favours SLA-backed cloud.',
    instead: (option) => `, which favours SLA-backed cloud; the cloud option here, ${option}, sells no SLA.`,
  },
];

/**
 * A marketplace offer, or a DePIN network's community hosts: neither sells an SLA (the catalog's reliability rules,
 * datasets/scripts/data/reliability.ts: marketplace hosts publish no uptime and are held to Vast's reliability ≥ 0.95
 * filter, a gpufit assumption). A DePIN network's datacenter tier may sell one (Spheron Dedicated: 99.95 % SLA,
 * reliability-facts "Spheron"), so it is left as worded.
 */
const sellsNoSla = (o: Offer): boolean =>
  o.market === 'marketplace' || (o.market === 'depin' && o.hosting === 'community');

/** "Hyperbolic, a marketplace of community hosts": what the offer is, in the words every output uses. */
function optionText(offer: Offer): string {
  const market = offer.market === 'marketplace' ? 'a marketplace' : 'a DePIN network';
  return `${offer.providerName}, ${market} of ${offer.verified ? 'verified ' : ''}${offer.hosting} hosts`;
}

/**
 * The fit with its SLA sentences made true for the cloud option actually placed: unchanged when that option is a
 * hyperscaler or GPU cloud, or there is none; for a marketplace or DePIN community offer on the cloud side, each SLA clause is
 * replaced by what the offer is (`sellsNoSla`). Scores are untouched: they weigh the side, not the offer.
 */
export function cloudOptionReasons(fit: FitAssessment, cloudOffer: Offer | null | undefined): FitAssessment {
  if (cloudOffer == null || !sellsNoSla(cloudOffer)) return fit;
  const option = optionText(cloudOffer);
  let changed = false;
  const reasons = fit.reasons.map((r): FitReason => {
    const c = SLA_CLAUSES.find((x) => x.factor === r.factor && r.sentence.includes(x.clause));
    if (c === undefined) return r;
    changed = true;
    return { ...r, sentence: r.sentence.replace(c.clause, c.instead(option)) };
  });
  return changed ? { ...fit, reasons } : fit;
}
