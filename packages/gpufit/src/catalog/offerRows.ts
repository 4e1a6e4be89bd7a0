import { cheapestReason, effectiveUsdPerGpuHour } from '@gpufit/analysis';
import { isInterruptibleCategory, isTermCommitment, type Offer } from '@gpufit/schema';

/** One priced offer as a row shows it: per GPU-hour and per instance-hour, list and effective. */
export interface RowPrice {
  readonly offer: Offer;
  readonly usdPerGpuHour: number | null;
  readonly usdPerInstanceHour: number | null;
  /** What a tenant pays per GPU-hour today (the list: an incentive subsidy is already in it). */
  readonly effectiveUsdPerGpuHour: number | null;
}

/**
 * One line of `gpufit offers`, as `sky show-gpus` prints one: an instance type in a region, its on-demand and
 * spot price side by side (a commitment is a row of its own, `termMonths` set, its price in `onDemand`).
 */
export interface OfferRow {
  readonly provider: string;
  readonly providerName: string;
  readonly market: Offer['market'];
  readonly instanceType: string;
  readonly gpu: string;
  readonly gpusPerInstance: number;
  readonly gpuMemoryGiB: number;
  readonly region: string;
  readonly country: string | null;
  readonly hosting: Offer['hosting'];
  readonly verified: boolean;
  readonly termMonths: number | null;
  /** The Standard (or, with `termMonths`, the Committed) offer. */
  readonly onDemand: RowPrice | null;
  /** The Dynamic (spot, interruptible, auction) offer of the same instance and region. */
  readonly spot: RowPrice | null;
  /** The oldest as-of of the row's offers. */
  readonly asOf: string;
  /** The price the row is ranked by: the on-demand (or committed) one when known, else the spot one. */
  readonly ranked: RowPrice;
  /** `ranked`'s effective $/GPU-h; null = unknown (such rows come last). */
  readonly rankUsdPerGpuHour: number | null;
  /** Regions of the same instance type left out because this one is cheaper (`cheapestRegionPerInstance`). */
  readonly otherRegions: number;
}

function rowPrice(offer: Offer): RowPrice {
  const perGpu = offer.usdPerGpuHour;
  return {
    offer,
    usdPerGpuHour: perGpu,
    usdPerInstanceHour: perGpu === null ? null : perGpu * offer.gpusPerInstance,
    effectiveUsdPerGpuHour: effectiveUsdPerGpuHour(offer),
  };
}

/** The instance an offer is for, whatever the region: provider, instance type, GPUs, hosting, term. */
function instanceKey(o: Offer): string {
  const instance = o.instanceType ?? `${o.gpusPerInstance}x ${o.gpu}`;
  const term = isTermCommitment(o) ? o.termMonths : '';
  // A template, not an array joined: the same text (numbers and booleans as String gives them) without the array.
  return `${o.provider}\u0000${o.market}\u0000${instance}\u0000${o.gpu}\u0000${o.gpusPerInstance}\u0000${o.gpuMemoryGiB}\u0000${o.hosting}\u0000${o.verified}\u0000${term}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const headline = (r: OfferRow) => r.ranked.offer;

/** Cheapest first by `rankUsdPerGpuHour` (unknown last); ties by the headline offer's id. */
export function compareRows(a: OfferRow, b: OfferRow): number {
  const pa = a.rankUsdPerGpuHour ?? Number.POSITIVE_INFINITY;
  const pb = b.rankUsdPerGpuHour ?? Number.POSITIVE_INFINITY;
  return pa - pb || byText(headline(a).id, headline(b).id);
}

/**
 * Pairs offers into rows: the Standard and Dynamic offers of one instance type in one region side by side,
 * each Committed offer a row of its own. Two offers of one slot (the same instance listed twice) make two
 * rows, paired in id order. Rows come cheapest first.
 */
export function offerRows(offers: readonly Offer[]): OfferRow[] {
  const groups = new Map<string, { standard: Offer[]; dynamic: Offer[]; committed: Offer[] }>();
  for (const o of [...offers].sort((a, b) => byText(a.id, b.id))) {
    const key = `${instanceKey(o)}\u0000${o.region}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { standard: [], dynamic: [], committed: [] };
      groups.set(key, g);
    }
    (isTermCommitment(o)
      ? g.committed
      : isInterruptibleCategory(o.pricingCategory)
        ? g.dynamic
        : g.standard
    ).push(o);
  }
  const rows: OfferRow[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < Math.max(g.standard.length, g.dynamic.length); i++)
      rows.push(row(g.standard[i] ?? null, g.dynamic[i] ?? null));
    for (const c of g.committed) rows.push(row(c, null));
  }
  return rows.sort(compareRows);
}

function row(main: Offer | null, spot: Offer | null): OfferRow {
  const o = (main ?? spot)!;
  const onDemand = main === null ? null : rowPrice(main);
  const spotPrice = spot === null ? null : rowPrice(spot);
  const asOfs = [main?.asOf, spot?.asOf].filter((a): a is string => a !== undefined).sort();
  const ranked =
    onDemand !== null && (onDemand.effectiveUsdPerGpuHour !== null || spotPrice === null)
      ? onDemand
      : spotPrice!;
  return {
    provider: o.provider,
    providerName: o.providerName,
    market: o.market,
    instanceType: o.instanceType ?? `${o.gpusPerInstance}x ${o.gpu}`,
    gpu: o.gpu,
    gpusPerInstance: o.gpusPerInstance,
    gpuMemoryGiB: o.gpuMemoryGiB,
    region: o.region,
    country: o.country,
    hosting: o.hosting,
    verified: o.verified,
    termMonths: isTermCommitment(o) ? o.termMonths : null,
    onDemand,
    spot: spotPrice,
    asOf: asOfs[0]!,
    ranked,
    rankUsdPerGpuHour: ranked.effectiveUsdPerGpuHour,
    otherRegions: 0,
  };
}

/**
 * The cheapest region of each instance type (as `sky show-gpus` shows by default), with the number of other
 * regions it stands for; ties go to the lower offer id. Rows stay cheapest first.
 */
export function cheapestRegionPerInstance(rows: readonly OfferRow[]): OfferRow[] {
  const best = new Map<string, { row: OfferRow; count: number }>();
  for (const r of rows) {
    const key = instanceKey(headline(r));
    const prior = best.get(key);
    if (prior === undefined) best.set(key, { row: r, count: 1 });
    else {
      prior.count++;
      if (compareRows(r, prior.row) < 0) prior.row = r;
    }
  }
  return [...best.values()].map((b) => ({ ...b.row, otherRegions: b.count - 1 })).sort(compareRows);
}

export type RowGroup = 'gpu' | 'market' | 'provider';

/** The cheapest row of each group (GPU tier, market or provider), groups cheapest first. */
export function cheapestRowPerGroup(rows: readonly OfferRow[], groupBy: RowGroup): OfferRow[] {
  const best = new Map<string, OfferRow>();
  for (const r of rows) {
    const prior = best.get(r[groupBy]);
    if (prior === undefined || compareRows(r, prior) < 0) best.set(r[groupBy], r);
  }
  return [...best.values()].sort(compareRows);
}

/** Why the first row is the cheapest, against the second (as `rankOffers` says it of offers). */
export function cheapestRowReason(rows: readonly OfferRow[], noun: string): string | null {
  const [first, second] = rows;
  if (first === undefined || first.rankUsdPerGpuHour === null) return null;
  const priced = rows.filter((r) => r.rankUsdPerGpuHour !== null).length;
  const side = (r: OfferRow) => ({ offer: headline(r), effectiveUsdPerGpuHour: r.rankUsdPerGpuHour });
  return cheapestReason(side(first), second && side(second), priced, noun);
}
