import { cloudComparison } from '../present/cloudComparison.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import { planMonthCents } from './planMonthCents.js';
import { usd } from './usd.js';

/**
 * The plan's last month when its workloads' horizons differ, and the horizon total as a monthly average: the
 * headline's monthly figure is month one's, with every workload running, so it does not multiply into the horizon
 * total once a workload has ended. A CFO's robotics plan read "USD 51,135.38 a month" and "USD 1,020,650.88" over
 * 6 to 24 months — 24 × 51,135.38 is USD 1,227,249 — with nothing saying a 6-month experiment leaves the plan at
 * USD 39,657.70 a month from 2027-07. Null when every workload shares one horizon (the growth sentence covers that).
 */
export interface ShorterHorizons {
  /** The longest horizon, in months, and its last month ("2028-12"). */
  readonly months: number;
  readonly lastMonth: string;
  /** Workloads that end before it, with the last month each runs. */
  readonly ended: readonly { readonly id: string; readonly lastMonth: string }[];
  readonly lastMonthRecommendedCents: number;
  readonly lastMonthAllCloudCents: number;
  /** The shown horizon total over the longest horizon's months, to the cent. */
  readonly averageRecommendedCents: number;
}

export function shorterHorizons(p: PresentedAnalysis): ShorterHorizons | null {
  let months = 0;
  let lastMonth = '';
  for (const w of p.workloads) {
    const m = w.workload.projection?.months;
    if (m !== undefined && m.length > months) {
      months = m.length;
      lastMonth = m[m.length - 1]!.month;
    }
  }
  const ended: { id: string; lastMonth: string }[] = [];
  for (const w of p.workloads) {
    const m = w.workload.projection?.months;
    if (w.recommendedCents === null || m === undefined || m.length === 0 || m.length >= months) continue;
    ended.push({ id: w.workload.id, lastMonth: m[m.length - 1]!.month });
  }
  if (ended.length === 0) return null;
  const last = planMonthCents(p, months - 1, (w) => w.recommendedCents !== null);
  return {
    months,
    lastMonth,
    ended,
    lastMonthRecommendedCents: last.recommendedCents,
    lastMonthAllCloudCents: last.allCloudCents,
    averageRecommendedCents: Math.round(p.totals.horizonRecommendedCents / months),
  };
}

/** " These are month one's figures: world-model ends after 2027-06, so the plan's last month, 2028-12, costs …" */
export function shorterHorizonsText(p: PresentedAnalysis): string {
  const s = shorterHorizons(p);
  if (s === null) return '';
  const named = s.ended.slice(0, 3).map((e) => `${e.id} after ${e.lastMonth}`);
  const more = s.ended.length > 3 ? ` and ${s.ended.length - 3} more` : '';
  const who =
    s.ended.length === 1
      ? `${s.ended[0]!.id} ends after ${s.ended[0]!.lastMonth}`
      : `${s.ended.length} workloads end before ${s.lastMonth} (${named.join(', ')}${more})`;
  const cloud = cloudComparison(p.analysis.totals, p.workloads.length).none
    ? ''
    : ` (all-cloud ${usd(s.lastMonthAllCloudCents)})`;
  return ` These are month one's figures, with every workload running: ${who}, so the plan's last month, ${s.lastMonth}, costs ${usd(s.lastMonthRecommendedCents)}${cloud}, and its horizon total is ${usd(s.averageRecommendedCents)} a month on average over the ${s.months} months.`;
}
