import { isAssumed } from '@gpufit/schema';

/** What the horizon is read from: a profile's `horizonMonths` and the fields its defaults filled (`assumed`). */
export interface HorizonOf {
  readonly horizonMonths: number;
  readonly assumed: readonly string[];
}

/**
 * The months a workload is planned over: its own horizon, read through the scenario's.
 *
 * A horizon a workload states is how long it runs (a 3-month pretraining project ends after 3 months: a 24-month
 * stress scenario must not bill it for 24). A scenario's `horizonMonths` is the window the plan is read over: it
 * sets the horizon of a workload that states none (the default filled it), and caps a longer one, but never
 * extends a workload past the horizon it states. Without a scenario horizon, every workload keeps its own.
 */
export function workloadHorizon(profile: HorizonOf, scenarioHorizonMonths: number | undefined): number {
  if (scenarioHorizonMonths === undefined) return profile.horizonMonths;
  if (isAssumed(profile, 'horizonMonths')) return scenarioHorizonMonths;
  return Math.min(profile.horizonMonths, scenarioHorizonMonths);
}

/** `profile` over `workloadHorizon`: the same object when its horizon stands. */
export function withWorkloadHorizon<P extends HorizonOf>(
  profile: P,
  scenarioHorizonMonths: number | undefined,
): P {
  const months = workloadHorizon(profile, scenarioHorizonMonths);
  return months === profile.horizonMonths ? profile : { ...profile, horizonMonths: months };
}
