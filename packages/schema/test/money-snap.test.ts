import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scaleToMinor, snapTo15Digits } from '../src/money/toMinorUnits.js';

/** The definition the fast path must equal bit for bit: the 15-significant-digit decimal, read back. */
const viaString = (x: number): number => Number(x.toPrecision(15));

function same(x: number): void {
  expect(Object.is(snapTo15Digits(x), viaString(x) === 0 ? 0 : viaString(x)), `${x}`).toBe(true);
}

describe('snapTo15Digits = Number(x.toPrecision(15))', () => {
  test('test vectors: representation error undone, ties away from zero as toPrecision rounds them', () => {
    expect(snapTo15Digits(0.285 * 100)).toBe(28.5); // 28.499999999999996
    expect(snapTo15Digits(1.005 * 100)).toBe(100.5); // 100.49999999999999
    expect(snapTo15Digits(-0.285 * 100)).toBe(-28.5);
    expect(snapTo15Digits(0.1 + 0.2)).toBe(0.3);
    expect(snapTo15Digits(123456789012345.6)).toBe(123456789012346);
    expect(snapTo15Digits(99999999999999.98)).toBe(1e14); // 16 digits: the last rounds up
    expect(snapTo15Digits(999999999999999.9)).toBe(1e15);
    expect(snapTo15Digits(1e-9 / 3)).toBe(3.33333333333333e-10);
    expect(Object.is(snapTo15Digits(-0), 0)).toBe(true);
    expect(Object.is(snapTo15Digits(0), 0)).toBe(true);
  });

  test('any double, any magnitude', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => same(x)),
      { numRuns: 20_000 },
    );
  });

  test('amounts in cents as reports hold them: dollars with up to 6 decimals, times 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const amount = units / 10 ** places;
        same(amount * 100);
        same(amount * 10_000);
      }),
      { numRuns: 20_000 },
    );
  });

  test('every magnitude from 1e-9 to 1e16, with values next to ties and decade edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9, max: 16 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer({ min: -4, max: 4 }),
        (exponent, mantissa, nudge) => {
          const base = mantissa * 10 ** exponent;
          // Neighbours in the last place: where a tie or a decade edge is decided.
          let x = base;
          for (let i = 0; i < Math.abs(nudge); i++) x = nudge > 0 ? nextUp(x) : nextDown(x);
          same(x);
          same(-x);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test('exact ties at 15 digits and their neighbours', () => {
    for (let e = -6; e <= 14; e++) {
      for (const digits of [100000000000000.5, 123456789012345.5, 999999999999999.5, 314159265358979.5]) {
        const tie = digits * 10 ** (e - 14);
        for (const x of [tie, nextUp(tie), nextDown(tie)]) {
          same(x);
          same(-x);
        }
      }
    }
  });

  test('near a half at 15 digits, where the exact product error decides: random digits and decades', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000_000_000_000, max: 999_999_999_999_998 }),
        fc.integer({ min: -6, max: 14 }),
        fc.integer({ min: -2000, max: 2000 }),
        (digits, e, nudge) => {
          // Within 1/8 of a half of the 15th digit, then nudged by a few units in the last place either way.
          let x = (digits + 0.5) * 10 ** (e - 14) * (1 + nudge * 2 ** -60);
          same(x);
          same(-x);
          for (let i = 0; i < 3; i++) {
            x = nextUp(x);
            same(x);
          }
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test('scaleToMinor scales by 10^scale first, as before', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        (a, s) => {
          const expected = viaString(a * 10 ** s);
          expect(Object.is(scaleToMinor(a, s), expected === 0 ? 0 : expected)).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

const view = new DataView(new ArrayBuffer(8));
function step(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
const nextUp = (x: number): number => step(x, true);
const nextDown = (x: number): number => step(x, false);
