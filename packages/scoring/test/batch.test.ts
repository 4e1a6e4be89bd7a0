import { APPROACHES, FIT_LEVELS } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessFit, assessFitBatch, CONSTRAINT_CODES } from '../src/index.js';
import { profile } from './profileArbitrary.js';

describe('assessFitBatch', () => {
  it('agrees with assessFit row by row', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 40 }), (profiles) => {
        const batch = assessFitBatch(profiles);
        expect(batch.length).toBe(profiles.length);
        profiles.forEach((p, i) => {
          const a = assessFit(p);
          expect(batch.cloudScore[i]).toBe(a.cloud.score);
          expect(batch.depinScore[i]).toBe(a.depin.score);
          expect(FIT_LEVELS[batch.cloudLevel[i]!]).toBe(a.cloud.level);
          expect(FIT_LEVELS[batch.depinLevel[i]!]).toBe(a.depin.level);
          expect(APPROACHES[batch.approach[i]!]).toBe(a.approach);
          const codes = CONSTRAINT_CODES.filter((_, bit) => (batch.constraintMask[i]! >> bit) & 1);
          expect(codes).toEqual(a.constraints.map((c) => c.code));
          const partial = CONSTRAINT_CODES.filter((_, bit) => (batch.partialMask[i]! >> bit) & 1);
          expect(partial).toEqual(a.constraints.filter((c) => c.scope === 'part').map((c) => c.code));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('returns typed columns, empty for no profiles', () => {
    const batch = assessFitBatch([]);
    expect(batch.length).toBe(0);
    expect(batch.cloudScore).toBeInstanceOf(Float64Array);
    expect(batch.approach).toBeInstanceOf(Uint8Array);
  });
});
