/** How a GPU is attached: SXM/HGX boards (NVLink), PCIe cards, or the NVL pair (H100 NVL). */
export type GpuFormFactor = 'sxm' | 'pcie' | 'nvl';

/** A GPU name taken apart the way people write it: `NVIDIA H100 80GB SXM5` = base `h100`, 80 GB, SXM. */
export interface GpuNameParts {
  /** The model without vendor, memory and form-factor words, as a lookup key (`h100`, `rtx4090`). */
  readonly base: string;
  readonly memoryGiB: number | null;
  readonly formFactor: GpuFormFactor | null;
}

/** Words that name the vendor or brand line, not the model: `NVIDIA`, `GeForce RTX 4090`, `Tesla T4`. */
const VENDOR_WORDS = new Set([
  'nvidia',
  'amd',
  'intel',
  'habana',
  'geforce',
  'tesla',
  'quadro',
  'radeon',
  'instinct',
]);

/** Words that describe every GPU of a model alike: memory type, marketing nouns. */
const NOISE_WORDS = new Set(['gpu', 'tensor', 'core', 'graphics', 'generation', 'edition']);
const MEMORY_TYPE = /^(hbm\d?e?|gddr\d+x?)$/;

const FORM_FACTORS: ReadonlyArray<readonly [RegExp, GpuFormFactor]> = [
  [/^sxm\d?$/, 'sxm'],
  [/^(hgx|nvlink)$/, 'sxm'],
  [/^pcie$/, 'pcie'],
  [/^nvl$/, 'nvl'],
];

const MEMORY = /^(\d+(?:\.\d+)?)(gb|g|gib|gi)$/;
const UNIT = /^(gb|g|gib|gi)$/;

/**
 * Takes a GPU name apart: lower case, split on spaces, `-`, `_`, `/` and commas; vendor and noise words
 * dropped; one memory size (`80GB`, `80 GB`, `80Gi`) and one form factor (`SXM5`, `PCIe`, `NVL`, `HGX`) read
 * out; the rest joined is the base. Returns null when nothing is left, or when the name gives two memory sizes
 * or two form factors (then it is not one GPU's name).
 */
export function gpuNameParts(name: string): GpuNameParts | null {
  const tokens = name
    .toLowerCase()
    .split(/[\s_\-/,()]+/)
    .filter((t) => t !== '');
  const base: string[] = [];
  let memoryGiB: number | null = null;
  let formFactor: GpuFormFactor | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (VENDOR_WORDS.has(t) || NOISE_WORDS.has(t) || MEMORY_TYPE.test(t)) continue;
    let mem: number | null = null;
    const withUnit = MEMORY.exec(t);
    if (withUnit !== null) mem = Number(withUnit[1]);
    else if (/^\d+$/.test(t) && UNIT.test(tokens[i + 1] ?? '')) {
      mem = Number(t); // `80 GB`: the unit is the next token
      i++;
    }
    if (mem !== null) {
      if (memoryGiB !== null) return null;
      memoryGiB = mem;
      continue;
    }
    const ff = FORM_FACTORS.find(([re]) => re.test(t))?.[1];
    if (ff !== undefined) {
      if (formFactor !== null && formFactor !== ff) return null;
      formFactor = ff;
      continue;
    }
    base.push(t);
  }
  if (base.length === 0) return null;
  return { base: base.join(''), memoryGiB, formFactor };
}
