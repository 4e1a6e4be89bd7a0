import { cloudComparison } from '@gpufit/report';
import { shownTotalsCents, usd } from './table.js';

/**
 * "Recommended plan: $X/month against $Y all-cloud — saves $Z/month." in cents already rounded. A workload with no
 * cloud option counts at its own cost in both totals (`totals.workloadsWithoutCloudOption`), so the line says so,
 * and when no priced workload has one there is no all-cloud plan to compare against.
 */
export function planLine(
  cents: { readonly recommended: number; readonly allCloud: number; readonly savings: number },
  withoutCloud: number,
  priced: number,
): string {
  const usdOf = (c: number) => usd(c / 100);
  const comparison = cloudComparison(withoutCloud, priced);
  if (comparison.none) {
    return `Recommended plan: ${usdOf(cents.recommended)}/month — no workload has a cloud option, so there is no all-cloud plan to compare against.`;
  }
  const also = comparison.caveat === '' ? '' : ` (${comparison.caveat})`;
  return `Recommended plan: ${usdOf(cents.recommended)}/month against ${usdOf(cents.allCloud)} all-cloud — saves ${usdOf(cents.savings)}/month${also}.`;
}

/** The plan line of a streamed or merged analysis (`shownTotalsCents`): `accepted` workloads were analyzed. */
export function streamedPlanLine(
  t: {
    readonly monthlyUsd: { readonly recommended: number; readonly allCloud: number };
    readonly unpricedWorkloads: readonly string[];
    readonly workloadsWithoutCloudOption?: number;
  },
  accepted: number,
): string {
  return planLine(
    shownTotalsCents(t),
    t.workloadsWithoutCloudOption ?? 0,
    accepted - t.unpricedWorkloads.length,
  );
}
