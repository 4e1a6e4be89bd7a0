import { assert } from '../assert.js';
import { INVALID_PROBABILITY, INVALID_REPLICA_COUNT } from '../messages.js';

/** The most replicas gpufit will put behind one serving workload before calling a target unreachable. */
export const MAX_REPLICAS = 10_000;

export type ReplicaCount =
  | { readonly feasible: true; readonly replicas: number }
  | { readonly feasible: false; readonly reason: string };

/**
 * Replicas needed so that at least one is up with probability `target`, when each is up with probability
 * `nodeAvailability` independently of the others:
 *
 *   n = ⌈ln(1 − A) / ln(1 − a)⌉        (from 1 − (1 − a)^n ≥ A)
 *
 * Source: DESIGN §5.4 (the parallel-redundancy formula of reliability engineering). Assumes independent failures:
 * replicas on one host, one provider or one region fail together more often than this says.
 * Edge cases: a = 1 → 1 replica; A ≤ 0 → 1; a ≤ 0, A = 1, or more than MAX_REPLICAS → infeasible with a reason,
 * never Infinity.
 */
export function replicasForAvailability(target: number, nodeAvailability: number): ReplicaCount {
  return replicasForDemandAndAvailability({ needed: 1, target, nodeAvailability });
}

export interface ReplicasForDemandOptions {
  /** Replicas that must be up at the same time to carry the load (k ≥ 1). */
  readonly needed: number;
  /** Probability that at least `needed` replicas are up (A). */
  readonly target: number;
  /** Probability that one replica is up (a). */
  readonly nodeAvailability: number;
}

/**
 * The smallest n such that at least k of n independent replicas (each up with probability a) are up with
 * probability ≥ A: P(Binomial(n, a) ≥ k) ≥ A. For k = 1 this is exactly `replicasForAvailability`'s closed form;
 * for k > 1 it generalizes it (k-out-of-n redundancy, standard reliability engineering), so a fleet of k replicas
 * needs a few spares rather than k × n copies. Same independence assumption and edge cases.
 */
export function replicasForDemandAndAvailability(options: ReplicasForDemandOptions): ReplicaCount {
  const { needed: k, target, nodeAvailability: a } = options;
  assert(Number.isInteger(k) && k >= 1, INVALID_REPLICA_COUNT, k);
  assert(
    Number.isFinite(target) && target >= 0 && target <= 1,
    INVALID_PROBABILITY,
    () => `target ${target}`,
  );
  assert(Number.isFinite(a) && a >= 0 && a <= 1, INVALID_PROBABILITY, () => `node availability ${a}`);
  if (a <= 0) return { feasible: false, reason: 'the offer is never available (node availability 0)' };
  if (a === 1 || target <= 0) return { feasible: true, replicas: k };
  if (target >= 1) {
    return {
      feasible: false,
      reason: 'an availability target of 100 % cannot be reached by any number of replicas',
    };
  }
  if (k === 1) {
    // Closed form, then checked against the defining inequality to undo float error at exact ratios.
    let n = Math.max(1, Math.ceil(Math.log1p(-target) / Math.log1p(-a)));
    while (n > 1 && 1 - (1 - a) ** (n - 1) >= target) n--;
    while (1 - (1 - a) ** n < target && n <= MAX_REPLICAS) n++;
    return n > MAX_REPLICAS ? tooMany(target, a) : { feasible: true, replicas: n };
  }
  // S_n = P(Binomial(n, a) ≥ k), grown one replica at a time in O(1): the (n+1)-th replica adds the chance that
  // exactly k − 1 of the first n are up and it is too, S_{n+1} = S_n + a·P(X_n = k − 1), and that probability
  // steps as P(X_{n+1} = k − 1) = P(X_n = k − 1)·q·(n + 1)/(n + 2 − k). Logs keep a^k from underflowing.
  const logA = Math.log(a);
  const logQ = Math.log1p(-a);
  let atLeast = Math.exp(k * logA);
  let logExactlyKMinus1 = Math.log(k) + (k - 1) * logA + logQ;
  for (let n = k; n <= MAX_REPLICAS; n++) {
    if (atLeast >= target) return { feasible: true, replicas: n };
    atLeast += a * Math.exp(logExactlyKMinus1);
    logExactlyKMinus1 += logQ + Math.log((n + 1) / (n + 2 - k));
  }
  return tooMany(target, a);
}

function tooMany(target: number, a: number): ReplicaCount {
  return {
    feasible: false,
    reason: `reaching ${target} availability on nodes of availability ${a} would need more than ${MAX_REPLICAS} replicas`,
  };
}
