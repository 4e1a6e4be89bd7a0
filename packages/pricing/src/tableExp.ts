/**
 * e^x for the Monte Carlo hot loop, by table-driven range reduction (Tang 1989, "Table-driven
 * implementation of the exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2)):
 *   x = (64·m + j)·ln2/64 + r,  |r| ≤ ln2/128,   e^x = 2^m · 2^{j/64} · p(r)
 * with p the degree-6 Taylor polynomial (truncation error < 3e-20 relative) and ln2/64 split into a head
 * with trailing zero bits and a tail (fdlibm's ln2_hi/ln2_lo ÷ 64) so the reduction is exact. Only IEEE
 * +, −, × and table loads: V8 inlines it, where Math.exp is a call into C that spills every live float
 * register, and the bits are the same on every machine. The tests hold it to 1e-15 relative of Math.exp.
 * Domain: |x| < 708 (gpufit's arguments are log price ratios and lognormal draws, far inside it); outside
 * it defers to Math.exp.
 */

const LN2_64_HI = 0.6931471803691238 / 64;
const LN2_64_LO = 1.9082149292705877e-10 / 64;
const INV_LN2_64 = 64 / Math.LN2;
/** Adding then subtracting 1.5·2^52 rounds a double to the nearest integer (|t| < 2^51). */
const ROUND = 6755399441055744;
const M_MIN = -1022;
const M_MAX = 1023;

/** 2^{j/64}, j = 0..63. */
const FRACTION = new Float64Array(64);
for (let j = 0; j < 64; j++) FRACTION[j] = 2 ** (j / 64);
/** 2^m for m = M_MIN..M_MAX (exact powers of two). */
const POWER = new Float64Array(M_MAX - M_MIN + 1);
for (let m = M_MIN, p = 2 ** M_MIN; m <= M_MAX; m++, p *= 2) POWER[m - M_MIN] = p;

export function tableExp(x: number): number {
  // Outside the table's range (and for NaN) defer to Math.exp: 0, Infinity or NaN.
  if (!(x > -708 && x < 708)) return Math.exp(x);
  const n = x * INV_LN2_64 + ROUND - ROUND;
  const r = x - n * LN2_64_HI - n * LN2_64_LO;
  const ni = n | 0;
  const p =
    1 +
    r *
      (1 +
        r *
          (0.5 +
            r *
              (0.16666666666666666 +
                r * (0.041666666666666664 + r * (0.008333333333333333 + r * 0.001388888888888889)))));
  return POWER[(ni >> 6) - M_MIN]! * (FRACTION[ni & 63]! * p);
}
