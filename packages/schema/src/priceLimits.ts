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
