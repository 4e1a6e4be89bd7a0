import type {
  Analysis,
  BreakEven,
  CostComponent,
  CostEstimate,
  HybridSplit,
  OfferRef,
  Percentiles,
  PricedOption,
  Side,
  WorkloadAnalysis,
} from '@gpufit/schema';
import { DEFAULT_ROUNDING_MODE, type RoundingModeName } from '@gpufit/schema';
import { ReportError } from '../errors.js';
import { assertFiniteNumbers } from './assertFiniteNumbers.js';
import { COMPONENT_LABELS } from './labels.js';
import type { MonthlyPath, PathOption } from './monthlyPaths.js';
import { monthlyPaths } from './monthlyPaths.js';
import { createRounder, MONEY_SCALE, type Rounder, UNIT_PRICE_SCALE } from './rounder.js';

export interface PresentOptions {
  /** The named rounding mode for every shown amount. Default `halfEven`. */
  readonly roundingMode?: RoundingModeName;
  /**
   * This analysis already presented with this rounding mode, when the caller has it: a report set presents
   * once for every format and chart instead of once per renderer.
   */
  readonly presented?: PresentedAnalysis;
}

export interface ShownPercentiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface ShownComponent {
  readonly component: CostComponent;
  readonly label: string;
  /** 1/10,000 USD per unit. */
  readonly unitPrice: number;
  /** Cents a month, allocated so the components add up to the option's shown monthly cost. */
  readonly cents: number;
}

export type OptionStatus = 'priced' | 'unpriced' | 'infeasible';

export interface ShownOption {
  readonly side: Side;
  readonly offer: OfferRef;
  readonly cost: CostEstimate;
  readonly status: OptionStatus;
  readonly statusReason: string | null;
  readonly monthlyCents: number | null;
  /** 1/10,000 USD per successful job (or per useful GPU-hour, see `cost.jobUnit`). */
  readonly perJob: number | null;
  /** The same for people to read (`perJobMinor`): to the cent from USD 100 a job; CSV keeps `perJob`. */
  readonly perJobShown: number | null;
  /** 1/10,000 USD per GPU-hour, the offer's list price. */
  readonly listUnitPrice: number | null;
  readonly components: readonly ShownComponent[];
  /** The incentive-token subsidy line (negative cents), when the offer has one. */
  readonly subsidyCents: number | null;
  /**
   * A cloud option that is a committed base with on-demand bursts (`PricedOption.mix`): the base, then the bursts,
   * each on its own offer, their monthly cents adding up to this option's (the base rounded, the bursts the rest).
   */
  readonly parts?: readonly ShownOption[];
  /** On a part: which one. */
  readonly part?: 'base' | 'burst';
}

export interface ShownPathMonth {
  readonly month: string;
  /** Allocated so the months add up to the path's shown horizon total. */
  readonly cents: number;
  readonly gpuHours: number | null;
  readonly subsidyCents: number | null;
  readonly subsidyShare: number | null;
  readonly tokenPrice: number | null;
  /** The projected incentive-token price unrounded (USD per token), for conversions into the token. */
  readonly tokenPriceUsd: number | null;
  readonly percentiles: ShownPercentiles | null;
}

export interface ShownPath {
  readonly option: PathOption;
  readonly side: Side;
  readonly offer: OfferRef;
  readonly cost: CostEstimate;
  readonly share: number;
  readonly months: readonly ShownPathMonth[];
  readonly horizonCents: number;
  /** A part path of a cloud option that is a committed base with on-demand bursts: which part. */
  readonly part?: 'base' | 'burst';
  /**
   * Such an option's two parts (base, bursts): each month's cents add up to this path's shown month (the base rounded,
   * the bursts the rest), so their FOCUS and CSV rows add up to the option's figures.
   */
  readonly parts?: readonly ShownPath[];
}

export interface ShownHybrid {
  readonly split: HybridSplit;
  readonly cloudPerMille: number;
  readonly depinPerMille: number;
  readonly floorPerMille: number;
  readonly blendedCents: number;
  readonly allCloudCents: number;
  readonly allDepinCents: number | null;
  readonly savingsVsAllCloudCents: number;
  readonly savingsVsAllDepinCents: number | null;
  /** Sum of both sides' shown horizon totals; null when the sides have no monthly path. */
  readonly horizonCents: number | null;
}

export interface ShownProjectionMonth {
  readonly month: string;
  readonly demandFactor: number;
  /** Null for a workload with no cloud option. */
  readonly cloudCents: number | null;
  readonly depinCents: number | null;
  readonly subsidyShare: number;
  readonly tokenPrice: number | null;
  /** The offer that prices the month on each side (null without that side, or in a file before schema 2.8.0). */
  readonly cloudOfferId: string | null;
  readonly depinOfferId: string | null;
}

export interface ShownProjection {
  readonly months: readonly ShownProjectionMonth[];
  readonly horizonCloudCents: number | null;
  readonly horizonDepinCents: number | null;
  readonly subsidyCliffMonth: string | null;
}

export interface ShownDistribution {
  readonly trials: number;
  readonly seed: number;
  readonly horizonCloud: ShownPercentiles;
  readonly horizonDepin: ShownPercentiles;
  readonly pDepinCheaper: number;
}

export interface ShownSensitivityRow {
  readonly input: string;
  readonly unit: string;
  readonly baseValue: number;
  readonly lowValue: number;
  readonly highValue: number;
  readonly savingsAtLowCents: number;
  readonly savingsAtHighCents: number;
  readonly impactCents: number;
}

export interface ShownWorkload {
  /** 1-based position in the portfolio; also names the workload's chart files. */
  readonly index: number;
  readonly workload: WorkloadAnalysis;
  readonly cloud: ShownOption | null;
  readonly depin: ShownOption | null;
  readonly hybrid: ShownHybrid | null;
  /**
   * The recommended option's monthly cost, rounded once: the same figure as its projection's first month and its
   * CSV and FOCUS rows, so its monthly and horizon figures agree (a flat path: horizon = months × this).
   */
  readonly recommendedCents: number | null;
  /** Shown cloud monthly − shown recommended monthly; null when either is not priced. */
  readonly savingsCents: number | null;
  /** Horizon spend of the recommended option, when it has a monthly path. */
  readonly recommendedHorizonCents: number | null;
  readonly paths: readonly ShownPath[];
  readonly projection: ShownProjection | null;
  readonly distribution: ShownDistribution | null;
  readonly breakEvens: readonly BreakEven[];
  readonly sensitivity: {
    readonly swing: number;
    readonly baselineSavingsCents: number;
    readonly rows: readonly ShownSensitivityRow[];
  } | null;
}

export interface PresentedAnalysis {
  readonly analysis: Analysis;
  readonly roundingMode: RoundingModeName;
  readonly workloads: readonly ShownWorkload[];
  readonly totals: {
    /**
     * The sum of the workloads' shown recommended monthly costs (as the horizon totals are sums of shown
     * horizons); within a cent or so per workload of `totals.monthlyUsd.recommended` rounded.
     */
    readonly monthlyRecommendedCents: number;
    /** Sum of the shown cloud monthly costs of the priced workloads (no cloud option: the recommended cost). */
    readonly monthlyAllCloudCents: number;
    /** Sum of the shown per-workload savings. */
    readonly monthlySavingsCents: number;
    readonly horizonRecommendedCents: number;
    readonly horizonAllCloudCents: number;
  };
}

function percentiles(r: Rounder, p: Percentiles): ShownPercentiles {
  return { p10: r.cents(p.p10), p50: r.cents(p.p50), p90: r.cents(p.p90) };
}

function statusOf(cost: CostEstimate): { status: OptionStatus; reason: string | null } {
  const reason = cost.rejections.length > 0 ? cost.rejections.map((x) => x.message).join('; ') : null;
  if (!cost.feasible) return { status: 'infeasible', reason };
  if (cost.monthlyUsd === null) return { status: 'unpriced', reason: reason ?? 'no price for this offer' };
  return { status: 'priced', reason };
}

function showOption(
  r: Rounder,
  side: Side,
  option: PricedOption,
  monthlyCents: number | null,
  path: (string | number)[],
): ShownOption {
  const { cost, offer } = option;
  const { status, reason } = statusOf(cost);
  const shownMonthly = status === 'priced' ? monthlyCents : null;
  const parts =
    shownMonthly === null || cost.components.length === 0
      ? cost.components.map(() => null)
      : r.lineItems(
          cost.components.map((c) => c.usd),
          shownMonthly,
          [...path, 'cost', 'components'],
        );
  const components = cost.components.map((component, i) => ({
    component,
    label: COMPONENT_LABELS[component.name],
    unitPrice: r.unitPrice(component.unitPriceUsd),
    cents: parts[i] ?? r.cents(component.usd),
  }));
  const subsidy = components.find((c) => c.component.name === 'incentive-subsidy');
  const m = option.mix;
  const baseUsd = m?.committed.cost.monthlyUsd ?? null;
  const baseCents = baseUsd === null ? null : r.cents(baseUsd);
  const mixParts =
    m === undefined || shownMonthly === null || baseCents === null
      ? undefined
      : [
          {
            ...showOption(r, side, m.committed, baseCents, [...path, 'mix', 'committed']),
            part: 'base' as const,
          },
          {
            ...showOption(r, side, m.burst, shownMonthly - baseCents, [...path, 'mix', 'burst']),
            part: 'burst' as const,
          },
        ];
  return {
    ...(mixParts !== undefined && { parts: mixParts }),
    side,
    offer,
    cost,
    status,
    statusReason: reason,
    monthlyCents: shownMonthly,
    perJob: cost.usdPerJob === null ? null : r.unitPrice(cost.usdPerJob),
    perJobShown: cost.usdPerJob === null ? null : perJobMinor(r, cost.usdPerJob),
    listUnitPrice: offer.usdPerGpuHour === null ? null : r.unitPrice(offer.usdPerGpuHour),
    components,
    subsidyCents: subsidy?.cents ?? null,
  };
}

/**
 * Each month rounded to cents once; the horizon is the sum of those shown months, so a flat path shows equal
 * months and they add up to the shown horizon exactly. Checked against the producer's horizon total: more
 * than rounding away from it is an inconsistent result.
 */
function monthsAndHorizon(
  r: Rounder,
  monthsUsd: readonly number[],
  horizonUsd: number,
  path: readonly (string | number)[],
): { months: number[]; horizonCents: number } {
  const months = monthsUsd.map((usd) => r.cents(usd));
  const horizonCents = months.reduce((a, c) => a + c, 0);
  r.lineItems(monthsUsd, r.cents(horizonUsd), path);
  return { months, horizonCents };
}

function showPath(r: Rounder, p: MonthlyPath, path: (string | number)[]): ShownPath {
  const { months: cents, horizonCents } = monthsAndHorizon(
    r,
    p.months.map((m) => m.usd),
    p.horizonUsd,
    path,
  );
  const shown = shownPath(r, p, cents, horizonCents);
  if (p.parts === undefined || p.parts.length !== 2) return shown;
  const [base, burst] = p.parts as [MonthlyPath, MonthlyPath];
  const baseCents = base.months.map((m) => r.cents(m.usd));
  const burstCents = cents.map((c, i) => c - (baseCents[i] ?? 0));
  const sum = (xs: number[]) => xs.reduce((a, c) => a + c, 0);
  return {
    ...shown,
    parts: [shownPath(r, base, baseCents, sum(baseCents)), shownPath(r, burst, burstCents, sum(burstCents))],
  };
}

/** A path with its months' shown cents. */
function shownPath(r: Rounder, p: MonthlyPath, cents: readonly number[], horizonCents: number): ShownPath {
  return {
    option: p.option,
    side: p.side,
    offer: p.offer,
    cost: p.cost,
    share: p.share,
    horizonCents,
    months: p.months.map((m, i) => ({
      month: m.month,
      cents: cents[i] ?? 0,
      gpuHours: m.gpuHours,
      subsidyCents: m.subsidyUsd === null ? null : r.cents(m.subsidyUsd),
      subsidyShare: m.subsidyShare,
      tokenPrice: m.tokenPriceUsd === null ? null : r.unitPrice(m.tokenPriceUsd),
      tokenPriceUsd: m.tokenPriceUsd,
      percentiles: m.percentiles === null ? null : percentiles(r, m.percentiles),
    })),
    ...(p.part !== undefined && { part: p.part }),
  };
}

function showProjection(r: Rounder, w: WorkloadAnalysis, path: (string | number)[]): ShownProjection | null {
  const p = w.projection;
  if (p === null) return null;
  // Each side's months and horizon, rounded together; null for a side the projection does not have.
  const side = (key: 'cloud' | 'depin') => {
    const horizon = key === 'cloud' ? p.horizonCloudUsd : p.horizonDepinUsd;
    const months = p.months.map((m) => (key === 'cloud' ? m.cloudUsd : m.depinUsd));
    if (horizon === null || months.some((x) => x === null)) return null;
    return monthsAndHorizon(r, months as number[], horizon, [
      ...path,
      key === 'cloud' ? 'horizonCloudUsd' : 'horizonDepinUsd',
    ]);
  };
  const shownCloud = side('cloud');
  const shownDepin = side('depin');
  const cloud = shownCloud?.months ?? null;
  const horizonCloudCents = shownCloud?.horizonCents ?? null;
  const depin = shownDepin?.months ?? null;
  const horizonDepinCents = shownDepin?.horizonCents ?? null;
  return {
    horizonCloudCents,
    horizonDepinCents,
    subsidyCliffMonth: p.subsidyCliffMonth,
    months: p.months.map((m, i) => ({
      month: m.month,
      demandFactor: m.demandFactor,
      cloudCents: cloud === null ? null : (cloud[i] ?? null),
      depinCents: depin === null ? null : (depin[i] ?? null),
      // The share of the month's GPU income the emissions pay: below the schedule's where the token floor holds.
      subsidyShare: m.depinPaidSubsidyShare ?? m.subsidyShare,
      tokenPrice: m.tokenPriceUsd === null ? null : r.unitPrice(m.tokenPriceUsd),
      cloudOfferId: m.cloudOfferId ?? null,
      depinOfferId: m.depinOfferId ?? null,
    })),
  };
}

function showWorkload(
  r: Rounder,
  analysis: Analysis,
  w: WorkloadAnalysis,
  index: number,
  recommendedCents: number | null,
): ShownWorkload {
  const path: (string | number)[] = ['workloads', index];
  const d = w.decision;
  const own = (o: PricedOption | null): number | null =>
    o?.cost.monthlyUsd == null ? null : r.cents(o.cost.monthlyUsd);
  // The recommended option shows the workload's recommended figure, so summary and detail agree to the cent;
  // that figure must be the option's own cost up to rounding.
  const agreeing = (ownCents: number | null, at: string): number | null => {
    if (recommendedCents === null || ownCents === null) return recommendedCents ?? ownCents;
    if (Math.abs(ownCents - recommendedCents) > 2) {
      throw new ReportError(
        'inconsistent-total',
        [...path, 'decision', at],
        `recommended ${recommendedCents} cents, option ${ownCents} cents`,
      );
    }
    return recommendedCents;
  };
  const monthlyFor = (side: Side, o: PricedOption | null): number | null =>
    d.recommendation === side ? agreeing(own(o), side) : own(o);
  const cloud =
    d.cloud === null
      ? null
      : showOption(r, 'cloud', d.cloud, monthlyFor('cloud', d.cloud), [...path, 'decision', 'cloud']);
  const depin =
    d.depin === null
      ? null
      : showOption(r, 'depin', d.depin, monthlyFor('depin', d.depin), [...path, 'decision', 'depin']);
  const paths = monthlyPaths(w, analysis.scenario).map((p, i) => showPath(r, p, [...path, 'paths', i]));
  let hybrid: ShownHybrid | null = null;
  if (d.hybrid !== null) {
    const h = d.hybrid;
    const [cloudPerMille = 0, depinPerMille = 0] = r.perMille([h.cloudShare, h.depinShare]);
    const blendedCents =
      d.recommendation === 'hybrid'
        ? (agreeing(r.cents(h.blendedMonthlyUsd), 'hybrid') ?? 0)
        : r.cents(h.blendedMonthlyUsd);
    const allCloudCents = cloud?.monthlyCents ?? r.cents(h.allCloudMonthlyUsd);
    const allDepinCents =
      h.allDepinMonthlyUsd === null ? null : (depin?.monthlyCents ?? r.cents(h.allDepinMonthlyUsd));
    const sides = paths.filter((p) => p.option === 'hybrid');
    hybrid = {
      split: h,
      cloudPerMille,
      depinPerMille,
      floorPerMille: r.quantity(h.floorShare, 3),
      blendedCents,
      allCloudCents,
      allDepinCents,
      savingsVsAllCloudCents: allCloudCents - blendedCents,
      savingsVsAllDepinCents: allDepinCents === null ? null : allDepinCents - blendedCents,
      horizonCents: sides.length === 0 ? null : sides.reduce((a, p) => a + p.horizonCents, 0),
    };
  }
  const cloudShown = cloud?.monthlyCents ?? null;
  const savingsCents =
    cloudShown === null || recommendedCents === null ? null : cloudShown - recommendedCents;
  const recPaths = paths.filter((p) => p.option === d.recommendation);
  const recommendedHorizonCents =
    recPaths.length === 0 ? null : recPaths.reduce((a, p) => a + p.horizonCents, 0);
  const dist = w.distribution;
  const sens = w.sensitivity;
  return {
    index: index + 1,
    workload: w,
    cloud,
    depin,
    hybrid,
    recommendedCents,
    savingsCents,
    recommendedHorizonCents,
    paths,
    projection: showProjection(r, w, [...path, 'projection']),
    distribution:
      dist === null
        ? null
        : {
            trials: dist.trials,
            seed: dist.seed,
            horizonCloud: percentiles(r, dist.horizonCloud),
            horizonDepin: percentiles(r, dist.horizonDepin),
            pDepinCheaper: dist.pDepinCheaper,
          },
    breakEvens: w.breakEvens,
    sensitivity:
      sens === null
        ? null
        : {
            swing: sens.swing,
            baselineSavingsCents: r.cents(sens.baselineSavingsUsd),
            rows: sens.rows.map((row) => ({
              input: row.input,
              unit: row.unit,
              baseValue: row.baseValue,
              lowValue: row.lowValue,
              highValue: row.highValue,
              savingsAtLowCents: r.cents(row.savingsAtLowUsd),
              savingsAtHighCents: r.cents(row.savingsAtHighUsd),
              impactCents: r.cents(row.impactUsd),
            })),
          },
  };
}

/** The shown horizon of a workload's cloud option; with no cloud path, its recommended horizon. */
function cloudHorizonCents(w: ShownWorkload): number | null {
  return w.paths.find((p) => p.option === 'cloud')?.horizonCents ?? w.recommendedHorizonCents;
}

/**
 * The single presentation step shared by every human-facing format (Markdown, HTML, CSV, FOCUS, charts):
 * checks the analysis holds no NaN/Infinity, then rounds every amount once with the named mode and allocates
 * line items so that shown parts add up to shown totals. Each workload's recommended monthly cost is rounded
 * once and shown everywhere (summary, detail, projection's first month, CSV, FOCUS); the portfolio's monthly
 * total is the sum of those shown figures, as its horizon totals are sums of the shown horizons.
 */
export function presentAnalysis(analysis: Analysis, options: PresentOptions = {}): PresentedAnalysis {
  if (options.presented !== undefined) return options.presented;
  const { r, show } = presentation(analysis, options);
  const workloads = analysis.workloads.map(show);
  return {
    analysis,
    roundingMode: r.modeName,
    workloads,
    totals: totalsOf(r, analysis, workloads),
  };
}

/**
 * `presentAnalysis(analysis, options).totals` without holding every presented workload: each is presented,
 * counted and dropped (the CLI's one-line summary of a 10,000-workload analysis held 78 MB of presented copies).
 */
export function presentTotals(analysis: Analysis, options: PresentOptions = {}): PresentedAnalysis['totals'] {
  if (options.presented !== undefined) return options.presented.totals;
  const { r, show } = presentation(analysis, options);
  function* shown(): Generator<ShownWorkload> {
    for (const [i, w] of analysis.workloads.entries()) yield show(w, i);
  }
  return totalsOf(r, analysis, shown());
}

/** The checks every presentation starts from, and how one workload is presented. */
function presentation(analysis: Analysis, options: PresentOptions) {
  assertFiniteNumbers(analysis);
  const r = createRounder(options.roundingMode ?? DEFAULT_ROUNDING_MODE);
  // Each workload's recommended monthly cost is rounded once, on its own: the figure its projection's first
  // month, its CSV row and its FOCUS rows show. The portfolio total is the sum of those shown figures.
  const show = (w: Analysis['workloads'][number], i: number): ShownWorkload =>
    showWorkload(
      r,
      analysis,
      w,
      i,
      w.decision.recommendedMonthlyUsd === null ? null : r.cents(w.decision.recommendedMonthlyUsd),
    );
  return { r, show };
}

/** The portfolio totals over the presented workloads, in workload order (sums of whole cents). */
function totalsOf(
  r: Rounder,
  analysis: Analysis,
  workloads: Iterable<ShownWorkload>,
): PresentedAnalysis['totals'] {
  // A workload with no priced cloud option counts at its recommended cost, so all-cloud − plan = savings.
  let monthlyRecommendedCents = 0;
  let monthlyAllCloudCents = 0;
  let monthlySavingsCents = 0;
  let horizonRecommendedCents = 0;
  let horizonAllCloudCents = 0;
  const savings: number[] = [];
  const recommended: number[] = [];
  for (const w of workloads) {
    if (w.recommendedCents !== null) {
      monthlyRecommendedCents += w.recommendedCents;
      recommended.push(w.recommendedCents / 100);
      monthlyAllCloudCents += w.cloud?.monthlyCents ?? w.recommendedCents ?? 0;
      horizonRecommendedCents += w.recommendedHorizonCents ?? 0;
      horizonAllCloudCents += cloudHorizonCents(w) ?? 0;
    }
    monthlySavingsCents += w.savingsCents ?? 0;
    savings.push((w.savingsCents ?? 0) / 100);
  }
  // The shown figures must agree with the producer's totals (within rounding: a cent or so per workload).
  r.lineItems(recommended, r.cents(analysis.totals.monthlyUsd.recommended), [
    'totals',
    'monthlyUsd',
    'recommended',
  ]);
  // The shown savings are differences of shown figures.
  r.lineItems(savings, r.cents(analysis.totals.monthlySavingsUsd), ['totals', 'monthlySavingsUsd']);
  return {
    monthlyRecommendedCents,
    monthlyAllCloudCents,
    monthlySavingsCents,
    horizonRecommendedCents,
    horizonAllCloudCents,
  };
}

/** From this many USD a job, its cost is shown to the cent ("49,497.38 per job", not "49,497.3793"). */
export const PER_JOB_CENTS_FROM_USD = 100;

/**
 * The cost per successful job in unit-price minor units (1/10,000 USD): a few dollars or less keep four decimals
 * (an embedding job at 0.9079), a job of PER_JOB_CENTS_FROM_USD or more is rounded once, to the cent.
 */
export function perJobMinor(r: Rounder, usd: number): number {
  const scale = 10 ** (UNIT_PRICE_SCALE - MONEY_SCALE);
  return Math.abs(usd) >= PER_JOB_CENTS_FROM_USD ? r.cents(usd) * scale : r.unitPrice(usd);
}
