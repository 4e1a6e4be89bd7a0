import type { WorkloadProfile } from '@gpufit/schema';

/**
 * Why a hosted API that sells the workload's model is not counted for it, as data (the risk sentence words it).
 * The hosted price rows (datasets/hosted-api-prices.csv) record no certification, no agreement on how the data is
 * kept (DPA, BAA, zero data retention) and no region, so each requirement of the workload that needs one of those
 * is a blocker — the same test the GPU side applies to an offer with nothing on record.
 */
export type HostedApiBlocker =
  /** The workload's `compliance`: no hosted price has these on record. */
  | { readonly code: 'certifications'; readonly required: WorkloadProfile['compliance'] }
  /** Confidential or regulated data: counted only under an agreement that governs it; none is recorded. */
  | { readonly code: 'data-agreement'; readonly dataSensitivity: 'confidential' | 'regulated' }
  /** The workload's `residency`: no hosted price row names a region. */
  | { readonly code: 'residency'; readonly places: WorkloadProfile['residency'] };

/** Every blocker that applies to the workload, in the order a sentence gives them: certifications, then the data's
 * sensitivity, then residency; empty: the hosted API counts. */
export function hostedApiBlockers(profile: WorkloadProfile): HostedApiBlocker[] {
  const out: HostedApiBlocker[] = [];
  if (profile.compliance.length > 0) out.push({ code: 'certifications', required: profile.compliance });
  const sensitivity = profile.dataSensitivity;
  if (sensitivity === 'confidential' || sensitivity === 'regulated')
    out.push({ code: 'data-agreement', dataSensitivity: sensitivity });
  if (profile.residency.length > 0) out.push({ code: 'residency', places: profile.residency });
  return out;
}
