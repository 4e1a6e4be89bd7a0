import { ReportError } from '../errors.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthNumber(month: string): number {
  const m = MONTH.exec(month);
  if (m === null) throw new ReportError('bad-month', [], month);
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

/** `addMonths('2027-11', 3)` → `'2028-02'`: calendar arithmetic on `YYYY-MM` without a clock. */
export function addMonths(month: string, count: number): string {
  const n = monthNumber(month) + count;
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The months of a horizon: `horizonMonths('2027-01', 3)` → `['2027-01', '2027-02', '2027-03']`. */
export function horizonMonthList(startMonth: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(startMonth, i));
}

/** FOCUS date-time of a month's first instant, in UTC with the `Z` suffix: `2027-01-01T00:00:00Z`. */
export function monthStartDateTime(month: string): string {
  monthNumber(month);
  return `${month}-01T00:00:00Z`;
}
