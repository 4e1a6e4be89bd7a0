import { asOfDay } from '@gpufit/analysis';
import type { Offer } from '@gpufit/schema';

/** One offer catalog to merge: where it came from and its offers. */
export interface CatalogPart {
  readonly file: string;
  readonly offers: readonly Offer[];
}

/** One side of a collision: the file, the as-of and the price of its offer. */
export interface MergedSide {
  readonly file: string;
  readonly asOf: string;
  readonly usdPerGpuHour: number | null;
}

/**
 * Two files with the same offer id: which one the merge kept and why. `newer` = the kept offer's as-of is
 * later; `later-file` = the as-of days are equal, so the file later on the command line wins.
 */
export interface MergeCollision {
  readonly id: string;
  readonly kept: MergedSide;
  readonly dropped: MergedSide;
  readonly reason: 'newer' | 'later-file';
}

export interface MergedCatalog {
  /** One offer per id, sorted by id (the order of `datasets/offers.csv`). */
  readonly offers: Offer[];
  /** Every id found in more than one file, in id order, with what was kept. */
  readonly collisions: MergeCollision[];
}

/**
 * Merges offer catalogs by offer id, keeping the newest as-of (`asOfDay`: a month-only as-of is its first day);
 * on equal days the later part wins, as a later file on the command line is the fresher intent. Each id seen
 * twice or more is reported, once per replaced offer.
 */
export function mergeCatalogs(parts: readonly CatalogPart[]): MergedCatalog {
  const kept = new Map<string, { offer: Offer; file: string }>();
  const collisions: MergeCollision[] = [];
  const side = (s: { offer: Offer; file: string }): MergedSide => ({
    file: s.file,
    asOf: s.offer.asOf,
    usdPerGpuHour: s.offer.usdPerGpuHour,
  });
  for (const part of parts) {
    for (const offer of part.offers) {
      const next = { offer, file: part.file };
      const prior = kept.get(offer.id);
      if (prior === undefined) {
        kept.set(offer.id, next);
        continue;
      }
      const older = asOfDay(offer.asOf) < asOfDay(prior.offer.asOf);
      const winner = older ? prior : next;
      const loser = older ? next : prior;
      const reason = asOfDay(offer.asOf) === asOfDay(prior.offer.asOf) ? 'later-file' : 'newer';
      collisions.push({ id: offer.id, kept: side(winner), dropped: side(loser), reason });
      kept.set(offer.id, winner);
    }
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  collisions.sort((a, b) => byId(a.id, b.id));
  const offers = [...kept.values()].map((k) => k.offer).sort((a, b) => byId(a.id, b.id));
  return { offers, collisions };
}
