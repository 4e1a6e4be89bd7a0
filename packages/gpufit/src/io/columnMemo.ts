/**
 * What the fast row decoders (`fastWorkloadProfile.ts`, `fastOffer.ts`) share: a cell decoder returns the
 * value it proved valid or `FAIL` (then the row goes the zod way), and each column remembers its last cell.
 */
export const FAIL: unique symbol = Symbol('fail');
export type CellDecoder = (cell: string) => unknown;

/** A number cell as `decodeCell('number', …)` reads it (same pattern, copied from csvCodec.ts so the hot path allocates nothing). */
export const NUMBER_CELL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One decoder per column, each remembering its last raw cell and value: real tables repeat kinds, providers,
 * regions, sources and notes row after row, and a repeated cell is not decoded again.
 */
export class ColumnMemo {
  private readonly lastCell: string[];
  private readonly lastValue: unknown[];

  constructor(private readonly decoders: readonly CellDecoder[]) {
    this.lastCell = new Array(decoders.length).fill('');
    this.lastValue = new Array(decoders.length).fill(undefined);
  }

  /** Column `i`'s value for `raw`: undefined when the cell is blank, `FAIL` when it cannot be proved valid. */
  value(i: number, raw: string): unknown {
    if (raw.length === 0) return undefined;
    if (raw === this.lastCell[i]) return this.lastValue[i];
    const v = cellValue(this.decoders[i]!, raw);
    this.lastCell[i] = raw;
    this.lastValue[i] = v;
    return v;
  }
}

/** A raw cell's value by `decoder`: undefined when the cell is blank (after trimming), else the trimmed cell's. */
export function cellValue(decoder: CellDecoder, raw: string): unknown {
  const cell = raw.trim();
  return cell.length === 0 ? undefined : decoder(cell);
}
