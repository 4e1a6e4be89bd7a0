// Inputs at the edge of what the schemas accept, found by fast-check in gpufit's hardening-fuzz.test.ts: the
// cost model answers (an infeasible option with its reason, a finite baseline) instead of throwing a
// PricingAssertionError or returning a number that is not finite.
import { describe, expect, it } from 'vitest';
import { demandShape, estimateCost, newsvendorBaseline, newsvendorCriticalRatio } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

describe('a demand whose interruption re-work overflows a float64', () => {
  it('is infeasible on that offer (interruptions), not a thrown non-finite result', () => {
    // 1e9 jobs a month of 100,000 nodes each, 0.13 interruptions per node-hour: T/M ≈ 699, so each job's run is
    // a finite ~1e302 h, but the month's re-work (5e12 GPU-hours × ~3e303) is not.
    const p = profile({
      id: 'huge',
      kind: 'batch-inference',
      nodes: 100_000,
      jobsPerMonth: 1e9,
      hoursPerJob: 0.053748537638603544,
      checkpointMinutes: 0,
      interruptible: true,
      checkpointable: true,
    });
    const e = estimateCost(p, offer({ gpusPerInstance: 1, interruptionsPerHour: 0.13 }), {
      tiers: TEST_TIERS,
    });
    expect(e.feasible).toBe(false);
    expect(e.monthlyUsd).toBeNull();
    // Each job's run (~1e302 h) outlasts the horizon, which refuses it before its re-work is counted.
    expect(e.rejections.map((r) => r.code)).toEqual(['horizon']);
    expect(e.rejections[0]!.message).toMatch(/more than a month past the workload's 12-month horizon/);
  });

  it('still prices the same demand on an offer without interruptions', () => {
    const p = profile({
      id: 'huge',
      kind: 'batch-inference',
      nodes: 100_000,
      jobsPerMonth: 1e9,
      hoursPerJob: 0.05,
    });
    const e = estimateCost(p, offer({ gpusPerInstance: 1, interruptionsPerHour: 0 }), { tiers: TEST_TIERS });
    expect(e.feasible).toBe(true);
    expect(Number.isFinite(e.monthlyUsd)).toBe(true);
  });
});

describe('a newsvendor critical ratio that rounds to 1', () => {
  it('is the largest probability below 1, so the baseline is a finite quantile', () => {
    // Bursting 1e300× dearer than committing: 1 − r_c/r_b is 1 in float64.
    const ratio = newsvendorCriticalRatio(1e-300, 1);
    expect(ratio).toBeLessThan(1);
    expect(ratio).toBeGreaterThan(1 - 1e-15);
    const shape = demandShape({ meanGpus: 2, peakToMeanRatio: 3 });
    const b = newsvendorBaseline(shape.quantile, 1e-300, 1);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(shape.peakGpus); // above the P99: nearly every hour is covered
  });

  it('keeps ratios away from 1 exactly as they were', () => {
    expect(newsvendorCriticalRatio(1, 4)).toBe(0.75);
    expect(newsvendorCriticalRatio(4, 1)).toBe(0);
  });
});
