/** The GPU tiers the catalog must price in every market it can, and whose measured-ratio gaps the README lists. */
export const REQUIRED_GPUS: readonly string[] = [
  'H100',
  'H200',
  'A100-80GB',
  'A100-40GB',
  'L40S',
  'L4',
  'A10G',
  'RTX4090',
  'T4',
  'B200',
];
