/**
 * A benchmark's precision cell as a reader reads it. MLPerf states SDXL's per component as a Python dict
 * (`{'clip1': 'fp16', 'clip2': 'fp16', 'unet': 'fp8', 'vae': 'int8'}`), which a report printed as is, and rows whose
 * result files do not record it say "not recorded in files parsed". Gives "clip1 fp16, clip2 fp16, unet fp8, vae
 * int8", "precision not recorded", or the cell itself ("fp8").
 */
export function precisionText(cell: string): string {
  const s = cell.trim();
  if (s === '' || /not recorded/i.test(s)) return 'precision not recorded';
  if (s.startsWith('{') && s.endsWith('}')) {
    const parts = [...s.matchAll(/['"]([^'"]+)['"]\s*:\s*['"]([^'"]+)['"]/g)].map((m) => `${m[1]} ${m[2]}`);
    if (parts.length > 0) return parts.join(', ');
  }
  return s;
}
