/**
 * Provider registry: display name (FOCUS ProviderName), market, hosting/verification defaults,
 * compliance programmes, internet egress and incentive token. One entry per provider id; the compiler
 * never branches on a provider name outside this table and assumptions.ts.
 */

import type { Denomination, Hosting, Market } from '@gpufit/schema';
import { subsidyShareOf } from './assumptions';

export type { Hosting, Market };

export interface EgressProfile {
  /** first paid tier, $/GiB; undefined = unknown */
  readonly firstPaidUsdPerGiB?: number;
  /** `upToGiB:usdPerGiB;…;inf:usdPerGiB` cumulative monthly thresholds; '' = unknown */
  readonly tiers: string;
  /** undefined = unknown */
  readonly ingressUsdPerGiB?: number;
  readonly source: string;
}

export interface IncentiveProfile {
  readonly symbol: string;
  readonly subsidyShare: number;
  readonly denomination: Denomination;
  /** why this denomination, with its source (written into the row notes) */
  readonly denominationWhy: string;
}

export interface ProviderProfile {
  readonly id: string;
  readonly name: string;
  readonly market: Market;
  readonly hosting: Hosting;
  readonly verified: boolean;
  readonly verifiedWhy: string;
  /** compliance programmes; `fedrampUsOnly` adds fedramp to US regions only */
  readonly certifications: readonly string[];
  readonly fedrampUsOnly?: boolean;
  readonly egress: EgressProfile;
  readonly incentive?: IncentiveProfile;
}

/**
 * Egress: sources quote $/GB and TB. gpufit reads a quoted "GB" as 1 GiB and "TB" as 1,024 GiB (no unit
 * conversion of prices): the clouds meter transfer in binary units on their bills, and the difference
 * (7.4 %) is far below the regional spread. Thresholds are cumulative GiB per month.
 */
const AWS_EGRESS: EgressProfile = {
  firstPaidUsdPerGiB: 0.09,
  // 100 GB free; $0.09 up to 10 TB; $0.085 next 40 TB (to 50 TB); $0.07 next 100 TB (to 150 TB); $0.05 above.
  tiers: '100:0;10240:0.09;51200:0.085;153600:0.07;inf:0.05',
  ingressUsdPerGiB: 0,
  source:
    'price-facts §4: AWS internet egress tiers (egresscost.com/aws; atonementlicensing.com AWS egress tier table; leanopstech.com 2026) - us-east-1 tiers applied to every region (gpufit assumption; e.g. ap-southeast-2 was higher in 2020)',
};
const GCP_EGRESS: EgressProfile = {
  firstPaidUsdPerGiB: 0.12,
  tiers: '200:0;inf:0.12',
  ingressUsdPerGiB: 0,
  source:
    'price-facts §4: GCP Premium Tier internet egress $0.12/GB first TB, first 200 GB/month free (cloudtoolstack.com; thundercompute.com; infracost #2773); no higher tier in the reference so $0.12 is carried to inf (upper bound); Asia/Australia destinations cost more ($0.19-0.23)',
};
const AZURE_EGRESS: EgressProfile = {
  firstPaidUsdPerGiB: 0.087,
  tiers: '100:0;inf:0.087',
  ingressUsdPerGiB: 0,
  source:
    'price-facts §4: Azure $0.087/GB first 10 TB, first 100 GB/month free (cloudtoolstack.com); discounted tiers above 10 TB are not quantified in the reference, so $0.087 is carried to inf (upper bound)',
};
const FREE_EGRESS = (source: string): EgressProfile => ({
  firstPaidUsdPerGiB: 0,
  tiers: 'inf:0',
  ingressUsdPerGiB: 0,
  source,
});
/** Egress unknown; ingress 0 because no source says inbound transfer is charged (gpufit default). */
const UNKNOWN_EGRESS = (source: string): EgressProfile => ({
  tiers: '',
  ingressUsdPerGiB: 0,
  source: `${source}; ingress 0 (no source says inbound is charged)`,
});

const HYPERSCALER_CERTS = ['gdpr', 'hipaa', 'iso27001', 'pci-dss', 'soc2'];
const HYPERSCALER_VERIFIED = 'first-party hyperscaler data centres';
const GPU_CLOUD_VERIFIED = 'first-party (provider-operated) data centres';

const gpuCloud = (id: string, name: string, egress: EgressProfile): ProviderProfile => ({
  id,
  name,
  market: 'gpu-cloud',
  hosting: 'datacenter',
  verified: true,
  verifiedWhy: GPU_CLOUD_VERIFIED,
  certifications: [],
  egress,
});

const NOT_IN_REFERENCE = 'not in reference: egress price unknown';

export const PROVIDERS: readonly ProviderProfile[] = [
  {
    id: 'aws',
    name: 'Amazon Web Services',
    market: 'hyperscaler',
    hosting: 'datacenter',
    verified: true,
    verifiedWhy: HYPERSCALER_VERIFIED,
    certifications: HYPERSCALER_CERTS,
    fedrampUsOnly: true,
    egress: AWS_EGRESS,
  },
  {
    id: 'gcp',
    name: 'Google Cloud',
    market: 'hyperscaler',
    hosting: 'datacenter',
    verified: true,
    verifiedWhy: HYPERSCALER_VERIFIED,
    certifications: HYPERSCALER_CERTS,
    fedrampUsOnly: true,
    egress: GCP_EGRESS,
  },
  {
    id: 'azure',
    name: 'Microsoft Azure',
    market: 'hyperscaler',
    hosting: 'datacenter',
    verified: true,
    verifiedWhy: HYPERSCALER_VERIFIED,
    certifications: HYPERSCALER_CERTS,
    fedrampUsOnly: true,
    egress: AZURE_EGRESS,
  },
  gpuCloud(
    'lambda',
    'Lambda',
    FREE_EGRESS(
      'price-facts §4: Lambda docs "Billing" (no ingress/egress charges) and a third-party Lambda profile (free_egress: true); promptcost.org\'s $0.09/GB after 1 TB contradicts Lambda\'s docs and is not used',
    ),
  ),
  gpuCloud(
    'nebius',
    'Nebius',
    FREE_EGRESS(
      'price-facts §4: Nebius standard networking free (thundercompute.com egress article); object-storage download $0.015/GB is not compute egress',
    ),
  ),
  gpuCloud(
    'coreweave',
    'CoreWeave',
    UNKNOWN_EGRESS(
      'not in reference as a first-party figure: only promptcost.org (low confidence) lists $0.05/GB after 500 GB - left unknown',
    ),
  ),
  gpuCloud(
    'runpod',
    'RunPod',
    UNKNOWN_EGRESS(
      'not in reference as a first-party figure: only promptcost.org (low confidence) lists $0.05/GB - left unknown',
    ),
  ),
  gpuCloud('fluidstack', 'Fluidstack', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('paperspace', 'Paperspace', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('digitalocean', 'DigitalOcean', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('crusoe', 'Crusoe', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('massedcompute', 'Massed Compute', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud(
    'scaleway',
    'Scaleway',
    UNKNOWN_EGRESS(
      'not in reference for GPU instances (free egress is stated only for Scaleway serverless containers) - left unknown',
    ),
  ),
  gpuCloud('denvr', 'Denvr Dataworks', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('hyperstack', 'Hyperstack', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('vultr', 'Vultr', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  gpuCloud('excesssupply', 'Excess Supply', UNKNOWN_EGRESS(NOT_IN_REFERENCE)),
  {
    id: 'vast',
    name: 'Vast.ai',
    market: 'marketplace',
    hosting: 'community',
    verified: false,
    verifiedWhy:
      'host verification and datacenter status are not in the catalog row; treated as unverified community host (conservative)',
    certifications: [],
    egress: {
      firstPaidUsdPerGiB: 0.06,
      tiers: 'inf:0.06',
      // Ingress too: left blank it read as free, and a 200 TB re-index was sent to one Vast host with USD 0 of
      // ingress where the top of the range charges about USD 11,200.
      ingressUsdPerGiB: 0.06,
      source:
        'price-facts §4: Vast bandwidth is priced per host at $0-0.06/GB and hosts may also charge ingress (thundercompute.com); gpufit uses the top of the range (conservative) for egress and for ingress',
    },
  },
  {
    id: 'hyperbolic',
    name: 'Hyperbolic',
    market: 'marketplace',
    hosting: 'community',
    verified: false,
    verifiedWhy: 'marketplace suppliers; host vetting not stated in the reference',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
  },
  {
    id: 'tensordock',
    name: 'TensorDock',
    market: 'marketplace',
    hosting: 'community',
    verified: false,
    verifiedWhy: 'marketplace hosts; host vetting not stated in the reference',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
  },
  {
    id: 'akash',
    name: 'Akash Network',
    market: 'depin',
    hosting: 'community',
    verified: false,
    verifiedWhy:
      'audited providers exist (attributes signed on-chain by an auditor), but the "starting at" price is not tied to an audited provider',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
    incentive: {
      symbol: 'AKT',
      subsidyShare: subsidyShareOf('akash').share,
      denomination: 'either',
      denominationWhy:
        "Akash settles in USDC or AKT at the tenant's choice (Mainnet 6 / AEP-24, price-facts §5); prices quoted in USD, so priced as USD",
    },
  },
  {
    id: 'salad',
    name: 'SaladCloud',
    market: 'depin',
    hosting: 'community',
    verified: false,
    verifiedWhy: 'consumer GPUs in home machines',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
  },
  {
    id: 'render',
    name: 'Render Network',
    market: 'depin',
    hosting: 'community',
    verified: false,
    verifiedWhy: 'community node operators',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
    incentive: {
      symbol: 'RENDER',
      subsidyShare: subsidyShareOf('render').share,
      denomination: 'token',
      denominationWhy:
        'work is priced in RENDER credits per OctaneBench-hour (reference README); Burn-Mint Equilibrium describes fiat job pricing, so this may change',
    },
  },
  {
    id: 'nosana',
    name: 'Nosana',
    market: 'depin',
    hosting: 'community',
    verified: false,
    verifiedWhy:
      'per row from the source: PREMIUM hosts staked and passed benchmarking; COMMUNITY hosts did not',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
    incentive: {
      symbol: 'NOS',
      subsidyShare: subsidyShareOf('nosana').share,
      denomination: 'token',
      denominationWhy:
        'source denomination "usd-or-token", but Nosana sets each market\'s price in NOS per second (nos_job_price_per_second) and shows USD only as a conversion, so the USD cost follows NOS whichever way the tenant pays: priced in the NOS incentive token',
    },
  },
  {
    id: 'spheron',
    name: 'Spheron',
    market: 'depin',
    hosting: 'datacenter',
    verified: false,
    verifiedWhy:
      'verification not stated in the source; Spheron aggregates datacenter capacity (Voltage Park, DataCrunch, TensorDock, Sesterce, Massed Compute …), so treated as unverified',
    certifications: [],
    egress: UNKNOWN_EGRESS(NOT_IN_REFERENCE),
  },
];

export function provider(id: string): ProviderProfile {
  const p = PROVIDERS.find((x) => x.id === id);
  if (!p) throw new Error(`providers: unknown provider ${id}`);
  return p;
}

/** Source-name → provider id (SkyPilot cloud names, Shadeform prefixes). */
export const PROVIDER_ID: Record<string, string> = {
  do: 'digitalocean',
  lambdalabs: 'lambda',
};
