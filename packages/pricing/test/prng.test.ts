import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_NORMAL, DRAW_UNIFORM, fillDraws, hash32, Prng, seedSfc32State } from '../src/index.js';

describe('Prng (sfc32 seeded by splitmix32)', () => {
  it('gives the same sequence for the same seed and stream, and another for another seed or stream', () => {
    const take = (p: Prng) => Array.from({ length: 8 }, () => p.nextUint32());
    expect(take(new Prng(42, 3))).toEqual(take(new Prng(42, 3)));
    expect(take(new Prng(42, 3))).not.toEqual(take(new Prng(43, 3)));
    expect(take(new Prng(42, 3))).not.toEqual(take(new Prng(42, 4)));
  });

  it('reproduces its known-answer vectors: the reproducibility contract across machines and releases', () => {
    // Changing the generator, its seeding or its warm-up changes every simulated number; these vectors
    // make such a change visible (and deliberate).
    const first4 = (p: Prng) => Array.from({ length: 4 }, () => p.nextUint32());
    expect(first4(new Prng(42))).toEqual([2632137469, 3593891692, 2679777563, 1170869734]);
    expect(first4(new Prng(0))).toEqual([548183886, 1097162541, 2219297441, 1664216021]);
  });

  it('reseed restarts a stream exactly', () => {
    const p = new Prng(7, 1);
    const a = [p.nextFloat(), p.nextNormal(), p.nextNormal(), p.nextFloat()];
    p.reseed(7, 1);
    expect([p.nextFloat(), p.nextNormal(), p.nextNormal(), p.nextFloat()]).toEqual(a);
  });

  it('nextFloat is in [0, 1) and nextNormal has mean 0 and variance 1 (within sampling error)', () => {
    const p = new Prng(2026);
    const n = 200_000;
    let sum = 0;
    let sum2 = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const u = p.nextFloat();
      inRange &&= u >= 0 && u < 1;
      const z = p.nextNormal();
      sum += z;
      sum2 += z * z;
    }
    expect(inRange).toBe(true);
    const mean = sum / n;
    // Standard errors: 1/√n for the mean, √(2/n) for the variance; 5 of them.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sum2 / n - mean * mean - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('fillDraws gives exactly the numbers of Prng.nextFloat / nextNormal for any draw schedule', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat({ max: 1000 }),
        fc.array(fc.constantFrom(DRAW_UNIFORM, DRAW_NORMAL), { minLength: 1, maxLength: 40 }),
        (seed, stream, schedule) => {
          const kinds = Uint8Array.from(schedule);
          const state = new Int32Array(4);
          seedSfc32State(seed, stream, state);
          const normal = new Float64Array(2);
          const out = new Float64Array(kinds.length);
          // Twice, to carry the cached normal and the state across calls.
          const p = new Prng(seed, stream);
          for (let round = 0; round < 2; round++) {
            fillDraws(state, normal, kinds, out, kinds.length);
            const expected = schedule.map((k) => (k === DRAW_UNIFORM ? p.nextFloat() : p.nextNormal()));
            expect(Array.from(out)).toEqual(expected);
          }
        },
      ),
    );
  });

  it('hash32 gives distinct values for distinct inputs (a bijection, sampled)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(hash32(i));
    expect(seen.size).toBe(100_000);
  });
});
