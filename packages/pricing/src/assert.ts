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

/**
 * What an assertion says about the value it refused: a string at hand, a number, or a function that writes the
 * text. Numbers and functions become text only when the assertion fails: formatting them on every call (in
 * `estimateCost`, thousands of times per workload) cost more than the checks.
 */
export type AssertionDetail = string | number | (() => string);

function detailText(detail: AssertionDetail | undefined): string | undefined {
  if (detail === undefined) return undefined;
  return typeof detail === 'function' ? detail() : String(detail);
}

/** Guards what types cannot: throws a `PricingAssertionError` with a named message when `condition` is false. */
export function assert(condition: boolean, message: string, detail?: AssertionDetail): asserts condition {
  if (!condition) throw new PricingAssertionError(message, detailText(detail));
}

/** Asserts `x` is a finite number and returns it, so a NaN or an Infinity never leaves the package. */
export function finite(x: number, message: string, detail?: AssertionDetail): number {
  if (!Number.isFinite(x)) throw new PricingAssertionError(message, detailText(detail));
  return x;
}
