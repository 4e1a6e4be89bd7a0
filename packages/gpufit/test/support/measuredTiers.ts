/**
 * The throughput tests' own reading of datasets/README.md (not the compiler's table): the measured file's
 * accelerator names → gpufit tiers; the rest have no tier.
 */
export const MEASURED_TIER: Record<string, string> = {
  'H100-SXM': 'H100',
  'H200-SXM': 'H200',
  'H100-NVL': 'H100-NVL',
  'H100-PCIe': 'H100-PCIe',
  'A100-SXM-80GB': 'A100-80GB',
  'A100-PCIe-80GB': 'A100-80GB-PCIe',
  'GH200-96GB': 'GH200',
  'RTX-PRO-6000-Blackwell': 'RTXPRO6000',
  'RTX-4090': 'RTX4090',
  B200: 'B200',
  B300: 'B300',
  GB200: 'GB200',
  L4: 'L4',
  L40S: 'L40S',
};
