import {
  allocate,
  allocateScaled,
  type RoundingModeName,
  roundingModes,
  scaleToMinor,
  toMinorUnits,
} from '@gpufit/schema';
import { ReportError } from '../errors.js';

/** Minor units of shown money: cents. */
export const MONEY_SCALE = 2;
/** Minor units of a shown unit price (USD per GPU-hour, per job): 1/10,000 USD. */
export const UNIT_PRICE_SCALE = 4;

/**
 * The one presentation rounding step, bound to one named mode. Every shown amount is rounded by exactly one
 * call here; nothing downstream rounds again (formatters only print integers of minor units).
 */
export interface Rounder {
  readonly modeName: RoundingModeName;
  /** USD → cents. */
  cents(usd: number): number;
  /** USD per unit → 1/10,000 USD. */
  unitPrice(usd: number): number;
  /**
   * Line items whose shown values must add up to a shown total: the total (given in cents, or rounded here
   * from the items' sum) is allocated across them by largest remainder. Throws when the producer's items are
   * more than rounding away from its total.
   */
  lineItems(
    amountsUsd: readonly number[],
    totalCents: number | null,
    path: readonly (string | number)[],
  ): number[];
  /** Shares (0..1) as per-mille that add up to exactly 1000. */
  perMille(shares: readonly number[]): number[];
  /** A non-money quantity with `decimals` places, same rounding mode, as an integer of 10^-decimals. */
  quantity(value: number, decimals: number): number;
}

export function createRounder(modeName: RoundingModeName): Rounder {
  const mode = roundingModes[modeName];
  return {
    modeName,
    cents: (usd) => toMinorUnits(usd, { mode, scale: MONEY_SCALE }),
    unitPrice: (usd) => toMinorUnits(usd, { mode, scale: UNIT_PRICE_SCALE }),
    lineItems(amountsUsd, totalCents, path) {
      // Scaled once: summed here, allocated below.
      const exact = amountsUsd.map((x) => scaleToMinor(x, MONEY_SCALE));
      const exactSum = exact.reduce((a, x) => a + x, 0);
      const total =
        totalCents ??
        toMinorUnits(
          amountsUsd.reduce((a, x) => a + x, 0),
          { mode, scale: MONEY_SCALE },
        );
      if (Math.abs(total - exactSum) > amountsUsd.length + 1) {
        throw new ReportError(
          'inconsistent-total',
          path,
          `shown total ${total} cents, items sum to ${exactSum.toFixed(2)} cents`,
        );
      }
      return allocateScaled(total, exact);
    },
    perMille: (shares) => (shares.some((s) => s > 0) ? allocate(1000, shares) : shares.map(() => 0)),
    quantity: (value, decimals) => toMinorUnits(value, { mode, scale: decimals }),
  };
}
