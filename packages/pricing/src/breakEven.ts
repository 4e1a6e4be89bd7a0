/**
 * Break-even (DESIGN §5.11): for each input, the value at which the DePIN option and the cloud option cost
 * the same a month, found by re-pricing both with the cost model and solving
 *   g(v) = monthly_DePIN(v) − monthly_cloud(v) = 0
 * with a bracketing root finder (Brent, findRoot.ts) over the input's range (pricedInputs.ts). Without a
 * sign change over the range the answer is `no-break-even-in-range`, with which side stays cheaper. An input
 * that does not apply to the comparison (utilization of a cloud option that is not a commitment, a token price
 * for an offer not priced in its token) has no row: it has no current value, and no value of it moves either cost.
 */
import { BREAK_EVEN_VARIABLES, type BreakEven, type BreakEvenVariable } from '@gpufit/schema';
import { findRoot } from './findRoot.js';
import { type CostFunction, monthlyUsdOf, type PricedComparison, pricedInputs } from './pricedInputs.js';

export interface BreakEvenOptions {
  /** Default: every variable of BREAK_EVEN_VARIABLES. */
  readonly variables?: readonly BreakEvenVariable[];
  /** Tolerance on the value, relative to the width of its range (default 1e-10). */
  readonly relativeTol?: number;
}

const fmt = (x: number): string =>
  Math.abs(x) >= 1e-3 || x === 0 ? String(Number(x.toPrecision(4))) : x.toExponential(3);

class Unpriced extends Error {}

/** Break-evens of the inputs that apply to the comparison; empty when the comparison cannot be priced. */
export function breakEven(
  comparison: PricedComparison,
  costOf: CostFunction,
  options: BreakEvenOptions = {},
): BreakEven[] {
  if (monthlyUsdOf(costOf, comparison, 'cloud') === null) return [];
  if (monthlyUsdOf(costOf, comparison, 'depin') === null) return [];
  const out: BreakEven[] = [];
  for (const variable of options.variables ?? BREAK_EVEN_VARIABLES) {
    const input = pricedInputs[variable];
    const now = input.current(comparison, costOf);
    const notFound = (current: number, range: readonly [number, number], note: string): BreakEven => ({
      variable,
      unit: input.unit,
      current,
      value: null,
      range,
      status: 'no-break-even-in-range',
      note,
    });
    if (now.value === null) continue;
    const current = now.value;
    const range = input.range(current, comparison);
    const gap = (v: number): number => {
      const c = input.apply(comparison, v);
      const depin = monthlyUsdOf(costOf, c, 'depin');
      const cloud = monthlyUsdOf(costOf, c, 'cloud');
      if (depin === null || cloud === null) throw new Unpriced(fmt(v));
      return depin - cloud;
    };
    let lo: number;
    let hi: number;
    let root: number | null;
    try {
      lo = gap(range[0]);
      hi = gap(range[1]);
      root = findRoot(gap, range[0], range[1], {
        tol: (options.relativeTol ?? 1e-10) * (range[1] - range[0]),
        fLo: lo,
        fHi: hi,
      });
    } catch (error) {
      if (!(error instanceof Unpriced)) throw error;
      out.push(
        notFound(
          current,
          range,
          `${input.label}: the options cannot be priced at ${error.message} ${input.unit}`,
        ),
      );
      continue;
    }
    if (root === null) {
      const side = lo < 0 ? 'DePIN' : 'cloud';
      out.push(
        notFound(
          current,
          range,
          `${input.label}: ${side} stays cheaper from ${fmt(range[0])} to ${fmt(range[1])} ${input.unit} (now ${fmt(current)})`,
        ),
      );
      continue;
    }
    const cheaperBelow = lo < 0 || (lo === 0 && hi > 0);
    out.push({
      variable,
      unit: input.unit,
      current,
      value: root,
      range,
      status: 'found',
      note: `${input.label}: DePIN and cloud cost the same at ${fmt(root)} ${input.unit} (now ${fmt(current)}); DePIN is cheaper ${cheaperBelow ? 'below' : 'above'} it`,
    });
  }
  return out;
}
