import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reservedTermSaid } from '../src/risks.js';

/**
 * What the capacity risk of a large cluster adds for a workload that runs less than a year: a commitment is paid for
 * its whole term (price-facts §6: reserved 1-yr), so a 12-month term over an m-month run puts 12/m months of charges
 * on each month of it; Hyperbolic's shortest prepaid term is 3 months (reference/README.md, "Not covered").
 */
describe('reservedTermSaid', () => {
  it('a 2-month run: 6 months of charges a month, and Hyperbolic’s 3-month least term outlasts it', () => {
    expect(reservedTermSaid(2)).toBe(
      " This workload runs 2 months, and a commitment is paid for its whole term: a 12-month term bought for it puts 6 months of charges on each month of the run. Ask for a quote for the run's own 2 months (Hyperbolic's shortest prepaid term, 3 months, outlasts it).",
    );
  });

  it('a 1-month run is said in the singular; a 6-month run names no Hyperbolic term (3 months fits in it)', () => {
    expect(reservedTermSaid(1)).toContain('This workload runs 1 month,');
    expect(reservedTermSaid(1)).toContain(
      "puts 12 months of charges on each month of the run. Ask for a quote for the run's own month (",
    );
    expect(reservedTermSaid(6)).toContain('puts 2 months of charges');
    expect(reservedTermSaid(6)).not.toContain('Hyperbolic');
  });

  it('a year or more, or no horizon: nothing', () => {
    expect(reservedTermSaid(12)).toBe('');
    expect(reservedTermSaid(36)).toBe('');
    expect(reservedTermSaid(0)).toBe('');
    expect(reservedTermSaid(Number.NaN)).toBe('');
  });

  it('property: said exactly under 12 months, and the months of charges times the run make the 12-month term', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), (months) => {
        const said = reservedTermSaid(months);
        if (months >= 12) return said === '';
        const times = Number(/puts ([\d.]+) months of charges/.exec(said)?.[1]);
        return Math.abs(times * months - 12) <= 0.01 * 12 && said.includes(`runs ${months} month`);
      }),
    );
  });
});
