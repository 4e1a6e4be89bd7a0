import type { MeasuredFormat, Precision } from '@gpufit/schema';
import { precisionOf } from './precisionOf.js';

/**
 * What a ratio's `measuredPrecision` cell (`datasets/throughput-ratios.csv`) records of the numeric format its
 * results ran at, as a fact an estimate carries: `fp8` → one format; `unknown (B200 not recorded; H100 fp8)` →
 * recorded in part; `unknown (A100-80GB not recorded; L4 not recorded)` → not recorded; `mixed (L4 fp16/fp8; …)` →
 * results at several formats pooled. Null for an empty cell (a precision-gap row, or a file older than the column),
 * and for a cell that names no format at all.
 */
export function measuredFormatOf(cell: string, work: Precision | null): MeasuredFormat | null {
  const at = cell.trim();
  if (at === '') return null;
  const pooled = /^(unknown|mixed)\b/i.exec(at);
  if (pooled === null) {
    return precisionOf(at) === null ? null : { kind: 'one', recorded: at, work };
  }
  const detail = at
    .slice(pooled[0].length)
    .trim()
    .replace(/^\((.*)\)$/, '$1');
  const kind = /^mixed$/i.test(pooled[1]!)
    ? 'mixed'
    : /\b(fp|int|bf|tf)\d+/i.test(detail)
      ? 'part'
      : 'unrecorded';
  return { kind, recorded: detail, work };
}
