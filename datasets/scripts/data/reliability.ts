/**
 * Reliability rules: every offer's `availability` and `interruptionsPerHour` come from exactly one named rule
 * below, and its `reliabilitySource` cell says which (`rule <id>: …`). Each rule cites
 * ../shared/reference/reliability-facts.md or price-facts.md (section), or says "gpufit assumption" and why.
 *
 * `availability` = probability the held machine is up; empty (undefined) where the engine should derive it
 * from the interruption rate and the workload's restart time (spot / interruptible rows without a source).
 * `interruptionsPerHour` = hazard of losing the running instance (reclaimed, preempted, outbid, failed),
 * per instance-hour: rules stated per GPU-hour are multiplied by the instance's GPU count.
 */
import {
  ASSUMED_OUTAGE_HOURS,
  interruptionsFromAvailability,
  SPOT_INSTANCE_LIFETIME_HOURS,
  spotBandHazard,
} from '@gpufit/pricing';
import { HOURS_PER_MONTH } from '@gpufit/schema';
import type { Draft } from '../lib/offer';

/**
 * A lease or host held the whole month and lost with probability p in it → hourly hazard λ = −ln(1 − p) / 730
 * (`spotBandHazard` over a 730 h life). Used only for the DePIN stand-ins below, whose leases run for months.
 */
export function hazardFromMonthlyProbability(p: number): number {
  return spotBandHazard(p, HOURS_PER_MONTH);
}

/**
 * A spot instance reclaimed with probability p over its life → hourly hazard λ = −ln(1 − p) / L with
 * L = SPOT_INSTANCE_LIFETIME_HOURS (24 h, gpufit assumption: the maximum runtime of legacy GCE preemptible VMs,
 * price-facts §8, taken as the life; not a measured mean life; pricing `spotBandHazard`).
 */
export function spotHazardFromBand(p: number): number {
  return spotBandHazard(p, SPOT_INSTANCE_LIFETIME_HOURS);
}

/**
 * Meta, Llama 3 405B pre-training (reliability-facts "Large-scale training failure rates"): 419 unexpected
 * interruptions in a 54-day snapshot on 16,384 H100 GPUs.
 */
export const LLAMA3 = { unexpectedInterruptions: 419, gpus: 16_384, days: 54 } as const;
export const LLAMA3_INTERRUPTIONS_PER_GPU_HOUR =
  LLAMA3.unexpectedInterruptions / (LLAMA3.gpus * LLAMA3.days * 24);

export interface ReliabilityRule {
  readonly id: string;
  /** undefined = empty cell (the engine derives availability from λ and the workload's restart time) */
  readonly availability: number | undefined;
  /** hazard per hour, per instance or per GPU (then × gpusPerInstance) */
  readonly interruptions: { readonly perHour: number; readonly per: 'instance' | 'gpu' };
  /**
   * Marketplace and DePIN hosts: the part of `perHour` that is the host's own outages, `hostFailuresPerHour(a)`;
   * the rest is the rule's other way to lose the instance (outbid, preempted, node leaving). Undefined for
   * datacenter and spot rules, whose rate is sourced whole.
   */
  readonly hostFailures?: {
    /** the host availability the outages follow from (the row's, except where the engine derives the row's) */
    readonly availability: number;
    readonly perHour: number;
    readonly otherPerHour: number;
  };
  readonly source: string;
}

const rule = (
  id: string,
  availability: number | undefined,
  perHour: number,
  per: 'instance' | 'gpu',
  source: string,
): ReliabilityRule => ({ id, availability, interruptions: { perHour, per }, source });

/**
 * A marketplace or DePIN host that is up a share a of the time drops the job on it at each outage. With outages of
 * mean length D = ASSUMED_OUTAGE_HOURS (1 h, the engine's own gpufit assumption for an offer that states only an
 * availability, so a bundled row and an imported row of the same host agree), a = M/(M + D) ⇒ λ = (1 − a)/(a·D)
 * per instance-hour. Why hours, not days: the one outage-length figure in the reference is Aethir's host rule,
 * under 30 minutes offline a day at 99 % monthly uptime (reliability-facts "Decentralised / marketplace networks").
 */
export function hostFailuresPerHour(availability: number): number {
  return interruptionsFromAvailability(availability);
}

/** A marketplace/DePIN rule: host outages at availability a plus `otherPerHour` (outbid, preempted, node leaving). */
const hostRule = (id: string, a: number, otherPerHour: number, source: string): ReliabilityRule => {
  const perHour = hostFailuresPerHour(a);
  return {
    ...rule(id, a, otherPerHour + perHour, 'instance', `${source}; ${HOST_OUTAGES(a)}`),
    hostFailures: { availability: a, perHour, otherPerHour },
  };
};
const HOST_OUTAGES = (a: number): string =>
  `host outages drop the job: λ += (1-a)/(a x ${ASSUMED_OUTAGE_HOURS} h) = ${hostFailuresPerHour(a).toPrecision(4)}/h (gpufit assumption: ${ASSUMED_OUTAGE_HOURS} h mean outage, datasets/README)`;

/** A lease held all month, lost with probability p a month (the DePIN stand-ins). */
const band = (p: number): number => hazardFromMonthlyProbability(p);
/** A spot instance reclaimed with probability p over its assumed 24 h life. */
const spot = (p: number): number => spotHazardFromBand(p);
const BANDS = `Share reclaimed in the trailing month, p = band mid-point (price-facts §1); λ = -ln(1-p)/L, L = ${SPOT_INSTANCE_LIFETIME_HOURS} h instance life: gpufit assumption (legacy GCE preemptible maximum runtime, price-facts §8; not a measured mean life; datasets/README)`;

/** The AWS Spot Advisor's five "frequency of interruption" bands as [low, high) shares (price-facts §1). */
export const SPOT_ADVISOR_BANDS: readonly (readonly [number, number])[] = [
  [0, 0.05],
  [0.05, 0.1],
  [0.1, 0.15],
  [0.15, 0.2],
  [0.2, 1],
];
const pct = (x: number): string => `${Math.round(x * 100)}`;
const bandName = ([lo, hi]: readonly [number, number]): string =>
  lo === 0 ? `<${pct(hi)} %` : hi === 1 ? `>${pct(lo)} %` : `${pct(lo)}-${pct(hi)} %`;

/**
 * A source's reported range [lo, hi] of the reclaim share → p, the mid-point of the range, and the text a row
 * carries. A range that is one Advisor band is named as that band; a range that spans several (a third party's
 * "10-20 %") says which bands it spans and that p is the mid-point of the whole span, so a reader sees that the
 * source did not give one band. RangeError for a range whose ends are not Advisor band edges.
 */
export function advisorBandShare(lo: number, hi: number): { readonly p: number; readonly text: string } {
  const first = SPOT_ADVISOR_BANDS.findIndex(([l]) => l === lo);
  const last = SPOT_ADVISOR_BANDS.findIndex(([, h]) => h === hi);
  if (first < 0 || last < first || hi === 1)
    throw new RangeError(`spot band ${lo}-${hi}: ends must be Spot Advisor band edges below 100 %`);
  const p = Math.round(((lo + hi) / 2) * 1e6) / 1e6;
  const spanned = SPOT_ADVISOR_BANDS.slice(first, last + 1);
  if (spanned.length === 1) return { p, text: `band ${bandName([lo, hi])}, p = ${p}` };
  return {
    p,
    text: `reported ${pct(lo)}-${pct(hi)} %, which spans the Advisor bands ${spanned.map(bandName).join(' and ')}; p = ${p}, the mid-point of the span`,
  };
}
const MATURITY =
  'gpufit assumption: band by hardware maturity (SpotLake, reliability-facts "Spot trace datasets"); no per-family band published';
/**
 * The newest dated third-party reading of the AWS Spot Advisor for each family it names (the catalog's offers are
 * 2026-09): Thunder Compute's 2026-02-24 reading gives p4d.24xlarge A100 5-10 %, p5.48xlarge H100 15-20 %,
 * g6f.xlarge L4 5-10 %. Its 2025-05-01 reading (thundercompute.com/blog/should-i-use-cloud-gpu-spot-instances:
 * A100 p4d 5-10 %, L4 <5 %, H100 p5 10-20 %) names no family the newer one omits, so no rule cites it now.
 */
const THUNDER =
  'Spot Advisor read 2026-02-24 by Thunder Compute, thundercompute.com/blog/cloud-gpu-spot-instance-availability, third-party';
const AWS_H100 = advisorBandShare(0.15, 0.2);
const AWS_A100 = advisorBandShare(0.05, 0.1);
const AWS_L4 = advisorBandShare(0.05, 0.1);
const LLAMA =
  'λ = Llama 3 405B unexpected interruptions 419 / (16,384 GPUs x 54 d x 24 h) = 1.97e-5 per GPU-hour x GPUs per instance (reliability-facts "Large-scale training failure rates")';
const DC_SLA = 'a service-credit threshold, not a measured uptime';
const PER_DAY = 1 / 24;

/** GPU tier → spot band for datacenter spot capacity (hyperscalers, GPU clouds). */
export const SPOT_BAND_OF_GPU: Readonly<Record<string, string>> = Object.fromEntries([
  ...['H100', 'H100-NVL', 'H100-PCIe', 'H200', 'GH200', 'B200', 'B300', 'GB200', 'MI300X'].map(
    (g) => [g, 'spot-band-hopper-blackwell'] as const,
  ),
  ...['A100-40GB', 'A100-80GB', 'A100-80GB-PCIe'].map((g) => [g, 'spot-band-a100'] as const),
  ...['L40S', 'L40', 'L4', 'A10G', 'A10', 'A40', 'RTXA6000', 'RTX6000-Ada', 'RTXPRO6000'].map(
    (g) => [g, 'spot-band-ada-ampere'] as const,
  ),
  ...['T4', 'V100', 'V100-32GB', 'P100', 'P4', 'P40', 'K80', 'M60', 'MI25', 'A16'].map(
    (g) => [g, 'spot-band-older'] as const,
  ),
]);

/** AWS GPU families whose Spot Advisor band a cited source gives: GPU → rule (THUNDER). */
export const AWS_SPOT_BAND_OF_GPU: Readonly<Record<string, string>> = {
  H100: 'spot-band-aws-h100',
  'A100-40GB': 'spot-band-aws-a100',
  'A100-80GB': 'spot-band-aws-a100',
  L4: 'spot-band-aws-l4',
};

export const RELIABILITY_RULES: readonly ReliabilityRule[] = [
  rule(
    'spot-band-aws-h100',
    undefined,
    spot(AWS_H100.p),
    'instance',
    `AWS H100 spot (p5.48xlarge): ${AWS_H100.text} (${THUNDER}). ${BANDS}`,
  ),
  rule(
    'spot-band-aws-a100',
    undefined,
    spot(AWS_A100.p),
    'instance',
    `AWS A100 spot (p4d.24xlarge; p4de taken the same: gpufit assumption): ${AWS_A100.text} (${THUNDER}). ${BANDS}`,
  ),
  rule(
    'spot-band-aws-l4',
    undefined,
    spot(AWS_L4.p),
    'instance',
    `AWS L4 spot (g6; source row g6f.xlarge, fractional L4; g6 taken the same: gpufit assumption): ${AWS_L4.text} (${THUNDER}). ${BANDS}`,
  ),
  rule(
    'spot-band-hopper-blackwell',
    undefined,
    spot(0.25),
    'instance',
    `Hopper/Blackwell/MI300X spot: Spot Advisor band >20 %, p = 0.25. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-a100',
    undefined,
    spot(0.175),
    'instance',
    `A100 spot: Spot Advisor band 15-20 %, p = 0.175. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-ada-ampere',
    undefined,
    spot(0.125),
    'instance',
    `L40S/L40/L4/A10G/A10/A40 and RTX workstation spot: Spot Advisor band 10-15 %, p = 0.125. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-older',
    undefined,
    spot(0.075),
    'instance',
    `T4/V100/P100/P4/P40/K80/M60/MI25/A16 spot: Spot Advisor band 5-10 %, p = 0.075. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'datacenter-on-demand-aws',
    0.995,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `availability 0.995 = AWS EC2 Instance-Level SLA 99.5 % (aws.amazon.com/legal/service-level-agreements, as compiled in mikaelvesavuori/cloud-sla; ${DC_SLA}); ${LLAMA}`,
  ),
  rule(
    'datacenter-on-demand-gcp',
    0.995,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `availability 0.995 = Compute Engine single-instance SLA 99.5 % (cloud.google.com/terms/sla, as compiled in mikaelvesavuori/cloud-sla; ${DC_SLA}); ${LLAMA}`,
  ),
  rule(
    'datacenter-on-demand-azure',
    0.999,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `availability 0.999 = Azure single-instance VM SLA 99.9 % with premium storage on all disks (Azure SLA, as compiled in mikaelvesavuori/cloud-sla; ${DC_SLA}); ${LLAMA}`,
  ),
  rule(
    'datacenter-on-demand-gpu-cloud',
    0.99,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `availability 0.99: gpufit assumption, one step below the hyperscaler single-instance SLAs (no GPU-cloud SLA figure in the reference); ${LLAMA}`,
  ),
  rule(
    'spheron-dedicated',
    0.99,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `Spheron Dedicated, not reclaimed: availability 0.99 as GPU clouds are rated, not its 99.95 % SLA (vendor docs "Concepts"): it resells other providers' machines (Voltage Park, Massed Compute ...), no more available through it, and an SLA is a credit threshold; ${LLAMA}`,
  ),
  hostRule(
    'vast-on-demand-filter',
    0.95,
    0,
    'Vast on-demand: availability = the common client filter reliability2 >= 0.95 (price-facts §3; a threshold, not a measured mean); not preempted (Vast docs "Rental Types")',
  ),
  hostRule(
    'vast-price-floor',
    0.885,
    0,
    'Vast lowest ("from") price: budget hosts, availability = mid-point of the third-party Budget band 85-92 % (deploybase.ai, reliability-facts "Vast.ai", low confidence; gpufit assumption); not preempted',
  ),
  hostRule(
    'vast-tier-average',
    0.945,
    0,
    'Vast average across price tiers: availability = mid-point of the third-party Mid band 92-97 % (deploybase.ai, reliability-facts "Vast.ai", low confidence; gpufit assumption); not preempted',
  ),
  hostRule(
    'vast-interruptible',
    0.95,
    PER_DAY,
    `Vast interruptible: stopped when outbid on its host (price-facts §3), no rate published - gpufit assumption one outbid stop a day (1/24): any renter of that one machine stops the bid, where cloud spot is reclaimed from a pool (worst cloud band ${spotHazardFromBand(0.25).toPrecision(3)}/h, 1/24 is ${(1 / 24 / spotHazardFromBand(0.25)).toFixed(1)}x it); availability = the reliability2 >= 0.95 filter`,
  ),
  hostRule(
    'vast-interruptible-floor',
    0.885,
    PER_DAY,
    'Vast interruptible at the lowest price: outbid (price-facts §3), gpufit assumption 1/24 as vast-interruptible; availability = Budget band mid-point 85-92 % (deploybase.ai, reliability-facts "Vast.ai", low confidence)',
  ),
  hostRule(
    'spheron-spot',
    0.95,
    PER_DAY,
    'Spheron spot: reclaimable "at any time" (reliability-facts "Spheron"), no rate published: rated as marketplace interruptible, gpufit assumption 1 reclaim a day (1/24) as vast-interruptible; availability = marketplace filter 0.95 (price-facts §3): Spheron pools providers, TensorDock among them, and a row does not say which',
  ),
  hostRule(
    'marketplace-on-demand',
    0.95,
    0,
    'gpufit assumption: marketplace hosts (Hyperbolic, TensorDock, RunPod Community) held to the Vast reliability >= 0.95 filter (price-facts §3), no host uptime published; on-demand, not preempted',
  ),
  hostRule(
    'akash-lease',
    0.9,
    band(0.25),
    'gpufit assumption: Akash providers below the 0.95 marketplace filter (0.90; uptime30d not found, reliability-facts) and a lease, held all month, lost with p = 0.25 a month (worst Spot Advisor band as a stand-in, price-facts §1; λ = -ln(1-p)/730)',
  ),
  hostRule(
    'nosana-premium',
    0.95,
    band(0.25),
    'Nosana PREMIUM: staked, benchmarked hosts (reliability-facts "Nosana"); no uptime, slashing or leave rate published - gpufit assumption: 0.95 floor, node leaving with p = 0.25 a month (worst Spot Advisor band as a stand-in, price-facts §1; λ = -ln(1-p)/730)',
  ),
  hostRule(
    'nosana-community',
    0.9,
    0,
    'Nosana COMMUNITY (lower stake; also the untiered 8xH100 market): no uptime published (reliability-facts "Nosana") - gpufit assumption 0.90, below PREMIUM; a lost node is a host outage',
  ),
  hostRule(
    'salad-single-tier',
    0.9,
    0,
    'Salad list from before priority levels: not preempted by other workloads, reallocated when a home node disconnects "at any time" (reliability-facts "Salad") - gpufit assumption 0.90; a disconnect is a host outage',
  ),
  {
    // Availability left to the engine (it folds the preemptions in); host outages at the single tier's 0.90.
    ...hostRule(
      'salad-low',
      0.9,
      PER_DAY,
      'Salad Low priority: preemptible by higher priorities (reliability-facts "Salad"), no rate published - gpufit assumption one preemption a day (1/24); hosts as the single tier (0.90); availability left to the engine',
    ),
    availability: undefined,
  },
  hostRule(
    'render-priority',
    0.9,
    band(0.25),
    'gpufit assumption: Render Tier 2 community node operators, availability 0.90, node leaving with p = 0.25 a month (worst Spot Advisor band as a stand-in, price-facts §1; λ = -ln(1-p)/730); no network publishes a rate',
  ),
  hostRule(
    'render-economy',
    0.9,
    PER_DAY,
    'gpufit assumption: Render Tier 3 Economy, queue priority and node power not guaranteed (reference row) - reclaimed about daily (1/24), availability 0.90; no rate published',
  ),
];

const byId = new Map(RELIABILITY_RULES.map((r) => [r.id, r]));
if (byId.size !== RELIABILITY_RULES.length) throw new Error('reliability: duplicate rule id');

export function reliabilityRule(id: string): ReliabilityRule {
  const r = byId.get(id);
  if (!r) throw new Error(`reliability: unknown rule ${id}`);
  return r;
}

/** The fields of a draft a rule is chosen by. */
type Facts = Pick<Draft, 'provider' | 'market' | 'pricingCategory' | 'gpu' | 'tier'>;

function spotBand(d: Facts): string {
  const aws = d.provider === 'aws' ? AWS_SPOT_BAND_OF_GPU[d.gpu] : undefined;
  if (aws !== undefined) return aws;
  const id = SPOT_BAND_OF_GPU[d.gpu];
  if (id === undefined)
    throw new Error(`reliability: no spot band for GPU ${d.gpu}; add it to SPOT_BAND_OF_GPU`);
  return id;
}

/** Which rule an offer takes: the first selector that matches. */
const SELECTORS: readonly { readonly when: (d: Facts) => boolean; readonly rule: (d: Facts) => string }[] = [
  {
    when: (d) => d.provider === 'vast' && d.pricingCategory === 'Dynamic' && d.tier === 'from',
    rule: () => 'vast-interruptible-floor',
  },
  { when: (d) => d.provider === 'vast' && d.pricingCategory === 'Dynamic', rule: () => 'vast-interruptible' },
  { when: (d) => d.provider === 'vast' && d.tier === 'from', rule: () => 'vast-price-floor' },
  { when: (d) => d.provider === 'vast' && d.tier === 'tier-average', rule: () => 'vast-tier-average' },
  { when: (d) => d.provider === 'vast', rule: () => 'vast-on-demand-filter' },
  { when: (d) => d.provider === 'nosana' && d.tier === 'premium', rule: () => 'nosana-premium' },
  { when: (d) => d.provider === 'nosana', rule: () => 'nosana-community' },
  { when: (d) => d.provider === 'salad' && d.pricingCategory === 'Dynamic', rule: () => 'salad-low' },
  { when: (d) => d.provider === 'salad', rule: () => 'salad-single-tier' },
  { when: (d) => d.provider === 'render' && d.pricingCategory === 'Dynamic', rule: () => 'render-economy' },
  { when: (d) => d.provider === 'render', rule: () => 'render-priority' },
  { when: (d) => d.provider === 'akash', rule: () => 'akash-lease' },
  { when: (d) => d.provider === 'spheron' && d.pricingCategory === 'Dynamic', rule: () => 'spheron-spot' },
  { when: (d) => d.provider === 'spheron', rule: () => 'spheron-dedicated' },
  {
    when: (d) => d.pricingCategory === 'Dynamic' && (d.market === 'hyperscaler' || d.market === 'gpu-cloud'),
    rule: spotBand,
  },
  { when: (d) => d.market === 'marketplace', rule: () => 'marketplace-on-demand' },
  { when: (d) => d.provider === 'aws', rule: () => 'datacenter-on-demand-aws' },
  { when: (d) => d.provider === 'gcp', rule: () => 'datacenter-on-demand-gcp' },
  { when: (d) => d.provider === 'azure', rule: () => 'datacenter-on-demand-azure' },
  { when: (d) => d.market === 'gpu-cloud', rule: () => 'datacenter-on-demand-gpu-cloud' },
];

export function reliabilityRuleFor(d: Facts): ReliabilityRule {
  const s = SELECTORS.find((x) => x.when(d));
  if (!s) throw new Error(`reliability: no rule for ${d.provider} ${d.market} ${d.pricingCategory}`);
  return reliabilityRule(s.rule(d));
}

/** The rule's values for one offer (per-GPU hazards scaled to the instance). */
export function reliabilityOf(d: Facts & Pick<Draft, 'gpusPerInstance'>): {
  rule: ReliabilityRule;
  availability: number | undefined;
  interruptionsPerHour: number;
} {
  const r = reliabilityRuleFor(d);
  const scale = r.interruptions.per === 'gpu' ? d.gpusPerInstance : 1;
  return { rule: r, availability: r.availability, interruptionsPerHour: r.interruptions.perHour * scale };
}
