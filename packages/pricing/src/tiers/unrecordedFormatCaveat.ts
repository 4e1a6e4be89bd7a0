import { joinWithAnd, type ThroughputBasis } from '@gpufit/schema';

/** A conversion a report shows: the GPUs, the measured ratio and what its source records of the format. */
export type FormatCaveatConversion = Pick<
  ThroughputBasis,
  'offerGpu' | 'demandGpu' | 'ratio' | 'measuredFormat'
>;

/**
 * The caveat of measured ratios whose numeric format the source does not record in full (MLPerf Training records
 * none; MLPerf Inference v3.1 and v4.1 rows mostly none) or that pool results at different formats, said once per
 * report with the GPU pairs it concerns — it had been repeated on every estimate converted at such a ratio. A GPU
 * that ran a narrower format in the benchmark than the work's is credited a speed-up the work does not get, so the
 * ratio may be off in either direction. Null when no conversion is of that kind. A ratio measured at one known
 * format that differs from the work's keeps its own note on the estimate (`measuredPrecisionNote`), which says which
 * way the error runs.
 */
export function unrecordedFormatCaveat(conversions: readonly FormatCaveatConversion[]): string | null {
  const items: string[] = [];
  for (const c of conversions) {
    const f = c.measuredFormat;
    if (f === undefined || f.kind === 'one') continue;
    const recorded = f.recorded;
    const what =
      f.kind === 'unrecorded'
        ? 'format not recorded'
        : f.kind === 'part'
          ? `format recorded in part: ${recorded}`
          : `formats pooled: ${recorded}`;
    const work = f.work === null ? '' : ` for ${f.work} work`;
    const item = `${c.offerGpu} = ${Number(c.ratio.toPrecision(3))}× ${c.demandGpu}${work} (${what})`;
    if (!items.includes(item)) items.push(item);
  }
  if (items.length === 0) return null;
  return `Measured throughput ratios whose results' numeric format the source does not record (or records only in part), or that pool results at different formats, are used as measured: a GPU that ran a narrower format in the benchmark than the work's is credited a speed-up the work does not get, so such a ratio may be off in either direction (by how much is not known). gpufit still prices them, as the best measurement available. Such ratios in this report: ${joinWithAnd(items)}.`;
}
