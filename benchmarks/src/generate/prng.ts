import { Prng as Sfc32 } from '@gpufit/pricing';

/**
 * Seeded draws for benchmark inputs: gpufit's own generator (sfc32 seeded by splitmix32, prng.ts of
 * @gpufit/pricing) with the helpers the input generators need. Benchmarks need the same inputs on every run and
 * every machine, nothing more.
 */
export class Prng {
  private readonly source: Sfc32;

  constructor(seed: number) {
    this.source = new Sfc32(seed >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.source.nextFloat();
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Log-uniform in [lo, hi], rounded to `digits` decimals. */
  logUniform(lo: number, hi: number, digits: number): number {
    const x = lo * (hi / lo) ** this.next();
    const f = 10 ** digits;
    return Math.round(x * f) / f;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1]![0];
  }
}
