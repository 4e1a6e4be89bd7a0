/** An offer-id part: lower case, runs of anything but letters, digits and `.` become `-` (`H100 SXM` → `h100-sxm`). */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A price as a note shows it: up to 10 significant digits, no float noise (`0.30000000000000004` → `0.3`). */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(10)));
}
