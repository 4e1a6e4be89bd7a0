import {
  breakEven,
  type CostBasis,
  type CostFunction,
  costBasis,
  estimateCost,
  type GpuTierTable,
  monteCarlo,
  projectSpend,
  sensitivity,
} from '@gpufit/pricing';
import type {
  Accounting,
  Analysis,
  Distribution,
  Offer,
  Projection,
  RejectedRow,
  Scenario,
  WorkloadAnalysis,
  WorkloadProfile,
} from '@gpufit/schema';
import { ANALYSIS_SCHEMA_VERSION, SCENARIO_DEFAULTS } from '@gpufit/schema';
import { assessFit, defaultFramework, type FrameworkOverride } from '@gpufit/scoring';
import { bestOffers, priced } from './analysis/bestOffers.js';
import { decide } from './analysis/decide.js';
import { hybridFor } from './analysis/hybridFor.js';
import { risksFor } from './analysis/risks.js';
import { workloadSeed } from './analysis/workloadSeed.js';

/** Runs the Monte Carlo for one workload; the CLI passes a worker-thread runner, the default runs inline. */
export type MonteCarloRunner = (
  bases: { readonly cloud: CostBasis; readonly depin: CostBasis },
  scenario: Scenario,
  options: { readonly seed: number; readonly trials: number },
) => Distribution | Promise<Distribution>;

export interface AnalyzeInput {
  readonly workloads: readonly WorkloadProfile[];
  readonly offers: readonly Offer[];
  readonly tiers: GpuTierTable;
  /** Resolved scenario (defaults from `scenarioSchema`); its `framework` overrides are applied. */
  readonly scenario: Scenario;
  /** Framework overrides; default: the scenario's `framework`. */
  readonly framework?: FrameworkOverride;
  /** Row accounting and rejections of the inputs, carried into the result. */
  readonly accounting?: Accounting;
  readonly rejected?: readonly RejectedRow[];
  /** `false` skips the Monte Carlo; default: inline, single-threaded. */
  readonly monteCarlo?: MonteCarloRunner | false;
  readonly onProgress?: (done: number, total: number) => void;
}

const inlineMonteCarlo: MonteCarloRunner = (bases, scenario, options) => monteCarlo(bases, scenario, options);

/**
 * The whole job for a portfolio (DESIGN §2 data flow): fit → price every offer → cheapest feasible cloud and
 * DePIN option → decision (fit × cost) → projection over the horizon → Monte Carlo → risks → totals.
 * Deterministic: no clock and no randomness except the seeded Monte Carlo (each workload's stream is derived
 * from the scenario seed and the workload id, so adding a workload does not change the others' numbers).
 */
export async function analyze(input: AnalyzeInput): Promise<Analysis> {
  const { scenario, tiers } = input;
  const framework = input.framework ?? (scenario.framework as FrameworkOverride);
  const fitOptions = Object.keys(framework).length > 0 ? { framework } : {};
  const runMonteCarlo = input.monteCarlo === false ? null : (input.monteCarlo ?? inlineMonteCarlo);
  const estimate = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, { tiers, scenario });
  // Break-even and sensitivity re-price hundreds of times: numbers only, no assumption sentences.
  const costOf: CostFunction = (p, o, s) => estimateCost(p, o, { tiers, scenario: s, explain: false });
  const workloads: WorkloadAnalysis[] = [];
  const usedOffers = new Map<string, Offer>();

  for (const [i, profile] of input.workloads.entries()) {
    const fit = assessFit(profile, fitOptions);
    const best = bestOffers(profile, input.offers, estimate);
    const cloud = priced(best.cloud);
    const depinEligible = !fit.constraints.some((c) => c.side === 'depin' && c.scope === 'all');
    const depin = priced(best.depin);
    if (best.cloud) usedOffers.set(best.cloud.offer.id, best.cloud.offer);
    if (best.depin) usedOffers.set(best.depin.offer.id, best.depin.offer);

    const cloudBasis = best.cloud ? costBasis(best.cloud.estimate, best.cloud.offer) : null;
    const depinBasis = best.depin && depinEligible ? costBasis(best.depin.estimate, best.depin.offer) : null;
    const workloadScenario = { ...scenario, horizonMonths: profile.horizonMonths };
    let projection: Projection | null = null;
    let distribution: Distribution | null = null;
    if (cloudBasis?.ok) {
      const depinOk = depinBasis?.ok ? depinBasis.value : null;
      projection = projectSpend({ cloud: cloudBasis.value, depin: depinOk }, workloadScenario);
      if (depinOk && runMonteCarlo) {
        distribution = await runMonteCarlo({ cloud: cloudBasis.value, depin: depinOk }, workloadScenario, {
          seed: workloadSeed(scenario.monteCarlo.seed, profile.id),
          trials: scenario.monteCarlo.trials,
        });
      }
    }

    const hybrid = depinEligible ? hybridFor(profile, fit, best) : null;
    const comparison =
      best.cloud && best.depin && depinEligible
        ? { profile, cloud: best.cloud.offer, depin: best.depin.offer, scenario: workloadScenario }
        : null;
    const breakEvens = comparison ? breakEven(comparison, costOf) : [];
    const tornado = comparison ? sensitivity(comparison, costOf) : null;
    const decision = decide({ fit, cloud, depin: depinEligible ? depin : null, hybrid });
    const risks = risksFor({
      profile,
      fit,
      cloud,
      depin: depinEligible ? depin : null,
      depinOffer: depinEligible ? (best.depin?.offer ?? null) : null,
      projection,
      distribution,
    });
    workloads.push({
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      fit,
      decision: {
        approach: fit.approach,
        recommendation: decision.recommendation,
        cloud,
        depin,
        hybrid,
        recommendedMonthlyUsd: decision.recommendedMonthlyUsd,
        monthlySavingsUsd: decision.monthlySavingsUsd,
        rationale: decision.rationale,
        risks,
      },
      projection,
      distribution,
      breakEvens,
      sensitivity: tornado,
    });
    input.onProgress?.(i + 1, input.workloads.length);
  }

  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    frameworkVersion: defaultFramework.version,
    seed: scenario.monteCarlo.seed,
    scenario: { name: scenario.name, horizonMonths: scenario.horizonMonths, startMonth: scenario.startMonth },
    workloads,
    totals: totalsOf(workloads),
    accounting: input.accounting ?? {
      read: input.workloads.length,
      accepted: input.workloads.length,
      rejected: 0,
    },
    rejected: [...(input.rejected ?? [])],
    assumptions: assumptionsOf(workloads, scenario),
    sources: sourcesOf(usedOffers),
  };
}

function horizonOf(w: WorkloadAnalysis, option: 'recommended' | 'cloud'): number {
  const p = w.projection;
  const d = w.decision;
  if (p === null) return 0;
  if (option === 'cloud' || d.recommendation === 'cloud') return p.horizonCloudUsd;
  if (d.recommendation === 'depin' && p.horizonDepinUsd !== null) return p.horizonDepinUsd;
  // Hybrid: the cloud part follows demand like the cloud path, the DePIN part follows the DePIN path.
  const h = d.hybrid;
  if (h === null || p.horizonDepinUsd === null) return p.horizonCloudUsd;
  return h.cloudShare * p.horizonCloudUsd + h.depinShare * p.horizonDepinUsd;
}

function totalsOf(workloads: readonly WorkloadAnalysis[]): Analysis['totals'] {
  let recommended = 0;
  let allCloud = 0;
  let horizonRecommended = 0;
  let horizonCloud = 0;
  let savings = 0;
  const unpriced: string[] = [];
  for (const w of workloads) {
    const d = w.decision;
    if (d.recommendedMonthlyUsd === null) {
      unpriced.push(w.id);
      continue;
    }
    recommended += d.recommendedMonthlyUsd;
    allCloud += d.cloud?.cost.monthlyUsd ?? d.recommendedMonthlyUsd;
    savings += d.monthlySavingsUsd ?? 0;
    horizonRecommended += horizonOf(w, 'recommended');
    horizonCloud += horizonOf(w, 'cloud');
  }
  return {
    monthlyUsd: { recommended, allCloud },
    horizonUsd: { recommended: horizonRecommended, allCloud: horizonCloud },
    monthlySavingsUsd: savings,
    unpricedWorkloads: unpriced,
  };
}

function assumptionsOf(workloads: readonly WorkloadAnalysis[], scenario: Scenario): string[] {
  const set = new Set<string>([
    'Prices are list prices from the catalog as of each offer’s asOf date, not live quotes.',
    `Costs are per month of ${730} hours; monthly figures are expected values at month 0 of ${scenario.startMonth}.`,
    'A DePIN or hybrid placement is recommended only when it saves at least 5 % against the cheapest feasible cloud option.',
  ]);
  if (scenario.monteCarlo.seed === SCENARIO_DEFAULTS.seed)
    set.add(`Monte Carlo seed ${scenario.monteCarlo.seed} (default).`);
  for (const w of workloads) {
    for (const o of [w.decision.cloud, w.decision.depin])
      for (const a of o?.cost.assumptions ?? []) set.add(a);
  }
  return [...set];
}

function sourcesOf(offers: ReadonlyMap<string, Offer>): Analysis['sources'] {
  const bySource = new Map<string, { source: string; asOf: string; offers: number }>();
  for (const o of offers.values()) {
    const key = `${o.source}\u0000${o.asOf}`;
    const s = bySource.get(key);
    if (s) s.offers++;
    else bySource.set(key, { source: o.source, asOf: o.asOf, offers: 1 });
  }
  return [...bySource.values()].sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.asOf < b.asOf ? -1 : 1,
  );
}
