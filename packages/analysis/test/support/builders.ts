import type { GpuTier } from '@gpufit/pricing';
import {
  type Offer,
  type OfferInput,
  type UnitCost,
  type UnitCostFigure,
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

/**
 * A cloud option's cost per unit with a stated volume, as unitCostFor writes it: one figure at `rate` units per
 * GPU-second, and the volume's share of what `billed` GPU-hours make at that rate (the volume-capacity risks' input).
 */
export function statedUnitCost(
  outputPerMonth: number,
  s: {
    readonly rate: number;
    readonly billed: number;
    readonly monthlyUsd: number;
    readonly figure: Omit<UnitCostFigure, 'side' | 'unitsPerGpuSecond' | 'version' | 'precision' | 'source'>;
    readonly modelSizeBand: UnitCost['modelSizeBand'];
  },
): UnitCost {
  return {
    unit: 'tokens',
    per: 1e6,
    modelSizeBand: s.modelSizeBand,
    basis: 'measured-throughput',
    gaps: [],
    figures: [
      {
        side: 'cloud',
        unitsPerGpuSecond: s.rate,
        version: 'v5.1',
        precision: 'fp8',
        source: 'MLPerf',
        ...s.figure,
      },
    ],
    atStatedVolume: {
      outputPerMonth,
      recommendation: 'cloud',
      monthlyUsd: s.monthlyUsd,
      usd: (s.monthlyUsd / outputPerMonth) * 1e6,
      capacityShare: outputPerMonth / (s.rate * 3600 * s.billed),
    },
  };
}
