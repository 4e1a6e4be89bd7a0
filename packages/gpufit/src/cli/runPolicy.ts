import {
  calendarDateProblem,
  GPU_POLICIES,
  type GpuPolicy,
  MARKETS,
  type Market,
  PRICING_CATEGORIES,
  type PricingCategory,
  type Scenario,
} from '@gpufit/schema';
import { badInput } from './errors.js';

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

function list<T extends string>(option: string, raw: string | undefined, allowed?: readonly T[]): T[] {
  if (raw === undefined) return [];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (allowed === undefined) return items.map((s) => s.toLowerCase()) as T[];
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw badInput(`${option} ${JSON.stringify(item)} is not one of ${allowed.join(', ')}`);
    }
  }
  return items as T[];
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
 * against today's date (read here, at the CLI's edge) unless the run or the scenario fixes one.
 */
export function withRunPolicy(scenario: Scenario, opts: RunPolicyOptions, today: () => string): Scenario {
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
        list('--allow-provider', opts.allowProvider),
      ),
      excludedProviders: [
        ...new Set([...p.excludedProviders, ...list('--exclude-provider', opts.excludeProvider)]),
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
