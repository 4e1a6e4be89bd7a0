import {
  type CompiledFormula,
  compileFormulaWith,
  compilePriceAdjustments,
  type FormulaCompiler,
  FormulaError,
  loadFormulaEngine,
  PRICE_ADJUSTMENT_VARIABLES,
  type PriceAdjuster,
} from '@gpufit/pricing';
import type { Scenario } from '@gpufit/schema';
import { badInput, type CliError } from './errors.js';

/** Variables of a `formula` subsidy schedule (what `subsidyShareCurve` passes). */
export const SUBSIDY_FORMULA_VARIABLES = ['t', 's0'] as const;

/** A scenario's user formulas, compiled once, for analyze(): the pricing package's two hooks. */
export interface ScenarioFormulas {
  /** For `formula` subsidy schedules (projection and Monte Carlo plan). */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's `priceAdjustments`, for `estimateCost`. */
  readonly priceAdjuster?: PriceAdjuster;
}

/** One formula of a scenario file: where it is (`subsidies.akash.expression`) and what it may use. */
interface FormulaSite {
  readonly field: string;
  readonly expression: string;
  readonly variables: readonly string[];
}

export function formulaSites(scenario: Scenario): FormulaSite[] {
  const sites: FormulaSite[] = [];
  for (const [key, schedule] of Object.entries(scenario.subsidies)) {
    if (schedule.kind === 'formula') {
      sites.push({
        field: `subsidies.${key}.expression`,
        expression: schedule.expression,
        variables: SUBSIDY_FORMULA_VARIABLES,
      });
    }
  }
  scenario.priceAdjustments.forEach((a, i) => {
    sites.push({
      field: `priceAdjustments.${i}.expression`,
      expression: a.expression,
      variables: PRICE_ADJUSTMENT_VARIABLES,
    });
  });
  return sites;
}

function formulaError(file: string, field: string, error: FormulaError, scope?: object): CliError {
  const at =
    scope === undefined
      ? ''
      : ` (evaluated at ${Object.entries(scope)
          .map(([k, v]) => `${k} = ${String(v)}`)
          .join(', ')})`;
  return badInput(
    `${file}, field ${field}: ${error.message}${at}`,
    'A formula may use numbers, its variables, + - * / ^ %, comparisons, a ? b : c and abs, ceil, floor, round, sqrt, exp, log, min, max, pow; see docs/reliability.md.',
  );
}

/**
 * Compiles every formula of a scenario (its `formula` subsidy schedules and `priceAdjustments`) once, in the
 * restricted engine of @gpufit/pricing, which is loaded here and only here: a scenario without formulas never
 * loads mathjs. A formula that is refused, or that fails when evaluated (a missing variable, a result that is
 * not a finite number), is bad input (exit 2) naming the scenario file and the field. Null when there is none.
 */
export async function compileScenarioFormulas(
  scenario: Scenario,
  file: string,
): Promise<ScenarioFormulas | null> {
  const sites = formulaSites(scenario);
  if (sites.length === 0) return null;
  const engine = await loadFormulaEngine();
  const fieldOf = new Map<string, string>();
  const compiled = new Map<string, CompiledFormula>();
  const key = (expression: string, variables: readonly string[]) =>
    `${variables.join(',')}\u0000${expression}`;

  const guard =
    (field: string, formula: CompiledFormula): CompiledFormula =>
    (scope) => {
      try {
        return formula(scope);
      } catch (error) {
        if (error instanceof FormulaError) throw formulaError(file, field, error, scope);
        throw error;
      }
    };

  for (const site of sites) {
    let formula: CompiledFormula;
    try {
      formula = compileFormulaWith(engine, site.expression, site.variables);
    } catch (error) {
      if (error instanceof FormulaError) throw formulaError(file, site.field, error);
      throw error;
    }
    const k = key(site.expression, site.variables);
    if (!compiled.has(k)) compiled.set(k, guard(site.field, formula));
    if (!fieldOf.has(site.expression)) fieldOf.set(site.expression, site.field);
  }

  const compileFormula: FormulaCompiler = (expression, variables) => {
    const found = compiled.get(key(expression, variables));
    if (found !== undefined) return found;
    // Not a formula of this scenario (a caller's own): compile it the same way.
    return guard('(formula)', compileFormulaWith(engine, expression, variables));
  };

  let priceAdjuster: PriceAdjuster | undefined;
  if (scenario.priceAdjustments.length > 0) {
    const adjust = await compilePriceAdjustments(scenario.priceAdjustments);
    priceAdjuster = (offer, usdPerGpuHour, month) => {
      try {
        return adjust(offer, usdPerGpuHour, month);
      } catch (error) {
        if (error instanceof FormulaError) {
          const field = fieldOf.get(error.expression) ?? 'priceAdjustments';
          throw formulaError(file, field, error, {
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
