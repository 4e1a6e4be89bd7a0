import { OFFER_FIELDS, type PricingCategory, type RegionListing } from '@gpufit/schema';
import type { Hosting, Market } from '../data/providers';
import { RowLedger } from './ledger';

export type { PricingCategory };

/** Where a draft came from: the input file and the row's index in it (0-based, data rows only). */
export interface Origin {
  readonly file: string;
  readonly row: number;
}

/** One catalog offer before the provider-level fields (egress, certifications, reliability text) are filled. */
export interface Draft {
  provider: string;
  market: Market;
  instanceType: string;
  gpu: string;
  gpuMemoryGiB: number | undefined;
  gpusPerInstance: number;
  regionRaw: string;
  region: string;
  /** how the source lists the type's regions (`every-region`: SkyPilot's Lambda catalog); undefined = not stated */
  regionListing?: RegionListing | undefined;
  pricingCategory: PricingCategory;
  termMonths: number | undefined;
  /** undefined = price unknown (never 0) */
  usdPerGpuHour: number | undefined;
  /** the spread behind a typical price (zone min/max of a spot median); undefined = not known */
  usdPerGpuHourMin?: number | undefined;
  usdPerGpuHourMax?: number | undefined;
  /** zones of the region that list a real spot price (hyperscaler Dynamic rows from spot-by-zone.csv) */
  zonesWithSpot?: number | undefined;
  /** what the price is, for "replaces …" notes: "on-demand", "zone-median spot", "min-over-zones spot" … */
  priceBasis: string;
  /**
   * Set when the price is not a typical price (e.g. AWS spot known only as the minimum over zones): the draft
   * may be replaced by a newer catalog's row, and is otherwise dropped with this reason.
   */
  atypicalPrice?: string;
  hosting: Hosting;
  verified: boolean;
  /** why `verified` has its value, when the row itself says (else the provider profile's reason) */
  verifiedWhy?: string;
  /** the source's service tier where it names one (Nosana premium/community, Vast "from" prices …) */
  tier?: string;
  source: string;
  asOf: string;
  notes: string[];
  /** true for rows computed from another row with a sourced discount */
  derived: boolean;
  /** billing terms of this row when they differ from its provider's (`data/billing.ts`) */
  billing?: import('../data/billing').BillingTerms;
  origin: Origin;
}

/** The catalog's columns are the schema's offer fields, in their order. */
export const OFFER_COLUMNS = OFFER_FIELDS;

/** A draft taken out of the catalog after it was made (replaced by a newer catalog, atypical price …). */
export interface Removal {
  readonly draft: Draft;
  readonly reason: string;
}

/**
 * Per input file of offers: every row read ends as used (≥ 1 offer) or dropped with a reason. Rows are numbered as
 * they are read, so a draft knows its row and `settle` can count rows whose every price was replaced as dropped.
 */
export class Ledger extends RowLedger {
  /** prices present in a used row but not written as an offer (e.g. spot equal to on-demand) */
  readonly skippedPrices = new Map<string, number>();
  readonly written = { Standard: 0, Dynamic: 0, Committed: 0 };

  /** Counts one more row read and returns its origin. */
  next(): Origin {
    const origin = { file: this.file, row: this.read };
    this.read += 1;
    return origin;
  }

  skipPrice(reason: string): void {
    this.skippedPrices.set(reason, (this.skippedPrices.get(reason) ?? 0) + 1);
  }

  /**
   * Closes the books once every draft of this file is either kept or removed: a row with a kept draft is used
   * (its removed prices are counted as not written), a row whose drafts were all removed is dropped with the
   * first removal's reason (the others count as prices not written).
   */
  settle(kept: readonly Draft[], removed: readonly Removal[]): void {
    const keptRows = new Set<number>();
    for (const d of kept) {
      if (d.origin.file !== this.file || d.derived) continue;
      keptRows.add(d.origin.row);
      this.written[d.pricingCategory] += 1;
    }
    this.used = keptRows.size;
    const droppedRows = new Set<number>();
    for (const { draft, reason } of removed) {
      if (draft.origin.file !== this.file || draft.derived) continue;
      const row = draft.origin.row;
      if (keptRows.has(row) || droppedRows.has(row)) this.skipPrice(reason);
      else {
        droppedRows.add(row);
        this.drop(reason);
      }
    }
  }
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A per-instance dollar figure for notes: at most 5 decimals, no trailing zeros. */
export function usd(x: number): string {
  return `$${Number(x.toFixed(5))}`;
}
