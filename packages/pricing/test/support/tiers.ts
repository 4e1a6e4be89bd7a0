/**
 * A small GPU tier table for tests, built the way `datasets/gpu-tiers.csv` is (datasets/scripts/data/gpu-specs.ts):
 * inference = memory-bandwidth ratio, training = dense FP16/BF16 ratio, fine-tuning = their geometric mean, all
 * relative to A100-80GB. Figures from NVIDIA datasheets: A100 80GB SXM (312 TFLOPS dense BF16, 2,039 GB/s),
 * A100 80GB PCIe (312, 1,935), A100 40GB SXM (312, 1,555), H100 SXM5 (989 = 1,979 with sparsity ÷ 2, 3,350), L40S (362 = 733 ÷ 2, 864),
 * RTX 4090 (165.2 FP16 tensor with FP32 accumulate, Ada whitepaper; 1,008 GB/s).
 */
import type { GpuTier } from '../../src/index.js';
import { gpuTierTable } from '../../src/index.js';

interface Spec {
  readonly gpu: string;
  readonly memoryGiB: number;
  readonly interconnect: string;
  readonly tflops: number;
  readonly gbps: number;
  readonly consumer: boolean;
  readonly source: string;
}

const SPECS: readonly Spec[] = [
  {
    gpu: 'A100-80GB',
    memoryGiB: 80,
    interconnect: 'nvlink',
    tflops: 312,
    gbps: 2039,
    consumer: false,
    source: 'NVIDIA A100 datasheet (80GB SXM)',
  },
  {
    gpu: 'A100-80GB-PCIe',
    memoryGiB: 80,
    interconnect: 'none',
    tflops: 312,
    gbps: 1935,
    consumer: false,
    source: 'NVIDIA A100 datasheet (80GB PCIe)',
  },
  {
    gpu: 'A100-40GB',
    memoryGiB: 40,
    interconnect: 'nvlink',
    tflops: 312,
    gbps: 1555,
    consumer: false,
    source: 'NVIDIA A100 datasheet (40GB SXM)',
  },
  {
    gpu: 'H100',
    memoryGiB: 80,
    interconnect: 'nvlink',
    tflops: 989,
    gbps: 3350,
    consumer: false,
    source: 'NVIDIA H100 datasheet (SXM5)',
  },
  {
    gpu: 'L40S',
    memoryGiB: 48,
    interconnect: 'none',
    tflops: 362,
    gbps: 864,
    consumer: false,
    source: 'NVIDIA L40S datasheet',
  },
  {
    gpu: 'RTX4090',
    memoryGiB: 24,
    interconnect: 'none',
    tflops: 165.2,
    gbps: 1008,
    consumer: true,
    source: 'NVIDIA Ada Lovelace whitepaper',
  },
];

const BASE = SPECS[0]!;

export const TEST_TIER_ROWS: readonly GpuTier[] = SPECS.map((s) => {
  const inference = s.gbps / BASE.gbps;
  const training = s.tflops / BASE.tflops;
  return {
    gpu: s.gpu,
    vendor: 'NVIDIA',
    generation: '',
    memoryGiB: s.memoryGiB,
    interconnect: s.interconnect,
    fp16Tflops: s.tflops,
    memoryBandwidthGBps: s.gbps,
    relThroughputInference: inference,
    relThroughputTraining: training,
    relThroughputFineTuning: Math.sqrt(inference * training),
    consumer: s.consumer,
    source: s.source,
    notes: '',
  };
});

export const TEST_TIERS = gpuTierTable(TEST_TIER_ROWS);
