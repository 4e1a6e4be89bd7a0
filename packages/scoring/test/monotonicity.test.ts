import {
  APPROACHES,
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  type FitAssessment,
  INTERCONNECTS,
  TRAINING_METHODS,
  type WorkloadProfileInput,
  workloadKinds,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessFit, defaultFramework } from '../src/index.js';
import { profile, profileInput, validated } from './profileArbitrary.js';

const RUNS = { numRuns: 400 };
const rank = (a: Pick<FitAssessment, 'approach'>) => APPROACHES.indexOf(a.approach);

/** `stricter` asks at least as much of the host as `looser`, everything else equal. */
function expectNoMoreDepin(looser: WorkloadProfileInput, stricter: WorkloadProfileInput) {
  const a = assessFit(validated(looser));
  const b = assessFit(validated(stricter));
  expect(b.depin.score).toBeLessThanOrEqual(a.depin.score);
  expect(b.cloud.score).toBeGreaterThanOrEqual(a.cloud.score);
  expect(rank(b)).toBeLessThanOrEqual(rank(a));
}

/** `friendlier` tolerates at least as much as `other`, everything else equal. */
function expectNoLessDepin(other: WorkloadProfileInput, friendlier: WorkloadProfileInput) {
  const a = assessFit(validated(other));
  const b = assessFit(validated(friendlier));
  expect(b.depin.score).toBeGreaterThanOrEqual(a.depin.score);
  expect(b.cloud.score).toBeLessThanOrEqual(a.cloud.score);
  expect(rank(b)).toBeGreaterThanOrEqual(rank(a));
}

const sortedPair = <T>(arb: fc.Arbitrary<T>, cmp: (a: T, b: T) => number) =>
  fc.tuple(arb, arb).map(([a, b]) => (cmp(a, b) <= 0 ? ([a, b] as const) : ([b, a] as const)));
const byIndex =
  <T>(order: readonly T[]) =>
  (a: T, b: T) =>
    order.indexOf(a) - order.indexOf(b);

describe('never raise DePIN fit, never move the approach toward DePIN', () => {
  it('a bigger model, whatever the kind and training method', () => {
    const pair = sortedPair(fc.double({ min: 0.001, max: 5000, noNaN: true }), (a, b) => a - b);
    fc.assert(
      fc.property(profileInput, pair, (p, [small, big]) =>
        expectNoMoreDepin({ ...p, modelParamsBillions: small }, { ...p, modelParamsBillions: big }),
      ),
      RUNS,
    );
  });

  it('training more of the model: qlora → lora → full (training kinds)', () => {
    const training = profileInput.filter((p) => workloadKinds[p.kind].defaults.trainingMethod !== null);
    // TRAINING_METHODS runs from the most trained (full) to the least (qlora).
    const pair = sortedPair(fc.constantFrom(...TRAINING_METHODS), byIndex([...TRAINING_METHODS].reverse()));
    fc.assert(
      fc.property(training, pair, (p, [less, more]) =>
        expectNoMoreDepin({ ...p, trainingMethod: less }, { ...p, trainingMethod: more }),
      ),
      RUNS,
    );
  });

  it('raising the availability target', () => {
    const pair = sortedPair(fc.double({ min: 0, max: 0.99999, noNaN: true }), (a, b) => a - b);
    fc.assert(
      fc.property(profileInput, pair, (p, [lo, hi]) =>
        expectNoMoreDepin({ ...p, availabilityTarget: lo }, { ...p, availabilityTarget: hi }),
      ),
      RUNS,
    );
  });

  it('tightening the p99 latency budget', () => {
    const pair = sortedPair(fc.double({ min: 1, max: 1e6, noNaN: true }), (a, b) => a - b);
    fc.assert(
      fc.property(profileInput, pair, (p, [tight, loose]) =>
        expectNoMoreDepin({ ...p, p99LatencyMs: loose }, { ...p, p99LatencyMs: tight }),
      ),
      RUNS,
    );
  });

  it('adding a latency budget where there was none', () => {
    const noBudget = profileInput
      .map(({ p99LatencyMs: _drop, ...rest }) => rest)
      .filter((p) => validated(p).p99LatencyMs === null);
    fc.assert(
      fc.property(noBudget, fc.double({ min: 1, max: 1e6, noNaN: true }), (p, ms) =>
        expectNoMoreDepin(p, { ...p, p99LatencyMs: ms }),
      ),
      RUNS,
    );
  });

  it('raising data sensitivity', () => {
    const pair = sortedPair(fc.constantFrom(...DATA_SENSITIVITIES), byIndex(DATA_SENSITIVITIES));
    fc.assert(
      fc.property(profileInput, pair, (p, [lo, hi]) =>
        expectNoMoreDepin({ ...p, dataSensitivity: lo }, { ...p, dataSensitivity: hi }),
      ),
      RUNS,
    );
  });

  it('adding compliance requirements', () => {
    const reqs = fc.subarray([...COMPLIANCE_REQUIREMENTS]);
    fc.assert(
      fc.property(profileInput, reqs, reqs, (p, some, more) =>
        expectNoMoreDepin({ ...p, compliance: some }, { ...p, compliance: [...some, ...more] }),
      ),
      RUNS,
    );
  });

  it('adding a residency rule', () => {
    fc.assert(
      fc.property(profileInput, fc.constantFrom('EU', 'US', 'SG'), (p, place) =>
        expectNoMoreDepin({ ...p, residency: [] }, { ...p, residency: [place] }),
      ),
      RUNS,
    );
  });

  it('needing a stronger interconnect', () => {
    const pair = sortedPair(fc.constantFrom(...INTERCONNECTS), byIndex(INTERCONNECTS));
    fc.assert(
      fc.property(profileInput, pair, (p, [weak, strong]) =>
        expectNoMoreDepin({ ...p, interconnect: weak }, { ...p, interconnect: strong }),
      ),
      RUNS,
    );
  });
});

describe('never lower DePIN fit, never move the approach toward cloud', () => {
  it('making the job interruptible', () => {
    fc.assert(
      fc.property(profileInput, (p) =>
        expectNoLessDepin({ ...p, interruptible: false }, { ...p, interruptible: true }),
      ),
      RUNS,
    );
  });

  it('making the job checkpointable', () => {
    fc.assert(
      fc.property(profileInput, (p) =>
        expectNoLessDepin({ ...p, checkpointable: false }, { ...p, checkpointable: true }),
      ),
      RUNS,
    );
  });

  it('raising cost sensitivity', () => {
    const pair = sortedPair(fc.constantFrom(...COST_SENSITIVITIES), byIndex(COST_SENSITIVITIES));
    fc.assert(
      fc.property(profileInput, pair, (p, [lo, hi]) =>
        expectNoLessDepin({ ...p, costSensitivity: lo }, { ...p, costSensitivity: hi }),
      ),
      RUNS,
    );
  });
});

describe('every assessment', () => {
  it('has finite scores in 0..100 and levels that match the documented thresholds', () => {
    const { high, medium } = defaultFramework.levels;
    const levelOf = (s: number) => (s >= high ? 'high' : s >= medium ? 'medium' : 'low');
    fc.assert(
      fc.property(profile, (p) => {
        const a = assessFit(p);
        for (const side of [a.cloud, a.depin]) {
          expect(Number.isFinite(side.score)).toBe(true);
          expect(side.score).toBeGreaterThanOrEqual(0);
          expect(side.score).toBeLessThanOrEqual(100);
          expect(side.level).toBe(levelOf(side.score));
        }
      }),
      RUNS,
    );
  });

  it('explains itself: base + the reasons add up to the unclamped score', () => {
    const clamp = (x: number) => Math.min(100, Math.max(0, x));
    fc.assert(
      fc.property(profile, (p) => {
        const a = assessFit(p);
        const cloud = defaultFramework.base.cloud + a.reasons.reduce((s, r) => s + r.cloud, 0);
        const depin = defaultFramework.base.depin + a.reasons.reduce((s, r) => s + r.depin, 0);
        expect(a.cloud.score).toBeCloseTo(clamp(cloud), 9);
        expect(a.depin.score).toBeCloseTo(clamp(depin), 9);
      }),
      RUNS,
    );
  });

  it('never lets a hard constraint be outweighed: all → traditional cloud, part → at most cloud-first', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const a = assessFit(p);
        if (a.constraints.some((c) => c.scope === 'all')) expect(a.approach).toBe('traditional-cloud');
        else if (a.constraints.length > 0)
          expect(rank(a)).toBeLessThanOrEqual(APPROACHES.indexOf('cloud-first'));
      }),
      RUNS,
    );
  });
});
