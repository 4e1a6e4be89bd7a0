/**
 * Every number in the catalog that is not a price read from ../shared/reference is defined here, with the
 * source it leans on or the words "gpufit assumption" and the reason. Reliability rules are in reliability.ts,
 * billing increments in billing.ts, catalog ordering in vintages.ts.
 */

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

/**
 * Vast interruptible price, derived (the catalog has no Vast spot price: SpotPrice 0 = none): on-demand × 0.5, but
 * never below the lowest interruptible price observed for the same GPU (`depin-marketplace-prices.csv`, fairlane
 * 2026-05: RTX 3090 from $0.18, RTX 4090 from $0.31, A100 40GB from $0.40). A "from" price is the cheapest host's,
 * so a typical price cannot sit under it; and where that floor is not below the row's own on-demand price, an
 * interruptible rental would save nothing, so no interruptible row is derived (the observed floor row stays).
 */
export const VAST_INTERRUPTIBLE = {
  discount: 0.5,
  why: 'Vast docs: interruptible "can reduce costs in half or more"; FAQ: "Saves 50-80%" - gpufit uses the conservative end (50 % off on-demand)',
  floorWhy:
    'never below the lowest interruptible ("from") price observed for this GPU - the cheapest host\'s price, which a typical price cannot undercut',
  source:
    'Vast docs "Rental Types" https://vast.ai/docs/gpu-instances/rental-types; Vast FAQ https://docs.vast.ai/documentation/reference/faq/rental-types (price-facts §3)',
} as const;

/**
 * AWS Capacity Blocks for ML reserve GPU instances for a block of whole days booked ahead, paid up front ("days to
 * weeks", price-facts §6 / the stored AWS page). A block is a commitment (Committed, as the reference files it) but
 * for one job's days, not a term of months held all month: the row has no termMonths, and gpufit prices it as
 * capacity that cannot be interrupted, billed in whole days (a 10-day job pays 10 days, a 10.5-day job 11), not as
 * a monthly commitment left idle between jobs. A gpufit modelling choice; the row keeps its source.
 */
export const CAPACITY_BLOCK_BILLING = {
  incrementSeconds: 86_400,
  minimumSeconds: 86_400,
  note: 'AWS Capacity Block: reserved for whole days booked ahead, paid up front',
  source:
    'AWS "EC2 Capacity Blocks for ML Pricing" (stored mirror, reference README); day granularity: gpufit reading',
} as const;

/**
 * How a Capacity Block row names its source wherever gpufit prints one: the AWS page the stored copy mirrors, and
 * that it is read from a stored mirror (reference README, "extra-gpu-prices.csv"). The mirror's own address, which
 * names an unrelated host, stays in the row's notes for tracing.
 */
export const CAPACITY_BLOCK_SOURCE = {
  source:
    'AWS "Amazon EC2 Capacity Blocks for ML Pricing" page (aws.amazon.com/ec2/capacityblocks/pricing), read from a stored mirror (gpufit reference README, extra-gpu-prices.csv)',
  mirrorNote: (address: string) => `stored mirror read: ${address}`,
} as const;

export const CAPACITY_BLOCK_NOTE =
  'AWS Capacity Block for ML: reserved and paid up front for the days booked (1-182 days, AWS page), so pricingCategory Committed as the reference files it, with no termMonths: a block is not a 12/36-month term held all month; priced for the whole days a job books (billingIncrementSeconds and minimumBillableSeconds 86400), with no commitment idle between jobs - gpufit modelling choice';

/**
 * Akash leases are not spot. A reverse auction sets the rate once, when a provider's bid wins the tenant's order; the
 * lease then runs at that rate, paid per block from the tenant's escrow, until it is closed (price-facts §3, §8).
 * Nobody can outbid a running lease, so it is not preemptible capacity, and FOCUS 1.2 calls a rate "predetermined
 * at the agreed upon rate" Standard ("Dynamic when pricing is determined by the provider and may change over
 * time"). The reference file files the rows as Dynamic (auction); the compile writes them Standard with this note.
 * A lease can still be lost (the provider closes it, the host goes down): the `akash-lease` reliability rule.
 */
export const FIXED_RATE_LEASES = {
  providers: ['akash'],
  note: 'Akash lease: the winning bid fixes the rate until the tenant closes the lease (price-facts §3, §8), so no one can outbid it - FOCUS Standard (an agreed rate), not Dynamic; the reference files it Dynamic (auction); a lease lost to a provider or host is in the reliability rule',
} as const;

/**
 * Nosana's 10 % network fee on top of a market's usd_reward_per_hour: the tenant pays it, so gpufit adds it to the
 * listed price (depin-marketplace-prices.csv row notes: "dashboard code (nosana-ci) adds a 10% network fee on top of
 * usd_reward_per_hour (not in this figure)").
 */
export const NOSANA_NETWORK_FEE = 0.1;

/**
 * Newer Azure list prices than either catalog for three sizes in eastus (reference README: datareceipts
 * hyperscalers.json, retrieved 2026-11-09). Not used as prices (one region, a third-party capture); carried in notes.
 */
export const AZURE_NEWER_EASTUS_LIST: Readonly<Record<string, number>> = {
  Standard_NC48ads_A100_v4: 9.554,
  Standard_NC96ads_A100_v4: 19.108,
  Standard_NC80adis_H100_v5: 17.64,
};

/**
 * Share of a network's tenant price paid by incentive emissions (`incentiveSubsidyShare` of its offers and
 * `defaultSubsidyShare` of networks.csv), with why: sourced where the reference dates a programme, else a labelled
 * gpufit assumption. One table, read by providers.ts and networks.csv, so the two never disagree.
 */
export const SUBSIDY_SHARES: Readonly<Record<string, { readonly share: number; readonly why: string }>> = {
  akash: {
    share: 0,
    why: 'no incentive programme known to run now: the only ones in the reference, Provider Incentive Pilots PIP01 (passed Feb 2024) and PIP02 (passed Nov 2024, contracts of 9.37-12 months weighted average), ended by 2025-11, before the Akash prices (2026-09-20) were taken; PIP03 is only "proposed" there (price-facts §5). A scenario that expects a new pilot sets its share and end month',
  },
  nosana: {
    share: 0,
    why: "the reference documents no incentive emissions to Nosana hosts: a market's price is what the tenant pays the host in NOS (usd_reward_per_hour) plus the 10 % network fee (nosana.com/pricing.md snapshot 2026-09-03); a scenario that expects a subsidy sets one",
  },
  render: {
    share: 0.25,
    why: "gpufit assumption (no source states it): 0.25 is a planning default; Render emits RENDER to node operators each epoch (price-facts §5), but no source says what part of a job's price that pays (override it in a scenario)",
  },
  ionet: {
    share: 0.25,
    why: 'gpufit assumption (no source states it): 0.25 is a planning default; io.net pays suppliers hourly availability rewards in IO (price-facts §5), but no source says what part of a rental price that pays (override it in a scenario)',
  },
};

/** A network's share and why (`SUBSIDY_SHARES`); a network missing from it is a compile error. */
export function subsidyShareOf(provider: string): { readonly share: number; readonly why: string } {
  const s = SUBSIDY_SHARES[provider];
  if (s === undefined) throw new Error(`assumptions: no subsidy share for ${provider}`);
  return s;
}
