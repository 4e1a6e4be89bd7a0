import { MARKET_REGISTRY, type Offer, placeIncludesCountry } from '@gpufit/schema';

/**
 * Whether an offer meets a workload's `gdpr` requirement by where and on what it runs, without the catalog
 * recording `gdpr` for it. GDPR is a regulation, not a certificate a provider holds: what it asks of a tenant
 * who hands personal data to a cloud is a processor bound by a data processing agreement (Art. 28) and, for data
 * leaving the EEA, a transfer mechanism (Chapter V: adequacy, standard contractual clauses). An offer inside the
 * EEA transfers nothing, and a datacenter provider there can sign the agreement; so it meets `gdpr` when
 * - its country is in the EEA (the EU plus Iceland, Liechtenstein and Norway), and
 * - its hosts are datacenters, and on a marketplace or DePIN network ones the network verified: a community host
 *   is a person's machine, not a processor a tenant can hold to an agreement.
 * Outside the EEA an offer meets `gdpr` only where the catalog records it (the bundled one does for the
 * hyperscalers, whose agreements carry the transfer clauses). A gpufit policy (found reading a founder's portfolio: a GDPR
 * workload was kept off Nebius in Finland and Scaleway in France and put on a whole 8-GPU AWS instance); the
 * estimate names the agreement to sign (`gdprInPlaceNote`).
 */
export function gdprInPlace(offer: Offer): boolean {
  return (
    offer.country !== null &&
    placeIncludesCountry('EEA', offer.country) &&
    offer.hosting === 'datacenter' &&
    (!MARKET_REGISTRY[offer.market].thirdPartyHosts || offer.verified)
  );
}

/** The assumption an estimate states when an offer meets `gdpr` in place rather than by the catalog's record. */
export function gdprInPlaceNote(offer: Offer): string {
  return `gdpr: the offer runs in ${offer.country}, inside the EEA, on datacenter hosts, so the data does not leave the EEA (GDPR Chapter V); the catalog records no GDPR programme for ${offer.providerName}: sign its data processing agreement (Art. 28) before sending it personal data`;
}
