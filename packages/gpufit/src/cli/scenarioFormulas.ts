import {
  ADJUSTED_PRICE_RANGE,
  addMonths,
  type CompiledFormula,
  compileFormulaWith,
  compilePriceAdjustments,
  type FormulaCompiler,
  FormulaError,
  type FormulaRange,
  loadFormulaEngine,
  PRICE_ADJUSTMENT_VARIABLES,
  type PriceAdjuster,
  SUBSIDY_FORMULA_VARIABLES,
  SUBSIDY_SHARE_RANGE,
} from '@gpufit/pricing';
import { MAX_LISTED_USD_PER_GPU_HOUR, MIN_USD_PER_GPU_HOUR, type Scenario } from '@gpufit/schema';
import { badInput, type CliError } from './errors.js';

/** A scenario's user formulas, compiled once, for analyze(): the pricing package's two hooks. */
export interface ScenarioFormulas {
  /** For `formula` subsidy schedules (projection and Monte Carlo plan). */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's `priceAdjustments`, for `estimateCost`. */
  readonly priceAdjuster?: PriceAdjuster;
}

/**
 * The prices a price adjustment is checked at before anything runs: gpufit's floor to the most a catalog may
 * list, by decades (docs/reliability.md, "Formulas").
 */
export const PRICE_DOMAIN: readonly number[] = [
  MIN_USD_PER_GPU_HOUR,
  0.01,
  0.1,
  1,
  10,
  100,
  MAX_LISTED_USD_PER_GPU_HOUR,
];

/**
 * The month-0 shares a subsidy formula is checked at when its schedule states no `share` (then `s0` is each
 * offer's `incentiveSubsidyShare`, anything from 0 to 0.99).
 */
export const SHARE_DOMAIN: readonly number[] = [0, 0.25, 0.5, 0.75, SUBSIDY_SHARE_RANGE.max];

/** How far a subsidy formula at t = 0 may be from s0 (float noise of e.g. s0 * exp(0)). */
const MONTH_ZERO_TOLERANCE = 1e-9;

const GRAMMAR_HINT =
  'A formula may use numbers, its variables, + - * / ^ %, comparisons, a ? b : c and abs, ceil, floor, round, sqrt, exp, log, min, max, pow; see docs/reliability.md.';

/** One formula of a scenario file: where it is (`subsidies.akash.expression`) and what it may use and return. */
interface FormulaSite {
  readonly field: string;
  readonly expression: string;
  readonly variables: readonly string[];
  readonly range: FormulaRange;
  /** What to do when a result leaves `range`. */
  readonly rangeHint: string;
  /** The `s0` values to check a subsidy formula at. */
  readonly shares: readonly number[];
}

export function formulaSites(scenario: Scenario): FormulaSite[] {
  const sites: FormulaSite[] = [];
  for (const [key, schedule] of Object.entries(scenario.subsidies)) {
    if (schedule.kind === 'formula') {
      sites.push({
        field: `subsidies.${key}.expression`,
        expression: schedule.expression,
        variables: SUBSIDY_FORMULA_VARIABLES,
        range: SUBSIDY_SHARE_RANGE,
        rangeHint: `Keep the share within 0..${SUBSIDY_SHARE_RANGE.max} at every month of the horizon, e.g. min(${SUBSIDY_SHARE_RANGE.max}, max(0, …)); without a "share" in the schedule, s0 is each offer's incentiveSubsidyShare (0 to ${SUBSIDY_SHARE_RANGE.max}), so the formula is checked at s0 = ${SHARE_DOMAIN.join(', ')}.`,
        shares: schedule.share === undefined ? SHARE_DOMAIN : [schedule.share],
      });
    }
  }
  scenario.priceAdjustments.forEach((a, i) => {
    sites.push({
      field: `priceAdjustments.${i}.expression`,
      expression: a.expression,
      variables: PRICE_ADJUSTMENT_VARIABLES,
      range: ADJUSTED_PRICE_RANGE,
      rangeHint: `An adjusted price may be at most ${ADJUSTED_PRICE_RANGE.max} USD per GPU-hour; each adjustment is checked at prices ${PRICE_DOMAIN.join(', ')} and every month of the horizon, alone and all in order. A result below ${MIN_USD_PER_GPU_HOUR} leaves that offer unpriced.`,
      shares: [],
    });
  });
  return sites;
}

function formulaError(
  file: string,
  site: Pick<FormulaSite, 'field' | 'rangeHint'>,
  error: FormulaError,
  scope?: object,
): CliError {
  const at =
    scope === undefined
      ? ''
      : ` (evaluated at ${Object.entries(scope)
          .map(([k, v]) => `${k} = ${String(v)}`)
          .join(', ')})`;
  return badInput(
    `${file}, field ${site.field}: ${error.message}${at}`,
    error.code === 'out-of-range' ? site.rangeHint : GRAMMAR_HINT,
  );
}

export interface FormulaDomain {
  /** The scenario's first month, YYYY-MM, to name the month a formula fails in. */
  readonly startMonth: string;
  /** Months of the horizon (t = 0 … months − 1): the scenario's, or the longest a workload may state. */
  readonly months: number;
}

/**
 * Evaluates every formula over its whole domain — each month of the horizon; a subsidy formula at each `s0`
 * it can meet, where it must give s0 at t = 0 (the month-0 estimate uses s0, the projection the formula); a price
 * adjustment at each price of `PRICE_DOMAIN`, alone and after the adjustments before it —
 * so that a formula that would fail in `analyze` (a function refusing its arguments, a result that is not a
 * finite number or out of its range) fails when the scenario is loaded, in `validate` first.
 */
function checkDomain(
  file: string,
  sites: readonly FormulaSite[],
  formulas: ReadonlyMap<FormulaSite, CompiledFormula>,
  domain: FormulaDomain,
): void {
  const run = (site: FormulaSite, scope: Record<string, number>, t: number): number => {
    try {
      return formulas.get(site)!(scope);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      throw formulaError(file, site, error, { ...scope, t: `${t} (${addMonths(domain.startMonth, t)})` });
    }
  };
  const adjustments = sites.filter((s) => s.variables === PRICE_ADJUSTMENT_VARIABLES);
  for (const site of sites) {
    for (const s0 of site.shares) {
      // The month-0 estimate prices at s0 and the projection starts from the formula: they must agree.
      const v = run(site, { t: 0, s0 }, 0);
      if (Math.abs(v - s0) > MONTH_ZERO_TOLERANCE) {
        throw badInput(
          `${file}, field ${site.field}: the formula gives ${v} at t = 0 (${domain.startMonth}) but the share at month 0 is s0 = ${s0}: ${site.expression}`,
          `s0 is the schedule's "share", or each offer's incentiveSubsidyShare when it gives none; write the formula so that it equals s0 at t = 0 (e.g. s0 * exp(-t / 12)), or set "share" to ${v}.`,
        );
      }
    }
  }
  for (let t = 0; t < domain.months; t++) {
    for (const site of sites) for (const s0 of site.shares) run(site, { t, s0 }, t);
    for (const start of PRICE_DOMAIN) {
      let chained = start;
      for (const site of adjustments) {
        run(site, { price: start, t }, t);
        chained = run(site, { price: chained, t }, t);
      }
    }
  }
}

/**
 * Compiles every formula of a scenario (its `formula` subsidy schedules and `priceAdjustments`) once, in the
 * restricted engine of @gpufit/pricing, which is loaded here and only here: a scenario without formulas never
 * loads mathjs; then evaluates each over its domain (`checkDomain`). A formula that is refused, or that fails
 * when evaluated (a missing variable, a function refusing its arguments, a result that is not a finite number
 * or outside its range), is bad input (exit 2) naming the scenario file, the field and the values. Null when
 * there is none.
 */
export async function compileScenarioFormulas(
  scenario: Scenario,
  file: string,
  domain: FormulaDomain,
): Promise<ScenarioFormulas | null> {
  const sites = formulaSites(scenario);
  if (sites.length === 0) return null;
  const engine = await loadFormulaEngine();
  const siteOf = new Map<string, FormulaSite>();
  const bySite = new Map<FormulaSite, CompiledFormula>();
  const compiled = new Map<string, CompiledFormula>();
  const key = (expression: string, variables: readonly string[]) =>
    `${variables.join(',')}\u0000${expression}`;

  const guard =
    (site: Pick<FormulaSite, 'field' | 'rangeHint'>, formula: CompiledFormula): CompiledFormula =>
    (scope) => {
      try {
        return formula(scope);
      } catch (error) {
        if (error instanceof FormulaError) throw formulaError(file, site, error, scope);
        throw error;
      }
    };

  for (const site of sites) {
    let formula: CompiledFormula;
    try {
      formula = compileFormulaWith(engine, site.expression, site.variables, { range: site.range });
    } catch (error) {
      if (error instanceof FormulaError) throw formulaError(file, site, error);
      throw error;
    }
    bySite.set(site, formula);
    const k = key(site.expression, site.variables);
    if (!compiled.has(k)) compiled.set(k, guard(site, formula));
    if (!siteOf.has(site.expression)) siteOf.set(site.expression, site);
  }
  checkDomain(file, sites, bySite, domain);

  const compileFormula: FormulaCompiler = (expression, variables, options) => {
    const found = compiled.get(key(expression, variables));
    if (found !== undefined) return found;
    // Not a formula of this scenario (a caller's own): compile it the same way.
    const site = { field: '(formula)', rangeHint: GRAMMAR_HINT };
    return guard(site, compileFormulaWith(engine, expression, variables, options));
  };

  let priceAdjuster: PriceAdjuster | undefined;
  if (scenario.priceAdjustments.length > 0) {
    const adjust = await compilePriceAdjustments(scenario.priceAdjustments);
    priceAdjuster = (offer, usdPerGpuHour, month) => {
      try {
        return adjust(offer, usdPerGpuHour, month);
      } catch (error) {
        if (error instanceof FormulaError) {
          const site = siteOf.get(error.expression) ?? { field: 'priceAdjustments', rangeHint: GRAMMAR_HINT };
          throw formulaError(file, site, error, {
            'price before adjustments': usdPerGpuHour,
            t: month,
            offer: offer.id,
          });
        }
        throw error;
      }
    };
  }
  return { compileFormula, ...(priceAdjuster !== undefined && { priceAdjuster }) };
}
