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
import { presentAnalysis } from '@gpufit/report';
import type {
  Analysis,
  Market,
  Offer,
  Recommendation,
  Scenario,
  ScenarioInput,
  SubsidySchedule,
  WorkloadProfile,
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
  /** Networks whose subsidy end month the page offers, with the schedule the run used for each. */
  readonly networks: readonly { readonly provider: string; readonly name: string }[];
}

export type Pin = 'auto' | 'cloud' | 'decentralized';

/** The settings the page's controls move. */
export interface WhatifSettings {
  /** Multiplier on every decentralized-market price (1 = as listed). */
  readonly priceLevel: number;
  /** Compound monthly demand growth (0.05 = +5 % a month). */
  readonly demandGrowthMonthly: number;
  /** Per network: the month (YYYY-MM) its subsidy ends (steps to 0), or null for the run's schedule. */
  readonly subsidyEnd: Readonly<Record<string, string | null>>;
  /** A move must save at least this share of the all-cloud monthly cost. */
  readonly minSavingShare: number;
  /** Per workload id. */
  readonly pins: Readonly<Record<string, Pin>>;
}

export interface WhatifWorkloadResult {
  readonly id: string;
  readonly name: string;
  readonly recommendation: Recommendation;
  /** The recommended option's monthly cost as the reports show it (allocated cents); null when unpriced. */
  readonly monthlyCents: number | null;
  readonly pin: Pin;
}

export interface WhatifResult {
  readonly workloads: readonly WhatifWorkloadResult[];
  readonly monthlyRecommendedCents: number;
  readonly monthlyAllCloudCents: number;
  readonly monthlySavingsCents: number;
}

/** The networks the page offers a subsidy-end control for: those with a subsidy in the offers it carries. */
export function whatifNetworks(
  offers: readonly Offer[],
  networks: readonly NetworkInfo[],
): WhatifData['networks'] {
  const subsidized = new Set(
    offers.filter((o) => (o.incentive?.subsidyShare ?? 0) > 0).map((o) => o.provider),
  );
  return networks
    .filter((n) => subsidized.has(n.provider))
    .map((n) => ({ provider: n.provider, name: n.networkName }));
}

export function defaultSettings(data: WhatifData): WhatifSettings {
  return {
    priceLevel: 1,
    demandGrowthMonthly: data.scenario.demandGrowthMonthly,
    subsidyEnd: Object.fromEntries(data.networks.map((n) => [n.provider, null])),
    minSavingShare: data.scenario.decision.minSavingShare,
    pins: Object.fromEntries(data.workloads.map((w) => [w.id, 'auto' as Pin])),
  };
}

const endSchedule = (month: string): SubsidySchedule => ({ kind: 'step', steps: [{ month, share: 0 }] });

/** The scenario the settings make (resolved, as `analyze()` takes it). */
export function whatifScenario(data: WhatifData, s: WhatifSettings): Scenario {
  const subsidies = { ...data.scenario.subsidies };
  for (const [provider, month] of Object.entries(s.subsidyEnd))
    if (month !== null) subsidies[provider] = endSchedule(month);
  return {
    ...data.scenario,
    subsidies,
    demandGrowthMonthly: s.demandGrowthMonthly,
    decision: { ...data.scenario.decision, minSavingShare: s.minSavingShare },
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

/** The analysis the settings give (no Monte Carlo: the page shows the deterministic plan). */
export async function whatifAnalysis(data: WhatifData, s: WhatifSettings): Promise<Analysis> {
  const scenario = whatifScenario(data, s);
  const markets = scenario.decision.decentralizedMarkets;
  const adjuster = priceAdjuster(markets, s.priceLevel);
  return analyze({
    workloads: data.workloads.map((w) => pinned(w, s.pins[w.id] ?? 'auto', markets)),
    offers: data.offers,
    tiers: gpuTierTable(data.tierRows),
    ratios: throughputRatioTable(data.ratioRows),
    unitThroughput: unitThroughputTable(data.unitRows),
    scenario,
    monteCarlo: false,
    ...(data.horizonMonths === null ? {} : { horizonMonths: data.horizonMonths }),
    ...(adjuster === undefined ? {} : { priceAdjuster: adjuster }),
  });
}

/** The page's figures for the settings: each workload's recommendation and cost, and the plan's totals. */
export async function runWhatif(data: WhatifData, s: WhatifSettings): Promise<WhatifResult> {
  const shown = presentAnalysis(await whatifAnalysis(data, s));
  return {
    workloads: shown.workloads.map((w) => ({
      id: w.workload.id,
      name: w.workload.name,
      recommendation: w.workload.decision.recommendation,
      monthlyCents: w.recommendedCents,
      pin: s.pins[w.workload.id] ?? 'auto',
    })),
    monthlyRecommendedCents: shown.totals.monthlyRecommendedCents,
    monthlyAllCloudCents: shown.totals.monthlyAllCloudCents,
    monthlySavingsCents: shown.totals.monthlySavingsCents,
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
  const base = data.scenarioInput;
  const markets = data.scenario.decision.decentralizedMarkets;
  const subsidies = { ...(base.subsidies ?? {}) };
  for (const [provider, month] of Object.entries(s.subsidyEnd))
    if (month !== null) subsidies[provider] = endSchedule(month);
  const scenario: ScenarioInput = {
    ...base,
    name: `${data.scenario.name} (what-if)`,
    demandGrowthMonthly: s.demandGrowthMonthly,
    decision: { ...(base.decision ?? {}), minSavingShare: s.minSavingShare },
    ...(Object.keys(subsidies).length > 0 && { subsidies }),
    ...(s.priceLevel !== 1 && {
      priceAdjustments: markets.map((market) => ({ market, expression: `price * ${s.priceLevel}` })),
    }),
    ...(data.scenario.analysisDate !== null && { analysisDate: data.scenario.analysisDate }),
  };
  return { scenario, pinsLeftOut: Object.keys(s.pins).filter((id) => s.pins[id] !== 'auto') };
}
