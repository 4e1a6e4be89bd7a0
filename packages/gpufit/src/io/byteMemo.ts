import { IdSet } from './idSet.js';

/** What `ByteMemo.get` returns when it is full and the cell is new: the caller decides without the memo. */
export const MEMO_FULL: unique symbol = Symbol('memo full');

/**
 * A column's value for each distinct cell, keyed by the cell's bytes (an `IdSet` of them, each byte one
 * character), so a repeated cell is judged without making its string. `decode` is called with the bytes' span
 * on a miss; at most `limit` distinct cells are kept (a column of free values just stops being remembered).
 */
export class ByteMemo {
  private readonly keys = new IdSet();
  private readonly values: unknown[] = [];

  constructor(
    private readonly decode: (bytes: Uint8Array, from: number, to: number) => unknown,
    private readonly limit = 4096,
  ) {}

  get(bytes: Uint8Array, from: number, to: number): unknown {
    const known = this.keys.rowOfAscii(bytes, from, to);
    if (known !== 0) return this.values[known - 1];
    if (this.values.length >= this.limit) return MEMO_FULL;
    const value = this.decode(bytes, from, to);
    this.values.push(value);
    this.keys.addOrGetAscii(bytes, from, to, this.values.length);
    return value;
  }
}
