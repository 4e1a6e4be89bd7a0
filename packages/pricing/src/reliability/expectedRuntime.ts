import { assert } from '../assert.js';
import { INVALID_DURATION, INVALID_MTBF } from '../messages.js';
import { optimalCheckpointInterval } from './optimalCheckpointInterval.js';

export interface ExpectedRuntimeOptions {
  /** Failure-free compute time of the job, hours. */
  readonly workHours: number;
  /** Mean time between failures (interruptions) of the job's allocation, hours; Infinity = never fails. */
  readonly mtbfHours: number;
  /** Time to write one checkpoint, hours (must be above 0 for a checkpointed job). */
  readonly checkpointHours: number;
  /** Time to restart after a failure (reload, reschedule), hours. */
  readonly restartHours: number;
  /** Whether the job resumes from its last checkpoint (default) or restarts from scratch. */
  readonly checkpointable?: boolean;
  /** Compute time between checkpoints; default: the optimum of Daly's cost function, capped at `workHours`. */
  readonly intervalHours?: number;
}

export type ExpectedRuntime =
  | {
      readonly bounded: true;
      /** Expected wall-clock hours to finish the job, failures, checkpoints and restarts included. */
      readonly wallHours: number;
      /** Compute time between checkpoints used; null when the job restarts from scratch. */
      readonly intervalHours: number | null;
      /** Checkpoints written per job (T_s/τ); 0 when the job restarts from scratch. */
      readonly checkpoints: number;
    }
  | { readonly bounded: false; readonly reason: string };

/**
 * Expected wall-clock time of a job on a machine that fails as a Poisson process of mean M.
 *
 * Checkpointed (the complete cost function attributed to Daly 2006, see `dalyInterval` for the paper):
 *   T_w = M · e^{R/M} · (e^{(τ+δ)/M} − 1) · T_s/τ
 * T_s/τ segments of compute τ plus a dump δ; each segment is retried until it runs τ + δ without a failure, and
 * each failure costs a restart R during which failures may also strike. The paper's text was not available to us,
 * so we verified the expression by derivation instead: with failure rate λ = 1/M, one attempt of length L
 * succeeds with probability e^{−λL}, and the expected time to complete a segment, restarts included, is
 * (e^{λR}/λ)·(e^{λL} − 1) — the standard renewal result — times T_s/τ segments; test/expectedRuntime.test.ts
 * checks it against a seeded simulation of exactly that process. τ defaults to the exact optimum
 * (`optimalCheckpointInterval`) capped at T_s, so a job shorter than its optimum interval writes one checkpoint.
 * Limits (tested): M → ∞ gives T_s + δ·T_s/τ (work plus checkpoint writes); no failures ⇒ no restart cost.
 *
 * Restart from scratch (not checkpointable): E[T] = (M + R)·(e^{T/M} − 1) for work T, the expected completion time
 * of a job that must run T failure-free, each failure adding a downtime R (same renewal argument with a restart
 * that itself cannot fail); small T/M gives ≈ T.
 *
 * Exponential failures are assumed (memoryless, independent of the work). A result too large for a float64 is
 * returned as `bounded: false` with a reason, never Infinity.
 */
export function expectedRuntime(options: ExpectedRuntimeOptions): ExpectedRuntime {
  const { workHours: t, mtbfHours: m, checkpointHours: delta, restartHours: r } = options;
  const checkpointable = options.checkpointable ?? true;
  assert(Number.isFinite(t) && t >= 0, INVALID_DURATION, () => `work ${t}`);
  assert(Number.isFinite(delta) && delta >= 0, INVALID_DURATION, () => `checkpoint ${delta}`);
  assert(Number.isFinite(r) && r >= 0, INVALID_DURATION, () => `restart ${r}`);
  assert(m > 0 && !Number.isNaN(m), INVALID_MTBF, m);
  if (t === 0)
    return { bounded: true, wallHours: 0, intervalHours: checkpointable ? 0 : null, checkpoints: 0 };

  if (!checkpointable) {
    const wall = m === Number.POSITIVE_INFINITY ? t : (m + r) * Math.expm1(t / m);
    return finiteOr(wall, null, 0, t, m);
  }

  assert(delta > 0, INVALID_DURATION, 'a checkpointed job needs a checkpoint time above 0');
  if (options.intervalHours !== undefined) {
    const tau = options.intervalHours;
    assert(Number.isFinite(tau) && tau > 0, INVALID_DURATION, () => `interval ${tau}`);
    const wall =
      m === Number.POSITIVE_INFINITY ? (t * (tau + delta)) / tau : checkpointed(m, r, tau, delta, t);
    return finiteOr(wall, tau, t / tau, t, m);
  }
  const tau = m === Number.POSITIVE_INFINITY ? t : Math.min(optimalCheckpointInterval(delta, m), t);
  const wall = m === Number.POSITIVE_INFINITY ? t + delta : checkpointed(m, r, tau, delta, t);
  return finiteOr(wall, tau, t / tau, t, m);
}

function checkpointed(m: number, r: number, tau: number, delta: number, t: number): number {
  return m * Math.exp(r / m) * Math.expm1((tau + delta) / m) * (t / tau);
}

function finiteOr(
  wall: number,
  intervalHours: number | null,
  checkpoints: number,
  t: number,
  m: number,
): ExpectedRuntime {
  if (Number.isFinite(wall)) return { bounded: true, wallHours: wall, intervalHours, checkpoints };
  return {
    bounded: false,
    reason: `a ${fmt(t)} h job on a machine interrupted every ${fmt(m)} h on average would practically never finish`,
  };
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(3)));
}
