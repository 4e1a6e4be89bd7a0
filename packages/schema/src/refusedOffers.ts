import type { RejectionCode } from './results.js';

/**
 * What an offer refused for each reason is, in a few words ("290 run on community hosts …"): the phrases of a
 * workload's `decision.unavailable` sentence ("none of 288 decentralized offers can run it: 288 lack a
 * certification …"), written by the analysis and read back by the report to name the reasons in short.
 */
export const REFUSED_OFFERS: Readonly<Record<RejectionCode, string>> = {
  memory: 'cannot hold a replica (the model, or its stated GPUs) on one instance',
  'gpu-type': 'are another GPU than the one asked for',
  compliance: 'lack a certification the workload requires',
  residency: 'are outside the residency the data needs',
  interconnect: 'lack the interconnect the job needs',
  hosting: 'run on hosts the data may not use',
  'price-unknown': 'have no known price',
  'price-below-floor': 'are priced below USD 0.001 per GPU-hour after the scenario (adjustments or subsidy)',
  'hard-constraint': 'are ruled out by a hard constraint',
  'gpu-unknown': 'have a GPU gpufit has no specifications for',
  availability: 'cannot reach the availability target',
  interruptions: 'are interrupted too often for a job to finish',
  interruptible: 'are spot / interruptible, and the workload is not interruptible',
  placement: 'are excluded by the placement lists',
  capacity: 'are spot without the capacity the job needs at once',
  'gpu-policy': 'are another GPU with no measured throughput ratio for this work',
  latency: 'are too far from the users for the p99 budget',
  horizon: 'would run a job past the workload’s horizon',
  precision: 'have a GPU that cannot run the workload’s precision',
  'region-unconfirmed': 'are not confirmed to offer their GPU in the region the data must stay in',
};

/** Each refusal reason in a word or two, for a table cell ("none of 288: certification, hosting, GPU ratio"). */
export const REFUSED_SHORT: Readonly<Record<RejectionCode, string>> = {
  memory: 'memory',
  'gpu-type': 'GPU type',
  compliance: 'certification',
  residency: 'residency',
  interconnect: 'interconnect',
  hosting: 'hosting',
  'price-unknown': 'no price',
  'price-below-floor': 'price floor',
  'hard-constraint': 'hard constraint',
  'gpu-unknown': 'unknown GPU',
  availability: 'availability',
  interruptions: 'interruptions',
  interruptible: 'not interruptible',
  placement: 'placement lists',
  capacity: 'spot capacity',
  'gpu-policy': 'GPU ratio',
  latency: 'latency',
  horizon: 'horizon',
  precision: 'precision',
  'region-unconfirmed': 'region unproven',
};

/** The phrase for one offer: "1 is …", "1 has …", "1 lacks …", "1 runs …" (the table is written for several). */
export function refusedOne(phrase: string): string {
  const verb = /^(are|have|lack|run) /.exec(phrase)?.[1];
  if (verb === undefined) return phrase;
  const one = { are: 'is', have: 'has', lack: 'lacks', run: 'runs' }[verb as 'are' | 'have' | 'lack' | 'run'];
  return `${one}${phrase.slice(verb.length)}`;
}
