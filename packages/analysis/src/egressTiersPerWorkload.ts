import { freeEgressAllowanceGiB, tieredEgressUsd } from '@gpufit/pricing';
import type { EgressTier } from '@gpufit/schema';
import { usd } from './usdText.js';

/** The egress a plan sends through one provider's tiered schedule: each workload's GiB a month, as priced. */
export interface TieredEgress {
  readonly providerName: string;
  readonly tiers: readonly EgressTier[];
  /** Each workload's egress there (results and checkpoint syncs), GiB a month: the plan's share of it. */
  readonly gib: readonly number[];
}

/** A provider's egress priced both ways: workload by workload (as the estimates do), and pooled on one account. */
export interface EgressBothWays {
  readonly providerName: string;
  readonly gib: number;
  /** Σ tieredEgressUsd(allowance + gibᵢ): each workload from the first paid tier, as the estimates price it. */
  readonly perWorkloadUsd: number;
  /** tieredEgressUsd(allowance + Σ gibᵢ): the account's total volume on the tiers once. */
  readonly pooledUsd: number;
}

/**
 * The bound of the first paid tier of a schedule that has a cheaper tier after it (AWS: 0.09 a GiB up to 10 TiB,
 * then 0.085; price-facts §4); null when no later tier is cheaper (a flat price, GCP's and Azure's single paid
 * tier in the bundled catalog), so per-workload and pooled pricing agree.
 */
export function firstPaidTierBoundGiB(tiers: readonly EgressTier[]): number | null {
  const i = tiers.findIndex((t) => t.usdPerGiB > 0);
  if (i < 0 || i === tiers.length - 1) return null;
  const first = tiers[i]!;
  if (first.upToGiB === null) return null;
  return tiers.slice(i + 1).some((t) => t.usdPerGiB < first.usdPerGiB) ? first.upToGiB : null;
}

/**
 * A provider's egress both ways, when it matters: some workload's egress, or the plan's summed there, reaches past
 * the first paid tier (into a cheaper one). Estimates price each workload's GiB from the first paid tier
 * (`freeEgressAllowanceGiB`: the account's allowance taken as used), so a plan whose total volume would reach the
 * cheaper tiers sooner is priced above what one account pays — an upper bound. null when both ways agree.
 */
export function egressBothWays(e: TieredEgress): EgressBothWays | null {
  const bound = firstPaidTierBoundGiB(e.tiers);
  if (bound === null) return null;
  const allowance = freeEgressAllowanceGiB(e.tiers);
  let total = 0;
  let perWorkloadUsd = 0;
  for (const g of e.gib) {
    total += g;
    perWorkloadUsd += tieredEgressUsd(allowance + g, e.tiers);
  }
  if (allowance + total <= bound) return null;
  return {
    providerName: e.providerName,
    gib: total,
    perWorkloadUsd,
    pooledUsd: tieredEgressUsd(allowance + total, e.tiers),
  };
}

/** The report's assumption on tiers applied per workload, with the plan's figure both ways; null when none reach. */
export function egressTiersPerWorkloadSaid(egress: readonly TieredEgress[]): string | null {
  const both = egress.map(egressBothWays).filter((b): b is EgressBothWays => b !== null);
  if (both.length === 0) return null;
  const gib = (x: number) => Math.round(x).toLocaleString('en-US');
  const each = both
    .map(
      (b) =>
        `${b.providerName}: the plan's ${gib(b.gib)} GiB a month cost ${usd(b.perWorkloadUsd)} so, ${usd(b.pooledUsd)} on one account's tiers (${usd(b.perWorkloadUsd - b.pooledUsd)} less)`,
    )
    .join('; ');
  return `Tiered egress is priced workload by workload, each workload's GiB from the first paid tier (the account's free allowance taken as used), although an account's total volume reaches the cheaper tiers sooner — an upper bound, a gpufit assumption. ${each}.`;
}
