/**
 * NVIDIA's data-centre GPU architectures in the order they were launched (each tier's `generation`,
 * datasets/gpu-tiers.csv, from its datasheet). A gpufit assumption: the order is the vendor's launch sequence, not
 * a figure from /work/shared/reference, and it says only which GPU is newer, never that one is past its end of life
 * or end of sale (the reference holds no vendor date for either).
 */
export const NVIDIA_GENERATIONS: readonly string[] = [
  'Kepler',
  'Maxwell',
  'Pascal',
  'Volta',
  'Turing',
  'Ampere',
  'Ada Lovelace',
  'Hopper',
  'Blackwell',
  'Blackwell Ultra',
];

/**
 * Whether a GPU of generation `offer` is of a later NVIDIA architecture than one of generation `named`; false when
 * either is not an NVIDIA architecture of the list (AMD CDNA, Intel Gaudi: no order is said across vendors).
 */
export function newerGeneration(offer: string, named: string): boolean {
  const a = NVIDIA_GENERATIONS.indexOf(offer);
  const b = NVIDIA_GENERATIONS.indexOf(named);
  return a >= 0 && b >= 0 && a > b;
}
