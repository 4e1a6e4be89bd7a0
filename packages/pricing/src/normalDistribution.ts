/**
 * The standard normal distribution's CDF Φ and quantile Φ⁻¹, for the demand shapes of the hybrid split.
 *
 * Φ(x): Marsaglia (2004), "Evaluating the Normal Distribution", J. Stat. Softw. 11(4): the Taylor series
 * Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), summed until it stops changing; absolute error ~1e-15.
 * |x| > 8.5 returns 0 or 1 (the tail mass there is below 1e-17).
 * Φ⁻¹(p): Wichura (1988), Algorithm AS 241 (PPND16), Applied Statistics 37(3):477–484, rational
 * approximations accurate to about 1 part in 10^16.
 */
import { assert } from './assert.js';

export const NORMAL_QUANTILE_DOMAIN = 'a normal quantile needs a probability strictly between 0 and 1';

const LOG_SQRT_2PI = 0.9189385332046728;

export function normalCdf(x: number): number {
  if (x < -8.5) return 0;
  if (x > 8.5) return 1;
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let i = 3; i < 1000; i += 2) {
    term *= x2 / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * x2 - LOG_SQRT_2PI);
}

function poly(c: readonly number[], x: number): number {
  let y = 0;
  for (let i = c.length - 1; i >= 0; i--) y = y * x + c[i]!;
  return y;
}

// AS 241 coefficients, lowest order first.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

export function normalQuantile(p: number): number {
  assert(p > 0 && p < 1, NORMAL_QUANTILE_DOMAIN, p);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -x : x;
}
