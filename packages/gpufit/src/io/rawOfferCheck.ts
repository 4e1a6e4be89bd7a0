import { asOfDay } from '@gpufit/analysis';
import {
  OFFER_FIELD_RULES,
  type Offer,
  type OfferFieldRule,
  type OfferRuleInput,
  offerFromInput,
  offerRuleIssues,
} from '@gpufit/schema';
import { ByteMemo, MEMO_FULL } from './byteMemo.js';
import { type CellDecoder, cellValue, FAIL } from './columnMemo.js';
import { decimalBytes } from './decimalBytes.js';
import { DECODERS, type Field, fastOfferFields, fresh, REQUIRED } from './fastOffer.js';
import type { GpuNameIndex } from './gpuNameIndex.js';
import { CELL_ASCII, plainCell } from './plainCsvRecords.js';
import type { RawCells } from './readCsvRows.js';
import { visibleBytes } from './visibleBytes.js';

/** `RawRowCheck.judge`'s verdict on a row proved valid whose offer is not kept. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * A check of one catalog row from its bytes, for a query that keeps only one GPU's offers (`gpufit offers
 * --gpu H100 --no-cache`). `judge` proves a row valid — everything `offerTable`'s decoder (the fast decoder,
 * then the GPU name and the as-of ceiling) would accept — or gives up:
 * - `SKIP`: proved valid and of another GPU, so the loader counts it as accepted without building the offer or
 *   making a string of its notes and provenance;
 * - an offer: proved valid and of the kept GPU; the offer is the one `offerTable`'s decoder gives for the row
 *   (`offerFromInput` of the same values, then `finish`), built from the values the proof decoded and the
 *   strings of its text cells only (test/io-rawOfferCheck.test.ts holds it to the whole load, JSON for JSON);
 * - undefined: any doubt, and the row goes the usual way, which is the authority and writes the messages; so a
 *   gap here costs speed, never an answer.
 * The id's bytes (ASCII, checked here) are `idColumn`'s, for the duplicate check.
 */
export interface RawRowCheck<T = Offer> {
  readonly idColumn: number;
  judge(raw: RawCells): T | typeof SKIP | undefined;
  /** `judge(raw) === SKIP`. */
  skips(raw: RawCells): boolean;
  /** Says that the row last judged `SKIP` was counted as accepted (its id was not a duplicate). */
  counted(): void;
}

/** What a text column's judge gives for a valid cell: its string is made only for a kept row. */
const TEXT: unique symbol = Symbol('text');

/**
 * A column judged from its bytes (`kind`: the splitter's `CELL_*`): its value, `TEXT` for a valid text cell
 * (its value is the cell), or `FAIL`.
 */
type ByteJudge = (bytes: Buffer, from: number, to: number, kind: number) => unknown;

/**
 * Text whose value is not needed (ids, names, provenance, notes), proved valid as the fast decoder's `textOf`
 * would find it when: its first and last bytes are visible ASCII (so trimming leaves it as it is and it is not
 * empty), it has at most `maxLength` bytes (so at most as many UTF-16 characters) and no hidden character.
 */
function textBytes(maxLength: number, asciiOnly: boolean): ByteJudge {
  return (bytes, from, to, kind) => {
    if (to - from > maxLength) return FAIL;
    const first = bytes[from]!;
    const last = bytes[to - 1]!;
    if (first <= 0x20 || first >= 0x7f || last <= 0x20 || last >= 0x7f) return FAIL;
    // The splitter saw every byte of an unquoted cell: CELL_ASCII alone is visible ASCII.
    const seen = kind === CELL_ASCII ? 0 : visibleBytes(bytes, from, to);
    return seen === 0 || (seen === 1 && !asciiOnly) ? TEXT : FAIL;
  };
}

function numberBytes(rule: OfferFieldRule & { type: 'number' }): ByteJudge {
  const { min, max, integer } = rule;
  return (bytes, from, to) => {
    const x = decimalBytes(bytes, from, to);
    if (!(x >= min && x <= max)) return FAIL;
    if (integer && !Number.isInteger(x)) return FAIL;
    return x;
  };
}

/** A cell's string from its span (the bytes between its quotes, `""` standing for a quote). */
function cellText(bytes: Buffer, from: number, to: number): string {
  const s = bytes.toString('utf8', from, to);
  return s.includes('"') ? s.replaceAll('""', '"') : s;
}

/** A column decoded as the fast decoder decodes it (`cellValue`), once per distinct cell (`ByteMemo`). */
function memoBytes(decoder: CellDecoder, then: (value: unknown) => unknown = (v) => v): ByteJudge {
  const memo = new ByteMemo((bytes, from, to) => {
    const v = cellValue(decoder, cellText(bytes as Buffer, from, to));
    return v === FAIL || v === undefined ? v : then(v);
  });
  return (bytes, from, to) => {
    const v = memo.get(bytes, from, to);
    return v === MEMO_FULL ? FAIL : v;
  };
}

/** Columns whose value the check needs: the rules across columns, the GPU and the as-of day. */
const VALUE_FIELDS = new Set<Field>([
  'pricingCategory',
  'termMonths',
  'usdPerGpuHour',
  'usdPerGpuHourMin',
  'usdPerGpuHourMax',
  'incentiveSymbol',
  'incentiveSubsidyShare',
  'incentiveDenomination',
  'minimumBillableSeconds',
]);

/**
 * The check for one header (undefined when the fast decoder does not take the header), keeping the offers of
 * GPU tier `kept`; `latest`: the last `asOf` day accepted (`offerTable`'s ceiling), null for none; `finish`:
 * what `offerTable`'s decoder does to a valid offer after its GPU name is resolved (fills the country);
 * `onCounted`: told the provider of each row of another GPU counted as accepted, and whether it has a USD price.
 */
export function rawOfferCheck(
  header: readonly string[],
  gpus: GpuNameIndex,
  latest: string | null,
  kept: string,
  finish: (offer: Offer) => Offer = (offer) => offer,
  onCounted: (provider: string, priced: boolean) => void = () => {},
): RawRowCheck | undefined {
  const fields = fastOfferFields(header);
  if (fields === undefined) return undefined;
  const n = fields.length;
  const judges = fields.map((f): ByteJudge => {
    const rule: OfferFieldRule = OFFER_FIELD_RULES[f];
    if (f === 'gpu')
      return memoBytes(DECODERS.gpu, (name) => {
        const match = gpus.resolve(name as string);
        return match.ok ? match.gpu : FAIL;
      });
    // Few providers, and the value (lower-cased) is counted for every row.
    if (f === 'provider') return memoBytes(DECODERS.provider);
    if (f === 'asOf')
      return memoBytes(DECODERS.asOf, (day) =>
        latest !== null && asOfDay(day as string) > latest ? FAIL : day,
      );
    if ((rule.type === 'text' || rule.type === 'note') && !VALUE_FIELDS.has(f))
      return textBytes(rule.maxLength, f === 'id');
    if (rule.type === 'number') return numberBytes(rule);
    return memoBytes(DECODERS[f]);
  });
  const required = fields.map((f) => REQUIRED.includes(f));
  const at = (f: Field) => fields.indexOf(f);
  const gpuColumn = at('gpu');
  const providerColumn = at('provider');
  const priceColumn = at('usdPerGpuHour');
  const values: unknown[] = new Array(n);
  // Each rule field with its column (-1: not in the header), by name: the rules read the cells under their own names.
  const ruleColumns = [...VALUE_FIELDS].map((f) => [f, at(f)] as const);
  // One object for every row's rules (the rules only read it).
  const input: { -readonly [K in keyof OfferRuleInput]: OfferRuleInput[K] } = { pricingCategory: 'Standard' };
  // How a kept row's text cells become values: the fast decoder's `textOf` (the cell, in its column's letter case).
  const letterCase = fields.map((f) => {
    const rule: OfferFieldRule = OFFER_FIELD_RULES[f];
    return rule.type === 'text' ? rule.case : undefined;
  });
  const copies = fields.map((f) => f === 'certifications' || f === 'egressTiers');
  /** The kept row's offer from the values `values` holds for it. */
  const keptOffer = ({ bytes, spans, at: base }: RawCells): Offer => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      let v = values[i];
      if (v === undefined) continue;
      if (v === TEXT) {
        const cell = plainCell(bytes, spans, base + 3 * i);
        const c = letterCase[i];
        v = c === 'lower' ? cell.toLowerCase() : c === 'upper' ? cell.toUpperCase() : cell;
      } else if (copies[i]) v = fresh(fields[i]!, v);
      o[fields[i]!] = v;
    }
    // The GPU column's value is already its tier (the decoder resolves the name after `offerFromInput`).
    return finish(offerFromInput(o as Parameters<typeof offerFromInput>[0]));
  };
  const judge = (raw: RawCells): Offer | typeof SKIP | undefined => {
    const { bytes, spans, at: base, count } = raw;
    if (count !== n) return undefined;
    for (let i = 0, k = base; i < n; i++, k += 3) {
      const from = spans[k]!;
      const to = spans[k + 1]!;
      const v = from === to ? undefined : judges[i]!(bytes, from, to, spans[k + 2]!);
      if (v === FAIL || (v === undefined && required[i])) return undefined;
      values[i] = v;
    }
    for (const [f, i] of ruleColumns)
      (input as Record<string, unknown>)[f] = i === -1 ? undefined : values[i];
    if (offerRuleIssues(input).length > 0) return undefined;
    return values[gpuColumn] === kept ? keptOffer(raw) : SKIP;
  };
  return {
    idColumn: at('id'),
    judge,
    skips: (raw) => judge(raw) === SKIP,
    counted: () =>
      onCounted(values[providerColumn] as string, priceColumn !== -1 && values[priceColumn] !== undefined),
  };
}
