import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reservedRunsSaid, reservedTermSaid } from '../src/reservedTermSaid.js';

/**
 * What the capacity risk of a large cluster adds for a workload that runs less than a year: a commitment is paid for
 * its whole term (price-facts §6: reserved 1-yr), so a 12-month term over an m-month run puts 12/m months of charges
 * on each month of it; Hyperbolic's shortest prepaid term is 3 months (reference/README.md, "Not covered").
 */
describe('reservedTermSaid and reservedRunsSaid', () => {
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

  it('a half-yearly run of 1.66 months: used 3.32 of a 12-month term, 3.62 months of charges a month of use', () => {
    expect(reservedRunsSaid(1211 / 730, 6, 12)).toBe(
      " Each run holds the cluster about 1.66 months, one every 6 months, and a commitment is paid for its whole term: a 12-month term bought for it is used about 3.32 of its 12 months, 3.62 months of charges on each month of use. Ask for a quote for a run's own 1.66 months (Hyperbolic's shortest prepaid term, 3 months, outlasts it).",
    );
    // Runs that fill the term: nothing.
    expect(reservedRunsSaid(2, 2, 12)).toBe('');
    expect(reservedRunsSaid(0, 6, 12)).toBe('');
  });

  it('property: used months × months of charges make the 12-month term, and less use means more charges a month', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 24, noNaN: true }),
        fc.integer({ min: 1, max: 36 }),
        (run, every, horizon) => {
          const said = reservedRunsSaid(run, every, horizon);
          const used = Math.min(horizon, 12) * Math.min(1, run / every);
          if (used >= 12) return said === '';
          const m = /used about ([\d.]+) of its 12 months, ([\d.]+) months of charges/.exec(said);
          if (m === null) return false;
          const charges = Number(m[2]);
          const less = reservedRunsSaid(run / 2, every, horizon);
          const lessCharges = Number(/([\d.]+) months of charges/.exec(less)?.[1]);
          return Math.abs(Number(m[1]) * charges - 12) <= 0.02 * 12 && lessCharges >= charges;
        },
      ),
    );
  });
});
