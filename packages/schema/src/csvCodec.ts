import { shownInput } from './common.js';
import type { ValidationIssue } from './issues.js';
import { FALSE_WORDS, TRUE_WORDS } from './vocabulary.js';

/** How a CSV cell turns into a typed value. Empty cells are left out, so schema defaults apply. */
export type CellKind = 'text' | 'number' | 'boolean' | 'list' | 'egressTiers';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type DecodedCell = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

export function decodeCell(kind: CellKind, column: string, raw: string): DecodedCell {
  const cell = raw.trim();
  switch (kind) {
    case 'text':
      return { ok: true, value: cell };
    case 'number':
      return decodeNumber(column, cell);
    case 'boolean': {
      const lower = cell.toLowerCase();
      if ((TRUE_WORDS as readonly string[]).includes(lower)) return { ok: true, value: true };
      if ((FALSE_WORDS as readonly string[]).includes(lower)) return { ok: true, value: false };
      return fail('invalid_boolean', column, `${column} must be true or false; got ${JSON.stringify(cell)}`);
    }
    case 'list':
      return {
        ok: true,
        value: cell
          .split(';')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    case 'egressTiers':
      return decodeTiers(column, cell);
  }
}

function decodeNumber(column: string, cell: string): DecodedCell {
  if (!NUMBER.test(cell)) {
    return fail(
      'not_a_number',
      column,
      `${column} must be a number; got ${JSON.stringify(cell)}.${numberHint(cell)}`,
    );
  }
  const value = Number(cell);
  if (!Number.isFinite(value))
    return fail('not_a_number', column, `${column} is too large to be a number: ${cell}`);
  return { ok: true, value };
}

/**
 * What a cell that is not a number probably meant. A comma before exactly three digits ("2,190") is a thousands
 * separator as often as a decimal comma, and reading it the wrong way is a 1,000× error, so the hint gives both;
 * "1,5" can only be a decimal comma, "1,234,567" and "2,190.5" only thousands separators.
 */
function numberHint(cell: string): string {
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cell)) {
    const grouped = cell.replaceAll(',', '');
    const decimal = /^[+-]?\d+,\d{3}$/.test(cell)
      ? ` (or ${cell.replace(',', '.')} if the comma is a decimal comma)`
      : '';
    return ` Write it without thousands separators: ${grouped}${decimal}.`;
  }
  if (/^[+-]?\d+,\d+$/.test(cell)) return ` Use a decimal point: ${cell.replace(',', '.')}.`;
  if (/^(nan|[+-]?inf(inity)?)$/i.test(cell)) return ' Leave the cell empty if the value is unknown.';
  return '';
}

function decodeTiers(column: string, cell: string): DecodedCell {
  const tiers: { upToGiB: number | null; usdPerGiB: number }[] = [];
  for (const part of cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [upTo, price, ...rest] = part.split(':');
    if (upTo === undefined || price === undefined || rest.length > 0) {
      return fail(
        'invalid_tiers',
        column,
        `${column} tiers are written upToGiB:usdPerGiB;…;inf:usdPerGiB; got ${JSON.stringify(part)}`,
      );
    }
    const p = decodeNumber(column, price);
    if (!p.ok) return p;
    if (upTo.trim().toLowerCase() === 'inf') {
      tiers.push({ upToGiB: null, usdPerGiB: p.value as number });
      continue;
    }
    const u = decodeNumber(column, upTo);
    if (!u.ok) return u;
    tiers.push({ upToGiB: u.value as number, usdPerGiB: p.value as number });
  }
  return { ok: true, value: tiers };
}

function fail(code: string, column: string, message: string): DecodedCell {
  return { ok: false, issue: { code, path: [column], message } };
}

function ownValue(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/**
 * Decode one CSV record (header → cell) with a codec table. Columns not in the table are kept as text so the
 * schema's strictness reports them as unknown fields; empty cells are omitted.
 */
export function decodeRecord(
  codecs: Readonly<Record<string, CellKind>>,
  header: readonly string[],
  cells: readonly string[],
): { value: Record<string, unknown>; issues: ValidationIssue[] } {
  const value: Record<string, unknown> = {};
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < header.length; i++) {
    const column = header[i]!;
    const raw: unknown = cells[i] ?? '';
    if (typeof raw !== 'string') {
      // Library callers only: a CSV parser hands strings.
      issues.push({
        code: 'invalid_type',
        path: [column],
        message: `${column}: a CSV cell must be text; got ${shownInput(raw)}`,
      });
      continue;
    }
    if (raw.trim() === '') continue;
    const decoded = decodeCell(Object.hasOwn(codecs, column) ? codecs[column]! : 'text', column, raw);
    // A `__proto__` column is kept as a key (assigning it would set the prototype), so it is refused as unknown.
    if (decoded.ok && column === '__proto__') Object.defineProperty(value, column, ownValue(decoded.value));
    else if (decoded.ok) value[column] = decoded.value;
    else issues.push(decoded.issue);
  }
  return { value, issues };
}
