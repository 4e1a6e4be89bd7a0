/**
 * A strict RFC 4180 reader for tests, written independently of the renderer: fields separated by commas,
 * records by CRLF, quoted fields may hold commas, quotes ("") and line breaks. Throws on a bare quote or a
 * record that does not end in CRLF, so a malformed file fails the test.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
      continue;
    }
    if (c === '"') {
      if (!atFieldStart) throw new Error(`bare quote at ${i}`);
      quoted = true;
      atFieldStart = false;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`LF without CR at ${i}`);
    } else {
      field += c;
      atFieldStart = false;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field.length > 0 || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

/** Records as objects keyed by the header row. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (header === undefined) return [];
  return rows.map((r) => {
    if (r.length !== header.length)
      throw new Error(`ragged row: ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']));
  });
}
