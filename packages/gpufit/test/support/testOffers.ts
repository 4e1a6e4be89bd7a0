/**
 * A small offer catalog generated in code for the `gpufit offers` tests, so they do not move when the bundled
 * datasets/offers.csv is rebuilt. Prices are the reference figures quoted in price-facts.md §7 where one
 * exists (AWS p5.48xlarge $6.88/GPU-h us-east-1, spot min $1.41 us-east-2; Lambda H100 PCIe $3.29; Vast
 * RTX 4090 $0.40; Akash H100 list $2.71), otherwise round illustrative numbers.
 */
import { type Offer, type OfferInput, validateOffer } from '@gpufit/schema';

export function testOffer(input: Partial<OfferInput> & Pick<OfferInput, 'id'>): Offer {
  const v = validateOffer({
    provider: input.id.split(':')[0]!,
    market: 'hyperscaler',
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    region: 'us-east-1',
    country: 'US',
    pricingCategory: 'Standard',
    source: 'gpufit test catalog (support/testOffers.ts)',
    asOf: '2026-11-24',
    ...input,
  });
  if (!v.ok) throw new Error(`${input.id}: ${JSON.stringify(v.issues)}`);
  return v.value;
}

const p5 = (region: string, country: string, category: 'Standard' | 'Dynamic', usdPerGpuHour: number) =>
  testOffer({
    id: `aws:p5.48xlarge:${region}:${category.toLowerCase()}`,
    instanceType: 'p5.48xlarge',
    region,
    country,
    pricingCategory: category,
    usdPerGpuHour,
    hosting: 'datacenter',
    verified: true,
  });

/** A 1×RTX 4090 Vast bucket in Germany, as `gpufit import vast` writes one. */
function vast4090(category: 'Standard' | 'Dynamic', price: Partial<OfferInput>): Offer {
  return testOffer({
    id: `vast:1x-rtx4090:de:community-verified:${category.toLowerCase()}`,
    market: 'marketplace',
    instanceType: '1x RTX4090',
    gpu: 'RTX4090',
    gpuMemoryGiB: 24,
    gpusPerInstance: 1,
    region: 'de',
    country: 'DE',
    pricingCategory: category,
    hosting: 'community',
    verified: true,
    ...price,
  });
}

export const TEST_CATALOG: readonly Offer[] = [
  p5('us-east-1', 'US', 'Standard', 6.88),
  p5('us-east-1', 'US', 'Dynamic', 2.36),
  p5('us-east-2', 'US', 'Standard', 6.88),
  p5('us-east-2', 'US', 'Dynamic', 1.41),
  p5('us-west-2', 'US', 'Standard', 6.5),
  p5('us-west-2', 'US', 'Dynamic', 2.1),
  p5('eu-central-1', 'DE', 'Standard', 9.49),
  testOffer({
    id: 'aws:p5.48xlarge:us-east-1:committed-12mo',
    instanceType: 'p5.48xlarge',
    pricingCategory: 'Committed',
    termMonths: 12,
    usdPerGpuHour: 4.1,
  }),
  testOffer({
    id: 'gcp:a3-highgpu-8g:europe-west4:standard',
    instanceType: 'a3-highgpu-8g',
    region: 'europe-west4',
    country: 'NL',
    usdPerGpuHour: 11.06,
  }),
  testOffer({
    id: 'lambda:gpu-1x-h100-pcie:us-east-1:standard',
    market: 'gpu-cloud',
    instanceType: 'gpu_1x_h100_pcie',
    gpu: 'H100-PCIe',
    gpusPerInstance: 1,
    usdPerGpuHour: 3.29,
  }),
  testOffer({
    id: 'nebius:gpu-h100-sxm:eu-north1:standard',
    market: 'gpu-cloud',
    instanceType: 'gpu-h100-sxm',
    gpusPerInstance: 1,
    region: 'eu-north1',
    country: 'FI',
    usdPerGpuHour: 2.95,
    asOf: '2025-06-01',
  }),
  vast4090('Standard', { usdPerGpuHour: 0.4, usdPerGpuHourMin: 0.35, usdPerGpuHourMax: 0.45 }),
  vast4090('Dynamic', { usdPerGpuHour: 0.22 }),
  testOffer({
    id: 'akash:h100-80gb-sxm5:any:dynamic',
    market: 'depin',
    instanceType: 'H100 80GB SXM5',
    gpusPerInstance: 1,
    region: 'any',
    country: undefined,
    pricingCategory: 'Dynamic',
    usdPerGpuHour: 2.71,
    incentiveSymbol: 'AKT',
    incentiveSubsidyShare: 0.25,
    incentiveDenomination: 'either',
  }),
];
