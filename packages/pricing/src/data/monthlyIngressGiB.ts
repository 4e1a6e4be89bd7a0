import type { WorkloadProfile } from '@gpufit/schema';

/**
 * GiB uploaded to the provider in a month: the one-time dataset amortized over the horizon (`datasetGiB` ÷
 * `horizonMonths`: uploaded once, a gpufit assumption) plus what is uploaded every month (`ingressGiBPerMonth`: new
 * audio, fresh training data). The `ingress` line prices it at the offer's `ingressUsdPerGiB`.
 */
export function monthlyIngressGiB(
  profile: Pick<WorkloadProfile, 'datasetGiB' | 'horizonMonths' | 'ingressGiBPerMonth'>,
): number {
  return profile.datasetGiB / profile.horizonMonths + profile.ingressGiBPerMonth;
}
