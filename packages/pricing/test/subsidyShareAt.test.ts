import type { SubsidySchedule } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileFormulaWith,
  type FormulaCompiler,
  FormulaError,
  loadFormulaEngine,
  PricingAssertionError,
  subsidySchedules,
  subsidyShareAt,
  subsidyShareCurve,
} from '../src/index.js';

const at = (schedule: SubsidySchedule, t: number, offerShare = 0.4) =>
  subsidyShareAt(schedule, t, { offerShare, startMonth: '2027-01' });

describe('subsidy schedules (DESIGN §5.7)', () => {
  const cases: readonly (readonly [SubsidySchedule, number, number, string])[] = [
    // [schedule, t, expected share, why]
    [{ kind: 'none' }, 0, 0.4, 'none keeps the offer share'],
    [{ kind: 'none' }, 36, 0.4, 'none keeps the offer share'],
    [{ kind: 'none', share: 0.2 }, 5, 0.2, "a schedule's share overrides the offer's"],
    [{ kind: 'linear', monthsToZero: 12 }, 0, 0.4, 'linear starts at s0'],
    [{ kind: 'linear', monthsToZero: 12 }, 6, 0.2, 'linear is halfway at half the months'],
    [{ kind: 'linear', monthsToZero: 12 }, 12, 0, 'linear hits 0 at monthsToZero'],
    [{ kind: 'linear', monthsToZero: 12 }, 30, 0, 'and stays at 0'],
    [{ kind: 'exponential', halfLifeMonths: 10 }, 10, 0.2, 'share(halfLife) = s0/2'],
    [{ kind: 'exponential', halfLifeMonths: 10 }, 20, 0.1, 'share(2 halfLives) = s0/4'],
    [{ kind: 'step', steps: [{ month: '2027-07', share: 0.1 }] }, 5, 0.4, 'a step waits for its month'],
    [{ kind: 'step', steps: [{ month: '2027-07', share: 0.1 }] }, 6, 0.1, 'and applies at it'],
    [
      {
        kind: 'step',
        steps: [
          { month: '2028-01', share: 0 },
          { month: '2027-07', share: 0.1 },
        ],
      },
      12,
      0,
      'steps apply in calendar order whatever their order in the list',
    ],
  ];
  it.each(cases)('%j at month %d → %d (%s)', (schedule, t, expected) => {
    expect(at(schedule, t)).toBeCloseTo(expected, 12);
  });

  it('io.net: rewards falling 1.02 % a month are an exponential with half-life ln 2 / −ln 0.9898 (price-facts §5)', () => {
    const halfLifeMonths = Math.LN2 / -Math.log(1 - 0.0102);
    expect(halfLifeMonths).toBeCloseTo(67.6, 1);
    // Relative to the share at month 0 (shares are capped at 0.99, so take s0 = 0.5).
    const s = (t: number) => at({ kind: 'exponential', halfLifeMonths }, t, 0.5) / 0.5;
    expect(s(12)).toBeCloseTo(0.9898 ** 12, 12); // ≈ 0.884 after a year
    expect(s(60)).toBeCloseTo(0.54, 2); // ≈ 0.54 after five years
  });

  it('an Akash-style 12-month pilot is a step to 0 after its term', () => {
    const pilot: SubsidySchedule = { kind: 'step', share: 0.6, steps: [{ month: '2028-01', share: 0 }] };
    expect([0, 11, 12, 24].map((t) => at(pilot, t))).toEqual([0.6, 0.6, 0, 0]);
  });

  it('a formula in t and s0, compiled with compileFormula (restricted mathjs)', async () => {
    const engine = await loadFormulaEngine();
    const compileFormula: FormulaCompiler = (e, vars, o) => compileFormulaWith(engine, e, vars, o);
    const curve = subsidyShareCurve(
      { kind: 'formula', expression: 's0 * max(0, 1 - t / 24)^2' },
      { offerShare: 0.5, startMonth: '2027-01', compileFormula },
    );
    expect(curve(0)).toBe(0.5);
    expect(curve(12)).toBeCloseTo(0.125, 12);
    expect(curve(30)).toBe(0);
    // A share outside 0..0.99 is refused, never clamped (a clamped 5 read as 0.99 in the projection only).
    const wild = subsidyShareCurve(
      { kind: 'formula', expression: '2 - t' },
      { offerShare: 0, startMonth: '2027-01', compileFormula },
    );
    expect(wild(1.5)).toBe(0.5);
    for (const t of [0, 5]) {
      expect(() => wild(t)).toThrow(expect.objectContaining({ name: 'FormulaError', code: 'out-of-range' }));
    }
    expect(() => wild(0)).toThrow(/got 2; a subsidy share is from 0 to 0.99/);
    // Disallowed syntax is refused by the formula compiler, before any evaluation.
    expect(() =>
      subsidyShareCurve(
        { kind: 'formula', expression: 'import("fs")' },
        { offerShare: 0, startMonth: '2027-01', compileFormula },
      ),
    ).toThrow(FormulaError);
  });

  it('a compiler that ignores the share range is caught by an assertion, never clamped silently', async () => {
    const engine = await loadFormulaEngine();
    const careless: FormulaCompiler = (e, vars) => compileFormulaWith(engine, e, vars);
    const curve = subsidyShareCurve(
      { kind: 'formula', expression: '5' },
      { offerShare: 0.25, startMonth: '2027-01', compileFormula: careless },
    );
    expect(() => curve(0)).toThrow(PricingAssertionError);
  });

  it('a formula schedule without a compiler is an assertion, not a silent 0', () => {
    expect(() => at({ kind: 'formula', expression: 's0' }, 1)).toThrow(PricingAssertionError);
  });

  it('every kind is in the registry and describes itself', () => {
    expect(Object.keys(subsidySchedules).sort()).toEqual([
      'exponential',
      'formula',
      'linear',
      'none',
      'step',
    ]);
    expect(subsidySchedules.exponential.describe({ kind: 'exponential', halfLifeMonths: 12 }, 0.3)).toContain(
      'halving every 12 months',
    );
  });

  const decaying = fc.oneof(
    fc.record({
      kind: fc.constant('linear' as const),
      monthsToZero: fc.double({ min: 1, max: 1200, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('exponential' as const),
      halfLifeMonths: fc.double({ min: 0.1, max: 1200, noNaN: true }),
    }),
  );

  it('linear and exponential shares stay in 0..s0 and never rise (property)', () => {
    fc.assert(
      fc.property(
        decaying,
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 240, noNaN: true }),
        fc.double({ min: 0, max: 240, noNaN: true }),
        (schedule, s0, t1, t2) => {
          const curve = subsidyShareCurve(schedule, { offerShare: s0, startMonth: '2027-01' });
          const [a, b] = [curve(Math.min(t1, t2)), curve(Math.max(t1, t2))];
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(s0);
          expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
  });
});
