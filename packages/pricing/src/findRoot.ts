/**
 * A bracketing root finder: Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives",
 * ch. 4; the zeroin form of Forsythe, Malcolm & Moler 1977). It keeps a sign change inside [a, b] and takes
 * an inverse-quadratic or secant step when that step stays well inside the bracket, bisection otherwise,
 * so it converges at least as surely as bisection and usually superlinearly.
 *
 * "No break-even in range" is an answer: without a sign change between f(lo) and f(hi) it returns null.
 */
import { assert } from './assert.js';

export interface FindRootOptions {
  /** Absolute tolerance on x (default: 1e-12 × max(1, |lo|, |hi|)). */
  readonly tol?: number;
  /** Most evaluations after the two endpoints (default 200). */
  readonly maxIter?: number;
  /** f(lo) and f(hi) when the caller has them already (they are checked, not recomputed). */
  readonly fLo?: number;
  readonly fHi?: number;
}

export const FIND_ROOT_BAD_BRACKET = 'findRoot needs finite lo < hi';
export const FIND_ROOT_NOT_FINITE = 'the function returned a value that is not a finite number';

export function findRoot(
  f: (x: number) => number,
  lo: number,
  hi: number,
  options: FindRootOptions = {},
): number | null {
  assert(
    Number.isFinite(lo) && Number.isFinite(hi) && lo < hi,
    FIND_ROOT_BAD_BRACKET,
    () => `[${lo}, ${hi}]`,
  );
  const tol = options.tol ?? 1e-12 * Math.max(1, Math.abs(lo), Math.abs(hi));
  const maxIter = options.maxIter ?? 200;
  const checked = (x: number, y: number): number => {
    assert(Number.isFinite(y), FIND_ROOT_NOT_FINITE, () => `f(${x}) = ${y}`);
    return y;
  };
  const evaluate = (x: number): number => checked(x, f(x));
  let a = lo;
  let b = hi;
  let fa = options.fLo === undefined ? evaluate(a) : checked(a, options.fLo);
  let fb = options.fHi === undefined ? evaluate(b) : checked(b, options.fHi);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa > 0 === fb > 0) return null;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIter; i++) {
    if (fb > 0 === fc > 0) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = evaluate(b);
  }
  return b;
}
