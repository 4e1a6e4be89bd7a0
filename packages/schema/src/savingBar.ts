import type { DecisionPolicySummary } from './results.js';

/** The decision policy's saving bar: a share of the all-cloud cost and a floor in USD a month. */
export type SavingBar = Pick<DecisionPolicySummary, 'minSavingShare' | 'minMonthlySavingUsd'>;

/** Which part of the bar a saving misses: its share of the cloud cost, its dollars a month, or both. */
export type SavingBarShortfall = 'share' | 'dollars' | 'both';

/**
 * Which part of the saving bar a monthly saving against cloud misses, null when it clears both. The same test as
 * the decision's (`decide`: a placement moves a workload only when it saves at least `minSavingShare` of the cloud
 * cost and at least `minMonthlySavingUsd` a month), split into its two parts so a reader is told which one failed
 * (a USD 30.26 saving at 19.8 % read "under the bar of 5 % and USD 100 a month").
 */
export function savingBarShortfall(
  savingUsd: number,
  cloudMonthlyUsd: number,
  bar: SavingBar,
): SavingBarShortfall | null {
  const underShare = savingUsd < bar.minSavingShare * cloudMonthlyUsd;
  const underDollars = savingUsd < bar.minMonthlySavingUsd;
  if (underShare && underDollars) return 'both';
  if (underShare) return 'share';
  return underDollars ? 'dollars' : null;
}

/**
 * The shortfall in words, to follow a saving: "over the bar's 5 % but under its USD 100 a month", "over the bar's
 * USD 100 a month but under its 5 %", "under both the bar's 5 % and its USD 100 a month".
 */
export function savingBarShortfallText(shortfall: SavingBarShortfall, bar: SavingBar): string {
  const share = `${Math.round(bar.minSavingShare * 1000) / 10} %`;
  const dollars = `USD ${bar.minMonthlySavingUsd.toLocaleString('en-US')} a month`;
  if (shortfall === 'dollars') return `over the bar's ${share} but under its ${dollars}`;
  if (shortfall === 'share') return `over the bar's ${dollars} but under its ${share}`;
  return `under both the bar's ${share} and its ${dollars}`;
}

/**
 * A saving's share of the cloud cost in words, to 0.1 % ("4.3 %"), as the shortfall sentences show it: a share under
 * the bar's never reads as the bar's own figure (a 4.96 % saving under a 5 % bar read "5 %, over the bar's USD 100 a
 * month but under its 5 %"; now "4.9 %").
 */
export function savingShareText(savingUsd: number, cloudMonthlyUsd: number, bar: SavingBar): string {
  let tenths = Math.round((1000 * savingUsd) / cloudMonthlyUsd);
  const barTenths = Math.round(bar.minSavingShare * 1000);
  if (savingUsd < bar.minSavingShare * cloudMonthlyUsd && tenths >= barTenths) tenths = barTenths - 1;
  return `${tenths / 10} %`;
}
