/** Split a GFM table row into cell texts, honouring `\|` escapes. */
export function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The rows (header excluded) of the first GFM table after the first line that contains `marker`. */
export function tableAfter(markdown: string, marker: string, from = 0): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l, i) => i >= from && l.includes(marker));
  if (start < 0) throw new Error(`marker not found: ${marker}`);
  const head = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = head + 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i += 1)
    rows.push(cells(lines[i] ?? ''));
  return rows;
}

/** "1,234.56" or "**1,234.56**" → 123456 cents. */
export function centsOf(cell: string): number {
  const m = /^(?:\*\*)?(-?)([\d,]+)\.(\d\d)(?:\*\*)?$/.exec(cell.trim());
  if (m === null) throw new Error(`not a money cell: ${cell}`);
  return (m[1] === '-' ? -1 : 1) * (Number((m[2] ?? '').replace(/,/g, '')) * 100 + Number(m[3]));
}
