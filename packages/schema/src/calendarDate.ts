/**
 * The dates gpufit accepts in its inputs (an offer's `asOf`, a scenario's `analysisDate`, the CLI's `--as-of`,
 * `--analysis-date` and `--today`): real calendar days from 2000 to 2099. No GPU cloud price is older than
 * 2000, so `0000-01-01` or `1926-…` is a typo for a year, as is anything past 2099; a date after the analysis
 * date is checked where that date is known (the CLI).
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

/**
 * What is wrong with a date written `YYYY-MM-DD` or `YYYY-MM` (a month stands for its first day), as the end
 * of a sentence that starts with the field's name and value; null when it is a real day in range.
 */
export function calendarDateProblem(text: string): string | null {
  const day = text.length === 7 ? `${text}-01` : text;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day)
    return 'is not a date of the calendar';
  if (day < EARLIEST_DATE) return `is before ${EARLIEST_DATE}; check the year`;
  if (day > LATEST_DATE) return `is after ${LATEST_DATE}; check the year`;
  return null;
}
