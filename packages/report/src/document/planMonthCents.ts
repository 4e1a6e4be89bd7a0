import type { PresentedAnalysis, ShownWorkload } from '../present/presentAnalysis.js';

/**
 * The plan's month at `index` (0 = month one) over the workloads `counts` keeps: the recommended paths' shown cents
 * and the all-cloud figure, where a workload without a cloud option counts at its own cost, as the totals do.
 */
export function planMonthCents(
  p: PresentedAnalysis,
  index: number,
  counts: (w: ShownWorkload) => boolean,
): { recommendedCents: number; allCloudCents: number } {
  let recommendedCents = 0;
  let allCloudCents = 0;
  for (const w of p.workloads) {
    if (!counts(w)) continue;
    const monthOf = (x: (typeof w.paths)[number]) => x.months[index]?.cents ?? 0;
    const recommended = w.paths
      .filter((x) => x.option === w.workload.decision.recommendation)
      .reduce((a, x) => a + monthOf(x), 0);
    recommendedCents += recommended;
    const cloud = w.paths.find((x) => x.option === 'cloud');
    allCloudCents += cloud === undefined ? recommended : monthOf(cloud);
  }
  return { recommendedCents, allCloudCents };
}
