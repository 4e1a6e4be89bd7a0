import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeFeasible, placeKey } from '../src/feasibility/feasibility.js';
import { feasibility, residencyProblem } from '../src/index.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

/**
 * An India-resident voice service (R9 voice-in: data must stay in IN) was placed on "Lambda 1 × 8 B200 in
 * asia-south-1", a row of SkyPilot's Lambda catalog, which lists every Lambda region for every instance type
 * (regionListing every-region, "live availability not encoded"): the row prices the type, not its presence in the
 * region. Data that must stay in a place is never put on a placement its provider does not confirm; without a
 * residency rule the row is still priced (the region-not-confirmed risk says so of a plan that uses it).
 */
const lambda = (regionListing?: 'every-region' | 'per-type') =>
  offer({
    id: 'lambda:gpu-1x-a100:asia-south-1:standard',
    provider: 'lambda',
    providerName: 'Lambda',
    instanceType: 'gpu_1x_a100_sxm4',
    region: 'asia-south-1',
    country: 'IN',
    gpusPerInstance: 1,
    ...(regionListing === undefined ? {} : { regionListing }),
  });
const batch = (residency: string[]) =>
  profile({ id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 100, residency });
const codes = (residency: string[], o = lambda('every-region')) =>
  feasibility(batch(residency), o, { tiers: TEST_TIERS, scenario: scenario() }).rejections.map((r) => r.code);

describe('a row that lists every region of its provider, for data that must stay in a place', () => {
  it('is refused as region-unconfirmed, with the row and the place in the message', () => {
    const f = feasibility(batch(['IN']), lambda('every-region'), { tiers: TEST_TIERS, scenario: scenario() });
    expect(f.feasible).toBe(false);
    expect(f.rejections).toEqual([
      {
        code: 'region-unconfirmed',
        message:
          "the offer's catalog lists every region of Lambda for every instance type (live availability not encoded), so it does not confirm gpu_1x_a100_sxm4 is offered in asia-south-1; the workload's data must stay in IN",
      },
    ]);
    expect(residencyProblem(lambda('every-region'), ['IN'])).toBe('unconfirmed');
  });

  it('is priced when the row lists its own regions, and when no residency is set', () => {
    expect(codes(['IN'], lambda('per-type'))).toEqual([]);
    expect(codes(['IN'], lambda())).toEqual([]);
    expect(codes([])).toEqual([]);
  });

  it('outside the place is refused for residency, as before (the place is the first question)', () => {
    expect(codes(['EU'])).toEqual(['residency']);
    expect(residencyProblem(lambda('every-region'), ['EU'])).toBe('outside');
  });

  it('the verdict is a function of the place key, and matches feasibility (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'every-region' | 'per-type' | undefined>('every-region', 'per-type', undefined),
        fc.constantFrom('IN', 'US', 'JP'),
        fc.subarray(['IN', 'APAC', 'EU', 'US']),
        (listing, country, residency) => {
          const o = { ...lambda(listing), country };
          const p = batch(residency);
          const refused = codes(residency, o).some((c) => c === 'residency' || c === 'region-unconfirmed');
          expect(placeFeasible(p, o)).toBe(!refused);
          const inside = residency.length === 0 || residencyProblem(o, residency) !== 'outside';
          expect(codes(residency, o).includes('region-unconfirmed')).toBe(
            residency.length > 0 && inside && listing === 'every-region',
          );
        },
      ),
    );
    expect(placeKey(lambda('every-region'))).not.toBe(placeKey(lambda('per-type')));
  });
});
