/**
 * Incentive subsidy schedules (DESIGN §5.7): the share of the unsubsidized price an incentive-token program
 * pays at month `t` after the scenario's start. Each kind is an entry of the `subsidySchedules` registry,
 * built by one constructor; shared code looks a kind up, it never branches on its name.
 *
 * Evidence for the shapes (shared/reference/price-facts.md §5): io.net rewards fall 1.02 % a month (an
 * exponential, half-life ln 2 / −ln 0.9898 ≈ 67.6 months); Akash Provider Incentive Pilots are fixed-term
 * (12-month) contracts that end (a step to 0); Render's node-operator emissions fall ≈ 35 % a year
 * (exponential, half-life ≈ 19.3 months).
 */
import type { SubsidySchedule } from '@gpufit/schema';
import { assert } from './assert.js';
import { monthsBetween } from './calendarMonth.js';
import type { CompiledFormula, CompileFormulaOptions, FormulaRange } from './formula/compileFormula.js';

/**
 * Compiles a restricted formula once (synchronously): `(e, vars, o) => compileFormulaWith(engine, e, vars, o)`
 * with the engine from `await loadFormulaEngine()`.
 */
export type FormulaCompiler = (
  expression: string,
  allowedVariables: readonly string[],
  options?: CompileFormulaOptions,
) => CompiledFormula;

export interface SubsidyShareOptions {
  /** Share at month 0 when the schedule gives none: the offer's `incentive.subsidyShare`. */
  readonly offerShare: number;
  /** The scenario's first month (`YYYY-MM`), for step schedules. */
  readonly startMonth: string;
  /** Compiler for `formula` schedules (`compileFormula` of this package). */
  readonly compileFormula?: FormulaCompiler;
}

/** Share (0..0.99) as a function of months since the start. */
export type ShareCurve = (t: number) => number;

export const SUBSIDY_SHARE_MAX = 0.99;
export const SUBSIDY_FORMULA_NEEDS_COMPILER = 'a formula subsidy schedule needs a formula compiler';
export const SUBSIDY_FORMULA_OUT_OF_RANGE = 'the subsidy formula returned a share outside 0..0.99';

/** Variables of a `formula` subsidy schedule: `t` months since the start, `s0` the share at month 0. */
export const SUBSIDY_FORMULA_VARIABLES = ['t', 's0'] as const;

/**
 * What a subsidy formula may return at any month: a share from 0 to 0.99. A value outside is refused, never
 * clamped: a clamped 5 would read as 0.99 in the projection while the month-0 estimate used the schedule's share.
 */
export const SUBSIDY_SHARE_RANGE: FormulaRange = {
  min: 0,
  max: SUBSIDY_SHARE_MAX,
  describe: `a subsidy share is from 0 to ${SUBSIDY_SHARE_MAX} (the part of the unsubsidized price the network pays)`,
};

type Kind = SubsidySchedule['kind'];
type ScheduleOf<K extends Kind> = Extract<SubsidySchedule, { kind: K }>;

export interface SubsidyScheduleSpec<K extends Kind = Kind> {
  readonly kind: K;
  /** One line for reports and docs. */
  readonly describe: (schedule: ScheduleOf<K>, s0: number) => string;
  readonly curve: (schedule: ScheduleOf<K>, s0: number, options: SubsidyShareOptions) => ShareCurve;
}

function defineSchedules(specs: { [K in Kind]: Omit<SubsidyScheduleSpec<K>, 'kind'> }): {
  readonly [K in Kind]: SubsidyScheduleSpec<K>;
} {
  const out = {} as { [K in Kind]: SubsidyScheduleSpec<K> };
  for (const kind of Object.keys(specs) as Kind[]) {
    (out as Record<Kind, unknown>)[kind] = { kind, ...specs[kind] };
  }
  return out;
}

const clampShare = (s: number): number => Math.min(SUBSIDY_SHARE_MAX, Math.max(0, s));
const pct = (s: number): string => `${Math.round(s * 1000) / 10} %`;

export const subsidySchedules = defineSchedules({
  none: {
    describe: (_s, s0) => `constant ${pct(s0)}`,
    curve: (_s, s0) => () => s0,
  },
  linear: {
    describe: (s, s0) => `${pct(s0)} falling linearly to 0 over ${s.monthsToZero} months`,
    // s(t) = s0 · max(0, 1 − t / monthsToZero)
    curve: (s, s0) => (t) => s0 * Math.max(0, 1 - t / s.monthsToZero),
  },
  exponential: {
    describe: (s, s0) => `${pct(s0)} halving every ${s.halfLifeMonths} months`,
    // s(t) = s0 · 2^(−t / halfLife)
    curve: (s, s0) => (t) => s0 * 2 ** (-t / s.halfLifeMonths),
  },
  step: {
    describe: (s, s0) =>
      `${pct(s0)}, then ${s.steps.map((x) => `${pct(x.share)} from ${x.month}`).join(', ')}`,
    // The latest step whose month has come applies; before the first, s0.
    curve: (s, s0, o) => {
      const steps = s.steps
        .map((x) => ({ at: monthsBetween(o.startMonth, x.month), share: clampShare(x.share) }))
        .sort((x, y) => x.at - y.at);
      return (t) => {
        let share = s0;
        for (const x of steps) if (t >= x.at) share = x.share;
        return share;
      };
    },
  },
  formula: {
    describe: (s) => `formula ${s.expression}`,
    curve: (s, s0, o) => {
      assert(o.compileFormula !== undefined, SUBSIDY_FORMULA_NEEDS_COMPILER, s.expression);
      const f = o.compileFormula(s.expression, SUBSIDY_FORMULA_VARIABLES, { range: SUBSIDY_SHARE_RANGE });
      return (t) => {
        const v = f({ t, s0 });
        // The compiler refuses a share out of range with a FormulaError; a compiler that ignores the range is a bug.
        assert(
          v >= 0 && v <= SUBSIDY_SHARE_MAX,
          SUBSIDY_FORMULA_OUT_OF_RANGE,
          () => `${s.expression} at t = ${t}: ${v}`,
        );
        return v;
      };
    },
  },
});

/** The schedule's share at month 0: its own `share`, else the offer's. */
export function initialSubsidyShare(schedule: SubsidySchedule, offerShare: number): number {
  return clampShare(schedule.share ?? offerShare);
}

/** Compiles a schedule once into a share curve; shares of the schema's schedules are 0..0.99 already. */
export function subsidyShareCurve(schedule: SubsidySchedule, options: SubsidyShareOptions): ShareCurve {
  const s0 = initialSubsidyShare(schedule, options.offerShare);
  const spec = subsidySchedules[schedule.kind] as SubsidyScheduleSpec;
  const curve = spec.curve(schedule, s0, options);
  return (t) => clampShare(curve(t));
}

/** The subsidy share `t` months after the start (compile with `subsidyShareCurve` when asking often). */
export function subsidyShareAt(schedule: SubsidySchedule, t: number, options: SubsidyShareOptions): number {
  return subsidyShareCurve(schedule, options)(t);
}
