/** Every error the money module throws, as a named constant (the dinero.js convention). */
export const MONEY_MESSAGES = {
  nonFiniteAmount: 'amount must be a finite number (NaN and Infinity never reach a report)',
  nonIntegerTotal: 'total must be an integer number of minor units',
  unsafeMinorUnits: 'amount is too large to hold exactly in minor units',
  invalidScale: 'scale must be an integer from 0 to 12',
  negativeRatio: 'ratios must be finite and non-negative',
  emptyRatios: 'allocate needs at least one ratio',
  zeroRatios: 'at least one ratio must be above zero',
  unknownRoundingMode: 'unknown rounding mode',
} as const;

export type MoneyMessage = (typeof MONEY_MESSAGES)[keyof typeof MONEY_MESSAGES];

/** Thrown when a money operation gets input that types cannot rule out. */
export class MoneyError extends Error {
  override readonly name = 'MoneyError';
  constructor(
    readonly messageCode: keyof typeof MONEY_MESSAGES,
    detail?: string,
  ) {
    super(detail === undefined ? MONEY_MESSAGES[messageCode] : `${MONEY_MESSAGES[messageCode]}: ${detail}`);
  }
}

/**
 * A string at hand, a number, or a function that writes the text: numbers and functions become text only when
 * the assertion fails (every amount of a report passes these checks; formatting each one cost more than them).
 */
export type MoneyErrorDetail = string | number | (() => string);

export function assertMoney(
  condition: boolean,
  code: keyof typeof MONEY_MESSAGES,
  detail?: MoneyErrorDetail,
): asserts condition {
  if (!condition)
    throw new MoneyError(
      code,
      typeof detail === 'function' ? detail() : detail === undefined ? undefined : String(detail),
    );
}
