import { type DataSensitivity, MARKET_REGISTRY, type Offer } from '@gpufit/schema';

/**
 * Whether data of this sensitivity may run on this offer's hosts, and why not (issue "eligibility by tier";
 * DESIGN §4: "trust is per provider tier, not per network … hosts can read the data they process").
 * - public, internal: any host.
 * - confidential: a datacenter host; on a marketplace or DePIN network also one the network verified
 *   (Vast "Secure Cloud" datacenter partners, Nosana premium hosts, Spheron's datacenter providers): community
 *   hosts are people's machines and can read what they process.
 * - regulated: as confidential, and the offer must hold a compliance certification (SOC 2, ISO 27001, HIPAA …):
 *   "regulated data may narrow where workloads can run" (seed). The workload's own `compliance` list is checked
 *   separately, certification by certification.
 * A gpufit policy; the reason is shown wherever an offer is excluded by it.
 */
export function dataEligibility(sensitivity: DataSensitivity, offer: Offer): string | null {
  if (sensitivity === 'public' || sensitivity === 'internal') return null;
  if (offer.hosting !== 'datacenter') {
    return `${sensitivity} data needs datacenter hosts; this offer runs on community hosts, which can read the data they process`;
  }
  if (MARKET_REGISTRY[offer.market].thirdPartyHosts && !offer.verified) {
    return `${sensitivity} data may run on a ${offer.market === 'depin' ? 'decentralized network' : 'marketplace'} only on hosts the network verified; this offer's hosts are not verified`;
  }
  if (sensitivity === 'regulated' && offer.certifications.length === 0) {
    return 'regulated data needs a host with a compliance certification (SOC 2, ISO 27001, HIPAA …); this offer states none';
  }
  return null;
}
