import { COMPLIANCE_REQUIREMENTS, placeIncludesCountry } from '@gpufit/schema';

/**
 * What a hosted API provider states about how it keeps a customer's data, one row of
 * `datasets/hosted-api-terms.csv` each, read from the provider's own page (`source`, `asOf`, `quote`):
 * - a certification it holds (the schema's words, `hipaa` excepted: HIPAA is met by a BAA, not a certificate);
 * - `baa`: it signs a HIPAA Business Associate Agreement;
 * - `zero-retention`: it keeps no prompts or outputs after the request;
 * - `serving-regions`: where its serverless API runs (`places`: countries or blocs, or `global` when it states
 *   requests are routed anywhere).
 */
export const HOSTED_API_TERMS = [
  ...COMPLIANCE_REQUIREMENTS.filter((c) => c !== 'hipaa'),
  'baa',
  'zero-retention',
  'serving-regions',
] as const;
export type HostedApiTerm = (typeof HOSTED_API_TERMS)[number];

/**
 * When a term holds: for every customer (`default`), once the customer asks or changes a setting (`on-request`),
 * or only on an enterprise contract (`enterprise`). The last two name the step in `condition`.
 */
export const HOSTED_API_TERM_BASES = ['default', 'on-request', 'enterprise'] as const;
export type HostedApiTermBasis = (typeof HOSTED_API_TERM_BASES)[number];

/** `places` of a `serving-regions` row whose provider states it routes requests anywhere: meets no residency. */
export const GLOBAL_SERVING = 'global';

export interface HostedApiTermRow {
  /** Provider id, as in `datasets/hosted-api-prices.csv`. */
  readonly provider: string;
  readonly term: HostedApiTerm;
  readonly basis: HostedApiTermBasis;
  /** `serving-regions` only: ISO countries or blocs, or [`global`]; empty for every other term. */
  readonly places: readonly string[];
  /**
   * What the term rests on, in words: the step the customer must take (`on-request`, `enterprise`), or the exception
   * the provider keeps (a `default` term with a caveat); empty when there is none.
   */
  readonly condition: string;
  readonly source: string;
  /** YYYY-MM-DD or YYYY-MM: the date the source gives, else the date it was read. */
  readonly asOf: string;
  /** The provider's words, verbatim. */
  readonly quote: string;
  readonly notes: string;
}

/**
 * Whether the provider's stated serving places keep the data inside the workload's residency (any of `residency`):
 * every stated place must be a country one of them includes, or a bloc equal to one; `global` or nothing stated
 * meets none.
 */
export function servingPlacesMeetResidency(places: readonly string[], residency: readonly string[]): boolean {
  if (places.length === 0 || places.includes(GLOBAL_SERVING)) return false;
  return places.every((p) => residency.some((r) => r === p || placeIncludesCountry(r, p)));
}
