import { WORKLOAD_KINDS, type WorkloadKind, workloadKinds } from '@gpufit/schema';
import { defineFactor } from '../defineFactor.js';
import { kindRank } from '../ranks.js';

/** The seed's words for each row of its table; the numbers live in the framework config (`kinds`). */
const KIND_RATIONALE: { readonly [K in WorkloadKind]: string } = {
  'realtime-inference':
    'live traffic that "needs low latency and constant uptime"; the seed rates it cloud High, DePIN Medium',
  'batch-inference':
    '"batch inference … and overnight processing can often run well on decentralized capacity"; the seed rates it cloud Medium, DePIN High',
  experimentation:
    '"test runs … and research pipelines where lower cost matters more than perfect consistency"; the seed rates it cloud Medium, DePIN High',
  'multi-node-training':
    '"large-cluster training usually depends on fast interconnects, consistent hardware, and tightly managed networking"; the seed rates it cloud High, DePIN Low',
  'fine-tuning':
    '"smaller fine-tunes" are among the seed\'s best early DePIN fits, with the approach decided by data sensitivity; the seed rates it cloud Medium, DePIN High',
};

/** The sentence for each kind, built once: its label and the seed's words. */
const KIND_SENTENCE = Object.fromEntries(
  WORKLOAD_KINDS.map((k) => [k, `${workloadKinds[k].label}: ${KIND_RATIONALE[k]}.`]),
) as { readonly [K in WorkloadKind]: string };

/** Q1 "What are you running?": the kind's base fit, read from `config.kinds[kind]` (data, not a branch). */
export const workloadKindFactor = defineFactor({
  id: 'workload-kind',
  question: 'What are you running?',
  rationale:
    'Small-batch inference, batch inference, fine-tuning, and large distributed training all have different hardware and networking needs.',
  weight: 20,
  params: {},
  // Each kind's base fit by kind rank, read once per framework from `config.kinds`.
  prepare: (_params, config) => ({
    cloud: Float64Array.from(WORKLOAD_KINDS, (k) => config.kinds[k].cloud),
    depin: Float64Array.from(WORKLOAD_KINDS, (k) => config.kinds[k].depin),
  }),
  measure(profile, fit, _config, out) {
    const k = kindRank(profile.kind);
    out.cloud = fit.cloud[k]!;
    out.depin = fit.depin[k]!;
  },
  explain(profile) {
    return KIND_SENTENCE[profile.kind];
  },
});
