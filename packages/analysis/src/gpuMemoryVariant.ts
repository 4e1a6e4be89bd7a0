/**
 * How far an offer's GPU memory may lie from its GPU model's usual memory (`datasets/gpu-tiers.csv`) before a
 * result names it beside the GPU: 10 %, a gpufit threshold. The same card listed in GiB by one provider and in GB
 * by another stays unnamed (an L4 is 22.35 GiB at AWS and 24 GB at Scaleway, 7 % apart); a modified RTX 4090 with
 * 48 GB is named, because "1 × RTX4090" alone reads as a card that cannot hold the 26 GiB replica it was priced for.
 */
export const GPU_MEMORY_VARIANT_SHARE = 0.1;

/**
 * The offer's memory per GPU when it is a variant of its model's usual memory (more than
 * `GPU_MEMORY_VARIANT_SHARE` away from it), else null — also null when the usual memory is unknown.
 */
export function gpuMemoryVariant(offerMemoryGiB: number, usualMemoryGiB: number | undefined): number | null {
  if (usualMemoryGiB === undefined || !(usualMemoryGiB > 0) || !Number.isFinite(offerMemoryGiB)) return null;
  return Math.abs(offerMemoryGiB - usualMemoryGiB) > GPU_MEMORY_VARIANT_SHARE * usualMemoryGiB
    ? offerMemoryGiB
    : null;
}
