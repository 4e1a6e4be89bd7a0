import { assert } from '../assert.js';
import { INVALID_DURATION, INVALID_MTBF } from '../messages.js';

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
  const g = (x: number) => Math.log1p(-x) + x + c;
  // Start from the series of 1 + W₀ at its branch point, p = √(2(1 − e^{−c})): x ≈ p − p²/3 + 11p³/72.
  const p = Math.sqrt(-2 * Math.expm1(-c));
  let x = Math.min(Math.max(p - (p * p) / 3 + (11 * p * p * p) / 72, 1e-300), 1 - 1e-16);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const gx = g(x);
    if (gx > 0) lo = x;
    else hi = x;
    const slope = -x / (1 - x);
    let next = x - gx / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x) {
      x = next;
      break;
    }
    x = next;
  }
  return x * mtbfHours;
}
