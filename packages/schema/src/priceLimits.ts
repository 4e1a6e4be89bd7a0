/**
 * The range a price per GPU-hour may take at every stage (catalog, import, scenario adjustment, subsidy).
 * Below the floor a price is not a real offer but an error (a `1e-12` typo, an adjustment that zeroes it) and
 * would price a workload at $0.00; a catalog price above the listed ceiling is a per-instance price read as
 * per-GPU. Adjusted prices may go ten times higher ("what if prices rose tenfold") but not so high that monthly
 * totals leave the range money is rounded exactly in. docs/reliability.md, "Prices".
 */

/** The lowest price gpufit accepts: a tenth of a cent per GPU-hour. */
export const MIN_USD_PER_GPU_HOUR = 0.001;

/** The highest price a catalog row may list. */
export const MAX_LISTED_USD_PER_GPU_HOUR = 1000;

/** The highest price a scenario's price adjustments may produce. */
export const MAX_ADJUSTED_USD_PER_GPU_HOUR = 10_000;

/** A spot price at least (1 − this) × its on-demand price lists no real spot discount. */
export const SPOT_NEAR_ON_DEMAND = 0.05;

/**
 * Whether a spot price is within `SPOT_NEAR_ON_DEMAND` of its on-demand price, or above it (both per instance-hour
 * or both per GPU-hour): the catalog compile flags such spot, and drops a GCP on-demand figure it makes doubtful;
 * `gpufit import skypilot` does the same for accelerator-only rows.
 */
export function spotNearOnDemand(spot: number, onDemand: number): boolean {
  return spot >= onDemand * (1 - SPOT_NEAR_ON_DEMAND);
}
