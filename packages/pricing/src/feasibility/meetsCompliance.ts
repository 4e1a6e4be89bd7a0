import type { ComplianceRequirement, Offer } from '@gpufit/schema';
import { type OfferFacts, offerFacts } from '../estimate/offerFacts.js';

/**
 * Whether an offer meets one compliance requirement of a workload (`soc2`, `hipaa`, `gdpr` …): the catalog records
 * it among the offer's certifications, or, for `gdpr`, the offer runs inside the EEA on datacenter hosts
 * (`gdprInPlace`). The one rule: `feasibility` applies it to a workload's `compliance`, and `gpufit offers
 * --compliance` filters the catalog by it.
 */
export function meetsCompliance(offer: Offer, requirement: ComplianceRequirement): boolean {
  return factsMeetCompliance(offerFacts(offer), requirement);
}

/** `meetsCompliance` on an offer's facts already in hand (feasibility's place rules, once per offer and requirement). */
export function factsMeetCompliance(of: OfferFacts, requirement: ComplianceRequirement): boolean {
  return of.certifications.has(requirement) || (requirement === 'gdpr' && of.gdprInPlace);
}
