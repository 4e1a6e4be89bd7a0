/**
 * Today's date (UTC) as `YYYY-MM-DD`: the one place gpufit reads the clock. Only commands call it, and only
 * for a default the user did not give (`--as-of` of an import, `--today` of `offers --max-age`); the stderr
 * says when it was used, so a run stays reproducible by passing the date.
 */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
