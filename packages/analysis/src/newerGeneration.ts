import { NVIDIA_GENERATIONS } from '@gpufit/pricing';

const order: readonly string[] = NVIDIA_GENERATIONS;

/**
 * Whether a GPU of generation `offer` is of a later NVIDIA architecture than one of generation `named`, in the
 * pricing package's `NVIDIA_GENERATIONS` order (oldest first; each tier's `generation`, datasets/gpu-tiers.csv, from
 * its datasheet). A gpufit assumption that the list is NVIDIA's launch order; it says only which GPU is newer, never
 * that one is past its end of life or end of sale (gpufit's reference holds no vendor date for either). False when
 * either is not an NVIDIA architecture of the list (AMD CDNA, Intel Gaudi: no order is said across vendors).
 */
export function newerGeneration(offer: string, named: string): boolean {
  const a = order.indexOf(offer);
  const b = order.indexOf(named);
  return a >= 0 && b >= 0 && a > b;
}
