import {
  formatIssues,
  validateWorkloadProfile,
  type WorkloadKind,
  type WorkloadProfile,
  type WorkloadProfileInput,
} from '@gpufit/schema';

/**
 * The typical workload behind each row of the seed's table, as profile inputs. Fields left out take the
 * kind's defaults (@gpufit/schema `workloadKinds`). Demand and data volumes are gpufit assumptions
 * (labelled below); the seed gives only the row names. Documented in docs/framework.md.
 */
export const CANONICAL_PROFILE_INPUTS: { readonly [K in WorkloadKind]: WorkloadProfileInput } = {
  // An 8B chat/API model on 2 GPUs around the clock; answers (text) leave the provider.
  'realtime-inference': {
    id: 'canonical-realtime-inference',
    name: 'Real-time production inference',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 1460,
    egressGiBPerMonth: 50,
  },
  // Nightly scoring of a document corpus: inputs go in and results come back out every month.
  'batch-inference': {
    id: 'canonical-batch-inference',
    name: 'Batch inference',
    kind: 'batch-inference',
    jobsPerMonth: 30,
    hoursPerJob: 4,
    datasetGiB: 300,
    egressGiBPerMonth: 300,
  },
  // Short research runs of a 7B model on a small curated dataset.
  experimentation: {
    id: 'canonical-experimentation',
    name: 'Model experimentation',
    kind: 'experimentation',
    jobsPerMonth: 40,
    hoursPerJob: 6,
    datasetGiB: 20,
  },
  // A 70B pre-training or continued-training run on 16 nodes × 8 GPUs for two weeks.
  'multi-node-training': {
    id: 'canonical-multi-node-training',
    name: 'Large multi-node training',
    kind: 'multi-node-training',
    nodes: 16,
    gpusPerReplica: 8,
    jobsPerMonth: 1,
    hoursPerJob: 336,
    gpuHoursPerMonth: 43_008,
    datasetGiB: 2000,
  },
  // An adapter fine-tune of an 8B model on the company's own (confidential) examples.
  'fine-tuning': {
    id: 'canonical-fine-tuning',
    name: 'Fine-tuning smaller models',
    kind: 'fine-tuning',
    jobsPerMonth: 8,
    hoursPerJob: 8,
    datasetGiB: 10,
    dataSensitivity: 'confidential',
  },
};

/** The documented typical profile of a table row, validated (defaults applied) like any user input. */
export function canonicalProfile(kind: WorkloadKind): WorkloadProfile {
  const r = validateWorkloadProfile(CANONICAL_PROFILE_INPUTS[kind]);
  if (!r.ok) throw new Error(`canonical ${kind} profile is invalid: ${formatIssues(r.issues)}`);
  return r.value;
}
