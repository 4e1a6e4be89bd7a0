import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHours } from '../src/runHours.js';

/** One run's wall-clock hours: billed GPU-hours a month ÷ jobs a month ÷ the GPUs a job holds at once. */
describe('runHours', () => {
  it('a 7-week pretrain on 32 × 8 H100s: 155,008 GPU-hours billed a month at half a job a month is 1,211 h a run', () => {
    // 0.5 jobs a month × 1,211 h × 256 GPUs = 155,008 GPU-hours billed a month.
    expect(runHours({ billedGpuHoursPerMonth: 155_008, instances: 32, gpusPerInstance: 8 }, 0.5)).toBeCloseTo(
      1211,
      6,
    );
  });

  it('null when the estimate does not say', () => {
    expect(runHours({ billedGpuHoursPerMonth: null, instances: 1, gpusPerInstance: 8 }, 1)).toBeNull();
    expect(runHours({ billedGpuHoursPerMonth: 10, instances: null, gpusPerInstance: 8 }, 1)).toBeNull();
    expect(runHours({ billedGpuHoursPerMonth: 10, instances: 1, gpusPerInstance: 8 }, 0)).toBeNull();
    expect(runHours({ billedGpuHoursPerMonth: 10, instances: 0, gpusPerInstance: 8 }, 1)).toBeNull();
  });

  it('property: hours × jobs × GPUs give back the billed GPU-hours; fewer jobs a month, longer runs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(1, 2, 4, 8),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (billed, instances, per, jobs) => {
          const h = runHours({ billedGpuHoursPerMonth: billed, instances, gpusPerInstance: per }, jobs)!;
          const fewer = runHours(
            { billedGpuHoursPerMonth: billed, instances, gpusPerInstance: per },
            jobs / 2,
          )!;
          return h > 0 && Math.abs(h * jobs * instances * per - billed) <= 1e-9 * billed && fewer > h;
        },
      ),
    );
  });
});
