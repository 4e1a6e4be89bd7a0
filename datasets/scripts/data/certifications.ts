/**
 * Compliance programmes of providers outside the hyperscalers, each from the provider's own public statement as
 * read (URL, date, quote), scoped to the offers it covers. The compiler adds a row's certification only where a
 * source here covers that row's provider, market and country; everything else stays uncertified. Hyperscalers keep
 * their programme-wide assumption in `providers.ts`.
 *
 * What was searched and not recorded (Nebius "in progress", Lambda and CoreWeave only through third-party keyword
 * probes, SaladCloud's SOC 2 Type I that cannot cover consumer hosts, Vast's "ISO 27001 and/or Tier 3/4" hosts …)
 * is listed, with the reason, in datasets/README.md ("Certifications of GPU clouds, marketplaces and networks").
 */

import { BLOC_COUNTRIES, type COMPLIANCE_REQUIREMENTS, type Market } from '@gpufit/schema';

export type ComplianceRequirement = (typeof COMPLIANCE_REQUIREMENTS)[number];

/** Which offers of the provider a statement covers. Every field narrows; none set = every offer of the provider. */
export interface CertificationScope {
  /** only offers of this market (a provider listed in two markets, e.g. RunPod Secure vs Community Cloud) */
  readonly market?: Market;
  /** only offers whose country is in this bloc (a statement limited to the provider's European regions) */
  readonly bloc?: 'EEA';
}

export interface CertificationSource {
  readonly provider: string;
  readonly certifications: readonly ComplianceRequirement[];
  readonly scope: CertificationScope;
  /** the scope in words, written into each covered row's notes */
  readonly scopeNote: string;
  /** where the statement was read (a stored copy of the page, or the provider's docs repository at a commit) */
  readonly url: string;
  /** date of the statement where the source dates it, else the date it was read (`read …`) */
  readonly asOf: string;
  /** the provider's words, verbatim */
  readonly quote: string;
}

export const CERTIFICATION_SOURCES: readonly CertificationSource[] = [
  {
    provider: 'runpod',
    certifications: ['soc2'],
    scope: { market: 'gpu-cloud' },
    scopeNote:
      "RunPod Secure Cloud offers only: RunPod's own attestation covers its platform, and Secure Cloud runs on vetted partner data centres whose parent organisations must hold SOC 2 Type I, ISO/IEC 27001 or PCI DSS (docs.runpod.io/hosting/partner-requirements §5, at least one of the three, so neither iso27001 nor pci-dss is recorded per offer); Community Cloud hosts are third parties outside both",
    url: 'https://github.com/runpod/docs/blob/a900806e253c4f8c16da27d1a4370e72456da4cb/release-notes.mdx (docs.runpod.io/release-notes)',
    asOf: '2026-08-20',
    quote:
      'March 2025: "SOC 2 Type I certification: Independent attestation of security controls for enterprise readiness." and "SOC 2 Type II compliant: Security and compliance certification for enterprise customers." (the latter filed under August 2023 in the same page)',
  },
  {
    provider: 'runpod',
    certifications: ['gdpr'],
    scope: { market: 'gpu-cloud', bloc: 'EEA' },
    scopeNote:
      'RunPod Secure Cloud offers in EEA data-centre regions only: the statement covers "data processed in European data center regions"',
    url: 'https://github.com/runpod/docs/blob/a900806e253c4f8c16da27d1a4370e72456da4cb/references/security-and-compliance.mdx (docs.runpod.io/references/security-and-compliance)',
    asOf: '2026-08-20',
    quote:
      'Runpod is fully compliant with the General Data Protection Regulation (GDPR) for data processed in European data center regions.',
  },
  {
    provider: 'scaleway',
    certifications: ['iso27001', 'gdpr'],
    scope: {},
    scopeNote:
      "every Scaleway offer: the ISO/IEC 27001:2022 certificate is for Scaleway's information security management system and every Scaleway region is in the EU; its HDS (French health-data) certificate covers Elastic Metal, Dedibox, Object Storage and VPC, not GPU Instances, so nothing health-related is recorded",
    url: 'https://github.com/scaleway/docs-content/blob/27e437706c297f7e78a10e85eba0d8d41429eb7a/pages/use-cases/benefits-migration/index.mdx (scaleway.com/en/docs/use-cases/benefits-migration)',
    asOf: 'read 2026-12-04 (page names 2025 events)',
    quote:
      'Scaleway is certified under ISO/IEC 27001:2022 for its Information Security Management System […] As a European provider, Scaleway also guarantees full compliance with GDPR, ensuring data protection and privacy.',
  },
  {
    provider: 'digitalocean',
    certifications: ['soc2'],
    scope: {},
    scopeNote:
      'DigitalOcean offers only (GPU Droplets); Paperspace rows are not extended the attestation, the statement names DigitalOcean alone',
    url: 'https://digitalocean.com/resources/articles/soc-2-compliance',
    asOf: 'read 2026-12-04 (page undated)',
    quote: 'DigitalOcean maintains both SOC 2 Type II and SOC 3 Type II certifications',
  },
  {
    provider: 'nebius',
    certifications: ['gdpr'],
    scope: { bloc: 'EEA' },
    scopeNote:
      "Nebius offers in EEA regions only: Nebius B.V. is an EU processor under a DPA that is part of its terms of use; no transfer clauses for its US region were read, so the hyperscalers' everywhere rule is not extended to it",
    url: 'https://docs.nebius.com/legal/digital-rights/gdpr-compliance-faqs',
    asOf: 'read 2026-12-04 (page undated)',
    quote:
      'We also act as Data Processor to our customers, who are separate data controllers […] See our Data Processing Agreement (DPA) here, the DPA forms part of our Terms of Use that you accept when you register with Nebius.',
  },
];

/** The sources that cover one offer: same provider, the scope's market (if any), the scope's bloc (if any). */
export function certificationSourcesFor(
  provider: string,
  market: Market,
  country: string,
): CertificationSource[] {
  return CERTIFICATION_SOURCES.filter(
    (s) =>
      s.provider === provider &&
      (s.scope.market === undefined || s.scope.market === market) &&
      (s.scope.bloc === undefined || (country !== '' && BLOC_COUNTRIES[s.scope.bloc].has(country))),
  );
}
