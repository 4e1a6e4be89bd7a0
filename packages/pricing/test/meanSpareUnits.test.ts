import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanSpareUnits } from '../src/reliability/meanSpareUnits.js';
import { replicasForDemandAndAvailability } from '../src/reliability/replicasForAvailability.js';

const spares = (needed: number, target: number, a: number): number => {
  const c = replicasForDemandAndAvailability({ needed, target, nodeAvailability: a });
  if (!c.feasible) throw new Error(c.reason);
  return c.replicas - needed;
};

describe('meanSpareUnits: spares that follow the demand, averaged over the month', () => {
  it('the hand vector: mean 1 GPU, peak 2.5, one GPU a unit, a = 0.95, A = 0.999', () => {
    // Lognormal with mean 1 and P99 2.5: P(D ≤ 1) = 0.585982, P(D ≤ 2) = 0.965062 (Python's NormalDist);
    // spares 2, 2 and 3 at 1, 2 and 3 units (k-out-of-n).
    const m = meanSpareUnits({
      meanGpus: 1,
      peakToMeanRatio: 2.5,
      gpusPerUnit: 1,
      target: 0.999,
      unitAvailability: 0.95,
    });
    expect(m.feasible && m.peakNeeded).toBe(3);
    expect(m.feasible && m.peakUnits).toBe(6);
    expect(m.feasible ? m.meanSpares : null).toBeCloseTo(
      0.585982 * 2 + (0.965062 - 0.585982) * 2 + (1 - 0.965062) * 3,
      5,
    );
  });

  it('the reviewer’s RAG service: 2.2 units on average, 6 at the peak, a = 0.99 for 0.999 holds 1 spare most hours', () => {
    // Peak 5.5 → 6 units: 2 spares (P(≥6 of 7) = 0.9980 < 0.999). At the mean, 3 units: 1 spare (P(≥3 of 4) = 0.9994).
    expect(spares(6, 0.999, 0.99)).toBe(2);
    expect(spares(3, 0.999, 0.99)).toBe(1);
    const m = meanSpareUnits({
      meanGpus: 2.2,
      peakToMeanRatio: 2.5,
      gpusPerUnit: 1,
      target: 0.999,
      unitAvailability: 0.99,
    });
    expect(m.feasible).toBe(true);
    if (!m.feasible) return;
    expect(m.peakUnits - m.peakNeeded).toBe(2);
    expect(m.meanSpares).toBeGreaterThan(1);
    expect(m.meanSpares).toBeLessThan(1.2);
  });

  it('an on-off service holds the idle level’s spares 1 − 1/r of the hours and the peak’s 1/r', () => {
    const r = 20; // above the lognormal's largest P99 ratio (14.97): on-off
    const m = meanSpareUnits({
      meanGpus: 1,
      peakToMeanRatio: r,
      gpusPerUnit: 1,
      target: 0.999,
      unitAvailability: 0.95,
    });
    expect(m.feasible ? m.meanSpares : null).toBeCloseTo(
      (1 - 1 / r) * spares(1, 0.999, 0.95) + (1 / r) * spares(20, 0.999, 0.95),
      12,
    );
  });

  it('a flat demand (peak = mean) holds the peak’s spares', () => {
    const m = meanSpareUnits({
      meanGpus: 4,
      peakToMeanRatio: 1,
      gpusPerUnit: 1,
      target: 0.999,
      unitAvailability: 0.95,
    });
    expect(m.feasible ? m.meanSpares : null).toBe(spares(4, 0.999, 0.95));
  });

  it('properties: between 0 and the peak’s spares, and never more when units are more available', () => {
    const input = fc.record({
      meanGpus: fc.double({ min: 0.01, max: 400, noNaN: true }),
      peakToMeanRatio: fc.double({ min: 1, max: 40, noNaN: true }),
      gpusPerUnit: fc.constantFrom(1, 2, 4, 8),
      target: fc.constantFrom(0.9, 0.95, 0.99, 0.999, 0.9999),
      a: fc.double({ min: 0.8, max: 0.9999, noNaN: true }),
      more: fc.double({ min: 0, max: 0.1, noNaN: true }),
    });
    fc.assert(
      fc.property(input, ({ meanGpus, peakToMeanRatio, gpusPerUnit, target, a, more }) => {
        const m = meanSpareUnits({ meanGpus, peakToMeanRatio, gpusPerUnit, target, unitAvailability: a });
        if (!m.feasible) return;
        expect(m.meanSpares).toBeGreaterThanOrEqual(0);
        expect(m.meanSpares).toBeLessThanOrEqual(m.peakUnits - m.peakNeeded + 1e-9);
        const better = meanSpareUnits({
          meanGpus,
          peakToMeanRatio,
          gpusPerUnit,
          target,
          unitAvailability: Math.min(1, a + more),
        });
        expect(better.feasible).toBe(true);
        if (better.feasible) expect(better.meanSpares).toBeLessThanOrEqual(m.meanSpares + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
