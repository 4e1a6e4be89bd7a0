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
import { HOURS_PER_MONTH } from '@gpufit/schema';
import type { Draft } from '../lib/offer';

/** Monthly reclaim probability p → hourly hazard λ = −ln(1 − p) / 730 (price-facts §1, suggested mapping). */
export function hazardFromMonthlyProbability(p: number): number {
  return -Math.log(1 - p) / HOURS_PER_MONTH;
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
  readonly source: string;
}

const rule = (
  id: string,
  availability: number | undefined,
  perHour: number,
  per: 'instance' | 'gpu',
  source: string,
): ReliabilityRule => ({ id, availability, interruptions: { perHour, per }, source });

const band = (p: number): number => hazardFromMonthlyProbability(p);
const BANDS =
  'AWS Spot Advisor bands <5/5-10/10-15/15-20/>20 % reclaimed a month (price-facts §1), band mid-point p, λ = -ln(1-p)/730 per instance-hour';
const MATURITY =
  'gpufit assumption mapping GPU families to bands by hardware maturity (SpotLake: spot availability correlates with hardware maturity, reliability-facts "Spot trace datasets"); per-family bands are not published (reliability-facts "Not found")';
const LLAMA =
  'λ = Llama 3 405B unexpected interruptions 419 / (16,384 GPUs x 54 d x 24 h) = 1.97e-5 per GPU-hour x GPUs per instance (reliability-facts "Large-scale training failure rates")';
const DC_SLA = 'a service-credit threshold, not a measured uptime';
const PER_DAY = 1 / 24;

/** GPU tier → spot band for datacenter spot capacity (hyperscalers, GPU clouds, Spheron spot). */
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

export const RELIABILITY_RULES: readonly ReliabilityRule[] = [
  rule(
    'spot-band-hopper-blackwell',
    undefined,
    band(0.25),
    'instance',
    `Hopper/Blackwell/MI300X spot: band >20 %, p = 0.25. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-a100',
    undefined,
    band(0.175),
    'instance',
    `A100 spot: band 15-20 %, p = 0.175. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-ada-ampere',
    undefined,
    band(0.125),
    'instance',
    `L40S/L40/L4/A10G/A10/A40 and RTX workstation spot: band 10-15 %, p = 0.125. ${BANDS}; ${MATURITY}`,
  ),
  rule(
    'spot-band-older',
    undefined,
    band(0.075),
    'instance',
    `T4/V100/P100/P4/P40/K80/M60/MI25/A16 spot: band 5-10 %, p = 0.075. ${BANDS}; ${MATURITY}`,
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
    0.9995,
    LLAMA3_INTERRUPTIONS_PER_GPU_HOUR,
    'gpu',
    `Spheron Dedicated: 99.95 % SLA, not reclaimed (vendor docs "Concepts", reliability-facts "Spheron"; vendor figure); ${LLAMA}`,
  ),
  rule(
    'vast-on-demand-filter',
    0.95,
    0,
    'instance',
    'Vast on-demand: availability = the common client filter reliability2 >= 0.95 (price-facts §3; a filter threshold, not a measured mean - the row carries no reliability score); on-demand rentals are not preempted (Vast docs "Rental Types")',
  ),
  rule(
    'vast-price-floor',
    0.885,
    0,
    'instance',
    'Vast lowest ("from"/range-low) price: the cheapest hosts are the budget tier, so availability = mid-point of the third-party Budget band 85-92 % (deploybase.ai H100 hosts, reliability-facts "Vast.ai", low confidence) - gpufit assumption that the floor price does not come with the 0.95 filter; on-demand not preempted',
  ),
  rule(
    'vast-tier-average',
    0.945,
    0,
    'instance',
    'Vast average across price tiers: availability = mid-point of the third-party Mid band 92-97 % (deploybase.ai H100 hosts, reliability-facts "Vast.ai", low confidence; gpufit assumption that an all-tier average price pairs with the middle band); on-demand not preempted',
  ),
  rule(
    'vast-interruptible',
    0.95,
    PER_DAY,
    'instance',
    'Vast interruptible: stopped when outbid (price-facts §3); no rate published - gpufit assumption: one outbid stop per 24 h (λ = 1/24); availability = the reliability2 >= 0.95 filter threshold',
  ),
  rule(
    'vast-interruptible-floor',
    0.885,
    PER_DAY,
    'instance',
    'Vast interruptible at the lowest ("from") price: stopped when outbid (price-facts §3), gpufit assumption λ = 1/24; availability = Budget band mid-point 85-92 % (deploybase.ai, reliability-facts "Vast.ai", low confidence)',
  ),
  rule(
    'marketplace-on-demand',
    0.95,
    0,
    'instance',
    'gpufit assumption: marketplace hosts (Hyperbolic, TensorDock, RunPod Community) held to the same 0.95 floor as the common Vast reliability >= 0.95 filter (price-facts §3); on-demand rentals are not preempted; no host uptime published',
  ),
  rule(
    'akash-lease',
    0.9,
    band(0.25),
    'instance',
    'gpufit assumption: Akash community providers sit below the 0.95 marketplace filter (availability 0.90) and lose leases at the worst Spot Advisor band >20 %/month (p = 0.25, λ = -ln(1-p)/730, price-facts §1); Akash uptime30d not found (reliability-facts)',
  ),
  rule(
    'nosana-premium',
    0.95,
    band(0.25),
    'instance',
    'Nosana PREMIUM market: hosts staked and passed benchmarking, "use for anything user-facing" (reliability-facts "Nosana"); no uptime published - gpufit assumption: the 0.95 marketplace floor and the worst Spot Advisor band p = 0.25 for a node leaving (price-facts §1); ranked above COMMUNITY',
  ),
  rule(
    'nosana-community',
    0.9,
    PER_DAY,
    'instance',
    'Nosana COMMUNITY market (lower host stake; also the untiered 8xH100 market): no uptime published (reliability-facts "Nosana") - gpufit assumption: 0.90 and a node lost about once a day (λ = 1/24), below PREMIUM',
  ),
  rule(
    'salad-single-tier',
    0.9,
    PER_DAY,
    'instance',
    'Salad list from before priority levels: no other workload could preempt it, like today\'s High level, which is still reallocated when a home node disconnects "at any time" (reliability-facts "Salad"); no rate published - gpufit assumption: one disconnect a day (λ = 1/24; "some nodes may remain connected for days"), availability 0.90',
  ),
  rule(
    'salad-low',
    undefined,
    2 * PER_DAY,
    'instance',
    'Salad Low priority: preemptible by higher priorities and reallocated on node disconnect (reliability-facts "Salad"); no rate published - gpufit assumption: disconnects 1/24 plus preemptions 1/24 per hour (λ = 1/12); availability left to the engine',
  ),
  rule(
    'render-priority',
    0.9,
    band(0.25),
    'instance',
    'gpufit assumption: Render Tier 2 community node operators, availability 0.90 and the worst Spot Advisor band p = 0.25 (price-facts §1); no network publishes a rate',
  ),
  rule(
    'render-economy',
    0.9,
    PER_DAY,
    'instance',
    'gpufit assumption: Render Tier 3 Economy, queue priority and node power not guaranteed (reference row) - reclaimed about daily (λ = 1/24), availability 0.90; no rate published',
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
  {
    when: (d) => d.provider === 'spheron' && d.pricingCategory !== 'Dynamic',
    rule: () => 'spheron-dedicated',
  },
  {
    when: (d) =>
      d.pricingCategory === 'Dynamic' &&
      (d.market === 'hyperscaler' || d.market === 'gpu-cloud' || d.provider === 'spheron'),
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
