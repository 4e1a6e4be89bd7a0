import { assert } from '../assert.js';
import { INVALID_AMOUNT, INVALID_DURATION, INVALID_MTBF } from '../messages.js';

/**
 * The compute time τ between checkpoints that exactly minimizes Daly's complete expected wall time
 * T_w(τ) = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ (see `expectedRuntime`).
 *
 * Setting dT_w/dτ = 0 gives e^{(τ+δ)/M}·(1 − τ/M) = 1, whose root in (0, M) is
 * τ = M·(1 + W₀(−e^{−1−δ/M})), W₀ the principal branch of the Lambert W function — the closed form behind the
 * "Lambert function" of Daly (2006, see `dalyInterval`), whose perturbation series `dalyInterval` truncates.
 * Derivation ours; the restart time R and the solve time T_s do not move the optimum.
 *
 * Solved as ln(1 − x) + x + δ/M = 0 for x = τ/M by bracketed Newton steps (the function is concave and
 * decreasing on (0, 1), so the root is unique), using log1p to stay accurate when δ ≪ M.
 */
export function optimalCheckpointInterval(checkpointHours: number, mtbfHours: number): number {
  assert(
    Number.isFinite(checkpointHours) && checkpointHours >= 0,
    INVALID_DURATION,
    () => `checkpoint ${checkpointHours}`,
  );
  assert(Number.isFinite(mtbfHours) && mtbfHours > 0, INVALID_MTBF, mtbfHours);
  const c = checkpointHours / mtbfHours;
  if (c === 0) return 0;
  return belowMtbf(c) * mtbfHours;
}

/** What a checkpointed job pays, besides its checkpoints' write time, to choose `costOptimalCheckpointInterval`. */
export interface CheckpointCosts {
  /** P: what an hour of the job's run costs, USD (the allocation's price an hour). */
  readonly usdPerHour: number;
  /** s: what each checkpoint costs beyond its write time, USD (its sync off the host). */
  readonly usdPerCheckpoint: number;
}

/**
 * The compute time τ between checkpoints that minimizes a checkpointed job's expected cost when each checkpoint
 * also costs money of its own (a sync off a host with no durable storage), not only the time to write it.
 *
 * Daly's model (`expectedRuntime`): T_s/τ segments of compute τ, each followed by a dump δ and written once when
 * it completes. The job's expected cost is P·T_w plus s for each checkpoint written:
 *   C(τ) = P·M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ + s·T_s/τ = (T_s/τ)·[A·(e^{(τ+δ)/M} − 1) + s],  A = P·M·e^{R/M}.
 * With x = τ/M and c = δ/M, dC/dτ = 0 ⇔ A·e^{x+c}·(x − 1) + A − s = 0 ⇔ e^{x+c}·(1 − x) = 1 − s/A. The left side
 * falls from e^c > 1 − s/A at x = 0 towards −∞ (its derivative is −x·e^{x+c}), and C → ∞ as τ → 0 or τ → ∞, so
 * the root is the unique minimum, for every s ≥ 0:
 * - s < A: the root is in (0, 1); taking logs, ln(1 − x) + x + c' = 0 with c' = δ/M − ln(1 − s/A) — the
 *   wall-time optimum's equation (`optimalCheckpointInterval`) with a larger constant, so τ grows with s;
 * - s = A: x = 1, τ = M;
 * - s > A: the root is above 1; with y = x − 1, ln y + y = ln(s/A − 1) − c − 1, i.e. y = W₀(e^{ln(s/A − 1) − c − 1}):
 *   a sync dearer than A checkpoints less often than once per mean time between failures. A finite τ still
 *   minimizes C; whether checkpointing at all beats rerunning from scratch is the caller's comparison
 *   (`interruptedRun`).
 * s = 0 returns `optimalCheckpointInterval(δ, M)` itself (same bits). A free allocation (A = 0) with a priced
 * checkpoint, or s/A beyond a float64, has no finite optimum: Infinity (never checkpoint; the caller caps τ at the
 * job). Derivation ours (test/checkpointing.test.ts checks it against a brute-force minimum of C on a grid).
 */
export function costOptimalCheckpointInterval(
  checkpointHours: number,
  mtbfHours: number,
  restartHours: number,
  costs: CheckpointCosts,
): number {
  const { usdPerHour: p, usdPerCheckpoint: s } = costs;
  assert(Number.isFinite(p) && p >= 0, INVALID_AMOUNT, () => `price an hour ${p}`);
  assert(Number.isFinite(s) && s >= 0, INVALID_AMOUNT, () => `checkpoint cost ${s}`);
  if (s === 0) return optimalCheckpointInterval(checkpointHours, mtbfHours);
  assert(
    Number.isFinite(checkpointHours) && checkpointHours >= 0,
    INVALID_DURATION,
    () => `checkpoint ${checkpointHours}`,
  );
  assert(Number.isFinite(mtbfHours) && mtbfHours > 0, INVALID_MTBF, mtbfHours);
  assert(
    Number.isFinite(restartHours) && restartHours >= 0,
    INVALID_DURATION,
    () => `restart ${restartHours}`,
  );
  const a = p * mtbfHours * Math.exp(restartHours / mtbfHours);
  const ratio = s / a;
  if (!Number.isFinite(ratio)) return Number.POSITIVE_INFINITY;
  const c = checkpointHours / mtbfHours;
  if (ratio < 1) return belowMtbf(c - Math.log1p(-ratio)) * mtbfHours;
  if (ratio === 1) return mtbfHours;
  return (1 + aboveMtbf(Math.log(ratio - 1) - c - 1)) * mtbfHours;
}

/** The root x in (0, 1) of ln(1 − x) + x + c = 0, c > 0. */
function belowMtbf(c: number): number {
  // Start from the series of 1 + W₀ at its branch point, p = √(2(1 − e^{−c})): x ≈ p − p²/3 + 11p³/72.
  const p = Math.sqrt(-2 * Math.expm1(-c));
  const x0 = Math.min(Math.max(p - (p * p) / 3 + (11 * p * p * p) / 72, 1e-300), 1 - 1e-16);
  return decreasingRoot(
    (x) => Math.log1p(-x) + x + c,
    (x) => -x / (1 - x),
    x0,
    1,
  );
}

/**
 * The root y > 0 of ln y + y = L (y = W₀(e^L)): the left side is increasing and concave, so its negative is the
 * decreasing function `decreasingRoot` takes. y < e^L (ln y = L − y < L), and y ≤ L when L ≥ 1 (y > L would make
 * ln y < 0, y < 1 ≤ L).
 */
function aboveMtbf(l: number): number {
  // y·e^y = e^L: y ≈ e^L/(1 + e^L) for L ≤ 1, L − ln L above.
  const y0 = l > 1 ? l - Math.log(l) : Math.exp(l) / (1 + Math.exp(l));
  return decreasingRoot(
    (y) => l - Math.log(y) - y,
    (y) => -(1 / y + 1),
    y0,
    Math.min(Math.exp(l), Math.max(l, 1)),
  );
}

/**
 * The root in (0, hi) of a decreasing function g, by Newton steps from x0 kept inside the bracket (bisection when a
 * step leaves it), to a relative step of 1e-15.
 */
function decreasingRoot(
  g: (x: number) => number,
  slope: (x: number) => number,
  x0: number,
  hi0: number,
): number {
  let x = x0;
  let lo = 0;
  let hi = hi0;
  for (let i = 0; i < 200; i++) {
    const gx = g(x);
    if (gx > 0) lo = x;
    else hi = x;
    let next = x - gx / slope(x);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) {
      x = next;
      break;
    }
    x = next;
  }
  return x;
}
