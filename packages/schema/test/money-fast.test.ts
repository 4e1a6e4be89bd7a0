import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { distributeRemainder } from '../src/money/distributeRemainder.js';
import { formatMinorUnits } from '../src/money/formatMinorUnits.js';
import { assertMoney } from '../src/money/messages.js';
import { allocateScaled, allocateToItems } from '../src/money/roundLineItems.js';
import { scaleToMinor } from '../src/money/toMinorUnits.js';

/** `allocateToItems` as it was written before its one-pass form: the definition the fast path must equal. */
function allocateToItemsBefore(totalMinor: number, amounts: readonly number[], scale: number): number[] {
  assertMoney(Number.isSafeInteger(totalMinor), 'nonIntegerTotal', totalMinor);
  const exact = amounts.map((a) => scaleToMinor(a, scale));
  const floors = exact.map((x) => Math.floor(x));
  const units = totalMinor - floors.reduce((a, f) => a + f, 0);
  if (exact.length === 0) return [];
  return distributeRemainder(
    floors,
    exact.map((x, i) => x - (floors[i] ?? 0)),
    units,
  ).map((p) => (p === 0 ? 0 : p));
}

/** `formatMinorUnits` as it was, the grouping pattern run on every amount. */
function formatBefore(
  minor: number,
  options: { scale: number; grouping: string; minDecimals?: number },
): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(options.scale + 1, '0');
  const whole = digits.slice(0, digits.length - options.scale);
  let fraction = digits.slice(digits.length - options.scale);
  if (options.minDecimals !== undefined) {
    let end = fraction.length;
    while (end > options.minDecimals && fraction[end - 1] === '0') end -= 1;
    fraction = fraction.slice(0, end);
  }
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, options.grouping);
  return `${negative ? '-' : ''}${grouped}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/** Dollar amounts as reports hold them: cents and half cents (ties), sub-cent dust, zero, negatives, huge. */
const amount = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
  fc.integer({ min: -2e9, max: 2e9 }).map((h) => h / 200 + 0.005),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 0.005, -0.005, 0.015, 1.005, 0.285, 1e11, -1e11, 123456789.125),
);

function outcome(f: () => number[]): { parts?: number[]; error?: string } {
  try {
    return { parts: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const same = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(Object.is(a[i], b[i]), `part ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
};

describe('allocateToItems and allocateScaled equal the allocation as first written', () => {
  test('random line items and totals near, at and away from their sum, scales 0 to 6', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { maxLength: 12 }),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (amounts, off, scale) => {
          const sum = amounts.reduce((a, x) => a + scaleToMinor(x, scale), 0);
          const total = Math.round(sum) + off;
          const before = outcome(() => allocateToItemsBefore(total, amounts, scale));
          const fast = outcome(() => allocateToItems(total, amounts, scale));
          // Out of safe integers both refuse, with the same message.
          expect(fast.error).toBe(before.error);
          if (fast.parts === undefined || before.parts === undefined) return;
          same(fast.parts, before.parts);
          same(
            allocateScaled(
              total,
              amounts.map((x) => scaleToMinor(x, scale)),
            ),
            fast.parts,
          );
          // Parts sum to the total where float sums are exact.
          if (fast.parts.every((x) => Math.abs(x) < 1e15))
            expect(fast.parts.reduce((a, x) => a + x, 0)).toBe(amounts.length === 0 ? 0 : total);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test('the same errors: a total that is not a whole number of minor units, a non-finite amount', () => {
    expect(() => allocateToItems(1.5, [1], 2)).toThrow(/integer number of minor units/);
    expect(() => allocateScaled(1.5, [100])).toThrow(/integer number of minor units/);
    expect(() => allocateToItems(100, [Number.NaN], 2)).toThrow(/finite/);
    expect(allocateToItems(0, [], 2)).toEqual([]);
    // No −0 part (it would print as "-0.00").
    expect(Object.is(allocateScaled(0, [-0])[0], 0)).toBe(true);
    expect(Object.is(allocateScaled(0, [-0.4, 0.4])[1], 0)).toBe(true);
  });
});

describe('formatMinorUnits equals the formatting as first written', () => {
  test('any safe integer, any scale, grouped for people or not, trailing zeros kept or trimmed', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -99_999, max: 99_999 })),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(',', '', ' '),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        (minor, scale, grouping, minDecimals) => {
          const options = minDecimals === undefined ? { scale, grouping } : { scale, grouping, minDecimals };
          expect(formatMinorUnits(minor, options)).toBe(formatBefore(minor, options));
          expect(formatMinorUnits(-minor, options)).toBe(formatBefore(-minor, options));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
