/**
 * The seeded generator of every random draw in gpufit: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, PractRand suite; 128-bit state, 32-bit integer ops only, so it gives the same numbers on every
 * machine and engine), seeded by splitmix32 (Steele, Lea & Flood 2014, 32-bit variant) and warmed up by
 * 12 discarded outputs as the sfc authors advise.
 *
 * Streams: a run with seed `s` is cut into blocks of `MONTE_CARLO_BLOCK_TRIALS` trials; block `k` draws from
 * its own stream seeded by `(s, k)`. A trial's numbers therefore depend only on the seed and the trial's
 * index, never on how the trial range is split across threads.
 */
import { ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X } from './zigguratTables.js';

/** Trials per independent stream. Partitions of a run are cut at multiples of this. */
export const MONTE_CARLO_BLOCK_TRIALS = 1024;

const TWO_POW_32 = 4294967296;

/** splitmix32's output function: a bijective 32-bit mix (constants from Hash Prospector, lowbias32-like). */
export function hash32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * Writes the sfc32 state of stream `(seed, stream)` into `state[0..3]`, already warmed up.
 * For a fixed seed, different streams get different splitmix32 starting points (a bijection of `stream`).
 */
export function seedSfc32State(seed: number, stream: number, state: Int32Array): void {
  let z = hash32(hash32(seed) ^ (stream | 0));
  const next = (): number => {
    z = (z + 0x9e3779b9) | 0;
    return hash32(z) | 0;
  };
  state[0] = next();
  state[1] = next();
  state[2] = next();
  state[3] = next();
  for (let i = 0; i < 12; i++) nextOf(state);
}

/** Kinds of draw in a draw schedule (`fillDraws`). */
export const DRAW_UNIFORM = 0;
export const DRAW_NORMAL = 1;

/**
 * Standard normals by the ziggurat method (zigguratTables.ts: Marsaglia & Tsang 2000, 256 layers). One 32-bit
 * output gives the layer (its low 8 bits) and the signed abscissa (its high 24 bits, u = (k + ½)/2²³ − 1, never 0),
 * as Rust's `rand_distr` takes both from one 64-bit output; x = u·x[layer] is the draw when |x| < x[layer+1],
 * which holds for 98.5 % of draws (tested). The rest — a wedge test or the tail — is `normalFrom`'s. About 2.2×
 * faster than the Marsaglia–Bray polar method it replaced (which needed a logarithm and a square root per pair
 * and cached a spare), and stateless between draws.
 */
const ABSCISSA_SCALE = 1 / 8388608;

/**
 * The hot loop of every simulation: fills `out[0..count)` with draws of the kinds in `kinds` (DRAW_UNIFORM:
 * uniform in [0, 1); DRAW_NORMAL: standard normal, ziggurat), continuing the sfc32 stream in `state` (4 words).
 * The generator is inlined into local variables here; the numbers are exactly those of `Prng.nextFloat`/
 * `nextNormal`.
 */
export function fillDraws(state: Int32Array, kinds: Uint8Array, out: Float64Array, count: number): void {
  let a = state[0]! | 0;
  let b = state[1]! | 0;
  let c = state[2]! | 0;
  let d = state[3]! | 0;
  for (let i = 0; i < count; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    if (kinds[i] === DRAW_UNIFORM) {
      out[i] = (t >>> 0) / TWO_POW_32;
      continue;
    }
    const layer = t & 255;
    const x = ((t >>> 8) + 0.5) * ABSCISSA_SCALE - 1;
    const v = x * ZIGGURAT_X[layer]!;
    if (Math.abs(v) < ZIGGURAT_X[layer + 1]!) {
      out[i] = v;
      continue;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    out[i] = normalFrom(state, t);
    a = state[0]! | 0;
    b = state[1]! | 0;
    c = state[2]! | 0;
    d = state[3]! | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** The next sfc32 output of the stream in `state` (4 words), as an unsigned 32-bit integer. */
function nextOf(state: Int32Array): number {
  const a = state[0]!;
  const b = state[1]!;
  const c = state[2]!;
  const d = state[3]!;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/**
 * The standard normal whose first output is `first`, continuing the stream in `state`: the fast test of `fillDraws`,
 * then the ziggurat's rare cases — in the base layer, a draw from the tail beyond R (Marsaglia 1964: x = −ln(U₁)/R
 * until −2·ln(U₂) ≥ x², then R + x, with U in (0, 1)); in another layer, the wedge test (accept x when a uniform
 * height under the strip falls below exp(−x²/2)); on rejection, a fresh output and the whole test again.
 */
function normalFrom(state: Int32Array, first: number): number {
  let t = first;
  for (;;) {
    const layer = t & 255;
    const u = ((t >>> 8) + 0.5) * ABSCISSA_SCALE - 1;
    const v = u * ZIGGURAT_X[layer]!;
    if (Math.abs(v) < ZIGGURAT_X[layer + 1]!) return v;
    if (layer === 0) {
      let x: number;
      let y: number;
      do {
        x = -Math.log((nextOf(state) + 0.5) / TWO_POW_32) / ZIGGURAT_R;
        y = -Math.log((nextOf(state) + 0.5) / TWO_POW_32);
      } while (2 * y < x * x);
      return u < 0 ? -(ZIGGURAT_R + x) : ZIGGURAT_R + x;
    }
    const f0 = ZIGGURAT_F[layer]!;
    const f1 = ZIGGURAT_F[layer + 1]!;
    if (f1 + (f0 - f1) * (nextOf(state) / TWO_POW_32) < Math.exp(-0.5 * v * v)) return v;
    t = nextOf(state) | 0;
  }
}

/**
 * An sfc32 generator with a standard-normal sampler (the ziggurat of `fillDraws`, draw for draw the same numbers).
 */
export class Prng {
  /** The sfc32 state: the same four words `fillDraws` continues. */
  private readonly state = new Int32Array(4);

  /** Stream `stream` (default 0) of `seed`; same arguments, same sequence. */
  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts at the beginning of stream `(seed, stream)` without allocating. */
  reseed(seed: number, stream: number): void {
    seedSfc32State(seed, stream, this.state);
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    return nextOf(this.state);
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A standard normal draw (mean 0, variance 1). */
  nextNormal(): number {
    return normalFrom(this.state, nextOf(this.state) | 0);
  }
}
