import type { AnalysisTotals } from '@gpufit/schema';

/**
 * What the plan's saving compares, given how many priced workloads have no cloud option
 * (`totals.workloadsWithoutCloudOption`): such a workload counts at its own cost in the recommended plan and in
 * all-cloud, so its saving is nothing by construction. One rule for the report's headline and total row, the CLI's
 * plan line and the what-if page.
 */
export interface CloudComparison {
  /** No priced workload has a cloud option: there is no all-cloud plan to compare against. */
  readonly none: boolean;
  /** "1 of the 2 priced workloads has no cloud option and counts at its own cost in both totals", or ''. */
  readonly caveat: string;
}

/** `analyzed`: the workloads the totals cover, priced or not (the unpriced ones are `totals.unpricedWorkloads`). */
export function cloudComparison(
  totals: Pick<AnalysisTotals, 'unpricedWorkloads' | 'workloadsWithoutCloudOption'>,
  analyzed: number,
): CloudComparison {
  const withoutCloud = totals.workloadsWithoutCloudOption ?? 0;
  const priced = analyzed - totals.unpricedWorkloads.length;
  const none = priced > 0 && withoutCloud >= priced;
  const one = withoutCloud === 1;
  const caveat =
    withoutCloud > 0 && !none
      ? `${withoutCloud.toLocaleString('en-US')} of the ${priced.toLocaleString('en-US')} priced workloads ${one ? 'has' : 'have'} no cloud option and ${one ? 'counts' : 'count'} at ${one ? 'its' : 'their'} own cost in both totals`
      : '';
  return { none, caveat };
}
