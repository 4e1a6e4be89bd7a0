/**
 * Every number the cost model uses that is not an input: its value and where it comes from, or the words
 * "gpufit assumption" and why. docs/methodology.md lists them; estimates quote the notes they relied on.
 */
import type { Market, PricingCategory } from '@gpufit/schema';
import { HOURS_PER_MONTH } from '@gpufit/schema';
import { SPOT_INSTANCE_LIFETIME_HOURS, spotBandHazard } from './reliability/spotBandHazard.js';

export { HOURS_PER_MONTH };

/**
 * Inference memory = weights × 1.2: the 20 % overhead for KV cache, activations and framework buffers of the
 * BentoML LLM Inference Handbook, "Calculating GPU memory for serving LLMs" (Memory = P × (Q/8) × (1 + 20 %)).
 */
export const INFERENCE_MEMORY_OVERHEAD = 1.2;

/** The CUDA kernels' share of a training GPU (@gpufit/schema, where the default training method reads it too). */
export { TRAINING_KERNEL_RESERVE_GIB } from '@gpufit/schema';

/*
 * Training memory per parameter (weights, gradients and Adam state per training method: full, LoRA, QLoRA) lives in
 * @gpufit/schema's trainingMemory.ts, with its sources, so that scoring's model-size factor and this cost model size
 * a training run the same way.
 */

/**
 * gpufit assumption: when an offer gives only an availability a, its interruptions are outages of mean length
 * 1 hour, so a = M / (M + 1 h) ⇒ interruptions per hour λ = (1 − a) / (a × 1 h). No source gives a mean outage
 * length for marketplace hosts; 1 hour is a round figure between a reboot and a host going away.
 */
export const ASSUMED_OUTAGE_HOURS = 1;

/** gpufit assumption: a checkpoint takes at least one minute to write (a profile's 0 would mean infinitely many). */
export const MIN_CHECKPOINT_HOURS = 1 / 60;
/**
 * The least billing rounding a job's estimate says in its assumptions, in seconds a job (a gpufit choice): a
 * per-second bill leaves under a second of each job paid and unused, which its sentence said to the thousandth of
 * a second on every such offer. The rounding is billed whatever its size; only the sentence waits for a second.
 */
export const BILLING_ROUNDING_SAID_SECONDS = 1;

/** Reclaim share of the AWS Spot Advisor middle band, 10–15 % → 0.125 (price-facts §1). */
const SPOT_MIDDLE_BAND = 0.125;

export interface ReliabilityDefault {
  /** Interruptions per instance-hour when the offer gives neither field; null = derive from `availability`. */
  readonly interruptionsPerHour: number | null;
  /** Node availability when the offer gives neither field; null = derive from the interruptions. */
  readonly availability: number | null;
  readonly note: string;
}

const SPOT: ReliabilityDefault = {
  interruptionsPerHour: spotBandHazard(SPOT_MIDDLE_BAND, SPOT_INSTANCE_LIFETIME_HOURS),
  availability: null,
  note: `the offer gives no reliability figure: as spot/interruptible capacity it takes the AWS Spot Advisor middle band, 10–15 % of instances reclaimed (p = 0.125; price-facts §1) over an assumed ${SPOT_INSTANCE_LIFETIME_HOURS} h instance life, λ = −ln(1 − p)/${SPOT_INSTANCE_LIFETIME_HOURS} h = ${spotBandHazard(SPOT_MIDDLE_BAND, SPOT_INSTANCE_LIFETIME_HOURS).toPrecision(3)} an hour — a gpufit assumption`,
};

/** Reliability of an offer that states neither `interruptionsPerHour` nor `availability`, by market and category. */
export const RELIABILITY_DEFAULTS: {
  readonly [M in Market]: { readonly [C in PricingCategory]: ReliabilityDefault };
} = {
  hyperscaler: {
    Standard: onDemandCloud('hyperscaler'),
    Committed: onDemandCloud('hyperscaler'),
    Dynamic: SPOT,
  },
  'gpu-cloud': {
    Standard: onDemandCloud('GPU-cloud'),
    Committed: onDemandCloud('GPU-cloud'),
    Dynamic: SPOT,
  },
  marketplace: { Standard: communityHost(), Committed: communityHost(), Dynamic: SPOT },
  depin: { Standard: communityHost(), Committed: communityHost(), Dynamic: SPOT },
};

function onDemandCloud(label: string): ReliabilityDefault {
  return {
    interruptionsPerHour: 0,
    availability: 1,
    note: `the offer gives no reliability figure: ${label} on-demand/reserved capacity is assumed never interrupted and always available — a gpufit assumption`,
  };
}

function communityHost(): ReliabilityDefault {
  return {
    interruptionsPerHour: null,
    availability: 0.95,
    note: 'the offer gives no reliability figure: marketplace/DePIN hosts are assumed available 0.95 of the time, the common Vast client filter reliability ≥ 0.95 (price-facts §3) — a gpufit assumption',
  };
}

export interface EgressDefault {
  readonly usdPerGiB: number;
  readonly note: string;
}

/** Egress price when an offer gives neither `egressTiers` nor `egressUsdPerGiB` (price-facts §4). */
export const EGRESS_DEFAULTS: { readonly [M in Market]: EgressDefault } = {
  hyperscaler: {
    usdPerGiB: 0.09,
    note: 'egress price not given: hyperscaler default $0.09/GiB, the AWS first tier (GCP $0.12, Azure $0.087; price-facts §4), free tiers ignored — a gpufit assumption',
  },
  'gpu-cloud': {
    usdPerGiB: 0,
    note: 'egress price not given: GPU-cloud default $0/GiB (Lambda and Nebius compute networking are free; price-facts §4) — a gpufit assumption',
  },
  marketplace: {
    usdPerGiB: 0.03,
    note: 'egress price not given: marketplace default $0.03/GiB, the middle of the host-specific $0–0.06 range (Vast; price-facts §4) — a gpufit assumption',
  },
  depin: {
    usdPerGiB: 0.03,
    note: 'egress price not given: DePIN default $0.03/GiB, the middle of the marketplace host-specific $0–0.06 range (price-facts §4) — a gpufit assumption',
  },
};

/**
 * Where a training job's checkpoints live. `in-provider`: the provider's own durable storage, reached without
 * internet egress (S3/GCS/filesystems in the same region). `off-provider`: a marketplace or DePIN host can vanish
 * with its disk and offers no durable store, so each checkpoint is uploaded elsewhere and pays the host's egress.
 * gpufit assumption, by market.
 */
export const CHECKPOINT_STORAGE: { readonly [M in Market]: 'in-provider' | 'off-provider' } = {
  hyperscaler: 'in-provider',
  'gpu-cloud': 'in-provider',
  marketplace: 'off-provider',
  depin: 'off-provider',
};
