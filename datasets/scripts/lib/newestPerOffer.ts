import { vintageOf } from '../data/vintages';
import { type Draft, type Removal, usd } from './offer';

/**
 * A newer catalog's statement that an offer has no price there (e.g. no zone of the region lists a spot
 * price): it replaces older drafts for the same offer with nothing.
 */
export interface Withdrawal {
  readonly provider: string;
  readonly instanceType: string;
  readonly region: string;
  readonly pricingCategory: Draft['pricingCategory'];
  readonly source: string;
  readonly why: string;
}

const keyOf = (x: Pick<Draft, 'provider' | 'instanceType' | 'region' | 'pricingCategory'>): string =>
  `${x.provider}|${x.instanceType}|${x.region}|${x.pricingCategory}`;

const instanceUsd = (d: Draft): number | undefined =>
  d.usdPerGpuHour === undefined ? undefined : d.usdPerGpuHour * d.gpusPerInstance;

/** "SkyPilot catalog v9@2c3d7ea7 min-over-zones spot $11.39/h" */
function describe(d: Draft, label: string): string {
  const price = instanceUsd(d);
  return `${label} ${d.priceBasis} ${price === undefined ? '(no price)' : `${usd(price)}/h`}`;
}

/**
 * Keeps, for each offer (provider, instance type, region, pricing category) priced by more than one ranked catalog
 * version (data/vintages.ts), only the newest, and notes on it what it replaced; a newer withdrawal removes older
 * drafts. Drafts from unranked sources are kept as they are. Inputs are not mutated.
 */
export function newestPerOffer(
  drafts: readonly Draft[],
  withdrawals: readonly Withdrawal[],
): { kept: Draft[]; removed: Removal[] } {
  const groups = new Map<string, { draft: Draft; rank: number; label: string }[]>();
  const kept: Draft[] = [];
  for (const d of drafts) {
    const v = vintageOf(d.source);
    if (v === undefined) {
      kept.push(d);
      continue;
    }
    const k = keyOf(d);
    groups.set(k, [...(groups.get(k) ?? []), { draft: d, rank: v.rank, label: v.label }]);
  }
  const withdrawn = new Map<string, { rank: number; label: string; why: string }>();
  for (const w of withdrawals) {
    const v = vintageOf(w.source);
    if (v === undefined) throw new Error(`newestPerOffer: withdrawal from an unranked source ${w.source}`);
    withdrawn.set(keyOf(w), { rank: v.rank, label: v.label, why: w.why });
  }

  const removed: Removal[] = [];
  for (const [k, group] of groups) {
    const top = Math.max(...group.map((g) => g.rank));
    const w = withdrawn.get(k);
    if (w !== undefined && w.rank > top) {
      for (const g of group)
        removed.push({
          draft: g.draft,
          reason: `replaced by a newer catalog with no price: ${w.label} ${w.why}`,
        });
      continue;
    }
    const newest = group.filter((g) => g.rank === top);
    const older = group.filter((g) => g.rank < top);
    const replaced = older.map((g) => describe(g.draft, g.label));
    for (const g of newest) {
      if (replaced.length === 0) kept.push(g.draft);
      else {
        const same = older.every((o) => instanceUsd(o.draft) === instanceUsd(g.draft));
        kept.push({
          ...g.draft,
          notes: [...g.draft.notes, `replaces ${replaced.join('; ')}${same ? ' (unchanged)' : ''}`],
        });
      }
    }
    for (const g of older)
      removed.push({
        draft: g.draft,
        reason: `replaced by a newer catalog version for the same offer (${newest[0]?.label ?? '?'})`,
      });
  }
  return { kept, removed };
}

/** Drafts whose price is not a typical one and that no newer catalog replaced: removed with their reason. */
export function withoutAtypicalPrices(drafts: readonly Draft[]): { kept: Draft[]; removed: Removal[] } {
  const kept: Draft[] = [];
  const removed: Removal[] = [];
  for (const d of drafts) {
    if (d.atypicalPrice === undefined) kept.push(d);
    else removed.push({ draft: d, reason: d.atypicalPrice });
  }
  return { kept, removed };
}
