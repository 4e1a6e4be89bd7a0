import { analyze, type NetworkInfo } from '@gpufit/analysis';
import {
  type GpuTier,
  gpuTierTable,
  type PriceAdjuster,
  type ThroughputRatioRow,
  throughputRatioTable,
  type UnitThroughputRow,
  unitThroughputTable,
} from '@gpufit/pricing';
import {
  type ChartSpec,
  chartConfigs,
  cloudComparison,
  formatMinorUnits,
  presentAnalysis,
  roundingModes,
  toMinorUnits,
} from '@gpufit/report';
import {
  type Analysis,
  type BreakEven,
  MARKET_REGISTRY,
  MARKETS,
  type Market,
  type Offer,
  PRICING_CATEGORIES,
  PRICING_CATEGORY_REGISTRY,
  type PricingCategory,
  type Recommendation,
  type Scenario,
  type ScenarioInput,
  type SubsidySchedule,
  scenarioInputSchema,
  scenarioSchema,
  type TokenPriceModel,
  type UnpricedNetwork,
  type WorkloadProfile,
} from '@gpufit/schema';

/**
 * The what-if page's engine (docs/whatif.md): the inputs of one `gpufit analyze` run as plain JSON, the settings
 * the page's controls move, and `runWhatif`, which applies them and runs the same `analyze()` the CLI runs. Pure:
 * the page's Web Worker and the Node tests call the same code.
 */

/** What the page carries: the run's inputs, as JSON (the tables are rebuilt from their rows). */
export interface WhatifData {
  readonly workloads: readonly WorkloadProfile[];
  /** Only the offers some workload can run on (`feasibleOffers`). */
  readonly offers: readonly Offer[];
  readonly tierRows: readonly GpuTier[];
  readonly ratioRows: readonly ThroughputRatioRow[];
  readonly unitRows: readonly UnitThroughputRow[];
  /** The resolved scenario of the run (each network's default subsidy schedule filled in). */
  readonly scenario: Scenario;
  /** What the run's scenario file said (`{}`: no file); the exported scenario starts from it. */
  readonly scenarioInput: ScenarioInput;
  /** The one horizon a scenario file imposed, or null (each workload keeps its own). */
  readonly horizonMonths: number | null;
  /** Networks whose subsidy share and end month the page offers, with their share at month 0 as listed. */
  readonly networks: readonly {
    readonly provider: string;
    readonly name: string;
    readonly defaultShare: number;
  }[];
  /**
   * Incentive tokens of the offers the page carries, with the run's price model (a token without one is priced
   * as listed; the page's model for it starts at spotUsd 1, the reference the listed price was observed at).
   */
  readonly tokens: readonly { readonly symbol: string; readonly model: TokenPriceModel | null }[];
  /**
   * The markets of the offers the page carries (registry order), with their labels and side: one interruption-rate
   * control each.
   */
  readonly markets: readonly {
    readonly id: Market;
    readonly label: string;
    readonly decentralized: boolean;
  }[];
  /** The pricing categories of the offers the page carries that the run's scenario allows, with their labels. */
  readonly pricingCategories: readonly { readonly id: PricingCategory; readonly label: string }[];
  /**
   * The networks of datasets/networks.csv the run's whole catalog cannot price (analysis `unpricedNetworks`, as the
   * CLI computes it): the page carries only the feasible offers, so its analyses take them from here. Absent in a
   * page's data written before it: the analyses then say nothing of them.
   */
  readonly unpricedNetworks?: readonly UnpricedNetwork[];
}

export type Pin = 'auto' | 'cloud' | 'decentralized';

/** The settings the page's controls move. */
export interface WhatifSettings {
  /** Multiplier on every decentralized-market price (1 = as listed). */
  readonly priceLevel: number;
  /** Compound monthly demand growth (0.05 = +5 % a month). */
  readonly demandGrowthMonthly: number;
  /** Per market of the page's offers: the multiple of its offers' interruption rates (1 = as listed). */
  readonly interruptionRates: Readonly<Partial<Record<Market, number>>>;
  /** Per network: the month (YYYY-MM) its subsidy ends (steps to 0), or null for the run's schedule. */
  readonly subsidyEnd: Readonly<Record<string, string | null>>;
  /** Per network: its subsidy share at month 0 (the schedule's `share`), or null for the offers' own share. */
  readonly subsidyShare: Readonly<Record<string, number | null>>;
  /** Per incentive token: its annual drift and volatility (GBM), or null for the run's model (or none). */
  readonly tokens: Readonly<
    Record<string, { readonly annualDrift: number; readonly annualVolatility: number } | null>
  >;
  /** The pricing categories offers may have (`placement.allowedPricingCategories`); every one of the data's = all. */
  readonly pricingCategories: readonly PricingCategory[];
  /** A move must save at least this share of the all-cloud monthly cost. */
  readonly minSavingShare: number;
  /** Per workload id. */
  readonly pins: Readonly<Record<string, Pin>>;
}

/** A break-even as report.html states it: its numbers with four decimals, as the report's table prints them. */
export interface WhatifBreakEven {
  readonly variable: BreakEven['variable'];
  readonly unit: string;
  readonly current: string;
  readonly value: string;
  readonly range: string;
  readonly note: string;
}

export interface WhatifWorkloadResult {
  readonly id: string;
  readonly name: string;
  readonly recommendation: Recommendation;
  /** The recommended option's monthly cost as the reports show it (allocated cents); null when unpriced. */
  readonly monthlyCents: number | null;
  readonly pin: Pin;
  /** The first month the decentralized option stops beating cloud (the report's subsidy cliff), or null. */
  readonly subsidyCliffMonth: string | null;
  readonly breakEvens: readonly WhatifBreakEven[];
}

export interface WhatifResult {
  readonly workloads: readonly WhatifWorkloadResult[];
  readonly monthlyRecommendedCents: number;
  readonly monthlyAllCloudCents: number;
  readonly monthlySavingsCents: number;
  /** No priced workload has a cloud option: all-cloud and the saving compare nothing (`cloudComparison`). */
  readonly noCloudComparison: boolean;
  /**
   * The plan's subsidy cliff: the earliest cliff month of a workload the plan places (partly) on the
   * decentralized side, as the report's top risks name it; null when none falls inside the horizon.
   */
  readonly subsidyCliff: { readonly month: string; readonly workloads: readonly string[] } | null;
}

/** The plan's P10/P50/P90 from the joint Monte Carlo (the report's spend-fan chart and its horizon table). */
export interface WhatifFan {
  readonly trials: number;
  readonly seed: number;
  /** The report's chart.js configuration of the spend fan (`chartConfigs`, id `spend-fan`), or null. */
  readonly chart: ChartSpec | null;
  /** Horizon spend in cents, per plan (recommended, all-cloud). */
  readonly horizon: {
    readonly recommended: { readonly p10: number; readonly p50: number; readonly p90: number };
    readonly allCloud: { readonly p10: number; readonly p50: number; readonly p90: number };
  } | null;
  /** Each month of the recommended plan, in USD (unrounded, as report.json carries them). */
  readonly months: readonly {
    readonly month: string;
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
  }[];
}

/**
 * The networks the page offers subsidy controls for: those with an incentive token in the offers it carries, with
 * a subsidy share in their prices or not (a share of 0, as the catalog lists Akash and Nosana, can still be asked
 * about: "what if emissions paid 25 % of today's price until June?" — the share is in today's list price, not a
 * discount on it, so the price rises when it ends).
 */
export function whatifNetworks(
  offers: readonly Offer[],
  networks: readonly NetworkInfo[],
): WhatifData['networks'] {
  const tokenNetworks = new Set(offers.filter((o) => o.incentive !== null).map((o) => o.provider));
  return networks
    .filter((n) => tokenNetworks.has(n.provider))
    .map((n) => ({ provider: n.provider, name: n.networkName, defaultShare: n.defaultSubsidyShare }));
}

/** The incentive tokens of the offers, with the run's price model of each (or null). */
export function whatifTokens(offers: readonly Offer[], scenario: Scenario): WhatifData['tokens'] {
  const symbols = [...new Set(offers.flatMap((o) => (o.incentive === null ? [] : [o.incentive.symbol])))];
  const models = new Map(Object.entries(scenario.tokenPrices).map(([k, v]) => [k.toLowerCase(), v]));
  return symbols.sort().map((symbol) => ({ symbol, model: models.get(symbol.toLowerCase()) ?? null }));
}

/** The markets of the offers (registry order), each with its label and whether it is a decentralized market. */
export function whatifMarkets(offers: readonly Offer[], scenario: Scenario): WhatifData['markets'] {
  const present = new Set(offers.map((o) => o.market));
  return MARKETS.filter((m) => present.has(m)).map((id) => ({
    id,
    label: MARKET_REGISTRY[id].label,
    decentralized: scenario.decision.decentralizedMarkets.includes(id),
  }));
}

/** The pricing categories of the offers (registry order), those the run's placement allows. */
export function whatifPricingCategories(
  offers: readonly Offer[],
  scenario: Scenario,
): WhatifData['pricingCategories'] {
  const present = new Set(offers.map((o) => o.pricingCategory));
  const allowed = scenario.placement.allowedPricingCategories;
  return PRICING_CATEGORIES.filter(
    (c) => present.has(c) && (allowed.length === 0 || allowed.includes(c)),
  ).map((id) => ({ id, label: PRICING_CATEGORY_REGISTRY[id].label }));
}

export function defaultSettings(data: WhatifData): WhatifSettings {
  return {
    priceLevel: 1,
    demandGrowthMonthly: data.scenario.demandGrowthMonthly,
    interruptionRates: Object.fromEntries(
      data.markets.map((m) => [m.id, data.scenario.interruptionRateMultipliers[m.id] ?? 1]),
    ),
    subsidyEnd: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    subsidyShare: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    tokens: Object.fromEntries(data.tokens.map((t) => [t.symbol, null])),
    pricingCategories: data.pricingCategories.map((c) => c.id),
    minSavingShare: data.scenario.decision.minSavingShare,
    pins: Object.fromEntries(data.workloads.map((w) => [w.id, 'auto' as Pin])),
  };
}

/**
 * A network's schedule under the settings: it ends (steps to 0) in the chosen month, otherwise keeps the
 * run's schedule; a chosen share is its share at month 0. Undefined: the run's schedule, unchanged.
 */
function subsidySchedule(
  base: SubsidySchedule | undefined,
  end: string | null,
  share: number | null,
): SubsidySchedule | undefined {
  if (end === null && share === null) return undefined;
  const schedule: SubsidySchedule =
    end !== null ? { kind: 'step', steps: [{ month: end, share: 0 }] } : (base ?? { kind: 'none' });
  return share === null ? schedule : { ...schedule, share };
}

/** The scenario keys the settings write: subsidies, token prices and the pricing categories. */
function settingsOverrides(data: WhatifData, s: WhatifSettings) {
  const subsidies: Record<string, SubsidySchedule> = {};
  for (const n of data.networks) {
    const schedule = subsidySchedule(
      data.scenario.subsidies[n.provider],
      s.subsidyEnd[n.provider] ?? null,
      s.subsidyShare[n.provider] ?? null,
    );
    if (schedule !== undefined) subsidies[n.provider] = schedule;
  }
  const tokenPrices: Record<string, TokenPriceModel> = {};
  for (const t of data.tokens) {
    const set = s.tokens[t.symbol] ?? null;
    if (set === null) continue;
    const { source: _source, ...model } = t.model ?? { spotUsd: 1, annualDrift: 0, annualVolatility: 0 };
    tokenPrices[t.symbol] = {
      ...model,
      annualDrift: set.annualDrift,
      annualVolatility: set.annualVolatility,
    };
  }
  const ids = data.pricingCategories.map((c) => c.id);
  const all = ids.every((c) => s.pricingCategories.includes(c));
  const categories = all ? null : ids.filter((c) => s.pricingCategories.includes(c));
  return { subsidies, tokenPrices, categories };
}

/**
 * `base` (a scenario's interruptionRateMultipliers) with each page market's multiplier written over it; a
 * multiplier of 1 is left out (1 = as listed, so the run's own analysis is unchanged).
 */
function interruptionMultipliers(
  data: WhatifData,
  base: Readonly<Partial<Record<Market, number>>>,
  s: WhatifSettings,
): Partial<Record<Market, number>> {
  const out: Partial<Record<Market, number>> = { ...base };
  for (const m of data.markets) {
    const k = s.interruptionRates[m.id] ?? 1;
    if (k === 1) delete out[m.id];
    else out[m.id] = k;
  }
  return out;
}

/** The key of a record that names `name` ignoring case (a scenario's subsidies and tokenPrices), or `name`. */
function ownKey(record: Readonly<Record<string, unknown>>, name: string): string {
  return Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

function withEntries<T>(base: Readonly<Record<string, T>>, entries: Readonly<Record<string, T>>) {
  const out: Record<string, T> = { ...base };
  for (const [k, v] of Object.entries(entries)) {
    const key = ownKey(out, k);
    delete out[key];
    out[key] = v;
  }
  return out;
}

/** The scenario the settings make (resolved, as `analyze()` takes it). */
export function whatifScenario(data: WhatifData, s: WhatifSettings): Scenario {
  const o = settingsOverrides(data, s);
  return {
    ...data.scenario,
    subsidies: withEntries(data.scenario.subsidies, o.subsidies),
    tokenPrices: withEntries(data.scenario.tokenPrices, o.tokenPrices),
    demandGrowthMonthly: s.demandGrowthMonthly,
    interruptionRateMultipliers: interruptionMultipliers(data, data.scenario.interruptionRateMultipliers, s),
    decision: { ...data.scenario.decision, minSavingShare: s.minSavingShare },
    ...(o.categories !== null && {
      placement: { ...data.scenario.placement, allowedPricingCategories: o.categories },
    }),
  };
}

/**
 * The price level as `analyze()` takes it: what the exported scenario's `priceAdjustments` (`price * k` per
 * decentralized market) compile to. None at 1, so the default settings run exactly as the CLI did.
 */
function priceAdjuster(markets: readonly Market[], level: number): PriceAdjuster | undefined {
  if (level === 1) return undefined;
  const set = new Set(markets);
  return (offer, usd) => (set.has(offer.market) ? usd * level : usd);
}

/** A pin as the workload's own market list: cloud = the markets that are not decentralized, and so on. */
function pinned(w: WorkloadProfile, pin: Pin, decentralized: readonly Market[]): WorkloadProfile {
  if (pin === 'auto') return w;
  const side = (m: Market) => decentralized.includes(m) === (pin === 'decentralized');
  const own =
    w.allowedMarkets.length > 0
      ? w.allowedMarkets
      : (['hyperscaler', 'gpu-cloud', 'marketplace', 'depin'] as Market[]);
  return { ...w, allowedMarkets: own.filter(side) };
}

/**
 * The analysis the settings give: without the Monte Carlo (the page's first update: recommendations, costs,
 * cliffs, break-evens), or with it at the scenario's seed and trials (its second: the plan's fan), run inline as
 * `analyze()` runs it without a runner; the CLI's worker threads give the same figures.
 */
export async function whatifAnalysis(
  data: WhatifData,
  s: WhatifSettings,
  monteCarlo = false,
  trials?: number,
): Promise<Analysis> {
  const settled = whatifScenario(data, s);
  const scenario =
    trials === undefined ? settled : { ...settled, monteCarlo: { ...settled.monteCarlo, trials } };
  const markets = scenario.decision.decentralizedMarkets;
  const adjuster = priceAdjuster(markets, s.priceLevel);
  const analysis = await analyze({
    workloads: data.workloads.map((w) => pinned(w, s.pins[w.id] ?? 'auto', markets)),
    offers: data.offers,
    tiers: gpuTierTable(data.tierRows),
    ratios: throughputRatioTable(data.ratioRows),
    unitThroughput: unitThroughputTable(data.unitRows),
    scenario,
    ...(monteCarlo ? {} : { monteCarlo: false as const }),
    ...(data.horizonMonths === null ? {} : { horizonMonths: data.horizonMonths }),
    ...(adjuster === undefined ? {} : { priceAdjuster: adjuster }),
  });
  // Not from `networks`: the page's offers are the feasible ones, the CLI's the whole catalog.
  return data.unpricedNetworks === undefined || analysis.catalog === undefined
    ? analysis
    : { ...analysis, catalog: { ...analysis.catalog, unpricedNetworks: [...data.unpricedNetworks] } };
}

/**
 * The page's figures for the settings: each workload's recommendation, cost, subsidy cliff and break-evens, and
 * the plan's totals and first subsidy cliff.
 */
export async function runWhatif(data: WhatifData, s: WhatifSettings): Promise<WhatifResult> {
  const shown = presentAnalysis(await whatifAnalysis(data, s));
  const mode = roundingModes[shown.roundingMode];
  // report.html's break-even table: formatQuantity(r, x, 4).
  const n = (x: number) =>
    formatMinorUnits(toMinorUnits(x, { mode, scale: 4 }), { scale: 4, grouping: ',', minDecimals: 0 });
  const workloads = shown.workloads.map((w) => ({
    id: w.workload.id,
    name: w.workload.name,
    recommendation: w.workload.decision.recommendation,
    monthlyCents: w.recommendedCents,
    pin: s.pins[w.workload.id] ?? 'auto',
    subsidyCliffMonth: w.projection?.subsidyCliffMonth ?? null,
    breakEvens: w.breakEvens.map((b) => ({
      variable: b.variable,
      unit: b.unit,
      current: n(b.current),
      value: b.value === null ? 'none in range' : n(b.value),
      range: `${n(b.range[0])} to ${n(b.range[1])}`,
      note: b.note,
    })),
  }));
  const cliffs = workloads.filter((w) => w.subsidyCliffMonth !== null && w.recommendation !== 'cloud');
  const first = cliffs.map((w) => w.subsidyCliffMonth!).sort()[0];
  return {
    workloads,
    monthlyRecommendedCents: shown.totals.monthlyRecommendedCents,
    monthlyAllCloudCents: shown.totals.monthlyAllCloudCents,
    monthlySavingsCents: shown.totals.monthlySavingsCents,
    noCloudComparison: cloudComparison(shown.analysis.totals, shown.analysis.workloads.length).none,
    subsidyCliff:
      first === undefined
        ? null
        : { month: first, workloads: cliffs.filter((w) => w.subsidyCliffMonth === first).map((w) => w.name) },
  };
}

/**
 * The plan's spend fan for the settings: the joint Monte Carlo at the scenario's seed and trials (the CLI's
 * `--trials` / `monteCarlo.trials`), as the report's spend-fan chart and horizon percentiles. `trials` asks for
 * fewer: the page's preview, drawn within its update budget before the full count follows.
 */
export async function runWhatifFan(
  data: WhatifData,
  s: WhatifSettings,
  trials: number = data.scenario.monteCarlo.trials,
): Promise<WhatifFan> {
  const analysis = await whatifAnalysis(data, s, true, trials);
  const d = analysis.totals.distribution;
  const shown = presentAnalysis(analysis);
  const mode = roundingModes[shown.roundingMode];
  const cents = (x: number) => toMinorUnits(x, { mode, scale: 2 });
  const q = (p: { p10: number; p50: number; p90: number }) => ({
    p10: cents(p.p10),
    p50: cents(p.p50),
    p90: cents(p.p90),
  });
  return {
    trials,
    seed: data.scenario.monteCarlo.seed,
    chart: chartConfigs(analysis).find((c) => c.id === 'spend-fan') ?? null,
    horizon:
      d === undefined ? null : { recommended: q(d.recommended.horizon), allCloud: q(d.allCloud.horizon) },
    months: (d?.recommended.months ?? []).map((m) => ({
      month: m.month,
      p10: m.p10,
      p50: m.p50,
      p90: m.p90,
    })),
  };
}

/**
 * The settings as a scenario file `gpufit analyze --scenario` accepts: the run's scenario file (or none) with the
 * changed settings written over it. Pins are per workload and a scenario has no per-workload placement, so they
 * are not exported (`pinsLeftOut` names them).
 */
export function exportScenario(
  data: WhatifData,
  s: WhatifSettings,
): { scenario: ScenarioInput; pinsLeftOut: string[] } {
  const { interruptionRateMultipliers: baseRates, ...base } = data.scenarioInput;
  const markets = data.scenario.decision.decentralizedMarkets;
  const o = settingsOverrides(data, s);
  const rates = interruptionMultipliers(data, baseRates ?? {}, s);
  const subsidies = withEntries(base.subsidies ?? {}, o.subsidies);
  const tokenPrices = withEntries(base.tokenPrices ?? {}, o.tokenPrices);
  const scenario: ScenarioInput = {
    ...base,
    name: `${data.scenario.name} (what-if)`,
    demandGrowthMonthly: s.demandGrowthMonthly,
    decision: { ...(base.decision ?? {}), minSavingShare: s.minSavingShare },
    ...(Object.keys(subsidies).length > 0 && { subsidies }),
    ...(Object.keys(tokenPrices).length > 0 && { tokenPrices }),
    ...(Object.keys(rates).length > 0 && { interruptionRateMultipliers: rates }),
    ...(o.categories !== null && {
      placement: { ...(base.placement ?? {}), allowedPricingCategories: o.categories },
    }),
    ...(s.priceLevel !== 1 && {
      priceAdjustments: markets.map((market) => ({ market, expression: `price * ${s.priceLevel}` })),
    }),
    ...(data.scenario.analysisDate !== null && { analysisDate: data.scenario.analysisDate }),
  };
  return { scenario, pinsLeftOut: Object.keys(s.pins).filter((id) => s.pins[id] !== 'auto') };
}

/** The scenario fields the page has a control for (the others are compared with the run's on import). */
const CONTROLLED = new Set([
  'name',
  'subsidies',
  'tokenPrices',
  'demandGrowthMonthly',
  'interruptionRateMultipliers',
  'priceAdjustments',
  'decision.minSavingShare',
  'placement.allowedPricingCategories',
]);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type ImportedScenario =
  | { readonly ok: true; readonly settings: WhatifSettings; readonly notApplied: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * A scenario file read back into settings (the page's "Load a scenario file"): validated with the scenario
 * schema `gpufit analyze --scenario` uses; a setting the page cannot show (a formula, a price adjustment other
 * than `price * k` on every decentralized market, a subsidy schedule other than the run's or a step to 0) is an
 * error naming its path; settings the page has no control for that differ from the run's are listed in
 * `notApplied`. Pins are per workload and not in a scenario: they return to auto.
 */
export function importScenario(data: WhatifData, file: string, text: string): ImportedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const parsed = scenarioInputSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${file}: ${i.path.length === 0 ? '(top level)' : i.path.join('.')}: ${i.message}`,
      ),
    };
  }
  const input = parsed.data;
  const errors: string[] = [];
  const at = (path: string, message: string) => errors.push(`${file}: ${path}: ${message}`);
  const markets = data.scenario.decision.decentralizedMarkets;
  let priceLevel = 1;
  const adjustments = input.priceAdjustments ?? [];
  if (adjustments.length > 0) {
    const levels = adjustments.map((a) =>
      /^\s*price\s*\*\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*$/i.exec(a.expression),
    );
    const k = levels[0]?.[1];
    const uniform =
      k !== undefined &&
      levels.every((m) => m?.[1] === k) &&
      adjustments.every((a) => a.provider === undefined && a.market !== undefined) &&
      sameJson(adjustments.map((a) => a.market).sort(), [...markets].sort());
    if (uniform) priceLevel = Number(k);
    else
      at(
        'priceAdjustments',
        `the page sets one price level (\`price * k\` on each of ${markets.join(', ')}); run other formulas with gpufit analyze --scenario`,
      );
  }
  const defaults = defaultSettings(data);
  const subsidyEnd: Record<string, string | null> = { ...defaults.subsidyEnd };
  const subsidyShare: Record<string, number | null> = { ...defaults.subsidyShare };
  for (const [key, schedule] of Object.entries(input.subsidies ?? {})) {
    const n = data.networks.find((x) => x.provider.toLowerCase() === key.toLowerCase());
    const base = n === undefined ? undefined : data.scenario.subsidies[n.provider];
    if (n === undefined) {
      if (!sameJson(schedule, base ?? data.scenario.subsidies[key]))
        at(`subsidies.${key}`, 'no network of the page has this name; not applied');
      continue;
    }
    const { share, ...rest } = schedule as SubsidySchedule & { share?: number };
    const step =
      rest.kind === 'step' && rest.steps.length === 1 && rest.steps[0]!.share === 0
        ? rest.steps[0]!.month
        : null;
    const { share: _baseShare, ...baseRest } = (base ?? { kind: 'none' }) as SubsidySchedule & {
      share?: number;
    };
    if (sameJson(rest, baseRest)) subsidyEnd[n.provider] = null;
    else if (step !== null) subsidyEnd[n.provider] = step;
    else {
      at(
        `subsidies.${key}`,
        `a ${rest.kind} schedule: the page sets an end month (a step to 0) and a share; run it with gpufit analyze --scenario`,
      );
      continue;
    }
    subsidyShare[n.provider] = share ?? null;
  }
  const tokens: Record<string, { annualDrift: number; annualVolatility: number } | null> = {
    ...defaults.tokens,
  };
  for (const [key, model] of Object.entries(input.tokenPrices ?? {})) {
    const t = data.tokens.find((x) => x.symbol.toLowerCase() === key.toLowerCase());
    if (t === undefined) {
      at(`tokenPrices.${key}`, 'no offer of the page is paid in this token; not applied');
      continue;
    }
    const spot = t.model?.spotUsd ?? 1;
    if (model.spotUsd !== spot) {
      at(
        `tokenPrices.${key}.spotUsd`,
        `the page keeps the run's reference price (${spot}); only drift and volatility are set here`,
      );
      continue;
    }
    tokens[t.symbol] =
      t.model !== null &&
      t.model.annualDrift === model.annualDrift &&
      t.model.annualVolatility === model.annualVolatility
        ? null
        : { annualDrift: model.annualDrift, annualVolatility: model.annualVolatility };
  }
  const interruptionRates: Partial<Record<Market, number>> = { ...defaults.interruptionRates };
  const runRates = data.scenario.interruptionRateMultipliers;
  for (const [key, k] of Object.entries(input.interruptionRateMultipliers ?? {}) as [Market, number][]) {
    if (data.markets.some((m) => m.id === key)) interruptionRates[key] = k;
    else if (k !== (runRates[key] ?? 1))
      at(`interruptionRateMultipliers.${key}`, 'no offer of the page is on this market; not applied');
  }
  // A page market the file leaves out is as listed (1), as `gpufit analyze --scenario` reads the file.
  for (const m of data.markets)
    if (input.interruptionRateMultipliers?.[m.id] === undefined) interruptionRates[m.id] = 1;
  // Error lines about names the page does not carry are warnings: the rest still applies.
  const blocking = errors.filter((e) => !e.endsWith('not applied'));
  if (blocking.length > 0) return { ok: false, errors: blocking };
  const resolved = scenarioSchema.parse(input);
  const wanted = resolved.placement.allowedPricingCategories;
  const ids = data.pricingCategories.map((c) => c.id);
  const notApplied = [...errors];
  for (const [key, value] of Object.entries(resolved) as [keyof Scenario, unknown][]) {
    if (CONTROLLED.has(key) || key === 'placement' || key === 'decision') continue;
    const run = data.scenario[key];
    if (key === 'analysisDate' && value === null) continue;
    if (!sameJson(value, run)) notApplied.push(`${key} (the page keeps the run's)`);
  }
  for (const group of ['placement', 'decision'] as const)
    for (const [key, value] of Object.entries(resolved[group])) {
      if (CONTROLLED.has(`${group}.${key}`)) continue;
      if (!sameJson(value, (data.scenario[group] as Record<string, unknown>)[key]))
        notApplied.push(`${group}.${key} (the page keeps the run's)`);
    }
  return {
    ok: true,
    notApplied,
    settings: {
      priceLevel,
      demandGrowthMonthly: resolved.demandGrowthMonthly,
      interruptionRates,
      minSavingShare: resolved.decision.minSavingShare,
      subsidyEnd,
      subsidyShare,
      tokens,
      pricingCategories: wanted.length === 0 ? ids : ids.filter((c) => wanted.includes(c)),
      pins: defaults.pins,
    },
  };
}
