import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocate } from '../src/money/allocate.js';
import { formatMinorUnits } from '../src/money/formatMinorUnits.js';
import { MoneyError } from '../src/money/messages.js';
import { roundingModes } from '../src/money/roundingModes/index.js';
import { allocateToItems, roundLineItems } from '../src/money/roundLineItems.js';
import { toMinorUnits } from '../src/money/toMinorUnits.js';

describe('rounding modes (one named function per file)', () => {
  // value → [halfEven, halfUp, halfDown, halfAwayFromZero, up, down]
  const vectors: [number, number[]][] = [
    [2.5, [2, 3, 2, 3, 3, 2]],
    [3.5, [4, 4, 3, 4, 4, 3]],
    [-2.5, [-2, -2, -3, -3, -2, -3]],
    [-3.5, [-4, -3, -4, -4, -3, -4]],
    [2.4, [2, 2, 2, 2, 3, 2]],
    [2.6, [3, 3, 3, 3, 3, 2]],
    [-2.6, [-3, -3, -3, -3, -2, -3]],
    [7, [7, 7, 7, 7, 7, 7]],
  ];
  const names = ['halfEven', 'halfUp', 'halfDown', 'halfAwayFromZero', 'up', 'down'] as const;
  test.each(vectors)('%d', (value, expected) => {
    expect(names.map((n) => roundingModes[n](value))).toEqual(expected);
  });

  test('every mode returns an integer within one unit of its input', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        for (const mode of Object.values(roundingModes)) {
          const y = mode(x);
          expect(Number.isInteger(y)).toBe(true);
          expect(Math.abs(y - x)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('toMinorUnits: the single presentation rounding step', () => {
  test.each([
    [0.285, 'halfEven', 28],
    [0.285, 'halfAwayFromZero', 29],
    [1.005, 'halfEven', 100],
    [1.015, 'halfEven', 102],
    [0.1 + 0.2, 'halfEven', 30],
    [-0.004, 'halfEven', 0],
    [123456.789, 'down', 12345678],
  ] as const)('%d USD with %s → %d cents', (usd, mode, cents) => {
    expect(toMinorUnits(usd, { mode: roundingModes[mode], scale: 2 })).toBe(cents);
  });

  test('never returns −0 (it would print as "-0.00")', () => {
    expect(Object.is(toMinorUnits(-0.001, { mode: roundingModes.halfEven, scale: 2 }), -0)).toBe(false);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d with a named error', (bad) => {
    expect(() => toMinorUnits(bad, { mode: roundingModes.halfEven, scale: 2 })).toThrow(MoneyError);
  });
});

describe('formatMinorUnits prints integers without rounding again', () => {
  test.each([
    [123456, { scale: 2, grouping: ',' }, '1,234.56'],
    [-5, { scale: 2, grouping: ',' }, '-0.05'],
    [100000000, { scale: 2, grouping: '' }, '1000000.00'],
    [18610, { scale: 4, grouping: ',', minDecimals: 2 }, '1.861'],
    [3900, { scale: 4, grouping: ',', minDecimals: 2 }, '0.39'],
    [7, { scale: 0, grouping: ',' }, '7'],
  ] as const)('%d → %s', (minor, options, text) => {
    expect(formatMinorUnits(minor, options)).toBe(text);
  });
});

describe('allocate (dinero.js style, largest remainder)', () => {
  test.each([
    [1003, [50, 50], [502, 501]],
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [0.72, 0.28], [720, 280]],
    [5, [0, 1], [0, 5]],
    [-1003, [50, 50], [-501, -502]],
  ])('allocate(%d, %j) → %j', (total, ratios, parts) => {
    expect(allocate(total, ratios)).toEqual(parts);
  });

  test.each([
    [[], 'emptyRatios'],
    [[0, 0], 'zeroRatios'],
    [[1, -1], 'negativeRatio'],
  ] as const)('refuses ratios %j (%s)', (ratios, code) => {
    expect(() => allocate(100, ratios)).toThrow(expect.objectContaining({ messageCode: code }));
  });

  test('parts always add up to the total and stay within one unit of their exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (total, ratios) => {
          const parts = allocate(total, ratios);
          const sum = ratios.reduce((a, x) => a + x, 0);
          expect(parts.reduce((a, x) => a + x, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * (ratios[i] ?? 0)) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  test('does not mutate its input', () => {
    const ratios = [3, 1];
    allocate(10, ratios);
    expect(ratios).toEqual([3, 1]);
  });
});

describe('roundLineItems: shown line items add up to the shown total', () => {
  const amounts = fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 15 });

  test('for any line items (negative ones too), the shown parts sum to the shown total', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...Object.keys(roundingModes)), (items, name) => {
        const mode = roundingModes[name as keyof typeof roundingModes];
        const { totalMinor, partsMinor } = roundLineItems(items, { mode, scale: 2 });
        expect(partsMinor.reduce((a, x) => a + x, 0)).toBe(totalMinor);
        expect(totalMinor).toBe(
          toMinorUnits(
            items.reduce((a, x) => a + x, 0),
            { mode, scale: 2 },
          ),
        );
      }),
    );
  });

  test('each shown part is within one cent of its exact value', () => {
    fc.assert(
      fc.property(amounts, (items) => {
        const { partsMinor } = roundLineItems(items, { mode: roundingModes.halfEven, scale: 2 });
        partsMinor.forEach((p, i) => {
          expect(Math.abs(p - (items[i] ?? 0) * 100)).toBeLessThan(1.000001);
        });
      }),
    );
  });

  test('a producer total is rounded once and the items are allocated to it', () => {
    // Three thirds of a dollar: exact parts 33.33… cents; the shown total 1.00 must still be met.
    const third = 1 / 3;
    expect(
      roundLineItems([third, third, third], { mode: roundingModes.halfEven, scale: 2, totalUsd: 1 }),
    ).toEqual({
      totalMinor: 100,
      partsMinor: [34, 33, 33],
    });
    expect(allocateToItems(100, [third, third, third], 2)).toEqual([34, 33, 33]);
  });
});

// Vectors pricing's money module (merged into this one) was tested with: decimals as written, a negative line.
describe('one money module for pricing and report', () => {
  test.each([
    // usd, scale, halfEven, halfUp (minor units) — decimals as written, not as stored in binary
    [1.005, 2, 100, 101],
    [1.015, 2, 102, 102],
    [2.675, 2, 268, 268],
    [0.125, 2, 12, 13],
    [-0.125, 2, -12, -12],
    [1234.5, 0, 1234, 1235],
    [0.1 + 0.2, 2, 30, 30],
  ])('%f at scale %i → %i (halfEven), %i (halfUp)', (usd, scale, even, up) => {
    expect(toMinorUnits(usd, { mode: roundingModes.halfEven, scale })).toBe(even);
    expect(toMinorUnits(usd, { mode: roundingModes.halfUp, scale })).toBe(up);
  });

  test('line items keep a negative subsidy line and add up to the shown total', () => {
    const mode = roundingModes.halfEven;
    const items = [100.004, 20.004, -24.0016];
    const { totalMinor, partsMinor } = roundLineItems(items, { mode, scale: 2 });
    expect(totalMinor).toBe(9601);
    expect(partsMinor.reduce((a, p) => a + p, 0)).toBe(9601);
    expect(partsMinor[2]).toBe(-2400);
    for (const [i, p] of partsMinor.entries()) expect(Math.abs(p - items[i]! * 100)).toBeLessThan(1);
    expect(roundLineItems([0.4, -0.396], { mode, scale: 2 })).toEqual({
      totalMinor: 0,
      partsMinor: [40, -40],
    });
  });

  test('$1 in three equal parts is 0.34 + 0.33 + 0.33 (docs/methodology.md)', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});
