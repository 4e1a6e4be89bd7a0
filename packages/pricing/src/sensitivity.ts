/**
 * Sensitivity (DESIGN §5.11): tornado data. Each input (pricedInputs.ts) is swung to (1 − swing) and
 * (1 + swing) times its current value, the comparison is re-priced with the cost model, and the monthly
 * savings of DePIN against cloud (cloud − DePIN; positive = DePIN saves) are recorded at both ends. Rows are
 * sorted by impact |savings(high) − savings(low)|, largest first (ties by input name).
 * Inputs that do not apply (e.g. the incentive token price of a USD-priced offer), that are 0 (a relative swing
 * of 0 is no swing: an offer with no incentive subsidy), or that cannot be priced at an end of their swing are
 * left out.
 */
import type { Sensitivity, SensitivityRow } from '@gpufit/schema';
import { assert } from './assert.js';
import {
  type CostFunction,
  monthlyUsdOf,
  PRICED_INPUT_IDS,
  type PricedComparison,
  type PricedInputId,
  pricedInputs,
} from './pricedInputs.js';

export const SENSITIVITY_INPUTS: readonly PricedInputId[] = PRICED_INPUT_IDS.filter(
  (id) => id !== 'utilization',
);

export interface SensitivityOptions {
  /** Default: `scenario.sensitivity.swing` (20 % unless the scenario says otherwise). */
  readonly swing?: number;
  /** Default: DePIN price, cloud price, subsidy share, interruption rate, demand, egress, token price. */
  readonly inputs?: readonly PricedInputId[];
}

export const SENSITIVITY_BAD_SWING = 'the sensitivity swing must be above 0 and below 1';

function savingsOf(costOf: CostFunction, c: PricedComparison): number | null {
  const cloud = monthlyUsdOf(costOf, c, 'cloud');
  const depin = monthlyUsdOf(costOf, c, 'depin');
  return cloud === null || depin === null ? null : cloud - depin;
}

/** Tornado rows of the comparison; null when the comparison itself cannot be priced. */
export function sensitivity(
  comparison: PricedComparison,
  costOf: CostFunction,
  options: SensitivityOptions = {},
): Sensitivity | null {
  const swing = options.swing ?? comparison.scenario.sensitivity.swing;
  assert(swing > 0 && swing < 1, SENSITIVITY_BAD_SWING, swing);
  const baselineSavingsUsd = savingsOf(costOf, comparison);
  if (baselineSavingsUsd === null) return null;
  const rows: SensitivityRow[] = [];
  for (const id of options.inputs ?? SENSITIVITY_INPUTS) {
    const input = pricedInputs[id];
    const now = input.current(comparison, costOf);
    if (now.value === null || now.value === 0) continue;
    const baseValue = now.value;
    const lowValue = Math.min(input.max, baseValue * (1 - swing));
    const highValue = Math.min(input.max, baseValue * (1 + swing));
    const savingsAtLowUsd = savingsOf(costOf, input.apply(comparison, lowValue));
    const savingsAtHighUsd = savingsOf(costOf, input.apply(comparison, highValue));
    if (savingsAtLowUsd === null || savingsAtHighUsd === null) continue;
    rows.push({
      input: input.label,
      unit: input.unit,
      baseValue,
      lowValue,
      highValue,
      savingsAtLowUsd,
      savingsAtHighUsd,
      impactUsd: Math.abs(savingsAtHighUsd - savingsAtLowUsd),
    });
  }
  rows.sort((a, b) => b.impactUsd - a.impactUsd || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return { swing, baselineSavingsUsd, rows };
}
