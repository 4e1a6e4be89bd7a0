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
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  for (let i = 0; i < 12; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** Kinds of draw in a draw schedule (`fillDraws`). */
export const DRAW_UNIFORM = 0;
export const DRAW_NORMAL = 1;

/**
 * The hot loop of every simulation: fills `out[0..count)` with draws of the kinds in `kinds` (DRAW_UNIFORM:
 * uniform in [0, 1); DRAW_NORMAL: standard normal, polar method with the spare cached), continuing the sfc32
 * stream in `state` (4 words) and the cached spare in `normal` ([has spare (0/1), spare]). The generator is
 * inlined into local variables here; the numbers are exactly those of `Prng.nextFloat`/`nextNormal`.
 */
export function fillDraws(
  state: Int32Array,
  normal: Float64Array,
  kinds: Uint8Array,
  out: Float64Array,
  count: number,
): void {
  let a = state[0]! | 0;
  let b = state[1]! | 0;
  let c = state[2]! | 0;
  let d = state[3]! | 0;
  let hasSpare = normal[0] !== 0;
  let spare = normal[1]!;
  for (let i = 0; i < count; i++) {
    if (kinds[i] === DRAW_UNIFORM) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = (t >>> 0) / TWO_POW_32;
    } else if (hasSpare) {
      hasSpare = false;
      out[i] = spare;
    } else {
      let u: number;
      let v: number;
      let s: number;
      do {
        let t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        u = 2 * ((t >>> 0) / TWO_POW_32) - 1;
        t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        v = 2 * ((t >>> 0) / TWO_POW_32) - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * m;
      hasSpare = true;
      out[i] = u * m;
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  normal[0] = hasSpare ? 1 : 0;
  normal[1] = spare;
}

/**
 * An sfc32 generator with a standard-normal sampler (Marsaglia & Bray 1964 polar method; the second
 * normal of each accepted pair is cached and returned by the next call).
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  private readonly scratch = new Int32Array(4);

  /** Stream `stream` (default 0) of `seed`; same arguments, same sequence. */
  constructor(seed: number, stream = 0) {
    this.a = 0;
    this.b = 0;
    this.c = 0;
    this.d = 0;
    this.reseed(seed, stream);
  }

  /** Restarts at the beginning of stream `(seed, stream)` without allocating. */
  reseed(seed: number, stream: number): void {
    const s = this.scratch;
    seedSfc32State(seed, stream, s);
    this.a = s[0]!;
    this.b = s[1]!;
    this.c = s[2]!;
    this.d = s[3]!;
    this.hasSpare = false;
    this.spare = 0;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A standard normal draw (mean 0, variance 1). */
  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }
}
