import type {
  CostRejection,
  GpuPolicy,
  Offer,
  Precision,
  Scenario,
  ThroughputBasis,
  ThroughputClass,
  WorkloadProfile,
} from '@gpufit/schema';
import { assumedMark, INTERCONNECTS, isAssumed, trainingMethods } from '@gpufit/schema';
import { TRAINING_KERNEL_RESERVE_GIB } from '../assumptions.js';
import { type OfferFacts, offerFacts } from '../estimate/offerFacts.js';
import { type ProfileFacts, profileFacts } from '../estimate/profileFacts.js';
import { gpusForModel } from '../memory/modelMemory.js';
import type { GpuTier, GpuTierTable } from '../tiers/gpuTierTable.js';
import { modelSizeBand } from '../tiers/modelSizeBand.js';
import { precisionSupport } from '../tiers/precisionSupport.js';
import { type DemandGpuReason, referenceGpu } from '../tiers/referenceGpu.js';
import { type ThroughputConversion, throughputConversion } from '../tiers/throughputConversion.js';
import type { ThroughputRatioTable } from '../tiers/throughputRatioTable.js';
import { dataEligibility } from './dataEligibility.js';
import { gdprInPlaceNote } from './gdprInPlace.js';
import { factsMeetCompliance } from './meetsCompliance.js';
import { leastRoundTripMs, NETWORK_SHARE_OF_P99 } from './networkLatency.js';
import { interruptibleRule, placementRule } from './placementRule.js';
import { replicaWidth } from './replicaWidth.js';
import { residencyProblem } from './residencyProblem.js';

export interface Feasibility {
  readonly feasible: boolean;
  /** Every reason the offer cannot run the workload (all of them, not the first). */
  readonly rejections: readonly CostRejection[];
  /** GPUs per node of one replica on this offer; null when memory or the GPU rules it out. */
  readonly gpusPerReplica: number | null;
}

/** What `estimateCost` needs besides the verdict. */
export interface FeasibilityDetail extends Feasibility {
  readonly tier: GpuTier | undefined;
  /** The GPU the demand is stated in (the profile's gpuType, else `referenceGpu`'s choice). */
  readonly demandTier: GpuTier | undefined;
  /** Why the demand is stated in that GPU's hours (`referenceGpu`); undefined with no demand tier. */
  readonly demandReason: DemandGpuReason | undefined;
  /** GPUs per node of one replica on the demand's GPU (for demand given as jobs × hours). */
  readonly demandGpusPerReplica: number;
  /** Set when a stated gpusPerReplica, not gpufit's memory estimate, sized the replica. */
  readonly memoryNote: string | null;
  /** Set when the offer meets a compliance requirement in place, not by the catalog's record (`gdprInPlace`). */
  readonly complianceNote: string | null;
  /** Set when the offer's GPU runs the workload's fp8 weight-only (`precisionSupport`: Ampere). */
  readonly precisionNote: string | null;
  /** How the demand's GPU-hours convert to this offer's GPU; null when the GPU policy rules the offer out. */
  readonly throughput: ThroughputBasis | null;
}

export interface FeasibilityOptions {
  /** GPU tiers (memory, interconnect; datasheet throughput only for gpuPolicy `any`). */
  readonly tiers: GpuTierTable;
  /** Measured throughput ratios (`datasets/throughput-ratios.csv`); without them only the demand's GPU prices. */
  readonly ratios?: ThroughputRatioTable;
  /** The resolved scenario: its placement lists and default gpuPolicy. */
  readonly scenario?: Scenario;
  /**
   * Only the verdict: stop at the first reason and write no message (rejections carry their code and an empty
   * message). For a catalog search that asks the same question of thousands of offers (`costFloor`).
   */
  readonly verdictOnly?: boolean;
  /**
   * Skip the rules that read only an offer's provider and pricing category (`interruptible`, `placement`): for a
   * catalog search that groups offers across them and lets the full estimate apply them offer by offer.
   */
  readonly skipOfferTerms?: boolean;
  /**
   * With `verdictOnly`: the caller has found that this offer passes the place rules for this profile
   * (`placeFeasible`, asked once per `placeKey`), so they are not checked again. Never set it otherwise.
   */
  readonly placeChecked?: boolean;
}

const NVLINK = INTERCONNECTS.indexOf('nvlink');

/**
 * Can this offer run this workload at all? A cheap check (no pricing), usable to pre-filter a catalog. Rules,
 * each reported with its reason (docs/methodology.md, "Feasibility"):
 * - the price is known and the GPU is in the tier table;
 * - the GPU runs the workload's precision (`precisionSupport`, by its generation);
 * - the GPU policy: the named GPU (or the reference GPU), or another at a measured throughput ratio
 *   (`throughputConversion`);
 * - memory: GPUs per replica = ⌈model memory ÷ GPU memory⌉, spread over `nodes`, on one instance per node; a
 *   profile's `gpusPerReplica` caps the memory estimate on its `gpuType` (or the reference GPU) and is the
 *   replica's width on every GPU (`replicaWidth`);
 * - interconnect; the workload's compliance certifications (`gdpr` also met inside the EEA: `gdprInPlace`);
 *   residency;
 * - data eligibility by host tier (`dataEligibility`);
 * - spot / interruptible capacity only for interruptible work (`interruptibleRule`);
 * - the scenario's and the workload's placement lists (`placementRule`).
 */
export function feasibility(
  profile: WorkloadProfile,
  offer: Offer,
  options: FeasibilityOptions,
): Feasibility {
  const d = feasibilityDetail(profile, offer, options);
  return { feasible: d.feasible, rejections: d.rejections, gpusPerReplica: d.gpusPerReplica };
}

export function feasibilityDetail(
  profile: WorkloadProfile,
  offer: Offer,
  options: FeasibilityOptions,
): FeasibilityDetail {
  const { tiers, scenario } = options;
  const pf = profileFacts(profile);
  const of = offerFacts(offer);
  const rejections: CostRejection[] = [];
  const verdictOnly = options.verdictOnly === true;
  const reject = (
    code: CostRejection['code'],
    message: () => string,
    facts?: Pick<CostRejection, 'missing'>,
  ): void => {
    rejections.push({ code, message: verdictOnly ? '' : message(), ...facts });
  };
  const refused = (): FeasibilityDetail => ({
    feasible: false,
    rejections,
    gpusPerReplica: null,
    tier: undefined,
    demandTier: undefined,
    demandReason: undefined,
    demandGpusPerReplica: 0,
    memoryNote: null,
    complianceNote: null,
    precisionNote: null,
    throughput: null,
  });

  if (offer.usdPerGpuHour === null) {
    reject('price-unknown', () => 'the offer has no known price; it is not priced at $0');
  }
  // In a verdict the place rules come first: a catalog search asks about many offers that fail them (at most
  // the code of the first rejection changes, and a verdict reads none).
  if (verdictOnly && options.placeChecked !== true) {
    placeRules(profile, pf, offer, of, verdictOnly, reject);
    if (rejections.length > 0) return refused();
  }

  const tier = tiers.get(offer.gpu);
  if (tier === undefined) {
    reject(
      'gpu-unknown',
      () =>
        `${offer.gpu} is not in the GPU tier table, so its throughput is unknown (gpufit does not guess it)`,
    );
  }
  const demand = referenceGpu(profile, tiers);
  const demandTier = demand?.tier;
  if (demandTier === undefined) {
    reject('gpu-unknown', () => `the workload's gpuType ${profile.gpuType} is not in the GPU tier table`);
  }
  // The GPU must run the workload's precision at all (`precisionSupport`): a bf16 model on a V100 is not a
  // cheaper option, it is one no practitioner would run. Read from the GPU's name alone, like the GPU policy.
  let precisionNote: string | null = null;
  if (tier !== undefined) {
    const support = precisionSupport(tier, profile.precision, !verdictOnly);
    if (!support.runs)
      rejections.push({
        code: 'precision',
        message:
          verdictOnly || !isAssumed(profile, 'precision')
            ? support.reason
            : `${support.reason} (${profile.precision} is assumed: the default for ${profile.kind}; the workload states no precision)`,
      });
    else if (support.weightOnly && profile.precision === 'fp8' && !verdictOnly)
      precisionNote = `precision: ${tier.gpu} (${tier.generation}) runs fp8 weight-only (vLLM's Marlin kernels, compute capability 8.0+): the weights are held at fp8 and the arithmetic runs at 16 bits (fp8 Tensor Cores came with Ada Lovelace and Hopper)`;
  }
  if (verdictOnly && rejections.length > 0) return refused();

  let throughput: ThroughputBasis | null = null;
  if (tier !== undefined && demandTier !== undefined) {
    const conversion = convert(profile, demandTier, tier, options, !verdictOnly);
    if (conversion.ok) throughput = conversion.value;
    else {
      rejections.push({ code: 'gpu-policy', message: conversion.reason });
      if (verdictOnly) return refused();
    }
  }

  const nodes = profile.nodes;
  const demandTierGiB = demandTier?.memoryGiB ?? offer.gpuMemoryGiB;
  const { demandGpusPerReplica, statedGiB, footprintGiB } = replicaDemand(profile, demandTierGiB);
  const gpu = demandTier?.gpu ?? offer.gpu;
  const memoryNote = verdictOnly
    ? null
    : statedGiB < pf.weightsGiB
      ? `memory: the stated ${profile.gpusPerReplica} × ${gpu} per replica holds ${fmt(statedGiB)} GiB, less than the model's weights alone (${fmt(pf.weightsGiB)} GiB: ${modelParams(profile)} at ${profile.precision}); each replica is sized to hold the weights`
      : footprintGiB < pf.memoryGiB
        ? `memory: gpufit estimates ${modelText(profile, pf)}, but the stated ${profile.gpusPerReplica} × ${gpu} per replica holds ${fmt(footprintGiB)} GiB; the stated footprint is used (${smallerFootprint(profile, pf)})`
        : null;
  const needed = gpusForModel(
    footprintGiB,
    replicaGpuMemoryGiB(offer.gpuMemoryGiB, tier, demandTier, profile, footprintGiB >= statedGiB),
    nodes,
  );
  // A stated gpusPerReplica is the replica's parallel width (data or tensor parallel over one machine), kept on
  // every GPU, at least the memory minimum there (`replicaWidth`): an 8 × H100 NVLink run priced on H200 was a
  // one-GPU job of 2,660 h on four separate VMs.
  let gpusPerReplica: number | null = replicaWidth(profile.gpusPerReplica, needed);
  if (gpusPerReplica > offer.gpusPerInstance) {
    const shown = gpusPerReplica;
    const perNode = nodes > 1 ? ` per node (${nodes} nodes)` : '';
    reject('memory', () =>
      shown > needed
        ? `the workload runs ${shown} GPUs per replica${perNode} (its stated width, kept on every GPU) on one instance; the offer has ${offer.gpusPerInstance}`
        : `the model's ${fmt(footprintGiB)} GiB (${modelParams(profile)}, ${profile.precision}, ${phaseText(profile, pf)}) needs ${shown} GPUs of ${offer.gpuMemoryGiB} GiB on one instance${perNode}; the offer has ${offer.gpusPerInstance}`,
    );
    gpusPerReplica = null;
    if (verdictOnly) return refused();
  }

  // A fabric need applies only where there is something to connect: InfiniBand between nodes, NVLink between
  // the GPUs of one node. An NVLink GPU tier in a multi-GPU instance counts as NVLink.
  const replicaGpus = gpusPerReplica ?? needed;
  const required = Math.min(
    pf.interconnectRank,
    nodes > 1 ? Number.POSITIVE_INFINITY : replicaGpus > 1 ? NVLINK : 0,
  );
  const offered = Math.max(
    of.interconnectRank,
    tier?.interconnect === 'nvlink' && offer.gpusPerInstance > 1 ? NVLINK : 0,
  );
  if (offered < required) {
    reject(
      'interconnect',
      () =>
        `the workload needs ${INTERCONNECTS[required]} between its GPUs; the offer has ${INTERCONNECTS[offered]}`,
    );
  }

  // In a verdict the place rules were checked first.
  const complianceNote = verdictOnly ? null : placeRules(profile, pf, offer, of, verdictOnly, reject);
  if (verdictOnly && rejections.length > 0) return refused();

  const hosting = dataEligibility(profile.dataSensitivity, offer);
  if (hosting !== null) rejections.push({ code: 'hosting', message: hosting });

  if (options.skipOfferTerms !== true) {
    const interruptible = interruptibleRule(profile, offer);
    if (interruptible !== null) rejections.push({ code: 'interruptible', message: interruptible });
    const placement = placementRule(profile, scenario?.placement, offer);
    if (placement !== null) rejections.push({ code: 'placement', message: placement });
  }

  return {
    feasible: rejections.length === 0,
    rejections,
    gpusPerReplica,
    tier,
    demandTier,
    demandReason: demand?.reason,
    demandGpusPerReplica,
    memoryNote,
    complianceNote,
    precisionNote,
    throughput,
  };
}

/** The demand's replica on its own GPU and the memory a replica on any offer holds (`replicaDemand`). */
export interface ReplicaDemand {
  /** GPUs per node of one replica on the demand's GPU. */
  readonly demandGpusPerReplica: number;
  /** What a stated gpusPerReplica holds on the demand's GPU (Infinity when none is stated). */
  readonly statedGiB: number;
  /** The memory one replica must hold on any offer's GPUs. */
  readonly footprintGiB: number;
}

/**
 * A listing at least this share of its tier's memory is the same card: rounding, nvidia-smi's 79.6 GiB of an
 * 80 GB H100, or an ECC-enabled GDDR card reported in what it leaves usable (AWS lists the 24 GB L4 and A10G at
 * 22.35 GiB, the 48 GB L40S at 44.7: 0.931 of the tier's figure).
 */
const SAME_CARD_SHARE = 0.93;

/**
 * The memory one GPU of an offer gives a replica, in GiB — one rule for feasibility and for the matcher's per-GPU
 * bound (`gpuHoursFloor`, which asks it with the largest listing of the GPU; the rule never falls as the listing
 * grows, so the bound stays a lower bound):
 * - the listing's memory; or, when `footprintIsStated` (the footprint is the stated replica's own, sized on the
 *   tier) on the very GPU the workload names and the listing is within `SAME_CARD_SHARE` of the tier's, the tier's:
 *   nvidia-smi's 79.6 GiB of an 80 GB H100 must not add a GPU to a replica stated on 2 × H100 (it was priced on
 *   3-GPU boxes of such listings);
 * - less, for a training replica sized by gpufit's own estimate, the CUDA kernels loaded with the model
 *   (`TRAINING_KERNEL_RESERVE_GIB`, assumptions.ts).
 * `tier` is the offer GPU's tier row (compared by its row, not by the offer's spelling of the name).
 */
export function replicaGpuMemoryGiB(
  listedGiB: number,
  tier: Pick<GpuTier, 'gpu'> | undefined,
  demandTier: Pick<GpuTier, 'gpu' | 'memoryGiB'> | undefined,
  profile: WorkloadProfile,
  footprintIsStated: boolean,
): number {
  const sameCard =
    footprintIsStated &&
    profile.gpuType !== null &&
    profile.gpusPerReplica !== null &&
    tier !== undefined &&
    demandTier !== undefined &&
    tier.gpu === demandTier.gpu &&
    listedGiB >= SAME_CARD_SHARE * demandTier.memoryGiB;
  const held = sameCard ? Math.max(listedGiB, demandTier.memoryGiB) : listedGiB;
  const reserve =
    profileFacts(profile).phase === 'training' && !footprintIsStated ? TRAINING_KERNEL_RESERVE_GIB : 0;
  return Math.max(held - reserve, MIN_GPU_MEMORY_GIB);
}

/** The least memory a GPU is counted to give (a listing of a few GiB less the kernels' reserve stays positive). */
const MIN_GPU_MEMORY_GIB = 0.5;

/**
 * The demand's own replica: the stated count, but never fewer GPUs than hold an inference model's weights (a
 * job's wall hours run on that many GPUs). A stated gpusPerReplica is the user's own measure of the footprint on
 * their GPU (a LoRA or QLoRA fine-tune, offloaded optimizer state, a smaller KV cache): it caps gpufit's estimate,
 * which assumes full training state and a 20 % inference overhead. An inference replica still holds the weights
 * at the stated precision: a 405B model at bf16 (754 GiB) stated on one 80 GB GPU was priced on one GPU.
 * `demandTierGiB` is the memory of the demand's GPU. Read by `feasibilityDetail` and by `gpuHoursFloor`, which
 * bounds every offer of a GPU at once.
 */
export function replicaDemand(profile: WorkloadProfile, demandTierGiB: number): ReplicaDemand {
  const pf = profileFacts(profile);
  const nodes = profile.nodes;
  const demandGpusPerReplica =
    profile.gpusPerReplica === null
      ? gpusForModel(pf.memoryGiB, demandTierGiB, nodes)
      : Math.max(profile.gpusPerReplica, gpusForModel(pf.weightsGiB, demandTierGiB, nodes));
  const statedGiB =
    profile.gpusPerReplica === null
      ? Number.POSITIVE_INFINITY
      : profile.gpusPerReplica * nodes * demandTierGiB;
  // An inference replica stated on more GPUs than its estimate needs on its own GPU holds that memory by choice
  // (KV cache for long contexts, tensor parallelism): a 70B fp8 agent API stated on 2 × H100 with NVLink (78 GiB
  // estimated, one H100's worth) was priced on one A100-80GB a replica, its KV cache gone and its NVLink dropped.
  // Training states its parallel width, not its memory: there the statement only caps the estimate.
  const headroom =
    pf.phase === 'inference' &&
    profile.gpusPerReplica !== null &&
    profile.gpusPerReplica > gpusForModel(pf.memoryGiB, demandTierGiB, nodes);
  const footprintGiB = headroom ? statedGiB : Math.min(pf.memoryGiB, Math.max(statedGiB, pf.weightsGiB));
  return { demandGpusPerReplica, statedGiB, footprintGiB };
}

/**
 * The rules that read only an offer's certifications and place (`placeKey`): the workload's compliance
 * certifications (`gdpr` also met inside the EEA: `gdprInPlace`), residency, and the round trip to a service's
 * users. Each refusal goes to `reject`; returns the note of a requirement met in place, if any.
 */
function placeRules(
  profile: WorkloadProfile,
  pf: ProfileFacts,
  offer: Offer,
  of: OfferFacts,
  verdictOnly: boolean,
  reject: (
    code: CostRejection['code'],
    message: () => string,
    facts?: Pick<CostRejection, 'missing'>,
  ) => void,
): string | null {
  let complianceNote: string | null = null;
  for (const c of profile.compliance) {
    if (factsMeetCompliance(of, c)) {
      if (c === 'gdpr' && !of.certifications.has(c) && !verdictOnly) complianceNote = gdprInPlaceNote(offer);
      continue;
    }
    const missing = profile.compliance.filter((x) => !factsMeetCompliance(of, x));
    reject(
      'compliance',
      () => `the offer lacks ${missing.join(', ')} (the workload requires ${profile.compliance.join(', ')})`,
      { missing },
    );
    break;
  }

  // A community host states its own country and no one checks it: "community hosts cannot prove where they
  // are" (the residency constraint). A Vast host in Thailand carried an APAC-bound chat API's whole
  // decentralized option. One sentence for both, so a tally of many offers reads true.
  const residency = residencyProblem(offer, profile.residency);
  if (residency === 'unproven') {
    reject(
      'residency',
      () =>
        `the offer's country is unknown or unverified (a community host's own word), so it cannot be shown to be in ${profile.residency.join(' or ')}`,
    );
  } else if (residency === 'outside') {
    reject(
      'residency',
      () =>
        `the offer is in ${offer.country}; the workload's data must stay in ${profile.residency.join(' or ')}`,
    );
  } else if (residency === 'unconfirmed') {
    // An India-resident voice service was placed on "Lambda asia-south-1" from a catalog row that lists every
    // region of Lambda for every type: the row prices the type, not its presence there (residencyProblem).
    reject(
      'region-unconfirmed',
      () =>
        `the offer's catalog lists every region of ${offer.providerName} for every instance type (live availability not encoded), so it does not confirm ${offer.instanceType ?? offer.gpu} is offered in ${offer.region}; the workload's data must stay in ${profile.residency.join(' or ')}`,
    );
  }
  // A service whose users are far from the offer: the least measured round trip between the two countries takes
  // more than its share of the p99 budget (a 150 ms voice model for Korean users was priced in Des Moines).
  if (pf.serving && profile.p99LatencyMs !== null && profile.usersRegion !== null && offer.country !== null) {
    const trip = leastRoundTripMs(profile.usersRegion, offer.country);
    const budget = profile.p99LatencyMs;
    if (trip !== null && trip.ms > budget * NETWORK_SHARE_OF_P99) {
      reject(
        'latency',
        () =>
          `the offer is in ${offer.country}, and a round trip between ${trip.from} and ${offer.country} alone takes at least ${trip.ms} ms (AWS inter-region p50, cloudping.co), more than ${Math.round(NETWORK_SHARE_OF_P99 * 100)} % of the workload's p99 budget of ${budget} ms`,
      );
    }
  }
  return complianceNote;
}

/**
 * Whether an offer passes the place rules (compliance, residency, the users' round trip; no messages): false
 * means `feasibility` refuses it, and every offer of the same `placeKey`, for this profile. A catalog search asks
 * it once per key and profile.
 */
export function placeFeasible(profile: WorkloadProfile, offer: Offer): boolean {
  let ok = true;
  placeRules(profile, profileFacts(profile), offer, offerFacts(offer), true, () => {
    ok = false;
  });
  return ok;
}

/**
 * Offers with the same key get the same `placeFeasible` verdict for every profile: the key holds every field the
 * place rules read (certifications, country, hosting, verification, how the catalog lists the type's regions, and
 * the market, whose hosts may be third parties').
 */
export function placeKey(offer: Offer): string {
  return [
    offer.market,
    [...offer.certifications].sort().join(';'),
    offer.country ?? '',
    offer.hosting,
    offer.verified,
    offer.regionListing ?? '',
  ].join('\u0000');
}

/**
 * The part of `feasibility` that reads only the offer's GPU name: the GPU is in the tier table and runs the
 * workload's precision (`precisionSupport`), the workload's gpuType is in the table, and the GPU policy converts the demand to it (`throughputConversion`). False means
 * `feasibility` refuses every offer of that GPU for this profile and options, so a catalog search can skip them
 * all after one check (it asks `costFloor` about the rest). Same rules, same order, no messages.
 */
export function gpuFeasible(profile: WorkloadProfile, gpu: string, options: FeasibilityOptions): boolean {
  return gpuConversion(profile, gpu, options) !== null;
}

/**
 * `gpuFeasible`'s check with what it found: the demand's GPU tier and the throughput ratio of `gpu` to it, which
 * every feasible offer of `gpu` is priced at (the demand's GPU is `referenceGpu`'s); null when `gpuFeasible` is
 * false.
 */
export function gpuConversion(
  profile: WorkloadProfile,
  gpu: string,
  options: FeasibilityOptions,
): { readonly demandTier: GpuTier; readonly ratio: number } | null {
  const tiers = options.tiers;
  const tier = tiers.get(gpu);
  if (tier === undefined) return null;
  if (!precisionSupport(tier, profile.precision, false).runs) return null;
  const demand = referenceGpu(profile, tiers);
  if (demand === undefined) return null;
  const demandTier = demand.tier;
  const conversion = convert(profile, demandTier, tier, options, false);
  return conversion.ok ? { demandTier, ratio: conversion.value.ratio } : null;
}

/**
 * `gpuConversion` for one profile and many GPUs: the profile's demand GPU, policy and kept answers (`conversionsFor`)
 * are looked up once, then each GPU costs a tier lookup, its precision check and a kept answer.
 * `gpuConversionsOf(profile, options)(gpu)` equals `gpuConversion(profile, gpu, options)`.
 */
export function gpuConversionsOf(
  profile: WorkloadProfile,
  options: FeasibilityOptions,
): (gpu: string) => { readonly demandTier: GpuTier; readonly ratio: number } | null {
  const tiers = options.tiers;
  const demand = referenceGpu(profile, tiers);
  if (demand === undefined) return () => null;
  const demandTier = demand.tier;
  const policy = profile.gpuPolicy ?? options.scenario?.gpuPolicy ?? 'measured';
  const ratios = options.ratios;
  const pf = profileFacts(profile);
  // The answers of this key, held: a later profile's key may evict them from the cache, not change them.
  const memo = conversionsFor(profile, pf, demandTier, policy, ratios);
  return (gpu) => {
    const tier = tiers.get(gpu);
    if (tier === undefined) return null;
    if (!precisionSupport(tier, profile.precision, false).runs) return null;
    let conversion = memo.get(tier);
    if (conversion === undefined) {
      conversion = throughputConversion({
        ...conversionKey(profile, pf, demandTier, policy, ratios),
        offerTier: tier,
        explain: false,
      });
      memo.set(tier, conversion);
    }
    return conversion.ok ? { demandTier, ratio: conversion.value.ratio } : null;
  };
}

/** `throughputConversion` of the demand to an offer's GPU tier, under the profile's (else the scenario's) policy. */
function convert(
  profile: WorkloadProfile,
  demandTier: GpuTier,
  offerTier: GpuTier,
  options: FeasibilityOptions,
  explain: boolean,
): ThroughputConversion {
  const policy = profile.gpuPolicy ?? options.scenario?.gpuPolicy ?? 'measured';
  const ratios = options.ratios;
  const pf = profileFacts(profile);
  // Without sentences the answer is kept (`conversionsFor`): a catalog search asks it for every GPU and then
  // every class of offers, for each profile it prices, and the profiles of a portfolio share a few keys. With
  // them, only for the key last asked (`explainedConversionsFor`): the tally of why a side has no option prices
  // every offer of that side for one profile, a few GPU tiers over hundreds of offers.
  const memo = explain
    ? explainedConversionsFor(profile, pf, demandTier, policy, ratios)
    : conversionsFor(profile, pf, demandTier, policy, ratios);
  const known = memo?.get(offerTier);
  if (known !== undefined) return known;
  const conversion = throughputConversion({
    ...conversionKey(profile, pf, demandTier, policy, ratios),
    offerTier,
    explain,
  });
  memo?.set(offerTier, conversion);
  return conversion;
}

/** What `throughputConversion` reads without sentences, besides the offer's tier. */
interface ConversionKey {
  readonly policy: GpuPolicy;
  readonly throughputClass: ThroughputClass;
  readonly modelParamsBillions: number;
  readonly precision: Precision;
  readonly task: WorkloadProfile['task'];
  readonly demandTier: GpuTier;
  /** Whether the profile names the demand's GPU (`measured` then keeps it to measured ratios). */
  readonly named: boolean;
  /** Serving under a p99 latency budget (`throughputConversion`'s `latencyBound`). */
  readonly latencyBound: boolean;
  readonly ratios: ThroughputRatioTable | undefined;
}

function conversionKey(
  profile: WorkloadProfile,
  pf: ProfileFacts,
  demandTier: GpuTier,
  policy: GpuPolicy,
  ratios: ThroughputRatioTable | undefined,
): ConversionKey {
  return {
    policy,
    throughputClass: pf.throughputClass,
    modelParamsBillions: profile.modelParamsBillions,
    precision: profile.precision,
    task: profile.task,
    demandTier,
    named: pf.gpuTypeKey !== null,
    latencyBound: latencyBound(profile, pf),
    ratios,
  };
}

function latencyBound(profile: WorkloadProfile, pf: ProfileFacts): boolean {
  return pf.serving && profile.p99LatencyMs !== null;
}

/** Past answers without sentences, by ratio table, demand tier and the rest of the key as text (model size band). */
const conversionCache = new WeakMap<
  object,
  WeakMap<GpuTier, Map<string, Map<GpuTier, ThroughputConversion>>>
>();
const NO_RATIOS = {};
/** Keys kept per ratio table and demand tier before they are dropped (a portfolio uses a few dozen). */
const CONVERSION_KEYS = 4096;
let lastKey: ConversionKey | null = null;
let lastAnswers: Map<GpuTier, ThroughputConversion> = new Map();

/**
 * The answers of `throughputConversion` without sentences for one key, by offer tier. They depend on the model
 * size only through its band (`modelSizeBand`), so profiles of one kind, band, precision and task share them.
 */
function conversionsFor(
  profile: WorkloadProfile,
  pf: ProfileFacts,
  demandTier: GpuTier,
  policy: GpuPolicy,
  ratios: ThroughputRatioTable | undefined,
): Map<GpuTier, ThroughputConversion> {
  const k = lastKey;
  if (sameKey(k, profile, pf, demandTier, policy, ratios)) return lastAnswers;
  let byTier = conversionCache.get(ratios ?? NO_RATIOS);
  if (byTier === undefined) {
    byTier = new WeakMap();
    conversionCache.set(ratios ?? NO_RATIOS, byTier);
  }
  let byKey = byTier.get(demandTier);
  if (byKey === undefined) {
    byKey = new Map();
    byTier.set(demandTier, byKey);
  }
  const text = `${pf.gpuTypeKey !== null ? 'named' : 'unnamed'}|${latencyBound(profile, pf)}|${policy}|${pf.throughputClass}|${modelSizeBand(profile.modelParamsBillions)}|${profile.precision}|${profile.task ?? ''}`;
  let answers = byKey.get(text);
  if (answers === undefined) {
    if (byKey.size >= CONVERSION_KEYS) byKey.clear();
    answers = new Map();
    byKey.set(text, answers);
  }
  lastKey = conversionKey(profile, pf, demandTier, policy, ratios);
  lastAnswers = answers;
  return answers;
}

/** Whether `k` is the key of this profile's conversions (the model size compared exactly). */
function sameKey(
  k: ConversionKey | null,
  profile: WorkloadProfile,
  pf: ProfileFacts,
  demandTier: GpuTier,
  policy: GpuPolicy,
  ratios: ThroughputRatioTable | undefined,
): boolean {
  return (
    k !== null &&
    k.modelParamsBillions === profile.modelParamsBillions &&
    k.policy === policy &&
    k.throughputClass === pf.throughputClass &&
    k.precision === profile.precision &&
    k.task === profile.task &&
    k.demandTier === demandTier &&
    k.named === (pf.gpuTypeKey !== null) &&
    k.latencyBound === latencyBound(profile, pf) &&
    k.ratios === ratios
  );
}

let lastExplainedKey: ConversionKey | null = null;
let lastExplained: Map<GpuTier, ThroughputConversion> = new Map();

/**
 * The answers of `throughputConversion` with sentences for the key last asked, by offer tier. A sentence may name
 * the model's exact size, so the key is compared whole (not by size band) and only one is kept.
 */
function explainedConversionsFor(
  profile: WorkloadProfile,
  pf: ProfileFacts,
  demandTier: GpuTier,
  policy: GpuPolicy,
  ratios: ThroughputRatioTable | undefined,
): Map<GpuTier, ThroughputConversion> {
  const k = lastExplainedKey;
  if (sameKey(k, profile, pf, demandTier, policy, ratios)) return lastExplained;
  lastExplainedKey = conversionKey(profile, pf, demandTier, policy, ratios);
  lastExplained = new Map();
  return lastExplained;
}

function modelText(profile: WorkloadProfile, pf: ProfileFacts): string {
  return `${fmt(pf.memoryGiB)} GiB (${modelParams(profile)}, ${profile.precision}, ${phaseText(profile, pf)})`;
}

/** "inference", or the training method: "full training", "LoRA (assumed: default for this kind)". */
function phaseText(profile: WorkloadProfile, pf: ProfileFacts): string {
  return pf.phase === 'inference'
    ? 'inference'
    : `${trainingMethods[pf.trainingMethod].label}${assumedMark(profile, 'trainingMethod')}`;
}

/**
 * What may let a replica hold less than gpufit's estimate. An inference replica's overhead is a KV cache only for a
 * text generator (or a model of unstated task): Flux-dev at bf16 on a 24 GB RTX 3090 read "e.g. a smaller KV cache",
 * which a diffusion model does not keep.
 */
function smallerFootprint(profile: WorkloadProfile, pf: ProfileFacts): string {
  if (pf.phase === 'inference')
    return profile.task == null || profile.task === 'text-generation'
      ? 'e.g. a smaller KV cache'
      : 'e.g. a smaller batch, or parts of the pipeline offloaded';
  return trainingMethods[pf.trainingMethod].trainedShare === 1
    ? 'e.g. offloaded or 8-bit optimizer state; a LoRA or QLoRA run says so in trainingMethod'
    : 'e.g. offloading';
}

/** "8B parameters", or "assumed 8B (default for this kind)" when the workload gave no model size. */
function modelParams(profile: WorkloadProfile): string {
  return isAssumed(profile, 'modelParamsBillions')
    ? `assumed ${profile.modelParamsBillions}B (default for this kind)`
    : `${profile.modelParamsBillions}B parameters`;
}

function fmt(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3)));
}
