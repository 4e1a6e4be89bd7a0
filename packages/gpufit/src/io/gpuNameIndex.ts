import { nearestNames } from './editDistance.js';
import { LoadError } from './loadError.js';

/** How a GPU name is looked up: lower case, with whitespace, `-` and `_` removed (`H100 SXM` = `h100-sxm`). */
export function gpuNameKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

export type GpuNameMatch =
  | { readonly ok: true; readonly gpu: string }
  | { readonly ok: false; readonly nearest: string[] };

/** Resolves raw GPU names (`H100 SXM`, `NVIDIA A100-SXM4-80GB`, `4090`) to tier ids from `gpu-tiers.csv`. */
export interface GpuNameIndex {
  readonly tiers: readonly string[];
  resolve(name: string): GpuNameMatch;
}

/**
 * Builds the index from the tier ids and the alias table (`alias,gpu`). Every tier id resolves to itself.
 * Two spellings that share a key but name different tiers, or an alias to an unknown tier, are data errors.
 */
export function buildGpuNameIndex(
  tiers: readonly string[],
  aliases: readonly { readonly alias: string; readonly gpu: string }[],
  file = 'gpu-aliases.csv',
): GpuNameIndex {
  const tierSet = new Set(tiers);
  const byKey = new Map<string, string>();
  const spellings: string[] = [];
  const add = (spelling: string, gpu: string, row: number) => {
    const key = gpuNameKey(spelling);
    const prior = byKey.get(key);
    if (prior !== undefined && prior !== gpu) {
      throw new LoadError({
        code: 'alias-conflict',
        file,
        row,
        column: 'alias',
        reason: `"${spelling}" reads the same as a spelling of ${prior} (names are matched ignoring case, spaces, - and _) but maps to ${gpu}`,
      });
    }
    byKey.set(key, gpu);
    spellings.push(spelling);
  };
  for (const t of tiers) add(t, t, 0);
  aliases.forEach((a, i) => {
    if (!tierSet.has(a.gpu)) {
      throw new LoadError({
        code: 'unknown-tier',
        file,
        row: i + 2,
        column: 'gpu',
        reason: `alias "${a.alias}" maps to "${a.gpu}", which is not a tier in gpu-tiers.csv`,
      });
    }
    add(a.alias, a.gpu, i + 2);
  });
  const cache = new Map<string, GpuNameMatch>();
  return {
    tiers: [...tiers],
    resolve(name) {
      const hit = cache.get(name);
      if (hit !== undefined) return hit;
      const gpu = byKey.get(gpuNameKey(name));
      if (gpu === undefined) {
        // Suggest tier ids first (what a founder should write), then other spellings.
        const nearest = nearestNames(name, [...tiers, ...spellings]).map(
          (s) => byKey.get(gpuNameKey(s)) ?? s,
        );
        return { ok: false, nearest: [...new Set(nearest)] };
      }
      const match: GpuNameMatch = { ok: true, gpu };
      if (cache.size < 10_000) cache.set(name, match);
      return match;
    },
  };
}

/** The sentence of a rejected row whose GPU name is not known. */
export function unknownGpuReason(column: string, name: string, nearest: readonly string[]): string {
  const hint =
    nearest.length > 0
      ? `closest known: ${nearest.join(', ')}`
      : 'no known GPU is close; see datasets/gpu-tiers.csv for the tier ids';
  return `${column} "${name}" is not a known GPU (${hint}); write a tier id, or add the spelling to datasets/gpu-aliases.csv`;
}
