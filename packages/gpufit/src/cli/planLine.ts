import type { ShownTotalsCents } from '@gpufit/analysis';
import { cloudComparison } from '@gpufit/report';
import { type AnalysisTotals, formatMinorUnits } from '@gpufit/schema';

type PlanTotals = Pick<AnalysisTotals, 'unpricedWorkloads' | 'workloadsWithoutCloudOption'>;

/**
 * "Recommended plan: $X/month against $Y all-cloud — saves $Z/month." from cents already rounded, for `analyzed`
 * workloads. A workload with no cloud option counts at its own cost in both totals, so the line says so
 * (`cloudComparison`), and when no priced workload has one there is no all-cloud plan to compare against.
 */
export function planLine(
  cents: { readonly recommended: number; readonly allCloud: number; readonly savings: number },
  totals: PlanTotals,
  analyzed: number,
): string {
  const usdOf = (c: number) => `$${formatMinorUnits(c, { scale: 2, grouping: ',' })}`;
  const comparison = cloudComparison(totals, analyzed);
  if (comparison.none) {
    return `Recommended plan: ${usdOf(cents.recommended)}/month — no workload has a cloud option, so there is no all-cloud plan to compare against.`;
  }
  const also = comparison.caveat === '' ? '' : ` (${comparison.caveat})`;
  return `Recommended plan: ${usdOf(cents.recommended)}/month against ${usdOf(cents.allCloud)} all-cloud — saves ${usdOf(cents.savings)}/month${also}.`;
}

/**
 * The plan line of a streamed or merged analysis: `accepted` workloads were analyzed. Its figures are the sums of
 * the workloads' shown cents (`StreamedAnalysis.shownTotalsCents`), as an in-memory run's are, so the two print the
 * same line.
 */
export function streamedPlanLine(t: PlanTotals, shown: ShownTotalsCents, accepted: number): string {
  return planLine(shown, t, accepted);
}
