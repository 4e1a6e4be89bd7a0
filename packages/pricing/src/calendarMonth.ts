/** Calendar months as `YYYY-MM` strings: the months of a horizon and the distance between two of them. */
import { assert } from './assert.js';

function parse(month: string): number {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  assert(m !== null, CALENDAR_MONTH_INVALID, () => JSON.stringify(month));
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

export const CALENDAR_MONTH_INVALID = 'a month must be written YYYY-MM';

/** The month `count` months after `month` (`count` may be negative). */
export function addMonths(month: string, count: number): string {
  const n = parse(month) + count;
  const year = Math.floor(n / 12);
  const mm = n - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return parse(to) - parse(from);
}
