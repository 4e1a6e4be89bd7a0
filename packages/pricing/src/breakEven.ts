/**
 * Break-even (DESIGN §5.11): for each input, the value at which the DePIN option and the cloud option cost
 * the same a month, found by re-pricing both with the cost model and solving
 *   g(v) = monthly_DePIN(v) − monthly_cloud(v) = 0
 * with a bracketing root finder (Brent, findRoot.ts) over the input's range (pricedInputs.ts). Without a
 * sign change over the range the answer is `no-break-even-in-range`, with which side stays cheaper. An input
 * that does not apply to the comparison (utilization of a cloud option that is not a commitment, a token price
 * for an offer not priced in its token) has no row: it has no current value, and no value of it moves either cost.
 */
import {
  BREAK_EVEN_VARIABLES,
  type BreakEven,
  type BreakEvenVariable,
  groupThousands,
  workloadKinds,
} from '@gpufit/schema';
import { findRoot } from './findRoot.js';
import { type CostFunction, monthlyUsdOf, type PricedComparison, pricedInputs } from './pricedInputs.js';

export interface BreakEvenOptions {
  /** Default: every variable of BREAK_EVEN_VARIABLES. */
  readonly variables?: readonly BreakEvenVariable[];
  /** Tolerance on the value, relative to the width of its range (default 1e-10). */
  readonly relativeTol?: number;
}

/**
 * A break-even value for people: 4 significant digits (`toPrecision`), thousands grouped, never in exponent form
 * ("15,830", "1.084", "0.00001973"). The note and `gpufit breakeven`'s columns both print it, so they agree.
 */
export const breakEvenNumberText = (x: number): string =>
  Number(x.toPrecision(4)).toLocaleString('en-US', { maximumSignificantDigits: 4 });
const fmt = breakEvenNumberText;
const money = (gap: number): string => {
  const [whole, cents] = Math.abs(gap).toFixed(2).split('.');
  return `USD ${groupThousands(whole!)}.${cents}`;
};

class Unpriced extends Error {}

/**
 * Where the root finder stopped at a jump of the cost gap across zero rather than a crossing: the gap a hair
 * below and above the root (a ten-millionth of the range), when both are more than USD 1 and a thousandth of the
 * cloud cost away from zero; null for a crossing. The estimate has such steps: an interrupted job's strategy
 * (rerun or checkpoint) switches on expected cost, and checkpoint uploads then add their egress at once (a LoRA
 * fine-tune's DePIN cost jumped by USD 530 at 0.0334 interruptions an hour, and "cost the same" was printed).
 */
function stepAt(
  gap: (v: number) => number,
  root: number,
  range: readonly [number, number],
  cloudUsd: number,
): { below: number; above: number } | null {
  const h = (range[1] - range[0]) * 1e-7;
  let below: number;
  let above: number;
  try {
    below = gap(Math.max(range[0], root - h));
    above = gap(Math.min(range[1], root + h));
  } catch (error) {
    if (error instanceof Unpriced) return null;
    throw error;
  }
  const big = Math.max(1, 1e-3 * Math.abs(cloudUsd));
  return Math.abs(below) > big && Math.abs(above) > big && below < 0 !== above < 0 ? { below, above } : null;
}

/** Break-evens of the inputs that apply to the comparison; empty when the comparison cannot be priced. */
export function breakEven(
  comparison: PricedComparison,
  costOf: CostFunction,
  options: BreakEvenOptions = {},
): BreakEven[] {
  const cloudUsd = monthlyUsdOf(costOf, comparison, 'cloud');
  if (cloudUsd === null) return [];
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
    const step = stepAt(gap, root, range, cloudUsd);
    out.push({
      variable,
      unit: input.unit,
      current,
      value: root,
      range,
      status: 'found',
      note:
        step === null
          ? `${input.label}: DePIN and cloud cost the same at ${fmt(root)} ${input.unit} (now ${fmt(current)}); DePIN is cheaper ${cheaperBelow ? 'below' : 'above'} it`
          : `${input.label}: the cheaper side changes at ${fmt(root)} ${input.unit} (now ${fmt(current)}) by a step, not a crossing — the two never cost the same: DePIN costs ${money(step.below)} ${step.below < 0 ? 'less' : 'more'} than cloud just below it and ${money(step.above)} ${step.above < 0 ? 'less' : 'more'} just above it (the estimate switches strategy there, e.g. ${workloadKinds[comparison.profile.kind].pattern === 'serving' ? 'one more spare replica to hold the availability target' : 'from rerunning an interrupted job to checkpointing it'}); DePIN is cheaper ${cheaperBelow ? 'below' : 'above'} it`,
    });
  }
  return out;
}
