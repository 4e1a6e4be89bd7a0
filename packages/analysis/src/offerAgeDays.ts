/**
 * Days from an offer's as-of (`YYYY-MM-DD`, or `YYYY-MM` read as the month's first day) to `analysisDate`
 * (`YYYY-MM-DD`); negative when the offer is dated after it. Pure calendar arithmetic in UTC (no clock).
 */
export function offerAgeDays(asOf: string, analysisDate: string): number {
  return Math.round((utcDay(analysisDate) - utcDay(asOf)) / 86_400_000);
}

function utcDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
}
