import type { Analysis } from '@gpufit/schema';
import { badInput } from './errors.js';

/**
 * A plan priced on no offer would read "Recommended plan: $0.00/month": when not one workload has a priced
 * option (every offer unpriced, e.g. by a scenario's `-price`, or unable to run it), the run is bad input (exit
 * 2), as an empty catalog already is, and says why for the first workloads.
 */
export function refuseUnpricedPlan(analysis: Analysis, catalog: string): void {
  const analyzed = analysis.accounting.accepted;
  if (analyzed === 0 || analysis.totals.unpricedWorkloads.length < analyzed) return;
  const why = analysis.workloads.slice(0, 3).map((w) => {
    const sides = [w.decision.unavailable?.cloud, w.decision.unavailable?.depin].filter((s) => s != null);
    return `\n  ${w.name}: ${sides.length === 0 ? 'no priced option' : sides.join('; ')}`;
  });
  throw badInput(
    `no workload could be priced with ${catalog} and this scenario, so the plan would read $0.00 a month${why.join('')}`,
    "Check the scenario's priceAdjustments and subsidies (a price below USD 0.001 per GPU-hour after them leaves the offer unpriced) and the catalog (`gpufit offers` lists it).",
  );
}
