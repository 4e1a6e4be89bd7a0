import {
  type HostedApiPriceRow,
  type HostedApiTerm,
  type HostedApiTermRow,
  servingPlacesMeetResidency,
} from '@gpufit/pricing';
import type { ComplianceRequirement, WorkloadProfile } from '@gpufit/schema';

/**
 * Why one provider's hosted API is not counted for a workload, as data (the risk sentence words it): a requirement of
 * the workload that no term of that provider in `datasets/hosted-api-terms.csv` meets — the same test the GPU side
 * applies to an offer with nothing on record.
 */
export type HostedApiBlocker =
  /** The workload's `compliance` the provider has no record of (`hipaa`: no BAA on record). */
  | {
      readonly code: 'certifications';
      readonly providerName: string;
      readonly missing: readonly ComplianceRequirement[];
    }
  /** Confidential data without a zero-retention term on record; regulated data without a BAA on record. */
  | {
      readonly code: 'data-agreement';
      readonly providerName: string;
      readonly dataSensitivity: 'confidential' | 'regulated';
    }
  /**
   * The workload's `residency`, which the provider's stated serving places do not meet: `stated` is what it states
   * (`['global']`: requests routed anywhere), null when it states nothing.
   */
  | {
      readonly code: 'residency';
      readonly providerName: string;
      readonly places: WorkloadProfile['residency'];
      readonly stated: readonly string[] | null;
    };

/** What a requirement of the workload is met by, and the provider term on record that meets it. */
export interface HostedApiAdmission {
  /** The requirement: a certification of `compliance`, or the data's sensitivity. */
  readonly requirement: ComplianceRequirement | 'confidential' | 'regulated' | 'residency';
  readonly term: HostedApiTermRow;
}

/** The term that meets a certification the workload requires: HIPAA is met by a BAA, every other by itself. */
const termFor = (c: ComplianceRequirement): HostedApiTerm => (c === 'hipaa' ? 'baa' : c);

/** The term that meets the data's sensitivity: zero retention for confidential data, a BAA for regulated data. */
const DATA_TERM = { confidential: 'zero-retention', regulated: 'baa' } as const;

/** A provider's hosted API against the workload: what blocks it (empty: it counts) and what admits it. */
export interface HostedApiCheck {
  readonly blockers: HostedApiBlocker[];
  readonly admissions: HostedApiAdmission[];
}

/**
 * Each requirement of the workload against the provider's terms, in the order a sentence gives them: certifications,
 * then the data's sensitivity, then residency. A requirement with a term on record is an admission (the sentence
 * says which term, and its condition); one without is a blocker.
 */
export function checkHostedApi(
  profile: WorkloadProfile,
  row: Pick<HostedApiPriceRow, 'providerName'>,
  terms: readonly HostedApiTermRow[],
): HostedApiCheck {
  const on = (t: HostedApiTerm) => terms.find((x) => x.term === t);
  const blockers: HostedApiBlocker[] = [];
  const admissions: HostedApiAdmission[] = [];
  const { providerName } = row;
  const missing: ComplianceRequirement[] = [];
  for (const c of profile.compliance) {
    const term = on(termFor(c));
    if (term === undefined) missing.push(c);
    else admissions.push({ requirement: c, term });
  }
  if (missing.length > 0) blockers.push({ code: 'certifications', providerName, missing });
  const sensitivity = profile.dataSensitivity;
  if (sensitivity === 'confidential' || sensitivity === 'regulated') {
    const term = on(DATA_TERM[sensitivity]);
    if (term === undefined)
      blockers.push({ code: 'data-agreement', providerName, dataSensitivity: sensitivity });
    else admissions.push({ requirement: sensitivity, term });
  }
  if (profile.residency.length > 0) {
    const term = on('serving-regions');
    if (term !== undefined && servingPlacesMeetResidency(term.places, profile.residency))
      admissions.push({ requirement: 'residency', term });
    else
      blockers.push({
        code: 'residency',
        providerName,
        places: profile.residency,
        stated: term === undefined ? null : term.places,
      });
  }
  return { blockers, admissions };
}

/** Every blocker of the provider's hosted API for the workload, in sentence order; empty: it counts. */
export function hostedApiBlockers(
  profile: WorkloadProfile,
  row: Pick<HostedApiPriceRow, 'providerName'>,
  terms: readonly HostedApiTermRow[],
): HostedApiBlocker[] {
  return checkHostedApi(profile, row, terms).blockers;
}

/**
 * The provider terms on record that admit the hosted API for the workload's requirements, in sentence order (what the
 * risk names, with each term's basis and condition); empty when the workload requires none.
 */
export function hostedApiAdmissions(
  profile: WorkloadProfile,
  row: Pick<HostedApiPriceRow, 'providerName'>,
  terms: readonly HostedApiTermRow[],
): HostedApiAdmission[] {
  return checkHostedApi(profile, row, terms).admissions;
}
