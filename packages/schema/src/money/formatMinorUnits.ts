export interface FormatMinorUnitsOptions {
  readonly scale: number;
  /** Thousands separator: `,` for people, `` for machines (CSV, FOCUS). */
  readonly grouping: string;
  /** Drop trailing zeros beyond `minDecimals` (unit prices): 0.0420 → 0.042. Default: keep all. */
  readonly minDecimals?: number;
}

/**
 * Print an integer number of minor units as a decimal string without any further rounding:
 * 123456 at scale 2 → "1,234.56"; −5 → "-0.05". Formatting never rounds; `toMinorUnits` did that once.
 */
export function formatMinorUnits(minor: number, options: FormatMinorUnitsOptions): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(options.scale + 1, '0');
  const whole = digits.slice(0, digits.length - options.scale);
  let fraction = digits.slice(digits.length - options.scale);
  if (options.minDecimals !== undefined) {
    let end = fraction.length;
    while (end > options.minDecimals && fraction[end - 1] === '0') end -= 1;
    fraction = fraction.slice(0, end);
  }
  // Machines' formats group nothing, and three digits have nothing to group: no pattern to run.
  const grouped =
    options.grouping === '' || whole.length <= 3 ? whole : groupThousands(whole, options.grouping);
  return `${negative ? '-' : ''}${grouped}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/** The digits of a whole number grouped in thousands: "-1234567" → "-1,234,567". */
export function groupThousands(whole: string, separator = ','): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
