import {
  decodeCell,
  hiddenCharacterProblem,
  OFFER_FIELD_RULES,
  OFFER_FIELDS,
  type Offer,
  type OfferFieldRule,
  offerFromInput,
  offerInputSchema,
  offerRuleIssues,
} from '@gpufit/schema';
import { type CellDecoder, ColumnMemo, FAIL, NUMBER_CELL } from './columnMemo.js';

/**
 * A fast acceptor for one offer-catalog row: it returns the offer `offerFromCsv` would return when it can prove
 * the row valid, and `undefined` otherwise (then the caller runs the zod path, which is the authority and writes
 * the messages). It never rejects on its own, so a gap here costs speed, not correctness.
 *
 * Where the rules come from, so there is one source of truth:
 * - text and number columns: bounds from the schema's field table (`OFFER_FIELD_RULES`), which the zod schema
 *   is built from too; cells decoded as `decodeCell` decodes them;
 * - columns of few distinct values (vocabularies, places, dates, booleans, lists, egress tiers): the column's
 *   own zod schema (`offerInputSchema.shape[column]`), run once per distinct cell and remembered;
 * - the rules across columns (`offerRuleIssues`) and the defaults (`offerFromInput`): the schema's own
 *   functions, the ones its zod schema calls.
 *
 * test/io-fastOffer.test.ts proves with fast-check that both paths agree on generated and hostile rows.
 */
export type FastOfferDecoder = (cells: readonly string[]) => Offer | undefined;

export type Field = (typeof OFFER_FIELDS)[number];

function numberIn(rule: OfferFieldRule & { type: 'number' }): CellDecoder {
  const { min, max, integer } = rule;
  return (cell) => {
    if (!NUMBER_CELL.test(cell)) return FAIL;
    const x = Number(cell);
    if (!(x >= min && x <= max)) return FAIL;
    if (integer && !Number.isInteger(x)) return FAIL;
    return x;
  };
}

function textOf(rule: OfferFieldRule & { type: 'text' | 'note' }): CellDecoder {
  const max = rule.maxLength;
  const letterCase = rule.type === 'text' ? rule.case : undefined;
  return (cell) => {
    if (cell.length > max || hiddenCharacterProblem(cell) !== null) return FAIL;
    return letterCase === 'lower' ? cell.toLowerCase() : letterCase === 'upper' ? cell.toUpperCase() : cell;
  };
}

/** The most distinct cells a column's zod memo keeps (a column of free values just stops being memoized). */
const MEMO_LIMIT = 4096;

/**
 * A column judged by its own zod schema, once per distinct cell: the cell decoded as the CSV codec decodes it,
 * then parsed. Lists and tiers are objects, so every row gets its own copy (see `fresh`).
 */
function zodColumn(field: Field, rule: OfferFieldRule): CellDecoder {
  const schema = offerInputSchema.shape[field];
  const kind =
    rule.type === 'boolean'
      ? 'boolean'
      : rule.type === 'list'
        ? 'list'
        : rule.type === 'egressTiers'
          ? 'egressTiers'
          : 'text';
  const memo = new Map<string, unknown>();
  return (cell) => {
    let v = memo.get(cell);
    if (v === undefined) {
      const decoded = decodeCell(kind, field, cell);
      const parsed = decoded.ok ? schema.safeParse(decoded.value) : undefined;
      v = parsed?.success ? parsed.data : FAIL;
      if (v === undefined) v = FAIL;
      if (memo.size < MEMO_LIMIT) memo.set(cell, v);
    }
    return v;
  };
}

function decoderOf(field: Field): CellDecoder {
  const rule: OfferFieldRule = OFFER_FIELD_RULES[field];
  switch (rule.type) {
    case 'text':
    case 'note':
      return textOf(rule);
    case 'number':
      return numberIn(rule);
    default:
      return zodColumn(field, rule);
  }
}

/** Each column's cell decoder (a trimmed, non-empty cell to its value, or `FAIL`). */
export const DECODERS = Object.fromEntries(OFFER_FIELDS.map((f) => [f, decoderOf(f)])) as Record<
  Field,
  CellDecoder
>;

/** Columns without which the zod path refuses the row (required in the field table). */
export const REQUIRED: readonly Field[] = OFFER_FIELDS.filter((f) => {
  const rule: OfferFieldRule = OFFER_FIELD_RULES[f];
  return 'required' in rule && rule.required;
});

/** A row's own copy of a remembered list or tier list (offers are handed out as separate objects). */
export function fresh(field: Field, v: unknown): unknown {
  if (field === 'certifications') return [...(v as string[])];
  if (field === 'egressTiers')
    return (v as { upToGiB: number | null; usdPerGiB: number }[]).map((t) => ({
      upToGiB: t.upToGiB,
      usdPerGiB: t.usdPerGiB,
    }));
  return v;
}

/** The header's columns as offer fields, or undefined when one is unknown or repeated, or a required one is missing. */
export function fastOfferFields(header: readonly string[]): Field[] | undefined {
  const known: ReadonlySet<string> = new Set(OFFER_FIELDS);
  const fields: Field[] = [];
  for (const h of header) {
    if (!known.has(h) || fields.includes(h as Field)) return undefined;
    fields.push(h as Field);
  }
  for (const f of REQUIRED) if (!fields.includes(f)) return undefined;
  return fields;
}

/**
 * Builds the fast decoder for one header (named columns, as the header check leaves them). Returns undefined
 * when the header has a column the fast path does not know or lacks a required one.
 */
export function fastOfferDecoder(header: readonly string[]): FastOfferDecoder | undefined {
  const fields = fastOfferFields(header);
  if (fields === undefined) return undefined;
  const n = fields.length;
  const decoders = fields.map((f) => DECODERS[f]);
  const copies = fields.map((f) => f === 'certifications' || f === 'egressTiers');
  const memo = new ColumnMemo(decoders);
  return (cells) => {
    if (cells.length !== n) return undefined;
    const input: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const v = memo.value(i, cells[i]!);
      if (v === FAIL) return undefined;
      if (v !== undefined) input[fields[i]!] = copies[i] ? fresh(fields[i]!, v) : v;
    }
    for (const f of REQUIRED) if (input[f] === undefined) return undefined;
    const o = input as Parameters<typeof offerFromInput>[0];
    if (offerRuleIssues(o).length > 0) return undefined;
    return offerFromInput(o);
  };
}
