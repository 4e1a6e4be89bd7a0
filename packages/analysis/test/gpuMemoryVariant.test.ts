import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPU_MEMORY_VARIANT_SHARE, gpuMemoryVariant } from '../src/gpuMemoryVariant.js';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A 14B chat model at bf16 (26.1 GiB of weights) named on an RTX 4090 was priced on Vast's Hong Kong listing of a
 * modified RTX 4090 with 48 GB, and the report read "5 × 1 RTX4090": a card a practitioner knows cannot hold it.
 * The result now says the memory of a GPU listed more than 10 % away from its model's usual memory.
 */
describe('gpuMemoryVariant', () => {
  it('names a 48 GB RTX 4090 (usual 24), not an L4 listed in GB (24) where the tier says 22.35 GiB', () => {
    expect(gpuMemoryVariant(48, 24)).toBe(48);
    expect(gpuMemoryVariant(24, 22.35)).toBeNull();
    expect(gpuMemoryVariant(22.35, 22.35)).toBeNull();
    // A cut-down card is a variant too.
    expect(gpuMemoryVariant(40, 80)).toBe(40);
    // Unknown usual memory: nothing to compare with.
    expect(gpuMemoryVariant(48, undefined)).toBeNull();
  });

  it('property: a variant is exactly a memory more than the threshold away, and is the offer’s own memory', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (offer, usual) => {
          const v = gpuMemoryVariant(offer, usual);
          const far = Math.abs(offer - usual) > GPU_MEMORY_VARIANT_SHARE * usual;
          return far ? v === offer : v === null;
        },
      ),
    );
  });
});

describe('analyze: an option on a GPU with other than its usual memory says it', () => {
  const tiers = gpuTierTable([
    gpuTier('A100-80GB', { generation: 'Ampere' }),
    gpuTier('RTX4090', { generation: 'Ada Lovelace', memoryGiB: 24, consumer: true }),
  ]);
  const scenarioResult = validateScenario({ analysisDate: '2026-12-05' });
  if (!scenarioResult.ok) throw new Error('scenario');
  const vast = (id: string, gpuMemoryGiB: number, usdPerGpuHour: number): Offer =>
    offerOf('gpuMemoryVariant test', {
      id,
      market: 'marketplace',
      providerName: 'Vast.ai',
      hosting: 'community',
      gpu: 'RTX4090',
      gpuMemoryGiB,
      gpusPerInstance: 1,
      region: 'hong-kong-hk-as',
      country: 'HK',
      usdPerGpuHour,
    });
  const chat = (modelParamsBillions: number) =>
    profileOf({
      id: `chat-${modelParamsBillions}b`,
      kind: 'realtime-inference',
      modelParamsBillions,
      precision: 'bf16',
      gpuType: 'RTX4090',
      gpusPerReplica: 1,
      gpuHoursPerMonth: 730,
      dataSensitivity: 'internal',
    });
  const run = async (modelParamsBillions: number) => {
    const a = await analyze({
      workloads: [chat(modelParamsBillions)],
      offers: [vast('vast:1x-4090-48:hk', 48, 0.4), vast('vast:1x-4090:de', 24, 0.3)],
      tiers,
      scenario: scenarioResult.value,
      monteCarlo: false,
    });
    return a.workloads[0]!.decision.depin!.offer;
  };

  it('14B at bf16 (26.1 GiB) fits only the 48 GB card: its offer carries gpuMemoryGiB 48', async () => {
    const offer = await run(14);
    expect(offer.id).toBe('vast:1x-4090-48:hk');
    expect(offer.gpuMemoryGiB).toBe(48);
  });

  it('8B at bf16 takes the cheaper stock card, whose offer says no memory', async () => {
    const offer = await run(8);
    expect(offer.id).toBe('vast:1x-4090:de');
    expect(offer).not.toHaveProperty('gpuMemoryGiB');
  });
});
