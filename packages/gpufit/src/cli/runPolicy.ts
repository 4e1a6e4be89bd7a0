import {
  calendarDateProblem,
  didYouMean,
  GPU_POLICIES,
  type GpuPolicy,
  type KnownNames,
  MARKETS,
  type Market,
  PRICING_CATEGORIES,
  type PricingCategory,
  type Scenario,
} from '@gpufit/schema';
import { badInput } from './errors.js';
import { NAMES_HINT } from './scenarioNames.js';

/** The per-run placement and freshness options of analyze, simulate and breakeven (docs/cli.md). */
export interface RunPolicyOptions {
  readonly allowCategory?: string | undefined;
  readonly allowMarket?: string | undefined;
  readonly allowProvider?: string | undefined;
  readonly excludeProvider?: string | undefined;
  readonly gpuPolicy?: string | undefined;
  readonly analysisDate?: string | undefined;
  readonly maxOfferAge?: number | undefined;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `--analysis-date` as given, checked: a real day from 2000 to 2099 written YYYY-MM-DD, else bad input. */
export function checkedAnalysisDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value))
    throw badInput(`--analysis-date ${JSON.stringify(value)} must be written YYYY-MM-DD`);
  const problem = calendarDateProblem(value);
  if (problem !== null) throw badInput(`--analysis-date ${value} ${problem}`);
  return value;
}

/** A closed list's values, as written (the vocabulary is exact); a value outside it is bad input. */
function list<T extends string>(option: string, raw: string | undefined, allowed: readonly T[]): T[] {
  const items = split(raw);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw badInput(
        `${option} ${JSON.stringify(item)} is not one of ${allowed.join(', ')}${didYouMean(item, allowed)}`,
      );
    }
  }
  return items as T[];
}

function split(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Providers, lower-cased as offers hold them; each must be a provider of the catalog or a known network (when
 * `names` is given), or the option would narrow or exclude nothing without a word.
 */
function providers(option: string, raw: string | undefined, names: KnownNames | undefined): string[] {
  const items = split(raw).map((s) => s.toLowerCase());
  if (names === undefined) return items;
  for (const item of items) {
    if (!names.providers.includes(item)) {
      throw badInput(
        `${option} ${JSON.stringify(item)} is no provider of the catalog${didYouMean(item, names.providers)}`,
        NAMES_HINT,
      );
    }
  }
  return items;
}

/** A run's list narrows the scenario's: their intersection, which must not be empty when both are given. */
function narrow<T extends string>(option: string, scenario: readonly T[], run: readonly T[]): T[] {
  if (run.length === 0) return [...scenario];
  if (scenario.length === 0) return [...run];
  const both = run.filter((x) => scenario.includes(x));
  if (both.length === 0) {
    throw badInput(
      `${option} ${run.join(',')} allows nothing the scenario allows (${scenario.join(', ')})`,
      'A run can only narrow the scenario’s placement lists; change the scenario file to widen them.',
    );
  }
  return both;
}

/**
 * The scenario with a run's options applied: allowed lists narrow the scenario's, excluded providers add to
 * them, and `--gpu-policy`, `--analysis-date`, `--max-offer-age` replace the scenario's. Offer ages are measured
 * against today's date (read here, at the CLI's edge) unless the run or the scenario fixes one. With `names`,
 * every provider named must be one of them.
 */
export function withRunPolicy(
  scenario: Scenario,
  opts: RunPolicyOptions,
  today: () => string,
  names?: KnownNames,
): Scenario {
  const p = scenario.placement;
  const gpuPolicy = list<GpuPolicy>('--gpu-policy', opts.gpuPolicy, GPU_POLICIES);
  if (gpuPolicy.length > 1) throw badInput('--gpu-policy takes one value: exact, measured or any');
  checkedAnalysisDate(opts.analysisDate);
  return {
    ...scenario,
    placement: {
      allowedPricingCategories: narrow(
        '--allow-category',
        p.allowedPricingCategories,
        list<PricingCategory>('--allow-category', opts.allowCategory, PRICING_CATEGORIES),
      ),
      allowedMarkets: narrow(
        '--allow-market',
        p.allowedMarkets,
        list<Market>('--allow-market', opts.allowMarket, MARKETS),
      ),
      allowedProviders: narrow(
        '--allow-provider',
        p.allowedProviders,
        providers('--allow-provider', opts.allowProvider, names),
      ),
      excludedProviders: [
        ...new Set([...p.excludedProviders, ...providers('--exclude-provider', opts.excludeProvider, names)]),
      ],
    },
    gpuPolicy: gpuPolicy[0] ?? scenario.gpuPolicy,
    analysisDate: opts.analysisDate ?? scenario.analysisDate ?? today(),
    maxOfferAgeDays: opts.maxOfferAge ?? scenario.maxOfferAgeDays,
  };
}

/** Today's date in UTC as YYYY-MM-DD (the CLI's clock; the engine never reads one). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
