/**
 * The cloud floor of a hybrid split (docs/projection-and-uncertainty.md, "Floor and references"): when only
 * overflow may leave cloud, the mean load stays there — the share of GPU-hours a baseline of the mean serves,
 * not the mean's share of the peak (1/r), which let a latency-bound API send two thirds of its traffic out.
 */
import { demandShape, normalCdf } from '@gpufit/pricing';
import type { FitAssessment, WorkloadProfile } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hybridFloor, meanLoadShare } from '../src/hybridFloor.js';

const fit: FitAssessment = {
  cloud: { score: 70, level: 'high' },
  depin: { score: 45, level: 'medium' },
  approach: 'hybrid',
  constraints: [],
  reasons: [],
  frameworkVersion: 'test',
  overrides: [],
};

describe('meanLoadShare: the GPU-hours a baseline of the mean serves', () => {
  it('flat demand: all of it; on-off demand: 1/r; lognormal: 1 − (Φ(σ/2) − Φ(−σ/2))', () => {
    expect(meanLoadShare(1)).toBe(1);
    // Above e^{z²/2} ≈ 14.97 demand is idle or at its peak, so a baseline of the mean serves mean/peak of it.
    expect(meanLoadShare(20)).toBeCloseTo(1 / 20, 12);
    // r = 3: σ = z − √(z² − 2 ln 3) with z = Φ⁻¹(0.99); at b = mean, d₁ = σ/2, so E[(D − 1)⁺] = Φ(σ/2) − Φ(−σ/2).
    const z = 2.3263478740408408;
    const sigma = z - Math.sqrt(z * z - 2 * Math.log(3));
    expect(meanLoadShare(3)).toBeCloseTo(1 - (normalCdf(sigma / 2) - normalCdf(-sigma / 2)), 9);
    expect(meanLoadShare(3)).toBeCloseTo(0.7897, 4);
  });

  it('lies between 1/r and 1, falls as demand gets spikier, and is what the demand shape serves (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (r, k) => {
          const s = meanLoadShare(r);
          expect(s).toBeGreaterThanOrEqual(1 / r - 1e-12);
          expect(s).toBeLessThanOrEqual(1);
          expect(meanLoadShare(Math.min(1000, r * k))).toBeLessThanOrEqual(s + 1e-12);
          const shape = demandShape({ meanGpus: 7, peakToMeanRatio: r });
          expect(1 - shape.expectedExcess(7) / 7).toBeCloseTo(s, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hybridFloor', () => {
  const api = {
    id: 'api',
    kind: 'realtime-inference',
    peakToMeanRatio: 3,
    p99LatencyMs: 1000,
  } as unknown as WorkloadProfile;

  it('a latency-bound API keeps its mean load on cloud: 79 % of its GPU-hours at a peak-to-mean of 3', () => {
    const floor = hybridFloor(api, fit);
    expect(floor.share).toBeCloseTo(0.7897, 4);
    expect(floor.reason).toMatch(/keeps the mean load on stable cloud capacity \(79\.0 % of the GPU-hours/);
  });

  it('no latency budget and a hybrid fit: no floor; a constraint on all of it: all of it', () => {
    expect(hybridFloor({ ...api, p99LatencyMs: null }, fit).share).toBe(0);
    const all = {
      ...fit,
      constraints: [{ code: 'regulated-data', side: 'depin', scope: 'all', reason: 'r' }],
    } as unknown as FitAssessment;
    expect(hybridFloor(api, all)).toEqual({ share: 1, reason: 'r' });
  });
});
