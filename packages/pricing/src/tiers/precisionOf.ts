/**
 * The numeric format a benchmark result ran its main computation at, read from a precision cell: the lowest-bit
 * format the cell names (`fp4`, `int8`, `bf16` …; a per-component cell such as SDXL's
 * `{'clip1': 'fp16', 'unet': 'fp8', 'vae': 'int8'}` gives its lowest, `fp8`), or null when it names none ("not
 * recorded", empty). Used by the throughput compile (which comparisons are like-for-like) and the ratio table (which
 * work a ratio measured at two precisions holds for).
 */
export function precisionOf(cell: string): { readonly label: string; readonly bits: number } | null {
  let best: { label: string; bits: number } | null = null;
  for (const m of cell.matchAll(/\b(fp|int|bf|tf)(\d+)\b/gi)) {
    const bits = Number(m[2]);
    if (best === null || bits < best.bits) best = { label: `${m[1]!.toLowerCase()}${bits}`, bits };
  }
  return best;
}
