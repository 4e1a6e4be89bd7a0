/**
 * An AWS p5.48xlarge Capacity Block as the catalog writes it (reference extra-gpu-prices.csv: $39.33/h = $4.916/GPU-h,
 * Committed with no term, billed in whole days) and the robotics pretrain it carries (64 H100 on InfiniBand).
 */
import type { Offer, OfferInput, WorkloadProfile } from '@gpufit/schema';
import { offer, profile } from './builders.js';

export function capacityBlock(input: Partial<OfferInput> = {}): Offer {
  return offer({
    provider: 'aws',
    market: 'hyperscaler',
    gpu: 'H100',
    gpusPerInstance: 8,
    pricingCategory: 'Committed',
    usdPerGpuHour: 4.916,
    availability: 0.999,
    interruptionsPerHour: 0,
    interconnect: 'infiniband',
    minimumBillableSeconds: 86_400,
    billingIncrementSeconds: 86_400,
    ...input,
  });
}

/** One 64-GPU pretrain job of `hoursPerJob` hours, `jobsPerMonth` times a month, no restart time. */
export function blockPretrain(hoursPerJob: number, jobsPerMonth = 1): WorkloadProfile {
  return profile({
    id: 'pretrain',
    kind: 'multi-node-training',
    gpuType: 'H100',
    modelParamsBillions: 1,
    gpusPerReplica: 8,
    nodes: 8,
    interconnect: 'infiniband',
    jobsPerMonth,
    hoursPerJob,
    restartMinutes: 0,
    interruptible: false,
  });
}
