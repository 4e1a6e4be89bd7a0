import { ratio, significant } from './stats.js';

/**
 * What a case is held to: each bound that is present must hold. `ratio*` bounds compare value ÷ floor, `value*`
 * bounds the value itself (in the case's unit).
 */
export interface Target {
  readonly ratioAtMost?: number;
  readonly ratioAtLeast?: number;
  readonly valueAtMost?: number;
  readonly valueAtLeast?: number;
}

/**
 * One line of `bench --json`. `value` and `floor` are in `unit` and measured in the same process run (medians of
 * the timed runs after warm-up); `ratio` = value ÷ floor. `target` is the bound in words (`ratio <= 1.3`),
 * `met` whether it held (null when not measured), `note` how it was measured or why it is not available.
 */
export interface BenchResult {
  readonly name: string;
  readonly unit: string;
  readonly value: number | null;
  readonly floor: number | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly met: boolean | null;
  readonly note: string | null;
}

export function describeTarget(t: Target): string {
  const parts: string[] = [];
  if (t.ratioAtMost !== undefined) parts.push(`ratio <= ${t.ratioAtMost}`);
  if (t.ratioAtLeast !== undefined) parts.push(`ratio >= ${t.ratioAtLeast}`);
  if (t.valueAtMost !== undefined) parts.push(`value <= ${t.valueAtMost}`);
  if (t.valueAtLeast !== undefined) parts.push(`value >= ${t.valueAtLeast}`);
  return parts.join(' and ');
}

export function targetMet(t: Target, value: number | null, r: number | null): boolean | null {
  const checks: (boolean | null)[] = [];
  if (t.ratioAtMost !== undefined) checks.push(r === null ? null : r <= t.ratioAtMost);
  if (t.ratioAtLeast !== undefined) checks.push(r === null ? null : r >= t.ratioAtLeast);
  if (t.valueAtMost !== undefined) checks.push(value === null ? null : value <= t.valueAtMost);
  if (t.valueAtLeast !== undefined) checks.push(value === null ? null : value >= t.valueAtLeast);
  if (checks.includes(false)) return false;
  if (checks.includes(null) || checks.length === 0) return null;
  return true;
}

export interface ResultInput {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly floor: number | null;
  readonly target: Target;
  readonly note?: string;
}

export function result(input: ResultInput): BenchResult {
  const r = ratio(input.value, input.floor);
  return {
    name: input.name,
    unit: input.unit,
    value: significant(input.value),
    floor: input.floor === null ? null : significant(input.floor),
    ratio: r === null ? null : significant(r),
    target: describeTarget(input.target),
    met: targetMet(input.target, input.value, r),
    note: input.note ?? null,
  };
}

/** A case that could not be measured on this tree, and why. */
export function notAvailable(name: string, unit: string, target: Target, why: string): BenchResult {
  return {
    name,
    unit,
    value: null,
    floor: null,
    ratio: null,
    target: describeTarget(target),
    met: null,
    note: `not available: ${why}`,
  };
}

/** A case that ran but could not finish, and why (the first line of its error). */
export function failed(name: string, why: string): BenchResult {
  return {
    name,
    unit: '',
    value: null,
    floor: null,
    ratio: null,
    target: '',
    met: null,
    note: `failed: ${why.split('\n')[0]}`,
  };
}
