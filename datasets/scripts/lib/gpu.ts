import { GPU_ALIASES } from '../data/gpu-aliases';
import { GPU_SPECS, type GpuSpec } from '../data/gpu-specs';

const aliasMap = new Map<string, string>();
for (const [alias, gpu] of GPU_ALIASES) {
  const key = alias.toLowerCase();
  if (aliasMap.has(key)) throw new Error(`gpu-aliases: duplicate spelling "${alias}" (case-insensitive)`);
  if (!GPU_SPECS.some((s) => s.gpu === gpu)) throw new Error(`gpu-aliases: "${alias}" → unknown tier ${gpu}`);
  aliasMap.set(key, gpu);
}

export function tierOf(rawName: string): string | undefined {
  return aliasMap.get(rawName.toLowerCase());
}

export function spec(gpu: string): GpuSpec {
  const s = GPU_SPECS.find((x) => x.gpu === gpu);
  if (!s) throw new Error(`gpu-specs: unknown tier ${gpu}`);
  return s;
}

/**
 * Context rules: the raw accelerator name is generic but the instance name or the provider's convention
 * names the real variant. First match wins; each carries the note written into the offer.
 */
interface VariantRule {
  readonly provider: string | RegExp;
  readonly instance: RegExp;
  readonly gpu: string;
  readonly note: string;
}

const VARIANT_RULES: readonly VariantRule[] = [
  { provider: 'vast', instance: /H100_NVL/, gpu: 'H100-NVL', note: 'tier from the instance name (H100_NVL)' },
  {
    provider: 'vast',
    instance: /A100_PCIE/,
    gpu: 'A100-80GB-PCIe',
    note: 'tier from the instance name (A100_PCIE, 80 GB per the catalog GpuInfo)',
  },
  {
    provider: 'vast',
    instance: /RTX_4070S_Ti/,
    gpu: 'RTX4070TiSuper',
    note: 'catalog accelerator "RTX4070" but the instance is an RTX 4070 Ti SUPER (16 GB): tier RTX4070TiSuper',
  },
  {
    provider: 'vast',
    instance: /RTX_3060_Ti/,
    gpu: 'RTX3060Ti',
    note: 'catalog accelerator "RTX3060" but the instance is an RTX 3060 Ti: tier RTX3060Ti',
  },
  {
    provider: 'vast',
    instance: /RTX_4060_Ti/,
    gpu: 'RTX4060Ti',
    note: 'catalog accelerator "RTX4060" but the instance is an RTX 4060 Ti (16 GB): tier RTX4060Ti',
  },
  {
    provider: 'fluidstack',
    instance: /H100_PCIE/,
    gpu: 'H100-PCIe',
    note: 'tier from the instance name (H100_PCIE)',
  },
  {
    provider: 'fluidstack',
    instance: /A100_PCIE_80GB/,
    gpu: 'A100-80GB-PCIe',
    note: 'tier from the instance name (A100_PCIE_80GB)',
  },
  {
    provider: 'lambda',
    instance: /h100_pcie/,
    gpu: 'H100-PCIe',
    note: 'tier from the instance name (h100_pcie)',
  },
  {
    provider: 'runpod',
    instance: /^\d+x_A100-80GB_SECURE$/,
    gpu: 'A100-80GB-PCIe',
    note: 'SkyPilot RunPod catalog names the PCIe card "A100-80GB" and the SXM card "A100-80GB-SXM" (inferred from the paired names): tier A100-80GB-PCIe',
  },
  { provider: 'azure', instance: /^Standard_ND96isr_H100_v5$/, gpu: 'H100', note: 'ND H100 v5 = H100 SXM' },
  {
    provider: 'azure',
    instance: /^Standard_NC\d+a\w*_H100_v5$/,
    gpu: 'H100-NVL',
    note: 'Azure NC H100 v5 = H100 NVL 94 GB (reference README)',
  },
  {
    provider: 'azure',
    instance: /^Standard_NCC\d+a\w*_H100_v5$/,
    gpu: 'H100-NVL',
    note: 'Azure NCC H100 v5 = confidential-computing size of NC H100 v5 (H100 NVL 94 GB; gpufit inference from the size family)',
  },
  {
    provider: 'azure',
    instance: /^Standard_NC\d+ads_A100_v4$/,
    gpu: 'A100-80GB-PCIe',
    note: 'Azure NC A100 v4 = A100 PCIe 80GB (reference row note)',
  },
];

export function resolveGpu(
  provider: string,
  instanceType: string,
  rawGpu: string,
): { gpu: string; note: string } | undefined {
  for (const r of VARIANT_RULES) {
    const providerOk = typeof r.provider === 'string' ? r.provider === provider : r.provider.test(provider);
    if (providerOk && r.instance.test(instanceType)) return { gpu: r.gpu, note: r.note };
  }
  const gpu = tierOf(rawGpu);
  return gpu === undefined ? undefined : { gpu, note: '' };
}
