import { deserialize, serialize } from 'node:v8';
import type { LoadResult } from '../io/loadTypes.js';

/**
 * A loaded table (`LoadResult`) as compact bytes and back, for the catalog cache. Rows are stored by column:
 * text as indexes into one table of distinct strings (a catalog repeats providers, regions, sources and notes
 * thousands of times), numbers in a `Float64Array` with a null mask, booleans in a `Uint8Array`, and any other
 * value (lists, tier lists, the incentive) as its JSON in the string table, parsed once per distinct value and
 * copied for every row. The columns are found from the rows themselves, so nothing here restates the offer's
 * fields; decoding gives objects equal to the originals, keys in the same order. The rejections, warnings and
 * books travel as they are (v8's structured serialization).
 */

type Column =
  | { readonly name: string; readonly kind: 'text'; readonly data: Int32Array }
  | {
      readonly name: string;
      readonly kind: 'number';
      readonly data: Float64Array;
      readonly nulls: Uint8Array;
    }
  | { readonly name: string; readonly kind: 'boolean'; readonly data: Uint8Array }
  | { readonly name: string; readonly kind: 'json'; readonly data: Int32Array }
  /** Every row's value is null (`data` is all zeros, one byte a row). */
  | { readonly name: string; readonly kind: 'null'; readonly data: Uint8Array };

interface Encoded {
  readonly rows: number;
  readonly columns: readonly Column[];
  /**
   * The distinct strings, UTF-8, one after another; string `i` is bytes `stringEnds[i - 1]` (0 for the first)
   * to `stringEnds[i]`. Bytes rather than a list of strings, so that a decode makes only the strings the rows it
   * builds use (a warm `offers --gpu` query uses a few thousand of 277,000).
   */
  readonly stringBytes: Uint8Array;
  readonly stringEnds: Int32Array;
  readonly rest: Omit<LoadResult<unknown>, 'rows'>;
}

/** Index of null in a text or JSON column. */
const NULL = -1;

function kindOf(values: readonly unknown[]): Column['kind'] {
  let kind: Column['kind'] | null = null;
  for (const v of values) {
    if (v === null) continue;
    const k =
      typeof v === 'string'
        ? 'text'
        : typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'boolean'
            : 'json';
    if (kind === null) kind = k;
    else if (kind !== k) return 'json';
  }
  return kind ?? 'null';
}

/**
 * The bytes of a load result whose rows are plain objects of one shape (same keys, same order). The rows are
 * first turned into one array of values per column (`Object.values` of each row: reading `row[name]` for 33
 * names from one place was a megamorphic keyed load, 13 % of a 274,733-offer cache miss), and a cell equal to
 * the one above it reuses its string index without a lookup.
 */
export function encodeLoadResult<T extends object>(result: LoadResult<T>): Uint8Array {
  const rows = result.rows as unknown as readonly Record<string, unknown>[];
  const names = rows.length === 0 ? [] : Object.keys(rows[0]!);
  const n = rows.length;
  const m = names.length;
  const cells: unknown[][] = names.map(() => new Array<unknown>(n));
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    const keys = Object.keys(row);
    if (keys.length !== m) throw new Error('encodeLoadResult: rows of different shapes');
    for (let c = 0; c < m; c++)
      if (keys[c] !== names[c]) throw new Error('encodeLoadResult: rows of different shapes');
    const values = Object.values(row);
    for (let c = 0; c < m; c++) cells[c]![r] = values[c];
  }
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const columns = names.map((name, c): Column => {
    const values = cells[c]!;
    const kind = kindOf(values);
    if (kind === 'null') return { name, kind, data: new Uint8Array(n) };
    if (kind === 'number') {
      const data = new Float64Array(n);
      const nulls = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        const v = values[r];
        if (v === null) nulls[r] = 1;
        else data[r] = v as number;
      }
      return { name, kind, data, nulls };
    }
    if (kind === 'boolean') {
      const data = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        const v = values[r];
        data[r] = v === null ? 2 : v ? 1 : 0;
      }
      return { name, kind, data };
    }
    const data = new Int32Array(n);
    let last: unknown;
    let lastIndex = NULL;
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (v === null) data[r] = NULL;
      else if (lastIndex !== NULL && v === last) data[r] = lastIndex;
      else {
        lastIndex = intern(kind === 'text' ? (v as string) : JSON.stringify(v));
        last = v;
        data[r] = lastIndex;
      }
    }
    return { name, kind, data };
  });
  const { rows: _rows, ...rest } = result;
  const stringEnds = new Int32Array(strings.length);
  let bytes = 0;
  for (let i = 0; i < strings.length; i++) {
    const text = strings[i]!;
    // A lone surrogate has no UTF-8: it would come back as U+FFFD (no loader gives one; the cache is skipped).
    if (!(text as string & { isWellFormed(): boolean }).isWellFormed())
      throw new Error('encodeLoadResult: a string with a lone surrogate');
    bytes += Buffer.byteLength(text, 'utf8');
    stringEnds[i] = bytes;
  }
  const stringBytes = Buffer.allocUnsafe(bytes);
  for (let i = 0, at = 0; i < strings.length; i++) at += stringBytes.write(strings[i]!, at, 'utf8');
  const encoded: Encoded = {
    rows: n,
    columns,
    stringBytes: new Uint8Array(stringBytes.buffer, stringBytes.byteOffset, bytes),
    stringEnds,
    rest,
  };
  return serialize(encoded);
}

/**
 * A fresh copy of a parsed JSON value (arrays and plain objects, as JSON.parse gives them). Flat arrays are
 * sliced and flat objects spread: the common shapes (a list of words, tiers, an incentive) cost one allocation.
 */
function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object') return v.map(copyJson);
    return v.slice();
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (x !== null && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(o)) out[key] = copyJson(o[key]);
      return out;
    }
  }
  return { ...o };
}

/** Whether `copy` makes of `value` a separate value whose JSON is `json` (a copier that throws is not used). */
function copiesExactly<J>(copy: (v: J) => J, value: J, json: string): boolean {
  try {
    const c = copy(value);
    return (c === null || typeof c !== 'object' || c !== value) && JSON.stringify(c) === json;
  } catch {
    return false;
  }
}

/**
 * Readers of the encoded columns, each a function of the row index (a column missing or of another kind is an
 * error: a cache written by another gpufit is not read). A row builder takes them once and returns a function
 * that builds row `r` as one object literal: V8 builds such literals fast, where setting keys one by one from
 * a list was megamorphic and spent half its time in GC.
 */
export interface ColumnReaders {
  text(name: string): (r: number) => string;
  textOrNull(name: string): (r: number) => string | null;
  number(name: string): (r: number) => number;
  numberOrNull(name: string): (r: number) => number | null;
  boolean(name: string): (r: number) => boolean;
  /**
   * A JSON column, a fresh copy for every row; `T` is what the encoder was given. With `copy` (a copier written
   * for `T`'s shape, as object literals: several times faster than a generic copy), a distinct value is copied
   * by it only where its copy gives back that value's stored JSON exactly (same keys, order and numbers; tried
   * once per distinct value), else by the generic copy.
   */
  json<T>(name: string, copy?: (v: NonNullable<T>) => NonNullable<T>): (r: number) => T;
}

/** The load result `encodeLoadResult` encoded. Throws on bytes that are not one (truncated, corrupt, another layout). */
export function decodeLoadResult<T>(
  bytes: Uint8Array,
  rowBuilder: (columns: ColumnReaders) => (r: number) => T,
): LoadResult<T> {
  return decode(bytes, rowBuilder, null).result;
}

/** Rows whose text column `column` holds exactly `value` (a null cell is never kept). */
export interface RowSelection {
  readonly column: string;
  readonly value: string;
}

/** Every row of the table counted by the value of text column `by`, with how many have number column `present` set. */
export interface RowCount {
  readonly by: string;
  readonly present: string;
}

/** `RowCount`'s answer: for each value of `by` (rows where it is null are not counted), its rows and `present` rows. */
export type RowCounts = Map<string, { offers: number; priced: number }>;

/**
 * The load result `encodeLoadResult` encoded, with only the rows `where` keeps built (in table order): the
 * column is compared as string indexes before any row object exists. Rejections, warnings and books are the
 * whole table's; `tableRows` is how many accepted rows the table holds, selected or not; with `count`, `counts`
 * counts every row of the table (built or not) from the columns (see `RowCount`; `offers` = rows, `priced` =
 * rows with `present` set).
 */
export function decodeLoadResultWhere<T>(
  bytes: Uint8Array,
  rowBuilder: (columns: ColumnReaders) => (r: number) => T,
  where: RowSelection,
  count: RowCount | null = null,
): { readonly result: LoadResult<T>; readonly tableRows: number; readonly counts: RowCounts | null } {
  return decode(bytes, rowBuilder, where, count);
}

function decode<T>(
  bytes: Uint8Array,
  rowBuilder: (columns: ColumnReaders) => (r: number) => T,
  where: RowSelection | null,
  count: RowCount | null = null,
): { readonly result: LoadResult<T>; readonly tableRows: number; readonly counts: RowCounts | null } {
  const e = deserialize(bytes) as Encoded;
  if (
    typeof e !== 'object' ||
    e === null ||
    !Array.isArray(e.columns) ||
    !(e.stringBytes instanceof Uint8Array) ||
    !(e.stringEnds instanceof Int32Array) ||
    !Number.isInteger(e.rows) ||
    typeof e.rest !== 'object' ||
    e.rest === null
  )
    throw new Error('decodeLoadResult: not an encoded load result');
  const { rows: n, stringEnds } = e;
  const stringBytes = Buffer.from(e.stringBytes.buffer, e.stringBytes.byteOffset, e.stringBytes.length);
  const made: (string | undefined)[] = new Array(stringEnds.length);
  /** String `i`, made from its bytes the first time it is asked for. */
  const stringAt = (i: number): string | undefined => {
    let s = made[i];
    if (s === undefined) {
      if (!(i >= 0 && i < stringEnds.length)) return undefined;
      const from = i === 0 ? 0 : stringEnds[i - 1]!;
      const to = stringEnds[i]!;
      if (!(from <= to && to <= stringBytes.length)) return undefined;
      s = stringBytes.toString('utf8', from, to);
      made[i] = s;
    }
    return s;
  };
  const byName = new Map<string, Column>();
  for (const c of e.columns) {
    const cells = c.data?.length;
    if (cells !== n || (c.kind === 'number' && c.nulls?.length !== n))
      throw new Error(`decodeLoadResult: column ${c.name} has ${cells} cells for ${n} rows`);
    byName.set(c.name, c);
  }
  const column = <K extends Column['kind']>(name: string, kind: K): Extract<Column, { kind: K }> => {
    const c = byName.get(name);
    // Every row of an empty table may lack a column: its reader is never called.
    if (c === undefined && n === 0) return { name, kind, data: new Int32Array(0) } as never;
    if (c === undefined || c.kind !== kind) throw new Error(`decodeLoadResult: no ${kind} column ${name}`);
    return c as Extract<Column, { kind: K }>;
  };
  const isNull = (name: string, nullable: boolean) => nullable && byName.get(name)?.kind === 'null';
  const text = (name: string, nullable: boolean) => {
    if (isNull(name, nullable)) return () => null;
    const data = column(name, 'text').data;
    return (r: number): string | null => {
      const i = data[r]!;
      if (i === NULL) {
        if (nullable) return null;
        throw new Error(`decodeLoadResult: ${name} of row ${r} is null`);
      }
      const s = stringAt(i);
      if (typeof s !== 'string') throw new Error(`decodeLoadResult: string ${i} is missing`);
      return s;
    };
  };
  const number = (name: string, nullable: boolean) => {
    if (isNull(name, nullable)) return () => null;
    const { data, nulls } = column(name, 'number');
    return (r: number): number | null => {
      if (nulls[r] === 0) return data[r]!;
      if (nullable) return null;
      throw new Error(`decodeLoadResult: ${name} of row ${r} is null`);
    };
  };
  const readers: ColumnReaders = {
    text: (name) => text(name, false) as (r: number) => string,
    textOrNull: (name) => text(name, true),
    number: (name) => number(name, false) as (r: number) => number,
    numberOrNull: (name) => number(name, true),
    boolean(name) {
      const data = column(name, 'boolean').data;
      return (r) => {
        const b = data[r]!;
        if (b > 1) throw new Error(`decodeLoadResult: ${name} of row ${r} is not a boolean`);
        return b === 1;
      };
    },
    json<J>(name: string, copy?: (v: NonNullable<J>) => NonNullable<J>) {
      const read = text(name, true);
      /** Each distinct value parsed, with the copier proved for it. */
      const parsed = new Map<string, { readonly value: J; readonly copy: (v: J) => J }>();
      const own = copy as ((v: J) => J) | undefined;
      return (r: number): J => {
        const s = read(r);
        if (s === null) return null as J;
        let p = parsed.get(s);
        if (p === undefined) {
          const value = JSON.parse(s) as J;
          const exact = own !== undefined && value !== null && copiesExactly(own, value, s);
          p = { value, copy: exact ? own : (copyJson as (v: J) => J) };
          parsed.set(s, p);
        }
        return p.copy(p.value);
      };
    },
  };
  // The JSON columns were written as text indexes: read them as such.
  for (const c of e.columns) if (c.kind === 'json') byName.set(c.name, { ...c, kind: 'text' } as Column);
  const build = rowBuilder(readers);
  let rows: T[];
  if (where === null) {
    rows = new Array(n);
    for (let r = 0; r < n; r++) rows[r] = build(r);
  } else {
    rows = [];
    const c = n === 0 ? null : byName.get(where.column);
    if (c !== null && (c === undefined || c.kind !== 'text'))
      throw new Error(`decodeLoadResult: no text column ${where.column}`);
    if (c !== null) {
      // Each distinct index of the column is compared once (0 = not yet, 1 = kept, 2 = not).
      const data = c.data as Int32Array;
      const verdict = new Uint8Array(stringEnds.length);
      for (let r = 0; r < n; r++) {
        const i = data[r]!;
        if (i === NULL) continue;
        let v = verdict[i];
        if (v === undefined) throw new Error(`decodeLoadResult: string ${i} is missing`);
        if (v === 0) {
          v = stringAt(i) === where.value ? 1 : 2;
          verdict[i] = v;
        }
        if (v === 1) rows.push(build(r));
      }
    }
  }
  const counts = count === null ? null : countRows(count);
  const rest = e.rest as Omit<LoadResult<T>, 'rows'>;
  return {
    result: {
      file: rest.file,
      rows,
      rejected: rest.rejected,
      accounting: rest.accounting,
      blankRows: rest.blankRows,
      warnings: rest.warnings,
    },
    tableRows: n,
    counts,
  };

  function countRows({ by, present }: RowCount): RowCounts {
    const out: RowCounts = new Map();
    if (n === 0) return out;
    const keys = column(by, 'text').data;
    const p = byName.get(present);
    if (p === undefined || (p.kind !== 'number' && p.kind !== 'null'))
      throw new Error(`decodeLoadResult: no number column ${present}`);
    const nulls = p.kind === 'number' ? p.nulls : null;
    // Counted per distinct string index, then named.
    const rowsOf = new Int32Array(stringEnds.length);
    const presentOf = new Int32Array(stringEnds.length);
    for (let r = 0; r < n; r++) {
      const i = keys[r]!;
      if (i === NULL) continue;
      if (!(i >= 0 && i < stringEnds.length)) throw new Error(`decodeLoadResult: string ${i} is missing`);
      rowsOf[i]!++;
      if (nulls !== null && nulls[r] === 0) presentOf[i]!++;
    }
    for (let i = 0; i < stringEnds.length; i++) {
      if (rowsOf[i] === 0) continue;
      const key = stringAt(i)!;
      const prior = out.get(key);
      // Two indexes never hold one string (the encoder interns them); added up all the same.
      if (prior === undefined) out.set(key, { offers: rowsOf[i]!, priced: presentOf[i]! });
      else out.set(key, { offers: prior.offers + rowsOf[i]!, priced: prior.priced + presentOf[i]! });
    }
    return out;
  }
}
