/**
 * How large clusters are bought reserved (said by the capacity risk of a large cluster, `unreserved-cloud-fleet`), each with the term its source gives (reference/README.md, "Not covered":
 * Hyperbolic reserved clusters "up to 40%" off for 3–12 month prepaid terms, CoreWeave "up to 60% discounts … for
 * committed usage" with no term; price-facts §6: Lambda 1-Click Clusters reserved per GPU-hour, billed weekly).
 */
export const RESERVED_CLUSTERS_SAID =
  'Lambda 1-Click Clusters, reserved per GPU-hour and billed weekly; Hyperbolic reserved clusters, up to 40 % off for 3- to 12-month prepaid terms; CoreWeave, up to 60 % for committed usage, its term not stated';
/** The commitment term the discounts above are most often quoted for (price-facts §6: reserved 1-yr ~40 %). */
const YEAR_TERM_MONTHS = 12;
/** Hyperbolic's shortest prepaid term (reference/README.md, "Not covered"). */
const SHORTEST_SAID_TERM_MONTHS = 3;

/**
 * For a workload that runs less than a year: a commitment that outlasts it is paid for its whole term (a 2-month
 * pretrain read "ask for a reserved cluster … CoreWeave up to 60 %" with no word of the term), so the quote to ask
 * for is one for the run's own months. Empty for a year or more.
 */
export function reservedTermSaid(months: number): string {
  if (!(months > 0 && months < YEAR_TERM_MONTHS)) return '';
  const m = Number(months.toPrecision(3));
  const span = m === 1 ? '1 month' : `${m} months`;
  const times = Number((YEAR_TERM_MONTHS / months).toPrecision(3));
  const shortest =
    months < SHORTEST_SAID_TERM_MONTHS
      ? ` (Hyperbolic's shortest prepaid term, ${SHORTEST_SAID_TERM_MONTHS} months, outlasts it)`
      : '';
  return ` This workload runs ${span}, and a commitment is paid for its whole term: a ${YEAR_TERM_MONTHS}-month term bought for it puts ${times} months of charges on each month of the run. Ask for a quote for the run's own ${m === 1 ? 'month' : span}${shortest}.`;
}

/**
 * For a job run less often than monthly, whose cluster is held only while a run lasts (`runMonths` of every
 * `everyMonths`): a 12-month term bought for it is used min(horizon, 12) × runMonths ÷ everyMonths of its 12 months,
 * so each month of use carries 12 ÷ that months of charges (a half-yearly 7-week, 256-H100 pretrain: 3.32 of 12
 * months used, 3.62 months of charges a month of use). Empty when the runs fill the term.
 */
export function reservedRunsSaid(runMonths: number, everyMonths: number, horizonMonths: number): string {
  if (!(runMonths > 0 && everyMonths > 0 && horizonMonths > 0)) return '';
  const used = Math.min(horizonMonths, YEAR_TERM_MONTHS) * Math.min(1, runMonths / everyMonths);
  if (!(used < YEAR_TERM_MONTHS)) return '';
  const r3 = (x: number) => Number(x.toPrecision(3));
  const run = r3(runMonths);
  const shortest =
    runMonths < SHORTEST_SAID_TERM_MONTHS
      ? ` (Hyperbolic's shortest prepaid term, ${SHORTEST_SAID_TERM_MONTHS} months, outlasts it)`
      : '';
  return ` Each run holds the cluster about ${run} months, one every ${r3(everyMonths)} months, and a commitment is paid for its whole term: a ${YEAR_TERM_MONTHS}-month term bought for it is used about ${r3(used)} of its ${YEAR_TERM_MONTHS} months, ${r3(YEAR_TERM_MONTHS / used)} months of charges on each month of use. Ask for a quote for a run's own ${run} months${shortest}.`;
}
