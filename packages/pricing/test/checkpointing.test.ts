import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dalyInterval,
  expectedRuntime,
  optimalCheckpointInterval,
  PricingAssertionError,
  youngInterval,
} from '../src/index.js';
import { exponential, mulberry32 } from './support/prng.js';

const MIN = 1 / 60;

describe('youngInterval: τ = √(2δM) (Young 1974)', () => {
  it.each([
    // δ (h), M (h), τ (h)
    [5 * MIN, 24, Math.sqrt(2 * (5 / 60) * 24)], // = 2 h
    [2 * MIN, 24 * 365, Math.sqrt(2 * (2 / 60) * 24 * 365)],
    [0, 10, 0],
  ])('δ = %f h, M = %f h → %f h', (delta, m, tau) => {
    expect(youngInterval(delta, m)).toBeCloseTo(tau, 12);
  });

  it('GraphLab example (price-facts §2): 64 machines of MTBF 1 year, 2-min checkpoints → about 3 h', () => {
    const clusterMtbf = (365 * 24) / 64;
    expect(youngInterval(2 * MIN, clusterMtbf)).toBeGreaterThan(2.9);
    expect(youngInterval(2 * MIN, clusterMtbf)).toBeLessThan(3.1);
  });
});

describe("dalyInterval: Daly 2006's higher-order estimate", () => {
  // Daly's published examples (R = 10 min, δ = 5 min, Ts = 500 h): τopt = 117, 57 and 9.1 min (figs. 3–5).
  // price-facts §2 gives this formula's values to one more digit: 116.7, 56.7 and 9.14 min.
  it.each([
    [24, 117, 116.7],
    [6, 57, 56.7],
    [0.25, 9.1, 9.14],
  ])('M = %f h → τ = %f min as published (%f min to one more digit)', (m, published, finer) => {
    const minutes = dalyInterval(5 * MIN, m) * 60;
    const digits = published < 10 ? 1 : 0;
    expect(minutes.toFixed(digits)).toBe(published.toFixed(digits));
    expect(minutes.toFixed(digits + 1)).toBe(finer.toFixed(digits + 1));
  });

  it('is τ = M once the checkpoint takes at least 2M', () => {
    expect(dalyInterval(3, 1)).toBe(1);
    expect(dalyInterval(2, 1)).toBe(1);
  });

  it('approaches √(2δM) − δ + δ/3 as δ/M → 0 (leading terms of the series)', () => {
    const delta = 1 * MIN;
    const m = 1e6;
    expect(dalyInterval(delta, m)).toBeCloseTo(Math.sqrt(2 * delta * m) - delta + delta / 3, 6);
  });

  it('is within 0.3 % of the exact optimum of the cost function at the three examples', () => {
    for (const m of [24, 6, 0.25]) {
      const exact = optimalCheckpointInterval(5 * MIN, m);
      expect(Math.abs(dalyInterval(5 * MIN, m) / exact - 1)).toBeLessThan(0.003);
    }
  });

  it('refuses a non-positive MTBF with a named message', () => {
    expect(() => dalyInterval(1, 0)).toThrow(PricingAssertionError);
    expect(() => dalyInterval(1, Number.NaN)).toThrow(/mean time between failures/);
  });
});

describe('optimalCheckpointInterval: exact minimum of T_w(τ) (Lambert W)', () => {
  it('satisfies the optimality condition e^{(τ+δ)/M}(1 − τ/M) = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 10, noNaN: true }),
        fc.double({ min: 0.05, max: 1e7, noNaN: true }),
        (delta, ratio) => {
          // M from 1/20 of the checkpoint time (checkpointing barely helps) to 10⁷ times it
          const m = delta * ratio;
          const tau = optimalCheckpointInterval(delta, m);
          expect(tau).toBeGreaterThan(0);
          expect(tau).toBeLessThan(m);
          const x = tau / m;
          const lhs = Math.log1p(-x) + x + delta / m;
          // ln(1 − x) is only as good as x: its float spacing (1.1e-16) relative to 1 − x, here with 100× margin
          expect(Math.abs(lhs)).toBeLessThan(1e-12 + 1e-14 / (1 - x));
        },
      ),
    );
  });

  it('grows with the MTBF (more reliable machine, rarer checkpoints)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e5, noNaN: true }),
        fc.double({ min: 1.0001, max: 100, noNaN: true }),
        (delta, m, k) => {
          expect(optimalCheckpointInterval(delta, m * k)).toBeGreaterThanOrEqual(
            optimalCheckpointInterval(delta, m),
          );
        },
      ),
    );
  });

  it('is a true minimum: nudging τ either way never shortens the expected run', () => {
    const base = { workHours: 500, mtbfHours: 6, checkpointHours: 5 * MIN, restartHours: 10 * MIN };
    const tau = optimalCheckpointInterval(base.checkpointHours, base.mtbfHours);
    const at = (t: number) => {
      const r = expectedRuntime({ ...base, intervalHours: t });
      return r.bounded ? r.wallHours : Number.NaN;
    };
    expect(at(tau)).toBeLessThanOrEqual(at(tau * 1.01));
    expect(at(tau)).toBeLessThanOrEqual(at(tau * 0.99));
  });
});

describe('expectedRuntime, checkpointed: T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ', () => {
  const daly = { workHours: 500, checkpointHours: 5 * MIN, restartHours: 10 * MIN };

  it("evaluates the formula as written (Daly's first example, τ = 117 min)", () => {
    const m = 24;
    const tau = 117 * MIN;
    const r = expectedRuntime({ ...daly, mtbfHours: m, intervalHours: tau });
    const expected =
      m * Math.exp(daly.restartHours / m) * Math.expm1((tau + daly.checkpointHours) / m) * (500 / tau);
    expect(r.bounded && r.wallHours).toBeCloseTo(expected, 9);
    // ≈ 547.9 h: 500 h of work, ≈ 21 h of checkpoints, the rest re-work and restarts.
    expect(r.bounded && r.wallHours).toBeGreaterThan(547);
    expect(r.bounded && r.wallHours).toBeLessThan(549);
  });

  it('M → ∞ gives the work plus the checkpoint writes, with no restart cost', () => {
    const r = expectedRuntime({ ...daly, mtbfHours: 1e12, intervalHours: 2 });
    expect(r.bounded && r.wallHours).toBeCloseTo(500 + (5 * MIN * 500) / 2, 6);
    const never = expectedRuntime({ ...daly, mtbfHours: Number.POSITIVE_INFINITY, intervalHours: 2 });
    expect(never.bounded && never.wallHours).toBe(500 + (5 * MIN * 500) / 2);
  });

  it('with the optimal interval, M → ∞ caps τ at the job: one checkpoint, T + δ', () => {
    const r = expectedRuntime({ ...daly, mtbfHours: Number.POSITIVE_INFINITY });
    expect(r).toEqual({ bounded: true, wallHours: 500 + 5 * MIN, intervalHours: 500, checkpoints: 1 });
    const far = expectedRuntime({ ...daly, mtbfHours: 1e13 });
    expect(far.bounded && far.wallHours).toBeCloseTo(500 + 5 * MIN, 6);
  });

  it('matches a seeded simulation of the failure process it models', () => {
    const [m, t, tau, delta, r] = [2, 10, 1, 0.1, 0.2];
    const rand = mulberry32(20_240_601);
    const jobs = 20_000;
    let total = 0;
    for (let j = 0; j < jobs; j++) {
      for (let segment = 0; segment < t / tau; segment++) {
        for (;;) {
          const failure = exponential(rand, m);
          if (failure >= tau + delta) {
            total += tau + delta;
            break;
          }
          total += failure;
          for (;;) {
            // the restart itself can be interrupted
            const again = exponential(rand, m);
            if (again >= r) {
              total += r;
              break;
            }
            total += again;
          }
        }
      }
    }
    const model = expectedRuntime({
      workHours: t,
      mtbfHours: m,
      checkpointHours: delta,
      restartHours: r,
      intervalHours: tau,
    });
    expect(model.bounded).toBe(true);
    if (model.bounded) expect(Math.abs(total / jobs / model.wallHours - 1)).toBeLessThan(0.01);
  });

  it('never decreases when failures become more frequent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 1e5, noNaN: true }),
        fc.double({ min: 1.001, max: 50, noNaN: true }),
        (work, m, k) => {
          const better = expectedRuntime({ ...daly, workHours: work, mtbfHours: m * k });
          const worse = expectedRuntime({ ...daly, workHours: work, mtbfHours: m });
          if (better.bounded && worse.bounded)
            expect(worse.wallHours).toBeGreaterThanOrEqual(better.wallHours * (1 - 1e-12));
        },
      ),
    );
  });
});

describe('expectedRuntime, restart from scratch: E[T] = (M + R)(e^{T/M} − 1)', () => {
  it('small T/M gives ≈ T', () => {
    const r = expectedRuntime({
      workHours: 1,
      mtbfHours: 1e6,
      checkpointHours: 0,
      restartHours: 10 * MIN,
      checkpointable: false,
    });
    expect(r.bounded && r.wallHours).toBeCloseTo(1, 5);
  });

  it.each([
    [1, 10, 0.5],
    [10, 10, 0.5],
    [24, 6, 1],
  ])('T = %f h, M = %f h, R = %f h', (t, m, r) => {
    const run = expectedRuntime({
      workHours: t,
      mtbfHours: m,
      checkpointHours: 0,
      restartHours: r,
      checkpointable: false,
    });
    expect(run).toEqual({
      bounded: true,
      wallHours: (m + r) * Math.expm1(t / m),
      intervalHours: null,
      checkpoints: 0,
    });
  });

  it('no failures: exactly the work, no restart cost', () => {
    const r = expectedRuntime({
      workHours: 7,
      mtbfHours: Number.POSITIVE_INFINITY,
      checkpointHours: 0,
      restartHours: 1,
      checkpointable: false,
    });
    expect(r.bounded && r.wallHours).toBe(7);
  });

  it('matches a seeded simulation', () => {
    const [t, m, r] = [3, 4, 0.5];
    const rand = mulberry32(7);
    const jobs = 40_000;
    let total = 0;
    for (let j = 0; j < jobs; j++) {
      for (;;) {
        const failure = exponential(rand, m);
        if (failure >= t) {
          total += t;
          break;
        }
        total += failure + r;
      }
    }
    const model = expectedRuntime({
      workHours: t,
      mtbfHours: m,
      checkpointHours: 0,
      restartHours: r,
      checkpointable: false,
    });
    if (model.bounded) expect(Math.abs(total / jobs / model.wallHours - 1)).toBeLessThan(0.01);
    expect(model.bounded).toBe(true);
  });

  it('says when a job would practically never finish, never Infinity', () => {
    const r = expectedRuntime({
      workHours: 5000,
      mtbfHours: 1,
      checkpointHours: 0,
      restartHours: 0.1,
      checkpointable: false,
    });
    expect(r.bounded).toBe(false);
    if (!r.bounded) expect(r.reason).toMatch(/never finish/);
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ workHours: 3, mtbfHours: 4, checkpointHours: 0.1, restartHours: 0.5 });
    expect(() => expectedRuntime(options)).not.toThrow();
  });
});
