import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interruptedRun } from '../src/estimate/interruptedRun.js';
import { profileFacts } from '../src/estimate/profileFacts.js';
import {
  costOptimalCheckpointInterval,
  dalyInterval,
  expectedRuntime,
  optimalCheckpointInterval,
  PricingAssertionError,
  youngInterval,
} from '../src/index.js';
import { profile } from './support/builders.js';
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

/**
 * Expected cost per hour of solve time of a checkpointed job in Daly's model, written out from the formula
 * (not through the code under test): C(τ)/T_s = [A·(e^{(τ+δ)/M} − 1) + s]/τ, A = P·M·e^{R/M}.
 */
function costPerSolveHour(tau: number, delta: number, m: number, r: number, p: number, s: number): number {
  const a = p * m * Math.exp(r / m);
  return (a * Math.expm1((tau + delta) / m) + s) / tau;
}

describe('costOptimalCheckpointInterval: least expected cost P·T_w + s·T_s/τ when each checkpoint costs s', () => {
  it("s = 0 is the wall-time optimum, bit for bit (Daly's three examples and any input)", () => {
    for (const m of [24, 6, 0.25]) {
      const tau = costOptimalCheckpointInterval(5 * MIN, m, 10 * MIN, { usdPerHour: 3, usdPerCheckpoint: 0 });
      expect(Object.is(tau, optimalCheckpointInterval(5 * MIN, m))).toBe(true);
    }
    // Daly's published optima still read 117, 57 and 9.1 min (to within the exact optimum's 0.3 % of the series).
    expect(
      (
        costOptimalCheckpointInterval(5 * MIN, 24, 10 * MIN, { usdPerHour: 1, usdPerCheckpoint: 0 }) * 60
      ).toFixed(0),
    ).toBe('117');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (delta, m, r, p) => {
          const tau = costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: 0 });
          expect(Object.is(tau, optimalCheckpointInterval(delta, m))).toBe(true);
        },
      ),
    );
  });

  it('hand-computed case: M = 19 h, δ = 0.05 h, R = 0.083 h, P = $0.32, s = $0.51 → τ = 6.95847 h (wall-time optimum 1.34528 h)', () => {
    // A = 0.32·19·e^{0.083/19} = 6.106618; s/A = 0.0835159; c' = 0.05/19 − ln(1 − s/A) = 0.0898398; the root of
    // ln(1 − x) + x + c' = 0 is x = 0.366235, τ = 6.958469 h (solved to 40 digits with mpmath's findroot on
    // e^{x+c}(1 − x) = 1 − s/A, and its Lambert-W form τ = M·(1 + W₀(−(1 − s/A)·e^{−1−c}))).
    const [delta, m, r, p, s] = [0.05, 19, 0.083, 0.32, 0.51];
    const tau = costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: s });
    expect(tau).toBeCloseTo(6.958469476889236, 10);
    expect(optimalCheckpointInterval(delta, m)).toBeCloseTo(1.345275021044608, 10);
    // Brute force: C(τ) on a grid of 0.0005 h from 0.01 h to 40 h; its least point is within a step of τ, and
    // no grid point costs less than τ does.
    let best = Number.POSITIVE_INFINITY;
    let argBest = 0;
    for (let i = 0; i <= 79_980; i++) {
      const t = 0.01 + i * 0.0005;
      const c = costPerSolveHour(t, delta, m, r, p, s);
      if (c < best) {
        best = c;
        argBest = t;
      }
    }
    expect(Math.abs(argBest - tau)).toBeLessThanOrEqual(0.0005);
    expect(costPerSolveHour(tau, delta, m, r, p, s)).toBeLessThanOrEqual(best);
    // Per hour of solve time: $0.4648 at τ against $0.7250 at the wall-time optimum (mpmath).
    expect(costPerSolveHour(tau, delta, m, r, p, s)).toBeCloseTo(0.4647763078337187, 12);
    expect(costPerSolveHour(optimalCheckpointInterval(delta, m), delta, m, r, p, s)).toBeCloseTo(
      0.7249960696857491,
      12,
    );
  });

  /** δ (h), M (h), R (h), P ($ an hour). */
  const daly = [
    fc.double({ min: 1e-3, max: 2, noNaN: true }),
    fc.double({ min: 0.1, max: 1e4, noNaN: true }),
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.double({ min: 0.01, max: 100, noNaN: true }),
  ] as const;

  it('costs no more than the wall-time optimum, or than any other interval on a grid', () => {
    fc.assert(
      fc.property(...daly, fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (delta, m, r, p, s) => {
        const tau = costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: s });
        expect(Number.isFinite(tau) && tau > 0).toBe(true);
        const at = (t: number) => costPerSolveHour(t, delta, m, r, p, s);
        const c = at(tau);
        const slack = 1 + 1e-12;
        expect(c).toBeLessThanOrEqual(at(optimalCheckpointInterval(delta, m)) * slack);
        // 400 log-spaced intervals from M/10⁴ to 50 M, and a nudge either side
        for (let i = 0; i < 400; i++) {
          const t = m * 1e-4 * 5e5 ** (i / 399);
          const other = at(t);
          if (Number.isFinite(other)) expect(c).toBeLessThanOrEqual(other * slack);
        }
        expect(c).toBeLessThanOrEqual(at(tau * 1.001) * slack);
        expect(c).toBeLessThanOrEqual(at(tau * 0.999) * slack);
      }),
    );
  });

  it('never shortens when a checkpoint costs more (τ non-decreasing in s), and is the wall-time optimum or longer', () => {
    fc.assert(
      fc.property(
        ...daly,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (delta, m, r, p, s1, s2) => {
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const tau = (s: number) =>
            costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: s });
          expect(tau(hi)).toBeGreaterThanOrEqual(tau(lo));
          expect(tau(lo)).toBeGreaterThanOrEqual(optimalCheckpointInterval(delta, m));
        },
      ),
    );
  });

  it('a sync dearer than A = P·M·e^{R/M} still has a finite optimum, at M (s = A) or beyond it (s > A)', () => {
    const [delta, m, r, p] = [0.05, 19, 0.083, 0.32];
    const a = p * m * Math.exp(r / m);
    expect(costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: a })).toBe(m);
    // s = $10 (a 70B model's checkpoint at a few cents a GiB): τ = 22.66497 h > M (mpmath, the same root).
    const tau = costOptimalCheckpointInterval(delta, m, r, { usdPerHour: p, usdPerCheckpoint: 10 });
    expect(tau).toBeCloseTo(22.664967355382728, 9);
    const x = tau / m;
    expect(Math.exp(x + delta / m) * (x - 1)).toBeCloseTo(10 / a - 1, 12);
  });

  it('a free allocation with a priced checkpoint never checkpoints (Infinity); bad inputs are refused', () => {
    expect(costOptimalCheckpointInterval(0.05, 19, 0.1, { usdPerHour: 0, usdPerCheckpoint: 1 })).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(() =>
      costOptimalCheckpointInterval(0.05, 19, 0.1, { usdPerHour: -1, usdPerCheckpoint: 1 }),
    ).toThrow(PricingAssertionError);
    expect(() =>
      costOptimalCheckpointInterval(0.05, 19, 0.1, { usdPerHour: 1, usdPerCheckpoint: Number.NaN }),
    ).toThrow(/amount must be a finite number/);
    expect(() => costOptimalCheckpointInterval(0.05, 0, 0.1, { usdPerHour: 1, usdPerCheckpoint: 1 })).toThrow(
      /mean time between failures/,
    );
  });
});

describe('interruptedRun: checkpoint or rerun, chosen by expected cost when checkpoints cost money', () => {
  const pf = (checkpointMinutes: number, restartMinutes: number) =>
    profileFacts(
      profile({
        id: 'sweep',
        kind: 'fine-tuning',
        jobsPerMonth: 1,
        hoursPerJob: 6,
        checkpointMinutes,
        restartMinutes,
      }),
    );
  const usd = (run: ReturnType<typeof interruptedRun>, p: number, s: number) =>
    run.bounded ? p * run.wallHours + s * run.checkpoints : Number.NaN;

  it('the README sweeps on a host down once in 19 h: checkpoints hourly by wall time, reruns from scratch by cost', () => {
    const facts = pf(3, 5);
    const wall = interruptedRun(6, 1 / 19, facts);
    expect(wall.bounded && wall.intervalHours).toBeCloseTo(optimalCheckpointInterval(0.05, 19), 12);
    const costs = { usdPerHour: 0.32, usdPerCheckpoint: 0.51 };
    const byCost = interruptedRun(6, 1 / 19, facts, costs);
    expect(byCost.bounded && byCost.intervalHours).toBe(null);
    // From scratch: (M + R)(e^{T/M} − 1) = (19 + 1/12)(e^{6/19} − 1) = 7.0883 h, $2.2683 a job, against $4.35
    // a job checkpointing every 1.35 h (4.46 syncs of $0.51), and more at the cost optimum capped at the job.
    expect(usd(byCost, 0.32, 0.51)).toBeCloseTo(0.32 * (19 + 5 / 60) * Math.expm1(6 / 19), 12);
    expect(usd(byCost, 0.32, 0.51)).toBeLessThan(usd(wall, 0.32, 0.51));
  });

  it('an 8 h job reruns from scratch when checkpointing would be shorter but dearer', () => {
    // M = 19 h, δ = 3 min, R = 5 min, P = $0.32, s = $0.50: the cost optimum τ = 6.8993 h (capped below the job)
    // runs 9.7717 h with 1.16 syncs, $3.7067 a job; rerunning runs 9.9914 h, longer, for $3.1972 (Python).
    const costs = { usdPerHour: 0.32, usdPerCheckpoint: 0.5 };
    const run = interruptedRun(8, 1 / 19, pf(3, 5), costs);
    expect(run.bounded && run.intervalHours).toBe(null);
    expect(run.bounded && run.wallHours).toBeCloseTo(9.991355186128956, 9);
    const checkpointed = expectedRuntime({
      workHours: 8,
      mtbfHours: 19,
      checkpointHours: 0.05,
      restartHours: 5 / 60,
      intervalHours: costOptimalCheckpointInterval(0.05, 19, 5 / 60, costs),
    });
    expect(checkpointed.bounded && checkpointed.wallHours).toBeCloseTo(9.771727600429562, 9);
    expect(usd(checkpointed as ReturnType<typeof interruptedRun>, 0.32, 0.5)).toBeCloseTo(
      3.706719542680561,
      9,
    );
  });

  it('a subnormal rate (M = 1/rate = Infinity) with priced checkpoints is the run without failures, not an error', () => {
    const facts = pf(3, 5);
    const run = interruptedRun(6, 5e-323, facts, { usdPerHour: 0.32, usdPerCheckpoint: 0.51 });
    expect(run).toEqual(interruptedRun(6, 5e-323, facts));
    expect(run).toEqual({ bounded: true, wallHours: 6, intervalHours: null, checkpoints: 0 });
  });

  it('costs no more than rerunning or checkpointing at the wall-time optimum, and never runs shorter than it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (t, rate, ckpt, restart, p, s) => {
          const facts = pf(ckpt, restart);
          const wall = interruptedRun(t, rate, facts);
          const byCost = interruptedRun(t, rate, facts, { usdPerHour: p, usdPerCheckpoint: s });
          const scratch = expectedRuntime({
            workHours: t,
            mtbfHours: 1 / rate,
            checkpointHours: facts.checkpointHours,
            restartHours: facts.restartHours,
            checkpointable: false,
          });
          if (!byCost.bounded) {
            expect(wall.bounded).toBe(false);
            return;
          }
          const chosen = usd(byCost, p, s);
          const slack = 1 + 1e-12;
          if (wall.bounded) {
            expect(chosen).toBeLessThanOrEqual(usd(wall, p, s) * slack);
            // what lets costFloorOf bound the re-work without the costs (to float error, far inside its slack)
            expect(byCost.wallHours).toBeGreaterThanOrEqual(wall.wallHours * (1 - 1e-12));
          }
          if (scratch.bounded) expect(chosen).toBeLessThanOrEqual(usd(scratch, p, s) * slack);
          if (s === 0) expect(byCost).toEqual(wall);
        },
      ),
    );
  });
});

describe('interruptedRun: a checkpoint kept off the host (offHostHours)', () => {
  const facts = profileFacts(
    profile({
      id: 'ft',
      kind: 'fine-tuning',
      jobsPerMonth: 1,
      hoursPerJob: 36,
      checkpointMinutes: 2,
      restartMinutes: 15,
    }),
  );

  it('checkpoints as if each write took δ + u and each restart R + u; a rerun from scratch fetches nothing', () => {
    // 8B full run, 104 GiB a checkpoint at 1000 Mbit/s: u = 0.24889 h; a Vast 8-GPU host, 0.0943 interruptions an hour.
    const u = 0.24888888888888888;
    const run = interruptedRun(36, 0.0943, facts, undefined, u);
    const tau = optimalCheckpointInterval(2 / 60 + u, 1 / 0.0943);
    const expected = expectedRuntime({
      workHours: 36,
      mtbfHours: 1 / 0.0943,
      checkpointHours: 2 / 60 + u,
      restartHours: 15 / 60 + u,
      intervalHours: tau,
    });
    expect(run.bounded && run.intervalHours).toBeCloseTo(tau, 12);
    expect(run.bounded && run.wallHours).toBeCloseTo(expected.bounded ? expected.wallHours : Number.NaN, 9);
    // A job that reruns from scratch (not resumable) pays the stated restart only.
    const scratchFacts = { ...facts, resumes: false };
    expect(interruptedRun(36, 0.0943, scratchFacts, undefined, u)).toEqual(
      interruptedRun(36, 0.0943, scratchFacts),
    );
  });

  it('property: a transfer never shortens the run, and a longer one never shortens it more (costFloorOf bounds without it)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 1e-3, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (t, rate, u1, du, s) => {
          const costs = s > 0 ? { usdPerHour: 1, usdPerCheckpoint: s } : undefined;
          const none = interruptedRun(t, rate, facts);
          const shorter = interruptedRun(t, rate, facts, costs, u1);
          const longer = interruptedRun(t, rate, facts, costs, u1 + du);
          if (!none.bounded) return;
          if (shorter.bounded) expect(shorter.wallHours).toBeGreaterThanOrEqual(none.wallHours * (1 - 1e-12));
          if (costs === undefined && shorter.bounded && longer.bounded)
            expect(longer.wallHours).toBeGreaterThanOrEqual(shorter.wallHours * (1 - 1e-12));
        },
      ),
      { seed: 11 },
    );
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
