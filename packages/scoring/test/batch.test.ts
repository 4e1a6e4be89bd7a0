import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessFit, assessFitBatch, canonicalProfile } from '../src/index.js';
import { expectBatchRow } from './expectBatchRow.js';
import { customFramework } from './frameworkArbitrary.js';
import { profile } from './profileArbitrary.js';

describe('assessFitBatch', () => {
  it('agrees with assessFit row by row', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 40 }), (profiles) => {
        const batch = assessFitBatch(profiles);
        expect(batch.length).toBe(profiles.length);
        profiles.forEach((p, i) => {
          expectBatchRow(batch, i, assessFit(p));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with assessFit row by row under generated custom frameworks (every factor param, rule and constraint)', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 40 }), customFramework, (profiles, framework) => {
        const batch = assessFitBatch(profiles, { framework });
        expect(batch.frameworkVersion).toBe(
          assessFit(profiles[0] ?? canonicalProfile('batch-inference'), { framework }).frameworkVersion,
        );
        profiles.forEach((p, i) => {
          expectBatchRow(batch, i, assessFit(p, { framework }));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('returns typed columns, empty for no profiles', () => {
    const batch = assessFitBatch([]);
    expect(batch.length).toBe(0);
    expect(batch.cloudScore).toBeInstanceOf(Float64Array);
    expect(batch.approach).toBeInstanceOf(Uint8Array);
  });
});
