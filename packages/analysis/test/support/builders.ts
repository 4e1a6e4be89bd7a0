import type { GpuTier } from '@gpufit/pricing';
import {
  type Offer,
  type OfferInput,
  validateOffer,
  validateWorkloadProfile,
  type WorkloadProfile,
} from '@gpufit/schema';
import type { RiskEvidence } from '../../src/risks.js';

/** A GPU tier row with every relative throughput 1 (the reference GPU's), as datasets/gpu-tiers.csv writes one. */
export function gpuTier(gpu: string, overrides: Partial<GpuTier> = {}): GpuTier {
  return {
    gpu,
    vendor: 'NVIDIA',
    generation: 'Hopper',
    memoryGiB: 80,
    interconnect: 'nvlink',
    fp16Tflops: null,
    memoryBandwidthGBps: null,
    relThroughputInference: 1,
    relThroughputTraining: 1,
    relThroughputFineTuning: 1,
    consumer: false,
    source: 'test',
    notes: '',
    ...overrides,
  };
}

/** A validated offer: an H100 in us-east-1 from the provider its id starts with, unless `input` says otherwise. */
export function offerOf(
  source: string,
  input: Partial<OfferInput> & Pick<OfferInput, 'id' | 'market' | 'usdPerGpuHour'>,
): Offer {
  const v = validateOffer({
    provider: input.id.split(':')[0]!,
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    region: 'us-east-1',
    country: 'US',
    pricingCategory: 'Standard',
    source,
    asOf: '2026-11-24',
    ...input,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}

/** A validated workload profile. */
export function profileOf(input: Record<string, unknown>): WorkloadProfile {
  const v = validateWorkloadProfile(input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}

/**
 * A public 70B FP8 API that names its model and states its volume (1.2 billion output tokens a month on 1,460
 * GPU-hours): the workload the hosted-API tests compare; `extra` sets or replaces any field.
 */
export function hostedApiWorkload(extra: Record<string, unknown> = {}): WorkloadProfile {
  return profileOf({
    id: 'api-70b',
    kind: 'realtime-inference',
    modelParamsBillions: 70,
    precision: 'fp8',
    gpuHoursPerMonth: 1460,
    dataSensitivity: 'internal',
    outputUnit: 'tokens',
    outputPerMonth: 1.2e9,
    model: 'Llama 3.1 70B Instruct',
    ...extra,
  });
}

/**
 * Risk evidence for one rule's test: what every rule reads, a cloud recommendation with no option priced, then
 * `e` (a cast: each test fills only what its rule reads).
 */
export function riskEvidence(e: Partial<RiskEvidence>): RiskEvidence {
  return {
    profile: profileOf({ id: 'w', kind: 'realtime-inference', gpuHoursPerMonth: 730 }),
    fit: { constraints: [], reasons: [] },
    cloud: null,
    depin: null,
    depinOffer: null,
    recommendation: 'cloud',
    analysisDate: null,
    maxOfferAgeDays: 90,
    projection: null,
    distribution: null,
    ...e,
  } as unknown as RiskEvidence;
}
