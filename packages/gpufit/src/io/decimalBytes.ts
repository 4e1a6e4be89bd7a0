/** 10^k for k = 0 … 15, each exactly representable. */
const POWERS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The number written by the ASCII bytes `bytes[from … to)` when they are a number cell as the schema reads one
 * (`NUMBER_CELL`: an optional sign, digits with at most one `.` and at least one digit, an optional exponent),
 * else NaN (then the caller reads the cell as a string). Up to 15 digits and no exponent, the integer of the
 * digits and 10^(digits after the point) are both exact doubles, so their quotient is the correctly rounded
 * value, what `Number` gives for the same text (Clinger's fast path), and no string is made; otherwise `Number`
 * reads the bytes as text.
 */
export function decimalBytes(bytes: Buffer, from: number, to: number): number {
  let i = from;
  const sign = bytes[i];
  if (sign === 0x2d || sign === 0x2b) i++;
  let digits = 0;
  let point = -1;
  let m = 0;
  for (; i < to; i++) {
    const c = bytes[i]!;
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point === -1) point = digits;
    else break;
  }
  if (digits === 0) return Number.NaN;
  if (i < to) {
    // An exponent: e or E, an optional sign, at least one digit, and nothing after.
    const e = bytes[i];
    if (e !== 0x65 && e !== 0x45) return Number.NaN;
    i++;
    if (bytes[i] === 0x2d || bytes[i] === 0x2b) i++;
    if (i >= to) return Number.NaN;
    for (; i < to; i++) {
      const c = bytes[i]!;
      if (c < 0x30 || c > 0x39) return Number.NaN;
    }
    return Number(bytes.toString('latin1', from, to));
  }
  if (digits > 15) return Number(bytes.toString('latin1', from, to));
  const x = point === -1 || point === digits ? m : m / POWERS[digits - point]!;
  return sign === 0x2d ? -x : x;
}
