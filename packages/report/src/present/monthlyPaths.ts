import type { CostEstimate, OfferRef, PricedOption, Side, WorkloadAnalysis } from '@gpufit/schema';
import { horizonMonthList } from './months.js';

/** One month of one option's spend, in exact float64 USD (rounded later, once). */
export interface PathMonth {
  readonly month: string;
  readonly usd: number;
  /** Billed GPU-hours that month; null when the cost estimate does not state them. */
  readonly gpuHours: number | null;
  /** USD the incentive token pays that month; null when the offer has no incentive subsidy. */
  readonly subsidyUsd: number | null;
  readonly subsidyShare: number | null;
  readonly tokenPriceUsd: number | null;
  readonly percentiles: { readonly p10: number; readonly p50: number; readonly p90: number } | null;
}

export type PathOption = 'cloud' | 'depin' | 'hybrid';

/** The monthly spend of one option (for hybrid: of one side of it) over the horizon. */
export interface MonthlyPath {
  readonly option: PathOption;
  readonly side: Side;
  readonly offer: OfferRef;
  readonly cost: CostEstimate;
  /** Share of the workload's GPU-hours this path carries: 1, or the hybrid side's share. */
  readonly share: number;
  readonly months: readonly PathMonth[];
  /** The producer's horizon total when it states one (projection), else the sum of the months. */
  readonly horizonUsd: number;
  /** Which part of a cloud option that is a committed base with on-demand bursts this path is (a part path only). */
  readonly part?: 'base' | 'burst';
  /**
   * A cloud option that is a committed base with on-demand bursts: its two parts' paths (the base, the bursts), on
   * their own offers and costs, whose months add up to this path's (`mixParts`). Absent for an option on one offer.
   */
  readonly parts?: readonly MonthlyPath[];
}

function subsidyOf(cost: CostEstimate): number | null {
  const c = cost.components.find((x) => x.name === 'incentive-subsidy');
  return c === undefined ? null : -c.usd;
}

interface SideMonth {
  readonly month: string;
  readonly usd: number;
  readonly demandFactor: number;
  readonly subsidyUsd: number | null;
  readonly subsidyShare: number | null;
  readonly tokenPriceUsd: number | null;
  readonly percentiles: PathMonth['percentiles'];
}

/**
 * The month-by-month spend of one priced side. With a projection, its months are used as they are, and so is the
 * incentive-token subsidy of each month (`cloudSubsidyUsd` / `depinSubsidyUsd`: unsubsidized GPU time of that
 * month × share(t) × the token's move; in a month the token floor holds the price, price + subsidy is the hosts'
 * income) with the share of the month's GPU income it is (`depinPaidSubsidyShare`). A file written before schema
 * 2.8.0 has neither: its subsidy is the cost estimate's line scaled by demand, share(t) ÷ share(0) and the token
 * price relative to month 0.
 * Without a projection, the monthly cost repeats for every month of the horizon.
 */
function sideMonths(
  w: WorkloadAnalysis,
  side: Side,
  option: PricedOption,
  scenario: ScenarioLike,
): SideMonth[] | null {
  const monthly = option.cost.monthlyUsd;
  if (monthly === null) return null;
  const subsidy0 = subsidyOf(option.cost);
  const p = w.projection;
  if (p === null) {
    return horizonMonthList(scenario.startMonth, scenario.horizonMonths).map((month) => ({
      month,
      usd: monthly,
      demandFactor: 1,
      subsidyUsd: subsidy0,
      subsidyShare: null,
      tokenPriceUsd: null,
      percentiles: null,
    }));
  }
  const share0 = p.months[0]?.subsidyShare ?? 0;
  const currency = option.offer.pricingCurrency;
  const inToken = side === 'depin' && currency !== undefined && currency !== 'USD';
  const token0 = inToken ? (p.months[0]?.tokenPriceUsd ?? null) : null;
  const result: SideMonth[] = [];
  for (const m of p.months) {
    const usd = side === 'cloud' ? m.cloudUsd : m.depinUsd;
    if (usd === null) return null;
    const band = w.distribution?.months.find((d) => d.month === m.month)?.[side] ?? null;
    // The projection's own figure (schema 2.8.0): the emissions on the month's own GPU time at the month's token
    // price, so a floored month's price plus its subsidy is the hosts' income. A file before it: scaled from month 0.
    const projected = (side === 'cloud' ? m.cloudSubsidyUsd : m.depinSubsidyUsd) ?? null;
    // A price set in the incentive token moves with it, the part the token pays included (DESIGN §5.7).
    const tokenRatio =
      token0 !== null && token0 > 0 && m.tokenPriceUsd !== null ? m.tokenPriceUsd / token0 : 1;
    result.push({
      month: m.month,
      usd,
      demandFactor: m.demandFactor,
      subsidyUsd:
        subsidy0 === null
          ? null
          : (projected ??
            (share0 > 0 ? subsidy0 * (m.subsidyShare / share0) * m.demandFactor * tokenRatio : 0)),
      subsidyShare: side === 'depin' ? (m.depinPaidSubsidyShare ?? m.subsidyShare) : null,
      tokenPriceUsd: side === 'depin' ? m.tokenPriceUsd : null,
      percentiles: band,
    });
  }
  return result;
}

export interface ScenarioLike {
  readonly startMonth: string;
  readonly horizonMonths: number;
}

function path(
  option: PathOption,
  side: Side,
  priced: PricedOption,
  share: number,
  months: PathMonth[],
  horizonUsd?: number,
): MonthlyPath {
  return {
    option,
    side,
    offer: priced.offer,
    cost: priced.cost,
    share,
    months,
    horizonUsd: horizonUsd ?? months.reduce((a, m) => a + m.usd, 0),
  };
}

/**
 * Every priced option of a workload as a monthly path: cloud, DePIN, and the two sides of the hybrid split.
 * An option with no price has no path (a missing price is never a zero).
 *
 * The hybrid's monthly cost is only stated for month 0 (`blendedMonthlyUsd`). Month m's hybrid spend is that
 * blended cost scaled by the share-weighted paths of both sides, and it is divided between the sides in
 * proportion to share × side cost: side_m = blended × share × side_m ÷ Σ(share × side cost at month 0).
 * That is an allocation of the producer's figure, stated in docs/reports.md, not a new cost model.
 */
export function monthlyPaths(w: WorkloadAnalysis, scenario: ScenarioLike): MonthlyPath[] {
  const out: MonthlyPath[] = [];
  const { cloud, depin, hybrid } = w.decision;
  const p = w.projection;
  const cloudMonths = cloud === null ? null : sideMonths(w, 'cloud', cloud, scenario);
  const depinMonths = depin === null ? null : sideMonths(w, 'depin', depin, scenario);
  const hours = (o: PricedOption, share: number, demandFactor: number): number | null =>
    o.cost.billedGpuHoursPerMonth === null ? null : o.cost.billedGpuHoursPerMonth * share * demandFactor;
  const toPath = (o: PricedOption, ms: SideMonth[], share: number, factor: number): PathMonth[] =>
    ms.map((m) => ({
      month: m.month,
      usd: m.usd * share * factor,
      gpuHours: hours(o, share, m.demandFactor),
      subsidyUsd: m.subsidyUsd === null ? null : m.subsidyUsd * share * factor,
      subsidyShare: m.subsidyShare,
      tokenPriceUsd: m.tokenPriceUsd,
      percentiles: share === 1 ? m.percentiles : null,
    }));
  if (cloud !== null && cloudMonths !== null) {
    const whole = path(
      'cloud',
      'cloud',
      cloud,
      1,
      toPath(cloud, cloudMonths, 1, 1),
      p?.horizonCloudUsd ?? undefined,
    );
    const parts = mixParts(cloud, whole);
    out.push(parts === null ? whole : { ...whole, parts });
  }
  if (depin !== null && depinMonths !== null) {
    out.push(
      path('depin', 'depin', depin, 1, toPath(depin, depinMonths, 1, 1), p?.horizonDepinUsd ?? undefined),
    );
  }
  const cloudRef = cloud?.cost.monthlyUsd ?? null;
  const depinRef = depin?.cost.monthlyUsd ?? null;
  if (
    hybrid !== null &&
    cloud !== null &&
    depin !== null &&
    cloudMonths !== null &&
    depinMonths !== null &&
    cloudRef !== null &&
    depinRef !== null
  ) {
    const weight = hybrid.cloudShare * cloudRef + hybrid.depinShare * depinRef;
    if (weight > 0) {
      const factor = hybrid.blendedMonthlyUsd / weight;
      if (hybrid.cloudShare > 0) {
        const side = path(
          'hybrid',
          'cloud',
          cloud,
          hybrid.cloudShare,
          toPath(cloud, cloudMonths, hybrid.cloudShare, factor),
        );
        const parts = hybridMixParts(cloud, side);
        out.push(parts === null ? side : { ...side, parts });
      }
      if (hybrid.depinShare > 0)
        out.push(
          path(
            'hybrid',
            'depin',
            depin,
            hybrid.depinShare,
            toPath(depin, depinMonths, hybrid.depinShare, factor),
          ),
        );
    }
  }
  return out;
}

/**
 * The two parts of a cloud option that is a committed base with on-demand bursts, month by month: the base, fixed
 * (its cost every month: it is held for its term whatever the demand, pricing's committedBaseMonth.ts), and the
 * bursts, the rest of the option's month (the month's demand above the base), their GPU-hours in proportion to
 * their cost (one on-demand rate). Null for an option on one offer.
 */
function mixParts(option: PricedOption, whole: MonthlyPath): MonthlyPath[] | null {
  const m = option.mix;
  const base = m?.committed.cost.monthlyUsd ?? null;
  const burst0 = m?.burst.cost.monthlyUsd ?? null;
  if (m === undefined || base === null || burst0 === null) return null;
  const burstHours = m.burst.cost.billedGpuHoursPerMonth;
  const partPath = (part: 'base' | 'burst', priced: PricedOption, months: PathMonth[]): MonthlyPath => ({
    ...path('cloud', 'cloud', priced, 1, months),
    part,
  });
  const baseMonths = whole.months.map((x) => ({
    ...x,
    usd: base,
    gpuHours: m.committed.cost.billedGpuHoursPerMonth,
    subsidyUsd: null,
    percentiles: null,
  }));
  const burstMonths = whole.months.map((x) => {
    const usd = x.usd - base;
    return {
      ...x,
      usd,
      gpuHours: burstHours === null || !(burst0 > 0) ? null : (burstHours * usd) / burst0,
      subsidyUsd: null,
      percentiles: null,
    };
  });
  return [partPath('base', m.committed, baseMonths), partPath('burst', m.burst, burstMonths)];
}

/**
 * The cloud side of a hybrid whose cloud option is a committed base with on-demand bursts, as its two parts: the base
 * held whole (its month, or the side's month when that is less: the commitment is paid whatever the demand, and the
 * decentralized side takes the top of the demand, the bursts first) and the rest of the side's month on the on-demand
 * offer, each part's GPU-hours in proportion to its cost (one rate a part). A FOCUS reader gets a commitment row at the
 * commitment's price and an on-demand row at the on-demand price, not one "Committed" row at their blend. Each part's
 * share is the work it carries: the base's share of the work (at most the side's), the bursts the rest of the side's.
 * Null for a cloud option on one offer.
 */
function hybridMixParts(option: PricedOption, side: MonthlyPath): MonthlyPath[] | null {
  const m = option.mix;
  const base = m?.committed.cost.monthlyUsd ?? null;
  const burst0 = m?.burst.cost.monthlyUsd ?? null;
  const baseHours = m?.committed.cost.billedGpuHoursPerMonth ?? null;
  const burstHours = m?.burst.cost.billedGpuHoursPerMonth ?? null;
  if (m === undefined || base === null || burst0 === null || !(base > 0)) return null;
  const hoursOf = (hours: number | null, usd: number, of: number): number | null =>
    hours === null || !(of > 0) ? null : (hours * usd) / of;
  const baseShare = Math.min(m.baseShare, side.share);
  const part = (
    which: 'base' | 'burst',
    priced: PricedOption,
    share: number,
    months: PathMonth[],
  ): MonthlyPath => ({ ...path('hybrid', 'cloud', priced, share, months), part: which });
  const baseMonths = side.months.map((x) => {
    const usd = Math.min(base, x.usd);
    return { ...x, usd, gpuHours: hoursOf(baseHours, usd, base), subsidyUsd: null, percentiles: null };
  });
  const burstMonths = side.months.map((x, i) => {
    const usd = x.usd - baseMonths[i]!.usd;
    return { ...x, usd, gpuHours: hoursOf(burstHours, usd, burst0), subsidyUsd: null, percentiles: null };
  });
  return [
    part('base', m.committed, baseShare, baseMonths),
    part('burst', m.burst, side.share - baseShare, burstMonths),
  ];
}
