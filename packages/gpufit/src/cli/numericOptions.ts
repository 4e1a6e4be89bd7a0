import { InvalidArgumentError } from 'commander';

/**
 * Parsers for numeric command-line values. Only plain decimal is read: `Number()` would also take `0x10` (16),
 * `0b1`, `1e3`, `" 7 "` and `""` (0), so a typo or a shell quirk became a different number without a word.
 * An integer option takes digits only; a number option digits with at most one decimal point.
 */
const WHOLE = /^[0-9]+$/;
const DECIMAL = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/** What the user typed, quoted as a message shows it. */
function got(value: string): string {
  return JSON.stringify(value);
}

/** A whole number in [min, max], written in decimal digits. */
export function wholeNumberIn(name: string, [min, max]: readonly [number, number]) {
  return (value: string): number => {
    const n = WHOLE.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, written in decimal digits; got ${got(value)}.`,
      );
    return n;
  };
}

/** A number above 0, written in decimal (`0.5`, `12`). */
export function positiveDecimal(name: string) {
  return (value: string): number => {
    const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(
        `${name} must be a number above 0, written in decimal (e.g. 0.5); got ${got(value)}.`,
      );
    return n;
  };
}
