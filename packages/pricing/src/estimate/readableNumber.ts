import { groupThousands } from '@gpufit/schema';

/**
 * A number for reading in an assumption: 3 significant digits (`digits`), no trailing zeros. Faster than
 * `Number(x.toPrecision(3))` in the hot path: scale by an exact power of ten, round, scale back.
 */
export function readableNumber(x: number, digits = 3): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const exponent = Math.floor(Math.log10(Math.abs(x))) - (digits - 1);
  if (exponent < -15 || exponent > 15) return String(Number(x.toPrecision(digits)));
  return exponent < 0
    ? String(Math.round(x * 10 ** -exponent) / 10 ** -exponent)
    : String(Math.round(x / 10 ** exponent) * 10 ** exponent);
}

/**
 * GPU-hours for reading: whole hours from 1,000 up (no digit of the integer part rounded away), grouped in thousands
 * as the cost table prints them, else `readableNumber`. The demand a workload states reads back as stated: 16 GPUs ×
 * 720 h read "11500 H100 GPU-hours" beside the cost table's 11,520, as if 20 hours were lost, then "11520".
 */
export function readableHours(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) < 1000) return readableNumber(x);
  const whole = String(Math.round(x));
  return whole.includes('e') ? whole : groupThousands(whole);
}
