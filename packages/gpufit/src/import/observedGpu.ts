import type { GpuTier } from '@gpufit/analysis';
import { loadGpuTiers } from '../data/loadReferenceData.js';
import { referenceIndexes } from '../data/referenceIndexes.js';
import type { GpuNameIndex } from '../io/gpuNameIndex.js';

/** A GPU an API names and measures: its tier, and the memory per GPU the offer should state. */
export type ObservedGpu =
  | {
      readonly ok: true;
      readonly gpu: string;
      readonly memoryGiB: number;
      /** Set when the measured memory is not the tier's (a modded card, or a tier without a memory figure). */
      readonly memoryNote: string | null;
    }
  | {
      readonly ok: false;
      readonly nearest: string[];
      /** Set when the name resolved but no memory is known for it (not an unknown GPU). */
      readonly noMemory?: string;
    };

const MEMORY_TOLERANCE = 0.07;

/**
 * Resolves a GPU name an API reports together with its measured memory (GiB), so the memory picks the variant
 * (`A100 PCIE` with 80 GiB → `A100-80GB-PCIe`): first `name + memory`, then the name alone. The offer states the
 * tier's memory when the measurement is within 7 % of it (`80GB` cards report 79.6 GiB), else the measurement,
 * rounded to 0.1 GiB, with a note.
 */
export function observedGpu(
  gpus: GpuNameIndex,
  tierMemory: ReadonlyMap<string, number>,
  name: string,
  measuredGiB: number | null,
): ObservedGpu {
  const withMemory = measuredGiB === null ? null : gpus.resolve(`${name} ${Math.round(measuredGiB)}GB`);
  const match = withMemory?.ok ? withMemory : gpus.resolve(name);
  if (!match.ok) return match;
  const spec = tierMemory.get(match.gpu) ?? null;
  if (measuredGiB === null) {
    return spec === null
      ? {
          ok: false,
          nearest: [],
          noMemory: `no memory size given and tier ${match.gpu} has none in gpu-tiers.csv`,
        }
      : { ok: true, gpu: match.gpu, memoryGiB: spec, memoryNote: null };
  }
  if (spec !== null && Math.abs(spec - measuredGiB) <= MEMORY_TOLERANCE * spec)
    return { ok: true, gpu: match.gpu, memoryGiB: spec, memoryNote: null };
  const memoryGiB = Math.round(measuredGiB * 10) / 10;
  return {
    ok: true,
    gpu: match.gpu,
    memoryGiB,
    memoryNote:
      spec === null
        ? `memory ${memoryGiB} GiB as measured (no figure for ${match.gpu} in gpu-tiers.csv)`
        : `memory ${memoryGiB} GiB as measured, not the ${spec} GiB of ${match.gpu}`,
  };
}

/** The GPU lookups an importer needs: given ones, or the bundled (or `datasetsDir`) tables. */
export async function gpuLookups(options: {
  readonly gpuNames?: GpuNameIndex;
  readonly gpuTiers?: readonly GpuTier[];
  readonly datasetsDir?: string;
}): Promise<{ readonly gpus: GpuNameIndex; readonly tierMemory: ReadonlyMap<string, number> }> {
  const dsOpts = options.datasetsDir === undefined ? {} : { datasetsDir: options.datasetsDir };
  const gpus = options.gpuNames ?? (await referenceIndexes(dsOpts)).gpuNames;
  const tiers = options.gpuTiers ?? (await loadGpuTiers(dsOpts));
  return { gpus, tierMemory: new Map(tiers.map((t) => [t.gpu, t.memoryGiB])) };
}
