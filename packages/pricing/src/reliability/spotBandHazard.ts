/**
 * Spot interruption hazard from a published reclaim share.
 *
 * AWS Spot Instance Advisor's "Frequency of interruption" is the rate at which Spot reclaimed capacity during the
 * trailing month, in bands <5 / 5–10 / 10–15 / 15–20 / >20 % (price-facts §1, quoting the Advisor's own text via
 * pkg.go.dev github.com/grailbio/base/cloud/spotadvisor). It is a share of instances, not a rate per hour: an
 * instance that ran L hours with a constant hazard λ was reclaimed with probability p = 1 − e^{−λL}, so
 *
 *   λ = −ln(1 − p) / L   per instance-hour.
 *
 * The share says nothing about how long the counted instances ran, so L is an assumption, and the answer scales
 * with 1/L: L = 730 h (every instance held the whole month, the longest possible life) gives the lowest hazard the
 * band allows; shorter lives give proportionally higher ones. gpufit takes L = SPOT_INSTANCE_LIFETIME_HOURS.
 */

/**
 * gpufit assumption: the instances behind a Spot Advisor share each lived 24 hours. No provider publishes the
 * lifetimes behind its share. 24 h is not a measured mean life: it is the maximum runtime of legacy GCE preemptible
 * VMs, which were always stopped after 24 hours (price-facts §8; GCP docs "Preemptible VM instances"), the one
 * published spot lifetime figure, taken here as the life. Spot instances "may last from a couple of minutes to a
 * couple of days or even months" (nOps, https://www.nops.io/blog/aws-spot-terminations/); the 730 h the catalog used
 * before (a whole month) is the longest life possible, so the lowest hazard; measured V100 spot preemption traces on
 * AWS (skypilot-org/spot-traces, the "Can't Be Late" NSDI '24 data) lost a running p3.2xlarge 0.34–1.22 times an
 * hour per zone, far above what any band gives at either lifetime.
 */
export const SPOT_INSTANCE_LIFETIME_HOURS = 24;

/**
 * Interruptions per instance-hour for an instance reclaimed with probability `share` over a life of
 * `lifetimeHours`: λ = −ln(1 − share) / lifetimeHours. RangeError for a share outside [0, 1) or a lifetime that is
 * not a positive finite number.
 */
export function spotBandHazard(share: number, lifetimeHours: number): number {
  if (!(share >= 0 && share < 1)) throw new RangeError(`spot reclaim share must be in [0, 1), got ${share}`);
  if (!(lifetimeHours > 0 && Number.isFinite(lifetimeHours)))
    throw new RangeError(`instance lifetime must be a positive number of hours, got ${lifetimeHours}`);
  return -Math.log1p(-share) / lifetimeHours;
}
