import type { GpuTier } from '@gpufit/pricing';

/**
 * Whether `offer` is not slower than `named` by its datasheet alone: its peak memory bandwidth and its dense
 * FP16/BF16 tensor TFLOPS (datasets/gpu-tiers.csv, each from the vendor's datasheet) are both at least the named
 * GPU's. Such a GPU may price the named one's work at the named one's own speed (ratio 1, no speed-up credited):
 * an upper bound for it, since neither what bounds a decode (bandwidth) nor a prefill or a training step (compute)
 * is lower. A GPU with either figure unknown is not said to be (false).
 */
export function notSlowerByDatasheet(
  offer: Pick<GpuTier, 'memoryBandwidthGBps' | 'fp16Tflops'>,
  named: Pick<GpuTier, 'memoryBandwidthGBps' | 'fp16Tflops'>,
): boolean {
  const { memoryBandwidthGBps: bw, fp16Tflops: tf } = offer;
  const { memoryBandwidthGBps: namedBw, fp16Tflops: namedTf } = named;
  if (bw === null || tf === null || namedBw === null || namedTf === null) return false;
  return bw >= namedBw && tf >= namedTf;
}
