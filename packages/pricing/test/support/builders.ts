/** Profiles, offers and scenarios for tests, resolved through the schema (defaults applied as in production). */
import type {
  Offer,
  OfferInput,
  Scenario,
  ScenarioInput,
  WorkloadProfile,
  WorkloadProfileInput,
} from '@gpufit/schema';
import { offerSchema, scenarioSchema, workloadProfileSchema } from '@gpufit/schema';

export function profile(input: WorkloadProfileInput): WorkloadProfile {
  return workloadProfileSchema.parse(input);
}

export function offer(input: Partial<OfferInput> = {}): Offer {
  return offerSchema.parse({
    id: 'test:offer',
    provider: 'testcloud',
    market: 'gpu-cloud',
    gpu: 'A100-80GB',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    region: 'us-east-1',
    country: 'US',
    pricingCategory: 'Standard',
    usdPerGpuHour: 2,
    egressUsdPerGiB: 0,
    source: 'test',
    asOf: '2026-11-24',
    ...input,
  });
}

export function scenario(input: ScenarioInput = {}): Scenario {
  return scenarioSchema.parse(input);
}
