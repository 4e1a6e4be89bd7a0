// GPU names as people write them (issue 15 §8): vendor prefixes, memory sizes and form factors, resolved to
// tiers of the bundled datasets/gpu-tiers.csv when unambiguous; a miss suggests the nearest tiers.
import { describe, expect, it } from 'vitest';
import { referenceIndexes } from '../src/data/referenceIndexes.js';
import { buildGpuNameIndex, gpuFamily } from '../src/io/gpuNameIndex.js';
import { gpuNameParts } from '../src/io/gpuNameParts.js';

const { gpuNames } = await referenceIndexes();

describe('gpuNameParts: a name taken apart', () => {
  it.each([
    ['H100 80GB SXM5', { base: 'h100', memoryGiB: 80, formFactor: 'sxm' }],
    ['nvidia-a100', { base: 'a100', memoryGiB: null, formFactor: null }],
    ['A100 80 GB PCIe', { base: 'a100', memoryGiB: 80, formFactor: 'pcie' }],
    ['NVIDIA GeForce RTX 4090', { base: 'rtx4090', memoryGiB: null, formFactor: null }],
    ['NVIDIA H100 80GB HBM3', { base: 'h100', memoryGiB: 80, formFactor: null }],
    ['nvidia h100 80Gi SXM5', { base: 'h100', memoryGiB: 80, formFactor: 'sxm' }],
    ['HGX B200', { base: 'b200', memoryGiB: null, formFactor: 'sxm' }],
    ['A10G', { base: 'a10g', memoryGiB: null, formFactor: null }],
  ])('%s', (name, parts) => {
    expect(gpuNameParts(name)).toEqual(parts);
  });

  it.each(['NVIDIA', '80GB', 'H100 80GB 94GB', 'H100 SXM PCIe', ''])('%j is no one GPU name', (name) => {
    expect(gpuNameParts(name)).toBeNull();
  });
});

describe('GPU names as users write them resolve to their tier', () => {
  it.each([
    ['H100 80GB SXM5', 'H100'],
    ['nvidia-a100', 'A100-40GB'], // bare A100 is the 40 GB part, as the alias table says
    ['A100 80GB PCIe', 'A100-80GB-PCIe'],
    ['NVIDIA H100 SXM', 'H100'],
    ['RTX 4090', 'RTX4090'],
    ['H100 SXM', 'H100'],
    ['H100 PCIe', 'H100-PCIe'],
    ['NVIDIA H100 PCIe 80GB', 'H100-PCIe'],
    ['H100 94GB', 'H100-NVL'],
    ['NVIDIA A100-SXM4-80GB', 'A100-80GB'],
    ['A100 SXM4 40GB', 'A100-40GB'],
    ['A100 40GB PCIe', 'A100-40GB'], // the one 40 GB A100 tier (gpu-tiers.csv has no PCIe variant)
    ['A100 SXM', 'A100-40GB'],
    ['nvidia a100 80Gi PCIe', 'A100-80GB-PCIe'], // Akash Console API spelling
    ['NVIDIA GeForce RTX 4090 24GB', 'RTX4090'],
    ['Tesla V100 32GB', 'V100-32GB'],
    ['V100 SXM2 16GB', 'V100'],
    ['nvidia h200 141gb', 'H200'],
    ['L40S 48 GB', 'L40S'],
    ['nvidia-l4', 'L4'],
    ['Quadro RTX 6000', 'RTX6000'],
    ['RTX 4090 PCIe', 'RTX4090'],
    ['nvidia pro6000se PCIe 96GB', 'RTXPRO6000'], // Akash Console model id (alias) with vendor, interface, memory
    ['RTX PRO 6000 WS', 'RTXPRO6000'], // Vast gpu_name
  ])('%s → %s', (name, tier) => {
    expect(gpuNames.resolve(name)).toEqual({ ok: true, gpu: tier });
  });
});

describe('a name that is no tier suggests the nearest tiers', () => {
  it.each([
    ['H100 96GB SXM5', ['H100', 'H100-NVL', 'H100-PCIe']], // no 96 GB H100: its variants, SXM first
    ['H110 80GB SXM5', ['H100', 'H100-PCIe', 'H100-NVL']], // a typo: the H100 tiers first, not A100-80GB
    ['RTX 4090 48GB', ['RTX4090']],
    ['A100 NVL', ['A100-40GB', 'A100-80GB', 'A100-80GB-PCIe']],
  ])('%s → %j', (name, nearest) => {
    const m = gpuNames.resolve(name);
    expect(m.ok).toBe(false);
    expect(m.ok ? [] : m.nearest.slice(0, nearest.length)).toEqual(nearest);
  });

  it('an ambiguous name lists the tiers it could be', () => {
    const index = buildGpuNameIndex(
      [
        { gpu: 'X1-40GB', memoryGiB: 40 },
        { gpu: 'X1-40GB-PCIe', memoryGiB: 40 },
        { gpu: 'X1-80GB', memoryGiB: 80 },
      ],
      [{ alias: 'X1', gpu: 'X1-80GB' }],
    );
    expect(index.resolve('X1 40GB SXM')).toEqual({ ok: true, gpu: 'X1-40GB' });
    expect(index.resolve('X1 40GB PCIe')).toEqual({ ok: true, gpu: 'X1-40GB-PCIe' });
    expect(index.resolve('nvidia X1')).toEqual({ ok: true, gpu: 'X1-80GB' });
    expect(index.resolve('X1 40GB')).toEqual({ ok: true, gpu: 'X1-40GB' });
  });

  it('keeps exact aliases first and rejects what it cannot place', () => {
    expect(gpuNames.resolve('4090')).toEqual({ ok: true, gpu: 'RTX4090' });
    expect(gpuNames.resolve('8x H100').ok).toBe(false);
    expect(gpuNames.resolve('32').ok).toBe(false);
  });
});

describe('gpuFamily', () => {
  it.each([
    ['A100-80GB-PCIe', 'A100'],
    ['H100-NVL', 'H100'],
    ['V100-32GB', 'V100'],
    ['RTX6000-Ada', 'RTX6000-Ada'],
    ['L40S', 'L40S'],
  ])('%s → %s', (tier, family) => {
    expect(gpuFamily(tier)).toBe(family);
  });
});
