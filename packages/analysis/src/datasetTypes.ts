import type { SubsidySchedule } from '@gpufit/schema';

/**
 * One row of `datasets/gpu-tiers.csv`: the pricing engine's own type (`@gpufit/pricing`), so the rows loaded
 * here go straight into `gpuTierTable()`.
 */
export type { GpuTier } from '@gpufit/pricing';

/** One row of `datasets/gpu-aliases.csv`: a spelling people or catalogs use, and the tier id it means. */
export interface GpuAlias {
  readonly alias: string;
  readonly gpu: string;
}

/** One row of `datasets/regions.csv`. `country` is null where the source states no country. */
export interface RegionInfo {
  readonly provider: string;
  readonly region: string;
  readonly country: string | null;
  /** Blocs and codes the location belongs to (`EU`, `EEA`, `NA`, `US` …), as listed. */
  readonly blocs: readonly string[];
  readonly continent: string | null;
  readonly notes: string;
}

/** One row of `datasets/networks.csv`: a DePIN network's incentive token and default subsidy schedule. */
export interface NetworkInfo {
  readonly provider: string;
  readonly networkName: string;
  readonly incentiveSymbol: string | null;
  readonly settlement: string;
  readonly defaultSubsidyShare: number;
  readonly scheduleKind: SubsidySchedule['kind'];
  /** The schedule's parameter: half-life in months (exponential), months to zero (linear); null otherwise. */
  readonly scheduleParam: number | null;
  /**
   * Step: the calendar month (`YYYY-MM`) the share becomes 0 — a date the source gives, not a month of the plan, so
   * a plan starting later meets the same end (or none, when it has passed).
   */
  readonly scheduleEndMonth: string | null;
  readonly scheduleNote: string;
  readonly source: string;
  readonly asOf: string;
}
