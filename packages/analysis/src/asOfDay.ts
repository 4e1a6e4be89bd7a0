/**
 * An offer's as-of as a comparable day, `YYYY-MM-DD`: a month-only as-of (`2026-11`) counts as the month's
 * first day, the earliest it can mean, so a dated offer of the same month is the newer one and the age of a
 * month-only offer is never understated.
 */
export function asOfDay(asOf: string): string {
  return asOf.length === 7 ? `${asOf}-01` : asOf;
}

/** The day `days` after `day` (`YYYY-MM-DD`), in UTC. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD` or `YYYY-MM`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${asOfDay(to)}T00:00:00Z`) - Date.parse(`${asOfDay(from)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
