/** Delimiters spreadsheets write instead of a comma, with the name a message uses for each. */
const OTHER_DELIMITERS: readonly { readonly char: string; readonly name: string }[] = [
  { char: ';', name: '`;`' },
  { char: '\t', name: 'tab' },
  { char: '|', name: '`|`' },
];

/**
 * The delimiter a header was really written with, when it is not a comma: the one (`;`, tab or `|`) that splits
 * the header into more known column names than the comma did, and into at least two. Null when the comma is
 * the better reading. Only the header is judged (a European spreadsheet writes `;` with decimal commas, so
 * guessing per row would misread `1,5`); gpufit then refuses the file with a message naming the delimiter
 * rather than reading it another way.
 */
export function wrongDelimiter(
  cells: readonly string[],
  known: ReadonlySet<string>,
): { readonly char: string; readonly name: string } | null {
  const byComma = cells.filter((c) => known.has(c.trim())).length;
  const line = cells.join(',');
  let best: { readonly char: string; readonly name: string } | null = null;
  let bestKnown = Math.max(byComma, 1); // at least two names, and more than the comma found
  for (const d of OTHER_DELIMITERS) {
    if (!line.includes(d.char)) continue;
    const hits = line.split(d.char).filter((c) => known.has(c.trim())).length;
    if (hits > bestKnown) {
      best = d;
      bestKnown = hits;
    }
  }
  return best;
}
