import { formatMinorUnits } from '@gpufit/schema';
import { MONEY_SCALE, type Rounder, UNIT_PRICE_SCALE } from './rounder.js';

/**
 * Printers for already-rounded integers. `people` formats group thousands with commas; `machine` formats
 * (CSV, FOCUS) print plain decimals that spreadsheets and loaders parse as numbers.
 */
export const formatCents = {
  people: (cents: number): string => formatMinorUnits(cents, { scale: MONEY_SCALE, grouping: ',' }),
  machine: (cents: number): string => formatMinorUnits(cents, { scale: MONEY_SCALE, grouping: '' }),
};

export const formatUnitPrice = {
  people: (minor: number): string =>
    formatMinorUnits(minor, { scale: UNIT_PRICE_SCALE, grouping: ',', minDecimals: MONEY_SCALE }),
  machine: (minor: number): string =>
    formatMinorUnits(minor, { scale: UNIT_PRICE_SCALE, grouping: '', minDecimals: MONEY_SCALE }),
};

/** Per-mille (from `Rounder.perMille`) as a percentage with one decimal: 725 → "72.5 %". */
export function formatPerMille(perMille: number): string {
  return `${formatMinorUnits(perMille, { scale: 1, grouping: ',' })} %`;
}

/** A 0..1 share as a percentage with one decimal, rounded by the report's mode. */
export function formatShare(r: Rounder, share: number): string {
  return formatPerMille(r.quantity(share * 100, 1));
}

/** A non-money quantity with at most `decimals` places, thousands grouped for people. */
export function formatQuantity(r: Rounder, value: number, decimals: number, grouping = ','): string {
  return formatMinorUnits(r.quantity(value, decimals), { scale: decimals, grouping, minDecimals: 0 });
}
