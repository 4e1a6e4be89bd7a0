import type { CostComponentName } from '@gpufit/schema';
import type { ShownPath, ShownPathMonth } from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import { MONEY_SCALE } from '../present/rounder.js';

/** What a FOCUS row charges for: the option's GPU-hours, or one of its data-transfer lines. */
export type FocusChargeKind = 'gpu-hours' | 'egress' | 'ingress' | 'checkpoint-sync';

/** The cost components priced per GiB that get rows of their own (each has its own unit price). */
export const FOCUS_DATA_COMPONENTS = ['egress', 'ingress', 'checkpoint-sync'] as const satisfies readonly (
  | CostComponentName
  | FocusChargeKind
)[];

export const QUANTITY_SCALE = 3;

/** One charge of a workload's option in one month: one FOCUS row. */
export interface FocusCharge {
  readonly kind: FocusChargeKind;
  /** Cents billed (after the incentive subsidy, which only GPU time has). */
  readonly billedCents: number;
  /** Cents at list price (billed + the subsidy). */
  readonly listCents: number;
  /** PricingQuantity in 10^-QUANTITY_SCALE units; null when the quantity is unknown. */
  readonly quantityMinor: number | null;
  /** USD per pricing unit at list price (ListUnitPrice); null when the quantity is unknown. */
  readonly listUnitPriceUsd: number | null;
}

/**
 * The charges of one month of one path: its GPU-hours, and each per-GiB data line with a cost (egress, ingress,
 * checkpoint sync), so every row is one pricing unit at one list price and ListCost = ListUnitPrice ×
 * PricingQuantity (FOCUS 1.2 ListCost-C-009-C) on every row.
 *
 * A data line's month is its month-0 line scaled as the month's billed GPU-hours are (demand, hybrid share):
 * data moves with demand (pricing's spendPath.ts). Its cents are rounded, and the GPU-hours row carries the rest
 * of the month, so a month's rows add up to the month's shown spend to the cent. The GPU row's ListUnitPrice is the
 * offer's list GPU-hour price (the `gpu-time` line's) when that price × the month's GPU-hours gives its ListCost to
 * the cent, else ListCost ÷ PricingQuantity (a month whose price moved: an incentive token's price, or demand
 * growth that prices the month on another offer). Without the GPU-hours (a cost estimate that does not state
 * them) the month is one row with no quantity, as before.
 */
export function focusCharges(r: Rounder, path: ShownPath, month: ShownPathMonth): FocusCharge[] {
  const subsidy = month.subsidyCents ?? 0;
  const hours0 = path.cost.billedGpuHoursPerMonth;
  const hours = month.gpuHours;
  const whole: FocusCharge = {
    kind: 'gpu-hours',
    billedCents: month.cents,
    listCents: month.cents + subsidy,
    quantityMinor: null,
    listUnitPriceUsd: null,
  };
  if (hours0 === null || hours === null || !(hours0 > 0)) return [whole];
  const q = r.quantity(hours, QUANTITY_SCALE);
  if (q <= 0) return [whole];
  const scale = hours / hours0;
  const data: FocusCharge[] = [];
  for (const name of FOCUS_DATA_COMPONENTS) {
    const c = path.cost.components.find((x) => x.name === name);
    if (c === undefined || !(c.usd > 0) || !(c.quantity > 0)) continue;
    const cents = r.cents(c.usd * scale);
    const quantityMinor = r.quantity(c.quantity * scale, QUANTITY_SCALE);
    if (cents <= 0 || quantityMinor <= 0) continue;
    data.push({
      kind: name,
      billedCents: cents,
      listCents: cents,
      quantityMinor,
      listUnitPriceUsd: c.unitPriceUsd,
    });
  }
  const dataCents = data.reduce((a, c) => a + c.billedCents, 0);
  const gpuBilled = month.cents - dataCents;
  // A month whose data lines would leave its GPU-hours negative cannot be split honestly: one row, as a whole.
  if (gpuBilled < 0 || gpuBilled + subsidy < 0)
    return [{ ...whole, quantityMinor: q, listUnitPriceUsd: perUnit(month.cents + subsidy, q) }];
  const gpuList = gpuBilled + subsidy;
  const listed = path.cost.components.find((x) => x.name === 'gpu-time')?.unitPriceUsd;
  const published =
    listed !== undefined && r.cents(listed * (q / 10 ** QUANTITY_SCALE)) === gpuList ? listed : null;
  return [
    {
      kind: 'gpu-hours',
      billedCents: gpuBilled,
      listCents: gpuList,
      quantityMinor: q,
      listUnitPriceUsd: published ?? perUnit(gpuList, q),
    },
    ...data,
  ];
}

/** Cents ÷ a quantity in 10^-QUANTITY_SCALE units, in USD per unit. */
export function perUnit(cents: number, quantityMinor: number): number {
  return cents / 10 ** MONEY_SCALE / (quantityMinor / 10 ** QUANTITY_SCALE);
}
