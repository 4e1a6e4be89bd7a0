import type { ThroughputClass } from '@gpufit/schema';
import { assert } from '../assert.js';
import { DUPLICATE_GPU_TIER, INVALID_GPU_TIER } from '../messages.js';

/**
 * One GPU tier, as a row of `datasets/gpu-tiers.csv` (same field names). Relative throughputs are per workload
 * class and normalized to the reference GPU (A100-80GB = 1.0 in the dataset).
 */
export interface GpuTier {
  readonly gpu: string;
  readonly vendor: string;
  readonly generation: string;
  readonly memoryGiB: number;
  readonly interconnect: string;
  readonly fp16Tflops: number | null;
  readonly memoryBandwidthGBps: number | null;
  readonly relThroughputInference: number;
  readonly relThroughputTraining: number;
  readonly relThroughputFineTuning: number;
  readonly consumer: boolean;
  readonly source: string;
  readonly notes: string;
}

/** A lookup of GPU tiers by tier id (case-insensitive), with the reference GPU demand is stated in. */
export interface GpuTierTable {
  /**
   * The GPU whose hours a profile's demand is stated in when it names no `gpuType`, unless it is inference work
   * that fits one `SMALL_MODEL_REFERENCE_GPU` (`referenceGpu`).
   */
  readonly reference: GpuTier;
  get(gpu: string): GpuTier | undefined;
  readonly size: number;
}

/**
 * Demand is stated in A100-80GB-equivalent GPU-hours unless a profile names its `gpuType`, or is inference work
 * whose replica fits one L4 (`referenceGpu`: then L4-hours). The tier table's throughput columns are normalized
 * to it.
 */
export const REFERENCE_GPU = 'A100-80GB';

/**
 * Builds the tier table pricing reads. Pricing is pure: the Node side loads `datasets/gpu-tiers.csv` and passes
 * the rows in. Every throughput must be a finite number above 0 and each GPU listed once; the reference GPU must
 * be present.
 */
export function gpuTierTable(
  rows: readonly GpuTier[],
  options: { readonly reference?: string } = {},
): GpuTierTable {
  const byKey = new Map<string, GpuTier>();
  for (const row of rows) {
    const ok =
      row.gpu.trim().length > 0 &&
      Number.isFinite(row.memoryGiB) &&
      row.memoryGiB > 0 &&
      [row.relThroughputInference, row.relThroughputTraining, row.relThroughputFineTuning].every(
        (x) => Number.isFinite(x) && x > 0,
      );
    assert(ok, INVALID_GPU_TIER, row.gpu);
    const key = tierKey(row.gpu);
    assert(!byKey.has(key), DUPLICATE_GPU_TIER, row.gpu);
    byKey.set(key, row);
  }
  const referenceName = options.reference ?? REFERENCE_GPU;
  const reference = byKey.get(tierKey(referenceName));
  assert(
    reference !== undefined,
    INVALID_GPU_TIER,
    () => `the reference GPU ${referenceName} is not in the table`,
  );
  // A catalog search asks for the same few names once per offer class and workload: remember each name as
  // written (bounded, so arbitrary input cannot grow it without end).
  const byName = new Map<string, GpuTier | null>();
  const get = (gpu: string): GpuTier | undefined => {
    const known = byName.get(gpu);
    if (known !== undefined) return known ?? undefined;
    const tier = byKey.get(tierKey(gpu));
    if (byName.size < NAMES_REMEMBERED) byName.set(gpu, tier ?? null);
    return tier;
  };
  return { reference, get, size: byKey.size };
}

const NAMES_REMEMBERED = 4096;

export function tierKey(gpu: string): string {
  return gpu.trim().toLowerCase();
}

/** The tier's relative throughput for a workload class. */
export function relativeThroughput(tier: GpuTier, throughputClass: ThroughputClass): number {
  switch (throughputClass) {
    case 'inference':
      return tier.relThroughputInference;
    case 'training':
      return tier.relThroughputTraining;
    case 'fine-tuning':
      return tier.relThroughputFineTuning;
  }
}
