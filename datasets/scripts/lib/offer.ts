import { OFFER_FIELDS, type PricingCategory } from '@gpufit/schema';
import type { ReliabilityKey } from '../data/assumptions';
import type { Hosting, Market } from '../data/providers';
import { RowLedger } from './ledger';

export type { PricingCategory };

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
  pricingCategory: PricingCategory;
  termMonths: number | undefined;
  /** undefined = price unknown (never 0) */
  usdPerGpuHour: number | undefined;
  hosting: Hosting;
  verified: boolean;
  reliability: ReliabilityKey;
  source: string;
  asOf: string;
  notes: string[];
  /** true for rows computed from another row with a sourced discount */
  derived: boolean;
}

/** The catalog's columns are the schema's offer fields, in their order. */
export const OFFER_COLUMNS = OFFER_FIELDS;

/** Per input file of offers: every row read ends as used (≥ 1 offer) or dropped with a reason. */
export class Ledger extends RowLedger {
  /** prices present in a used row but not written as an offer (e.g. spot equal to on-demand) */
  readonly skippedPrices = new Map<string, number>();
  readonly written = { Standard: 0, Dynamic: 0, Committed: 0 };

  skipPrice(reason: string): void {
    this.skippedPrices.set(reason, (this.skippedPrices.get(reason) ?? 0) + 1);
  }
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
