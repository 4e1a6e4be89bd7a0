/** Thrown when an internal invariant that types cannot express is broken. `message` is a constant of `messages.ts`. */
export class PricingAssertionError extends Error {
  override readonly name = 'PricingAssertionError';
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(detail === undefined ? message : `${message} (${detail})`);
  }
}

/** Guards what types cannot: throws a `PricingAssertionError` with a named message when `condition` is false. */
export function assert(condition: boolean, message: string, detail?: string): asserts condition {
  if (!condition) throw new PricingAssertionError(message, detail);
}

/** Asserts `x` is a finite number and returns it, so a NaN or an Infinity never leaves the package. */
export function finite(x: number, message: string, detail?: string): number {
  if (!Number.isFinite(x)) throw new PricingAssertionError(message, detail);
  return x;
}
