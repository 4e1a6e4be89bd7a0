import { GPU_SPECS } from './gpu-specs';

/**
 * GPU classes for the coverage tables of datasets/README.md (not a pricing input): flagship training parts (HBM
 * datacenter GPUs that large-model training is planned on), consumer GeForce cards (`consumer` in gpu-specs.ts),
 * and everything else - datacenter inference cards, older datacenter GPUs and workstation cards.
 */
export const GPU_CLASSES = ['flagship training', 'datacenter inference / older', 'consumer'] as const;
export type GpuClass = (typeof GPU_CLASSES)[number];

const FLAGSHIP = new Set([
  'B300',
  'B200',
  'GB200',
  'H200',
  'H100',
  'H100-NVL',
  'H100-PCIe',
  'GH200',
  'A100-80GB',
  'A100-80GB-PCIe',
  'A100-40GB',
  'MI300X',
  'GAUDI2',
]);

export function gpuClassOf(gpu: string): GpuClass {
  if (FLAGSHIP.has(gpu)) return 'flagship training';
  const s = GPU_SPECS.find((x) => x.gpu === gpu);
  if (!s) throw new Error(`gpu-classes: unknown tier ${gpu}`);
  return s.consumer ? 'consumer' : 'datacenter inference / older';
}
