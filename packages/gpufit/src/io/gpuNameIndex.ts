import { nameDistance, nearestNames, nearLimit } from '@gpufit/schema';
import { type GpuFormFactor, type GpuNameParts, gpuNameParts } from './gpuNameParts.js';
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

/** A tier id with its memory per GPU (GiB), which lets a name's memory size pick the variant. */
export interface GpuTierName {
  readonly gpu: string;
  readonly memoryGiB?: number | null;
}

/** A memory size written on a name matches a tier within 7 % (`80GB` vs 79.6 GiB read off a card). */
const MEMORY_TOLERANCE = 0.07;

/** The model a tier is a variant of: `A100-80GB-PCIe` → `A100`, `H100-NVL` → `H100`, `V100-32GB` → `V100`. */
export function gpuFamily(tier: string): string {
  let family = tier;
  for (let prev = ''; prev !== family; ) {
    prev = family;
    family = family.replace(/-(PCIe|NVL|\d+GB)$/i, '');
  }
  return family;
}

/** A tier's form factor, read from its id: `-PCIe`, `-NVL`, or the model's default board (SXM for HBM parts). */
function tierFormFactor(tier: string): GpuFormFactor {
  return /-PCIe$/i.test(tier) ? 'pcie' : /-NVL$/i.test(tier) ? 'nvl' : 'sxm';
}

interface Tier {
  readonly gpu: string;
  readonly family: string;
  readonly familyKey: string;
  readonly memoryGiB: number | null;
  readonly formFactor: GpuFormFactor;
}

/**
 * Builds the index from the tier ids (with their memory, when known) and the alias table (`alias,gpu`). Every
 * tier id resolves to itself. Two spellings that share a key but name different tiers, or an alias to an
 * unknown tier, are data errors.
 *
 * A name that is neither a tier nor an alias is taken apart (`gpuNameParts`: vendor, memory and form-factor
 * words) and resolved when that is unambiguous: the base names a tier through the table; its family's
 * variants are narrowed by the memory written (within 7 %) and the form factor (`SXM`/`NVL` must match; `PCIe`
 * picks the PCIe variant when the family has one); the table's own answer for the base wins a tie (bare
 * `A100` is `A100-40GB`, as the alias says). So `H100 80GB SXM5` → `H100`, `A100 80GB PCIe` →
 * `A100-80GB-PCIe`, `nvidia-a100` → `A100-40GB`, `H100 94GB` → `H100-NVL`. Anything else is a miss whose
 * suggestions rank tiers by how near their model is to the base, then form factor, then memory.
 */
export function buildGpuNameIndex(
  tierList: readonly (string | GpuTierName)[],
  aliases: readonly { readonly alias: string; readonly gpu: string }[],
  file = 'gpu-aliases.csv',
): GpuNameIndex {
  const tiers: Tier[] = tierList.map((t) => {
    const gpu = typeof t === 'string' ? t : t.gpu;
    const family = gpuFamily(gpu);
    const memoryGiB = typeof t === 'string' ? null : (t.memoryGiB ?? null);
    return { gpu, family, familyKey: gpuNameKey(family), memoryGiB, formFactor: tierFormFactor(gpu) };
  });
  const ids = tiers.map((t) => t.gpu);
  const tierSet = new Set(ids);
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
  for (const t of ids) add(t, t, 0);
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
  const tierById = new Map(tiers.map((t) => [t.gpu, t]));

  const memoryFits = (t: Tier, memoryGiB: number) =>
    t.memoryGiB === null || Math.abs(t.memoryGiB - memoryGiB) <= MEMORY_TOLERANCE * t.memoryGiB;

  /** The tier a taken-apart name names, or the tiers it could equally be (ambiguous), or none. */
  function byParts(parts: GpuNameParts): { gpu: string } | { candidates: string[] } {
    const named = byKey.get(parts.base);
    if (named === undefined) return { candidates: [] };
    if (parts.memoryGiB === null && parts.formFactor === null) return { gpu: named };
    const family = tierById.get(named)!.family;
    let candidates = tiers.filter((t) => t.family === family);
    if (parts.memoryGiB !== null) candidates = candidates.filter((t) => memoryFits(t, parts.memoryGiB!));
    const ff = parts.formFactor;
    if (ff === 'sxm' || ff === 'nvl') candidates = candidates.filter((t) => t.formFactor === ff);
    else {
      // PCIe picks the PCIe variant where there is one (`RTX 4090 PCIe` is the RTX 4090); no form factor
      // written prefers the model's default board.
      const preferred = candidates.filter((t) => t.formFactor === (ff ?? 'sxm'));
      if (preferred.length > 0) candidates = preferred;
    }
    if (candidates.some((t) => t.gpu === named)) return { gpu: named };
    if (candidates.length === 1) return { gpu: candidates[0]!.gpu };
    return { candidates: candidates.map((t) => t.gpu) };
  }

  /** Tier ids nearest a name that resolves to none: by model, then form factor, then memory. */
  function suggest(name: string, parts: GpuNameParts | null): string[] {
    if (parts === null) {
      // Nothing to take apart: the nearest spellings, tier ids first (what a founder should write).
      const nearest = nearestNames(name, [...ids, ...spellings]).map((s) => byKey.get(gpuNameKey(s)) ?? s);
      return [...new Set(nearest)];
    }
    const limit = nearLimit(parts.base);
    const scored = tiers
      .map((t, index) => ({
        gpu: t.gpu,
        index,
        model: nameDistance(parts.base, t.familyKey, limit),
        form: parts.formFactor !== null && parts.formFactor !== t.formFactor ? 1 : 0,
        memory:
          parts.memoryGiB !== null && t.memoryGiB !== null ? Math.abs(t.memoryGiB - parts.memoryGiB) : 0,
      }))
      .filter((s) => s.model <= limit);
    scored.sort((a, b) => a.model - b.model || a.form - b.form || a.memory - b.memory || a.index - b.index);
    return scored.slice(0, 3).map((s) => s.gpu);
  }

  const cache = new Map<string, GpuNameMatch>();
  return {
    tiers: ids,
    resolve(name) {
      const hit = cache.get(name);
      if (hit !== undefined) return hit;
      let match: GpuNameMatch;
      const gpu = byKey.get(gpuNameKey(name));
      if (gpu !== undefined) match = { ok: true, gpu };
      else {
        const parts = gpuNameParts(name);
        const found = parts === null ? { candidates: [] } : byParts(parts);
        if ('gpu' in found) match = { ok: true, gpu: found.gpu };
        else
          match = {
            ok: false,
            nearest: found.candidates.length > 1 ? found.candidates : suggest(name, parts),
          };
      }
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
