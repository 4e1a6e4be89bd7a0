/** A plain text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function usd(x: number | null, digits = 2): string {
  if (x === null) return 'unknown';
  return `$${x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/**
 * The monthly totals of a streamed or merged analysis, whose totals were never split into shown workload figures,
 * in cents: each total rounded to the cent once, and the saving the difference of the two shown totals, so the
 * figures add up ("$52,818.77 against $53,321.75 — saves $502.98", not a separately rounded $502.99).
 */
export function shownTotalsCents(t: {
  readonly monthlyUsd: { readonly recommended: number; readonly allCloud: number };
}): { readonly recommended: number; readonly allCloud: number; readonly savings: number } {
  const recommended = Math.round(t.monthlyUsd.recommended * 100);
  const allCloud = Math.round(t.monthlyUsd.allCloud * 100);
  return { recommended, allCloud, savings: allCloud - recommended };
}
