/**
 * Every number in the catalog that is not a price read from ../shared/reference is defined here, with the
 * source it leans on or the words "gpufit assumption" and the reason.
 */

import { HOURS_PER_MONTH } from '@gpufit/schema';

/** Hours in a month used to turn a monthly probability into an hourly hazard (price-facts §1: 730). */
export { HOURS_PER_MONTH };

/** Monthly reclaim probability p → hourly hazard λ = −ln(1 − p) / 730 (price-facts §1, suggested mapping). */
export function hazardFromMonthlyProbability(p: number): number {
  return -Math.log(1 - p) / HOURS_PER_MONTH;
}

export interface ReliabilityProfile {
  readonly availability: number;
  readonly interruptionsPerHour: number;
  readonly source: string;
}

const SPOT_MIDDLE_BAND = 0.125;
const SPOT_WORST_BAND = 0.25;

export const RELIABILITY = {
  hyperscalerOnDemand: {
    availability: 0.995,
    interruptionsPerHour: 0,
    source:
      'gpufit assumption: on-demand and reserved hyperscaler VMs are not reclaimed (0 interruptions); single-VM availability 0.995 (no availability figure in the reference)',
  },
  gpuCloudOnDemand: {
    availability: 0.99,
    interruptionsPerHour: 0,
    source:
      'gpufit assumption: provider-operated datacenter GPUs are not reclaimed (0 interruptions); availability 0.99, one step below hyperscalers (no SLA figure in the reference)',
  },
  awsSpot: {
    availability: 0.995,
    interruptionsPerHour: hazardFromMonthlyProbability(SPOT_MIDDLE_BAND),
    source:
      'AWS Spot Instance Advisor bands <5/5-10/10-15/15-20/>20 % per month (price-facts §1); gpufit assumption: per-family band data is not in the reference, so every AWS spot row takes the middle band 10-15 % (p = 0.125/month, λ = -ln(1-p)/730 per hour)',
  },
  otherCloudSpot: {
    availability: 0.995,
    interruptionsPerHour: hazardFromMonthlyProbability(SPOT_MIDDLE_BAND),
    source:
      'gpufit assumption: no published preemption rate; the AWS Spot Advisor middle band 10-15 %/month (price-facts §1, p = 0.125, λ = -ln(1-p)/730) is applied',
  },
  gpuCloudSpot: {
    availability: 0.99,
    interruptionsPerHour: hazardFromMonthlyProbability(SPOT_MIDDLE_BAND),
    source:
      'gpufit assumption: no published preemption rate for GPU-cloud spot; the AWS Spot Advisor middle band 10-15 %/month (price-facts §1, p = 0.125, λ = -ln(1-p)/730) is applied',
  },
  vastOnDemand: {
    availability: 0.95,
    interruptionsPerHour: 0,
    source:
      'Vast reliability score filter threshold reliability>=0.95 (common client practice; price-facts §3) used as availability; on-demand rentals are not preempted (run until the host maximum duration, Vast docs "Rental Types")',
  },
  marketplaceOnDemand: {
    availability: 0.95,
    interruptionsPerHour: 0,
    source:
      'gpufit assumption: marketplace hosts held to the same 0.95 floor as the common Vast reliability>=0.95 filter (price-facts §3); on-demand rentals are not preempted',
  },
  vastInterruptible: {
    availability: 0.95,
    interruptionsPerHour: 1 / 24,
    source:
      'Vast docs: interruptible instances are stopped when outbid (price-facts §3); no rate is published - gpufit assumption: one outbid stop per 24 h of running (λ = 1/24 per hour); availability as the 0.95 filter threshold',
  },
  depinCommunity: {
    availability: 0.9,
    interruptionsPerHour: hazardFromMonthlyProbability(SPOT_WORST_BAND),
    source:
      'gpufit assumption: community-hosted DePIN providers sit below the 0.95 marketplace filter floor (availability 0.90) and lose leases at the worst Spot Advisor band >20 %/month (p = 0.25, λ = -ln(1-p)/730; price-facts §1); no network publishes a rate',
  },
  depinHome: {
    availability: 0.9,
    interruptionsPerHour: 1 / 24,
    source:
      'gpufit assumption: consumer GPUs in home machines (sources call them interruptible by nature / not guaranteed) are reclaimed about once per 24 h (λ = 1/24 per hour); availability 0.90; no network publishes a rate',
  },
} as const satisfies Record<string, ReliabilityProfile>;

export type ReliabilityKey = keyof typeof RELIABILITY;

/**
 * GCP accelerator rows exclude the host VM. Host prices known from the reference (README quirks and
 * price-facts §7, same GCP catalog file, us-central1 only).
 */
export const GCP_HOSTS = {
  region: 'us-central1',
  'a2-highgpu-1g': { onDemand: 0.73948, spot: 0.36975 },
  'a2-ultragpu-1g': { onDemand: 1.09962 },
  'a3-highgpu-1g': { onDemand: 1.18251 },
  'a3-highgpu-8g': { onDemand: 9.46006 },
} as const;

/** Host family per GCP accelerator name (GCP attaches A100 40GB to a2-highgpu, 80GB to a2-ultragpu, H100 to a3-highgpu). */
export const GCP_HOST_FAMILY: Record<string, 'a2-highgpu' | 'a2-ultragpu' | 'a3-highgpu'> = {
  A100: 'a2-highgpu',
  'A100-80GB': 'a2-ultragpu',
  H100: 'a3-highgpu',
};

/** GPU counts each host family is offered with as a `-Ng` shape (a2-megagpu-16g is another family: dropped). */
export const GCP_HOST_SHAPES: Record<string, readonly number[]> = {
  'a2-highgpu': [1, 2, 4, 8],
  'a2-ultragpu': [1, 2, 4, 8],
  'a3-highgpu': [1, 2, 4, 8],
};

/**
 * Committed-use derivations. Each is a sourced discount band; gpufit applies the conservative end of the band
 * (the smallest discount) unless only a ceiling is published, and marks every row "derived".
 */
export interface CommitmentRule {
  readonly provider: string;
  readonly regions?: readonly string[];
  readonly termMonths: number;
  readonly discount: number;
  readonly why: string;
  readonly source: string;
}

export const COMMITMENTS: readonly CommitmentRule[] = [
  {
    provider: 'aws',
    regions: ['us-east-1', 'eu-central-1'],
    termMonths: 12,
    discount: 0.3,
    why: 'low end of the 1-yr Compute Savings Plan band ~30-45 %',
    source: 'Yobitel knowledge base "Savings Plans" / "Reserved vs Spot" (price-facts §6)',
  },
  {
    provider: 'aws',
    regions: ['us-east-1', 'eu-central-1'],
    termMonths: 36,
    discount: 0.5,
    why: 'low end of the 3-yr Compute Savings Plan band ~50-60 %',
    source: 'Yobitel knowledge base "Savings Plans" / "Reserved vs Spot" (price-facts §6)',
  },
  {
    provider: 'gcp',
    termMonths: 12,
    discount: 0.28,
    why: '1-yr flexible CUD "up to ~28 %" (general-purpose figure; GPU-specific CUD rates are not in the reference, so this may overstate the GPU discount)',
    source: 'Yobitel knowledge base "Reserved vs Spot" (price-facts §6)',
  },
  {
    provider: 'gcp',
    termMonths: 36,
    discount: 0.46,
    why: '3-yr flexible CUD "up to ~46 %" (general-purpose figure; GPU-specific CUD rates are not in the reference, so this may overstate the GPU discount)',
    source: 'Yobitel knowledge base "Reserved vs Spot" (price-facts §6)',
  },
  {
    provider: 'coreweave',
    termMonths: 12,
    discount: 0.3,
    why: 'CoreWeave states "up to 60 %" for committed usage; gpufit applies the low end of the independent 30-50 % reservation band (Mercatus) and a 12-month term (term not stated: gpufit assumption)',
    source:
      'CoreWeave pricing page via reference README ("up to 60% discounts ... for committed usage"); Mercatus cloud GPU pricing guide, May 2026 (price-facts §3)',
  },
  {
    provider: 'vast',
    termMonths: 1,
    discount: 0.3,
    why: 'Vast reserved/prepaid "up to 50 %, depending on the provider"; gpufit applies the low end of the independent 30-50 % reservation band (Mercatus); term = one month (Vast: month-scale prepaid blocks)',
    source:
      'Vast docs "Rental Types" https://vast.ai/docs/gpu-instances/rental-types; Mercatus cloud GPU pricing guide, May 2026 (price-facts §3, §6)',
  },
];

/** Vast interruptible price, derived (the catalog has no Vast spot price: SpotPrice 0 = none). */
export const VAST_INTERRUPTIBLE = {
  discount: 0.5,
  why: 'Vast docs: interruptible "can reduce costs in half or more"; FAQ: "Saves 50-80%" - gpufit uses the conservative end (50 % off on-demand)',
  source:
    'Vast docs "Rental Types" https://vast.ai/docs/gpu-instances/rental-types; Vast FAQ https://docs.vast.ai/documentation/reference/faq/rental-types (price-facts §3)',
} as const;

/** AWS Capacity Blocks reserve "days to weeks"; a Committed row needs a term. */
export const CAPACITY_BLOCK_TERM_MONTHS = 1;

/** Spot within this fraction of on-demand is flagged "possibly no real spot discount". */
export const SPOT_NEAR_ON_DEMAND = 0.05;

/**
 * Share of the tenant price paid by incentive emissions. No source states it for any network; see networks.csv.
 */
export const SUBSIDY_SHARE_WHY =
  'gpufit assumption: no source states the share of the tenant price paid by incentive emissions; 0.25 is a planning default for every token network (override it in a scenario)';
