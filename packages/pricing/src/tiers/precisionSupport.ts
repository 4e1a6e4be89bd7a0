import type { Precision } from '@gpufit/schema';
import type { GpuTier } from './gpuTierTable.js';
import { NVIDIA_GENERATIONS, PRECISION_SUPPORT } from './precisionSupport.data.js';

/** The GPU generations gpufit knows the precisions of (`PRECISION_SUPPORT`): the tier loader refuses any other. */
export const GPU_GENERATIONS = Object.keys(PRECISION_SUPPORT) as readonly string[];

/** What `precisionSupport` found: runs (natively or weight-only), or not, with the sentence that says why. */
export type PrecisionVerdict =
  | { readonly runs: true; readonly weightOnly: boolean }
  | { readonly runs: false; readonly reason: string };

const RUNS_NATIVELY: PrecisionVerdict = { runs: true, weightOnly: false };
const RUNS_WEIGHT_ONLY: PrecisionVerdict = { runs: true, weightOnly: true };

/** A precision of the same width that an older GPU may run instead (what to state to allow it). */
const SAME_WIDTH: Readonly<Partial<Record<Precision, Precision>>> = {
  bf16: 'fp16',
  tf32: 'fp32',
  fp8: 'int8',
};

/**
 * Can a GPU of this tier run a model at this precision (`PRECISION_SUPPORT`, by the tier's generation)? A tier
 * whose generation has no entry is not judged here (runs: the tier loader refuses such a generation, and a test
 * holds every generation of datasets/gpu-tiers.csv to an entry). `explain` false leaves the reason empty (a
 * catalog search asks this of every GPU).
 */
export function precisionSupport(
  tier: Pick<GpuTier, 'gpu' | 'generation'>,
  precision: Precision,
  explain = true,
): PrecisionVerdict {
  const support = PRECISION_SUPPORT[tier.generation];
  if (support === undefined) return RUNS_NATIVELY;
  if (support.runs.includes(precision))
    return support.weightOnly.includes(precision) ? RUNS_WEIGHT_ONLY : RUNS_NATIVELY;
  return { runs: false, reason: explain ? precisionReason(tier, precision) : '' };
}

/** "V100 (Volta) has no bf16: bf16 needs Ampere or later; state fp16 to allow it". */
function precisionReason(tier: Pick<GpuTier, 'gpu' | 'generation'>, precision: Precision): string {
  const support = PRECISION_SUPPORT[tier.generation]!;
  const first = NVIDIA_GENERATIONS.find((g) => PRECISION_SUPPORT[g]?.runs.includes(precision));
  const needs =
    first === undefined
      ? ''
      : (NVIDIA_GENERATIONS as readonly string[]).includes(tier.generation)
        ? `: ${precision} needs ${first} or later${precision === 'fp8' ? ' (weight-only on Ampere, native from Ada Lovelace)' : ''}`
        : `: ${tier.generation} runs ${support.runs.join(', ')}`;
  const instead = SAME_WIDTH[precision];
  const remedy =
    instead !== undefined && support.runs.includes(instead)
      ? `; state ${instead} to allow it, if the model runs at ${instead}`
      : `; name a GPU that runs ${precision}, or state a precision ${tier.gpu} runs (${support.runs.join(', ')})`;
  return `${tier.gpu} (${tier.generation}) has no ${precision}${needs}${remedy}`;
}
