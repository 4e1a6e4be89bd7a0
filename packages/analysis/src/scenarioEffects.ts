import { initialSubsidyShare, withInterruptionMultiplier } from '@gpufit/pricing';
import type {
  Analysis,
  Market,
  Offer,
  Scenario,
  ScenarioEffect,
  ScenarioEffectChange,
  WorkloadAnalysis,
  WorkloadProfile,
} from '@gpufit/schema';
import { growsWithDemand, joinWithAnd, workloadKinds } from '@gpufit/schema';
import type { AnalyzeInput, ScenarioRun } from './analyzeInput.js';
import { createWorkloadAnalyzer } from './analyzeWorkload.js';
import { horizonOf } from './portfolioLedger.js';
import { runsOn } from './risks.js';
import { tokenPathLabel } from './tokenPathLabel.js';
import { usd } from './usdText.js';
import { workloadHorizon } from './workloadHorizon.js';

/** One setting of a scenario that differs from the baseline's, and how to take it back to the baseline's. */
interface Setting {
  readonly setting: string;
  readonly label: string;
  readonly kind:
    | 'subsidy'
    | 'token'
    | 'interruption'
    | 'horizon'
    | 'placement'
    | 'decision'
    | 'monte-carlo'
    | 'other';
  /** The key inside `subsidies` / `tokenPrices` / `interruptionRateMultipliers`. */
  readonly key?: string;
  revert(target: ScenarioRun, baseline: ScenarioRun): ScenarioRun;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A record's own entry (a name such as `constructor` is a name like any other, never a prototype member). */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The record with `key` set to `value` (removed when undefined), as own data properties only. */
function withEntry<T>(
  record: Readonly<Record<string, T>>,
  key: string,
  value: T | undefined,
): Record<string, T> {
  const entries = Object.entries(record).filter(([k]) => k !== key);
  return Object.fromEntries(value === undefined ? entries : [...entries, [key, value]]);
}

function monthsBetween(start: string, month: string): number {
  const [y0, m0] = start.split('-').map(Number) as [number, number];
  const [y1, m1] = month.split('-').map(Number) as [number, number];
  return (y1 - y0) * 12 + (m1 - m0);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

function subsidyLabel(key: string, s: Scenario): string {
  const schedule = own(s.subsidies, key);
  if (schedule === undefined) return `Subsidy for ${key}: the network's default schedule`;
  switch (schedule.kind) {
    case 'none':
      return `Subsidy for ${key} held constant`;
    case 'step': {
      const last = schedule.steps[schedule.steps.length - 1];
      if (last !== undefined && last.share === 0)
        return `Subsidy for ${key} ends from ${last.month} (month ${monthsBetween(s.startMonth, last.month) + 1} of the horizon)`;
      return `Subsidy for ${key} steps (${schedule.steps.map((x) => `${x.month}: ${pct(x.share)}`).join(', ')})`;
    }
    case 'linear':
      return `Subsidy for ${key} fades to 0 over ${schedule.monthsToZero} months`;
    case 'exponential':
      return `Subsidy for ${key} halves every ${schedule.halfLifeMonths} months`;
    case 'formula':
      return `Subsidy for ${key} follows ${schedule.expression}`;
  }
}

/** The settings in which `target` differs from `baseline`, in a stable order. */
function settingsThatDiffer(target: ScenarioRun, baseline: ScenarioRun): Setting[] {
  const t = target.scenario;
  const b = baseline.scenario;
  const out: Setting[] = [];
  const withScenario = (run: ScenarioRun, scenario: Scenario): ScenarioRun => ({ ...run, scenario });
  if (target.horizonMonths !== baseline.horizonMonths) {
    out.push({
      setting: 'horizonMonths',
      kind: 'horizon',
      label:
        target.horizonMonths === undefined
          ? "Each workload's own horizon"
          : `Horizon of ${target.horizonMonths} months`,
      revert: (run) => ({
        ...run,
        horizonMonths: baseline.horizonMonths,
        scenario: { ...run.scenario, horizonMonths: b.horizonMonths },
      }),
    });
  }
  if (t.startMonth !== b.startMonth) {
    out.push({
      setting: 'startMonth',
      kind: 'other',
      label: `Start month ${t.startMonth}`,
      revert: (run) => withScenario(run, { ...run.scenario, startMonth: b.startMonth }),
    });
  }
  for (const key of Object.keys(t.subsidies).sort()) {
    if (same(own(t.subsidies, key), own(b.subsidies, key))) continue;
    out.push({
      setting: `subsidies.${key}`,
      kind: 'subsidy',
      key,
      label: subsidyLabel(key, t),
      revert: (run) =>
        withScenario(run, {
          ...run.scenario,
          subsidies: withEntry(run.scenario.subsidies, key, own(b.subsidies, key)),
        }),
    });
  }
  for (const key of Object.keys(t.tokenPrices).sort()) {
    const model = own(t.tokenPrices, key);
    if (model === undefined || same(model, own(b.tokenPrices, key))) continue;
    out.push({
      setting: `tokenPrices.${key}`,
      kind: 'token',
      key,
      label: tokenPathLabel(key, model),
      revert: (run) =>
        withScenario(run, {
          ...run.scenario,
          tokenPrices: withEntry(run.scenario.tokenPrices, key, own(b.tokenPrices, key)),
        }),
    });
  }
  const markets = new Set([
    ...Object.keys(t.interruptionRateMultipliers),
    ...Object.keys(b.interruptionRateMultipliers),
  ]) as Set<Market>;
  for (const market of [...markets].sort()) {
    const k = t.interruptionRateMultipliers[market] ?? 1;
    if (k === (b.interruptionRateMultipliers[market] ?? 1)) continue;
    out.push({
      setting: `interruptionRateMultipliers.${market}`,
      kind: 'interruption',
      key: market,
      label: `Interruption rate of ${market} offers ${k === 1 ? 'as listed' : `× ${k}`}`,
      revert: (run) =>
        withScenario(run, {
          ...run.scenario,
          interruptionRateMultipliers: withEntry(
            run.scenario.interruptionRateMultipliers,
            market,
            b.interruptionRateMultipliers[market],
          ),
        }),
    });
  }
  const scalar = (
    name:
      | 'subsidyPassThrough'
      | 'demandGrowthMonthly'
      | 'transferMbps'
      | 'committedUtilization'
      | 'gpuPolicy',
    label: string,
  ) => {
    if (same(t[name], b[name])) return;
    out.push({
      setting: name,
      kind: 'other',
      label,
      revert: (run) => withScenario(run, { ...run.scenario, [name]: b[name] }),
    });
  };
  scalar('subsidyPassThrough', `Subsidy pass-through ${pct(t.subsidyPassThrough)}`);
  scalar('demandGrowthMonthly', `Demand growth ${pct(t.demandGrowthMonthly)} a month`);
  scalar('transferMbps', `Transfer bandwidth ${t.transferMbps} Mbit/s`);
  scalar(
    'committedUtilization',
    `Committed utilization ${t.committedUtilization === null ? 'from demand shape' : pct(t.committedUtilization)}`,
  );
  scalar('gpuPolicy', `GPU policy ${t.gpuPolicy}`);
  if (!same(t.priceAdjustments, b.priceAdjustments) || target.priceAdjuster !== baseline.priceAdjuster) {
    out.push({
      setting: 'priceAdjustments',
      kind: 'other',
      label: `Price adjustments (${t.priceAdjustments.map((a) => `${[a.market, a.provider].filter(Boolean).join('/') || 'all'}: ${a.expression}`).join('; ') || 'none'})`,
      revert: (run) => ({
        ...withScenario(run, { ...run.scenario, priceAdjustments: b.priceAdjustments }),
        priceAdjuster: baseline.priceAdjuster,
      }),
    });
  }
  for (const key of Object.keys(t.placement) as (keyof Scenario['placement'])[]) {
    if (same(t.placement[key], b.placement[key])) continue;
    out.push({
      setting: `placement.${key}`,
      kind: 'placement',
      label: `${key} ${t.placement[key].join(', ') || '(any)'}`,
      revert: (run) =>
        withScenario(run, {
          ...run.scenario,
          placement: { ...run.scenario.placement, [key]: b.placement[key] },
        }),
    });
  }
  for (const key of Object.keys(t.decision) as (keyof Scenario['decision'])[]) {
    if (same(t.decision[key], b.decision[key])) continue;
    const value = t.decision[key];
    out.push({
      setting: `decision.${key}`,
      kind: 'decision',
      label: `${key} ${Array.isArray(value) ? value.join(', ') : String(value)}`,
      revert: (run) =>
        withScenario(run, {
          ...run.scenario,
          decision: { ...run.scenario.decision, [key]: b.decision[key] },
        }),
    });
  }
  if (!same(t.framework, b.framework)) {
    out.push({
      setting: 'framework',
      kind: 'other',
      label: `Framework overrides (${Object.keys(t.framework).join(', ') || 'none'})`,
      revert: (run) => withScenario(run, { ...run.scenario, framework: b.framework }),
    });
  }
  for (const key of ['maxOfferAgeDays', 'analysisDate'] as const) {
    if (same(t[key], b[key])) continue;
    out.push({
      setting: key,
      kind: 'other',
      label: `${key} ${t[key]}`,
      revert: (run) => withScenario(run, { ...run.scenario, [key]: b[key] }),
    });
  }
  for (const key of Object.keys(t.monteCarlo) as (keyof Scenario['monteCarlo'])[]) {
    if (t.monteCarlo[key] === b.monteCarlo[key]) continue;
    out.push({
      setting: `monteCarlo.${key}`,
      kind: 'monte-carlo',
      label: `Monte Carlo ${key} ${t.monteCarlo[key]}`,
      revert: (run) => run,
    });
  }
  if (t.sensitivity.swing !== b.sensitivity.swing) {
    out.push({
      setting: 'sensitivity.swing',
      kind: 'monte-carlo',
      label: `Sensitivity swing ±${pct(t.sensitivity.swing)}`,
      revert: (run) => run,
    });
  }
  return out;
}

/** What a workload's result is, for the comparison: the options chosen, their costs, the risk notes. */
interface Fingerprint {
  readonly recommendation: string;
  readonly option: string | null;
  readonly monthlyUsd: number | null;
  readonly horizonUsd: number;
  readonly cloudMonthlyUsd: number | null;
  readonly depinMonthlyUsd: number | null;
  readonly risks: string;
  readonly moves: string | null;
}

/**
 * Where the recommended option's projection leaves its month-1 offer, as "side offer-id from YYYY-MM" (each side the
 * plan uses, joined by "; "), or null when every month is priced on the chosen offer (or the months name no offer:
 * files before schema 2.8.0).
 */
export function projectionMove(w: WorkloadAnalysis): string | null {
  const months = w.projection?.months ?? [];
  const d = w.decision;
  const out: string[] = [];
  for (const side of ['cloud', 'depin'] as const) {
    const used = side === 'cloud' ? d.recommendation !== 'depin' : d.recommendation !== 'cloud';
    const chosen = (side === 'cloud' ? d.cloud : d.depin)?.offer.id;
    if (!used || chosen === undefined) continue;
    const moved = months.find((m) => {
      const id = side === 'cloud' ? m.cloudOfferId : m.depinOfferId;
      return id != null && id !== chosen;
    });
    const id = moved === undefined ? null : side === 'cloud' ? moved.cloudOfferId : moved.depinOfferId;
    if (moved !== undefined && id != null)
      out.push(`${side === 'cloud' ? 'cloud' : 'decentralized'} ${id} from ${moved.month}`);
  }
  return out.length > 0 ? out.join('; ') : null;
}

/** The option a workload recommends, as "side offer-id" (hybrid: both offers). */
export function chosenOption(w: WorkloadAnalysis): string | null {
  const d = w.decision;
  // A committed base with on-demand bursts names both offers.
  const mix = d.cloud?.mix;
  const cloud =
    mix === undefined ? (d.cloud?.offer.id ?? null) : `${mix.committed.offer.id} + ${mix.burst.offer.id}`;
  const depin = d.depin?.offer.id ?? null;
  if (d.recommendation === 'cloud')
    return cloud === null
      ? null
      : mix === undefined
        ? `cloud ${cloud}`
        : `cloud committed base + bursts ${cloud}`;
  if (d.recommendation === 'depin') return depin === null ? null : `decentralized ${depin}`;
  return `hybrid ${cloud ?? '—'} + ${depin ?? '—'}`;
}

function fingerprint(w: WorkloadAnalysis): Fingerprint {
  const d = w.decision;
  return {
    recommendation: d.recommendation,
    option: chosenOption(w),
    monthlyUsd: d.recommendedMonthlyUsd,
    horizonUsd: horizonOf(w, 'recommended'),
    cloudMonthlyUsd: d.cloud?.cost.monthlyUsd ?? null,
    depinMonthlyUsd: d.depin?.cost.monthlyUsd ?? null,
    risks: d.risks.join('\n'),
    moves: projectionMove(w),
  };
}

/** Two amounts that print the same to the cent are the same. */
function moneyDiffers(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) >= 0.005;
}

function compare(id: string, before: Fingerprint, after: Fingerprint): ScenarioEffectChange | null {
  const optionChanged = before.option !== after.option || before.recommendation !== after.recommendation;
  const costChanged =
    moneyDiffers(before.monthlyUsd, after.monthlyUsd) ||
    moneyDiffers(before.horizonUsd, after.horizonUsd) ||
    moneyDiffers(before.cloudMonthlyUsd, after.cloudMonthlyUsd) ||
    moneyDiffers(before.depinMonthlyUsd, after.depinMonthlyUsd);
  const risksChanged = before.risks !== after.risks || before.moves !== after.moves;
  if (!optionChanged && !costChanged && !risksChanged) return null;
  return {
    workload: id,
    what: optionChanged ? 'option' : costChanged ? 'cost' : 'risks',
    optionBefore: before.option,
    optionAfter: after.option,
    monthlyUsdBefore: before.monthlyUsd,
    monthlyUsdAfter: after.monthlyUsd,
    horizonUsdBefore: before.horizonUsd,
    horizonUsdAfter: after.horizonUsd,
    movesAfter: after.moves,
  };
}

/** "w1: cloud a → decentralized b, $1.00 → $0.90/month" — one change, in words. */
export function describeChange(c: ScenarioEffectChange): string {
  const money =
    c.monthlyUsdBefore !== null &&
    c.monthlyUsdAfter !== null &&
    moneyDiffers(c.monthlyUsdBefore, c.monthlyUsdAfter)
      ? `${usd(c.monthlyUsdBefore)} → ${usd(c.monthlyUsdAfter)}/month`
      : moneyDiffers(c.horizonUsdBefore, c.horizonUsdAfter)
        ? `horizon ${usd(c.horizonUsdBefore)} → ${usd(c.horizonUsdAfter)}`
        : null;
  const moves = c.movesAfter == null ? '' : `, moves to ${c.movesAfter}`;
  if (c.what === 'option')
    return `${c.workload}: ${c.optionBefore ?? 'no option'} → ${c.optionAfter ?? 'no option'}${moves}${money ? `, ${money}` : ''}`;
  if (c.what === 'cost')
    return `${c.workload}: ${money ?? 'the price of an option it compares'} (${moves === '' ? 'same option' : `same option${moves}`})`;
  return `${c.workload}: risk notes only`;
}

interface Chosen {
  readonly workload: string;
  readonly offer: Offer;
}

/** Each workload's compared options (its cheapest cloud and decentralized offers), as full catalog offers. */
function chosenOffers(analysis: Analysis, offers: readonly Offer[]): Chosen[] {
  const byId = new Map(offers.map((o) => [o.id, o]));
  const out: Chosen[] = [];
  for (const w of analysis.workloads)
    for (const o of [w.decision.cloud, w.decision.depin]) {
      const offer = o === null ? undefined : byId.get(o.offer.id);
      if (offer !== undefined) out.push({ workload: w.id, offer });
    }
  return out;
}

/** Whether a compared offer carries work in the plan: its workload's decentralized option, recommended there. */
function inPlan(analysis: Analysis, c: Chosen): boolean {
  const w = analysis.workloads.find((x) => x.id === c.workload);
  if (w === undefined) return false;
  const d = w.decision;
  if (d.depin?.offer.id === c.offer.id) return runsOn(d.recommendation, 'depin');
  return d.cloud?.offer.id === c.offer.id && runsOn(d.recommendation, 'cloud');
}

function list(xs: readonly string[]): string {
  return joinWithAnd([...new Set(xs)].sort());
}

/** An offer whose effective interruption rate is 0 and availability 1 (or derived): no multiplier moves it. */
function offerNeverDown(offer: Offer): boolean {
  return withInterruptionMultiplier(offer, 2) === offer;
}

/**
 * Why no workload could be priced on a network or token at all, when the catalog itself says so: it holds no offer
 * of it, or only offers without a USD price. An agents-SaaS founder whose board asked about io.net read "Subsidy for
 * ionet ends …: no chosen offer is on ionet (the decentralized options went to vast …)", as if io.net had been
 * priced and lost, while the bundled catalog has no io.net row (datasets/README.md: no dated public io.net price);
 * Render's rows carry no USD price. `what` names the offers: "ionet", "priced in IO". Null when the catalog holds a
 * priced one.
 */
function catalogLacks(offers: readonly Offer[], what: string, matches: (o: Offer) => boolean): string | null {
  const of = offers.filter(matches);
  if (of.length === 0) return `the catalog holds no offer ${what}, so no workload can be priced on one`;
  if (of.every((o) => o.usdPerGpuHour == null))
    return `the catalog's ${of.length === 1 ? `one offer ${what} carries` : `${of.length} offers ${what} carry`} no USD price, so no workload can be priced on one`;
  return null;
}

/** Why a setting changed nothing, from what the analysis chose (and, where no workload could choose it, the catalog). */
function noEffectReason(
  s: Setting,
  analysis: Analysis,
  chosen: readonly Chosen[],
  run: ScenarioRun,
  offers: readonly Offer[],
): string {
  const key = s.key?.toLowerCase();
  const decentralized = chosen.filter((c) =>
    analysis.workloads.some((w) => w.decision.depin?.offer.id === c.offer.id),
  );
  switch (s.kind) {
    case 'subsidy': {
      const onNetwork = (o: Offer) => o.provider === key || o.incentive?.symbol.toLowerCase() === key;
      const on = chosen.filter((c) => onNetwork(c.offer));
      const lacks = on.length === 0 ? catalogLacks(offers, `on ${s.key}`, onNetwork) : null;
      if (lacks !== null) return lacks;
      if (on.length === 0) {
        const elsewhere = list(decentralized.map((c) => c.offer.provider));
        const unsubsidized = decentralized.every((c) => initialSubsidyShare(c.offer, run.scenario) === 0);
        return `no chosen offer is on ${s.key}${
          elsewhere === ''
            ? ' (no workload has a decentralized option)'
            : ` (the decentralized options went to ${elsewhere}${unsubsidized ? (elsewhere.includes(' and ') ? ', none of which has a subsidy' : ', which has no subsidy') : ''})`
        }`;
      }
      if (on.every((c) => initialSubsidyShare(c.offer, run.scenario) === 0))
        return `the chosen ${s.key} offers carry no subsidy share, so its schedule moves nothing`;
      if (!on.some((c) => inPlan(analysis, c)))
        return `the ${s.key} offers compared (${list(on.map((c) => c.workload))}) are not in the plan (${on.length === 1 ? 'that workload stays' : 'those workloads stay'} on cloud), so the plan does not move`;
      // Not even under a token floor: the emissions are part of its hosts' income (pricing's tokenFloor.ts), so a
      // subsidy moves a held price too.
      return `the chosen ${s.key} offers (${list(on.map((c) => c.workload))}) cost the same to the cent with or without it`;
    }
    case 'token': {
      const inSymbol = (o: Offer) => o.incentive?.symbol.toLowerCase() === key;
      const priced = chosen.filter((c) => inSymbol(c.offer));
      if (priced.length === 0)
        return (
          catalogLacks(offers, `priced in ${s.key}`, inSymbol) ?? `no chosen offer is priced in ${s.key}`
        );
      const inToken = priced.filter((c) => c.offer.incentive?.denomination === 'token');
      if (inToken.length === 0) {
        const names = list(priced.map((c) => c.offer.providerName));
        return `no chosen offer is priced in ${s.key} (every ${names} offer chosen is USD-pegged)`;
      }
      if (!inToken.some((c) => inPlan(analysis, c)))
        return `the ${s.key}-priced offers compared (${list(inToken.map((c) => c.workload))}) are not in the plan (${inToken.length === 1 ? 'that workload stays' : 'those workloads stay'} on cloud), so the plan does not move`;
      return `the chosen ${s.key}-priced offers (${list(inToken.map((c) => c.workload))}) cost the same to the cent on this path`;
    }
    case 'interruption': {
      const on = chosen.filter((c) => c.offer.market === s.key);
      if (on.length === 0) {
        const markets = list(chosen.map((c) => c.offer.market));
        return `no chosen option is on a ${s.key} offer${markets === '' ? ' (no workload has a priced option)' : ` (the options compared are on ${markets})`}`;
      }
      if (on.every((c) => offerNeverDown(c.offer)))
        return `the chosen ${s.key} offers (${list(on.map((c) => c.workload))}) are never interrupted (rate 0, always available), and any multiple of 0 is 0`;
      return `the chosen ${s.key} offers (${list(on.map((c) => c.workload))}) cost the same to the cent at this rate`;
    }
    case 'horizon':
      return run.horizonMonths === undefined
        ? 'no workload changes'
        : `every workload already plans ${run.horizonMonths} months`;
    case 'placement':
      return 'every chosen option already satisfies it';
    case 'decision':
      return 'no recommendation changes at this threshold';
    case 'monte-carlo':
      return s.setting.startsWith('monteCarlo.')
        ? analysis.totals.distribution === undefined
          ? 'this run computed no Monte Carlo (diff --no-band and streamed analyses compare expected costs only; diff without --no-band, or analyze --scenario, shows the P10/P50/P90 bands it moves)'
          : 'no workload has a priced decentralized option for it to spread, and none has a distribution of its own'
        : 'no workload has a Monte Carlo distribution (none has both a priced cloud and a priced decentralized option)';
    case 'other':
      return 'no chosen option, its cost or its risk notes change';
  }
}

async function fingerprints(input: AnalyzeInput, run: ScenarioRun): Promise<Map<string, Fingerprint>> {
  const analyzeOne = createWorkloadAnalyzer({
    offers: input.offers,
    tiers: input.tiers,
    ...(input.ratios !== undefined && { ratios: input.ratios }),
    ...(input.framework !== undefined && { framework: input.framework }),
    scenario: run.scenario,
    monteCarlo: false,
    deep: false,
    ...(run.horizonMonths !== undefined && { horizonMonths: run.horizonMonths }),
    ...(run.priceAdjuster !== undefined && { priceAdjuster: run.priceAdjuster }),
    ...(run.compileFormula !== undefined && { compileFormula: run.compileFormula }),
  });
  const out = new Map<string, Fingerprint>();
  for (const profile of input.workloads)
    out.set(profile.id, fingerprint((await analyzeOne(profile)).workload));
  return out;
}

/** The workloads whose Monte Carlo the run computes: a projection and a priced option on both sides. */
function monteCarloWorkloads(analysis: Analysis): string[] {
  return analysis.workloads
    .filter(
      (w) =>
        w.distribution !== null ||
        (w.projection !== null &&
          w.decision.cloud?.cost.monthlyUsd != null &&
          w.decision.depin?.cost.monthlyUsd != null),
    )
    .map((w) => w.id);
}

/**
 * Whether a Monte Carlo setting moves the plan's own P10/P50/P90 (`totals.distribution`, the joint simulation of
 * every priced workload, which runs whether or not any workload has both options): its trials, seed, demand
 * volatility and persistence always do; the decentralized price spread only where the plan places some work on a
 * priced decentralized option (`portfolioDistribution`: recommended decentralized, or hybrid with a decentralized
 * share; a workload with no cloud option is recommended decentralized). A priced decentralized option the plan
 * does not take spreads nothing in it: the bundled hosted-api portfolio, all cloud, read 'moves the P10/P50/P90
 * bands of the whole plan' beside a plan band that did not move. `sensitivity.swing` moves no band.
 */
function movesPlanBands(setting: string, analysis: Analysis): boolean {
  if (!setting.startsWith('monteCarlo.') || analysis.totals.distribution === undefined) return false;
  if (setting === 'monteCarlo.depinPriceSpread')
    return analysis.workloads.some(({ decision: d }) => {
      if (d.depin?.cost.monthlyUsd == null) return false;
      return (
        d.recommendation === 'depin' || (d.recommendation === 'hybrid' && (d.hybrid?.depinShare ?? 0) > 0)
      );
    });
  return true;
}

/**
 * What each setting in which `target` differs from `baseline` does to the chosen options: the analysis is run
 * again with that one setting taken back to the baseline's (everything else as `target`), and each workload's
 * recommended option, its monthly and horizon cost, the costs of the options it compares and its risk notes are
 * compared. A setting that changes none of them is `no-effect`, with the reason read from what was chosen.
 * Monte Carlo settings move only the P10/P50/P90 bands: the plan's (when the analysis has its joint simulation)
 * and those of the workloads that have their own. `analysis` is the target's result.
 */
export async function scenarioEffects(
  input: AnalyzeInput,
  analysis: Analysis,
  baseline: ScenarioRun,
): Promise<ScenarioEffect[]> {
  const target: ScenarioRun = {
    scenario: input.scenario,
    horizonMonths: input.horizonMonths,
    priceAdjuster: input.priceAdjuster,
    compileFormula: input.compileFormula,
  };
  const settings = settingsThatDiffer(target, baseline);
  if (settings.length === 0) return [];
  const chosen = chosenOffers(analysis, input.offers);
  const mine = await fingerprints(input, target);
  const effects: ScenarioEffect[] = [];
  for (const s of settings) {
    if (s.kind === 'monte-carlo') {
      const touched = monteCarloWorkloads(analysis);
      const plan = movesPlanBands(s.setting, analysis);
      const bands = [
        plan ? 'the whole plan (every workload simulated together)' : null,
        touched.length === 0
          ? null
          : `${touched.length} workload${touched.length === 1 ? '' : 's'} (${list(touched)})`,
      ].filter((x) => x !== null);
      effects.push({
        setting: s.setting,
        label: s.label,
        effect: bands.length === 0 ? 'no-effect' : 'changed',
        workloads: touched,
        changes: [],
        message:
          bands.length === 0
            ? `${s.label}: ${noEffectReason(s, analysis, chosen, target, input.offers)}`
            : `${s.label}: moves the P10/P50/P90 bands of ${bands.join(' and of ')}; no chosen option or expected cost depends on it`,
      });
      continue;
    }
    const theirs = await fingerprints(input, s.revert(target, baseline));
    const changes: ScenarioEffectChange[] = [];
    for (const profile of input.workloads) {
      const before = theirs.get(profile.id);
      const after = mine.get(profile.id);
      if (before === undefined || after === undefined) continue;
      const change = compare(profile.id, before, after);
      if (change !== null) changes.push(change);
    }
    const kept =
      s.kind === 'horizon'
        ? keptHorizons(input.workloads, target.horizonMonths)
        : s.setting === 'demandGrowthMonthly'
          ? keptSizes(input.workloads, input.scenario.demandGrowthMonthly)
          : '';
    effects.push({
      setting: s.setting,
      label: s.label,
      effect: changes.length === 0 ? 'no-effect' : 'changed',
      workloads: changes.map((c) => c.workload),
      changes,
      message:
        changes.length === 0
          ? `${s.label}: ${kept === '' ? noEffectReason(s, analysis, chosen, target, input.offers) : `no workload changes: ${kept}`}`
          : `${s.label}: changes ${changes.length} workload${changes.length === 1 ? '' : 's'} — ${changes.map(describeChange).join('; ')}${kept === '' ? '' : `; ${kept}`}`,
    });
  }
  return effects;
}

/**
 * Who a scenario's demand growth leaves at their size and who follows it against their kind's rule, as clauses
 * (schema's `growsWithDemand`): the workloads whose kind keeps them at their size ("pretrain keeps its size (a
 * gpufit assumption: …)"), those whose stated `growsWithDemand` overrides their kind's rule ("customer-finetunes
 * follows the growth (its growsWithDemand is true …)", "eval-set keeps its size (its growsWithDemand is false)");
 * '' when the growth is 0 or every workload follows it by its kind.
 */
function keptSizes(workloads: readonly WorkloadProfile[], growthMonthly: number): string {
  if (growthMonthly === 0) return '';
  const stated = (p: WorkloadProfile) =>
    p.growsWithDemand !== null && p.growsWithDemand !== workloadKinds[p.kind].growsWithDemand;
  const keptByKind = workloads.filter((p) => !growsWithDemand(p) && !stated(p));
  const keptStated = workloads.filter((p) => !growsWithDemand(p) && stated(p));
  const grownStated = workloads.filter((p) => growsWithDemand(p) && stated(p));
  const clauses: string[] = [];
  if (keptByKind.length > 0) {
    // 'only inference' would contradict a clause below that an inference workload keeps its size by its own column.
    const followers =
      grownStated.length > 0
        ? 'inference follows the growth, and so does a workload that states growsWithDemand true'
        : keptStated.length > 0
          ? 'inference follows the growth unless a workload states growsWithDemand false'
          : 'only inference follows the growth';
    clauses.push(
      `${namesOf(keptByKind)} keep${keptByKind.length === 1 ? 's its' : ' their'} size (a gpufit assumption: a training run, fine-tune or experiment is sized by its plan, not by customer demand; ${followers})`,
    );
  }
  if (grownStated.length > 0) {
    clauses.push(
      `${namesOf(grownStated)} follow${grownStated.length === 1 ? 's' : ''} the growth (${grownStated.length === 1 ? 'its' : 'their'} growsWithDemand is true: training work that grows with the customers)`,
    );
  }
  if (keptStated.length > 0) {
    clauses.push(
      `${namesOf(keptStated)} keep${keptStated.length === 1 ? 's its' : ' their'} size (${keptStated.length === 1 ? 'its' : 'their'} growsWithDemand is false)`,
    );
  }
  return clauses.join('; ');
}

/** Up to five workloads' ids ("a, b and c", "a, b, c, d, e and 2 more"). */
function namesOf(workloads: readonly WorkloadProfile[]): string {
  const named = workloads.slice(0, 5).map((p) => p.id);
  return workloads.length > 5 ? `${named.join(', ')} and ${workloads.length - 5} more` : joinWithAnd(named);
}

/**
 * The workloads whose own stated horizon is shorter than the scenario's, which keep it (`workloadHorizon`), as a
 * clause ("pretrain keeps the 3 months it states (…)"); '' when there are none.
 */
function keptHorizons(workloads: readonly WorkloadProfile[], months: number | undefined): string {
  if (months === undefined) return '';
  const kept = workloads.filter((p) => workloadHorizon(p, months) < months);
  if (kept.length === 0) return '';
  const each = kept
    .slice(0, 5)
    .map((p) => `${p.id} keeps the ${p.horizonMonths} month${p.horizonMonths === 1 ? '' : 's'} it states`);
  const more = kept.length > 5 ? ` and ${kept.length - 5} more keep theirs` : '';
  return `${each.join(', ')}${more} (a scenario's horizon sets a workload's where it states none and caps a longer one, but never extends the horizon a workload states)`;
}
