import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingRounding } from '../src/estimate/notes.js';

/**
 * A CFO's review (2026-12-05): a 64-GPU pretrain on AWS Capacity Blocks (billed by the day) read "billed in
 * 86400-second increments with a 1440-minute minimum: 79700 s a job are paid and unused" — 22.1 of the 96 hours
 * it pays, about USD 7,000 a month on 64 H100s, said in seconds. The note now names the step as the provider states
 * it and says a residue of an hour or more in hours, against the hours billed.
 */
describe('billingRounding: what of a job is paid unused, readable', () => {
  it('a 73.86-hour job on day-billed capacity: 22.1 of 96 hours billed', () => {
    const run = 96 - 79_700 / 3600;
    expect(billingRounding(run, 79_700 / 3600, { incrementSeconds: 86_400, minimumSeconds: 86_400 })).toBe(
      'each job runs 73.9 h and is billed in 1-day increments with a 1-day minimum: 22.1 h of the 96 h billed a job are paid and unused (23 %)',
    );
  });

  it('a per-second bill keeps its residue in seconds, as before', () => {
    expect(billingRounding(4.03, 0.685 / 3600, { incrementSeconds: 1, minimumSeconds: 60 })).toBe(
      'each job runs 4.03 h and is billed in 1-second increments with a 1-minute minimum: 0.685 s a job are paid and unused',
    );
    expect(billingRounding(2.5, 0.5, { incrementSeconds: 3600, minimumSeconds: 0 })).toBe(
      'each job runs 2.5 h and is billed in 1-hour increments: 1800 s a job are paid and unused',
    );
  });

  it('property: a residue of an hour or more is said in hours with the hours billed, never in seconds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(1, 60, 3600, 86_400),
        (run, unused, step) => {
          const text = billingRounding(run, unused, { incrementSeconds: step, minimumSeconds: step });
          expect(text).not.toMatch(/\d{4,}-second|\d{3,}-minute/);
          if (unused >= 1) expect(text).toMatch(/ h of the [\d.,]+ h billed a job are paid and unused \(\d/);
          else expect(text).toMatch(/ s a job are paid and unused$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
