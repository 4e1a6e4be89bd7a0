import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, halfEven, halfUp, PricingAssertionError, roundMoney, roundParts } from '../src/index.js';

describe('rounding modes', () => {
  it.each([
    [2.5, 2, 3],
    [3.5, 4, 4],
    [-2.5, -2, -2],
    [-3.5, -4, -3],
    [2.4999, 2, 2],
    [2.5001, 3, 3],
    [0, 0, 0],
    [7, 7, 7],
  ])('%f → halfEven %f, halfUp %f', (x, even, up) => {
    expect(halfEven(x)).toBe(even);
    expect(halfUp(x)).toBe(up);
  });
});

describe('roundMoney', () => {
  it.each([
    // usd, decimals, halfEven, halfUp — decimals as written, not as stored in binary
    [1.005, 2, 1.0, 1.01],
    [1.015, 2, 1.02, 1.02],
    [2.675, 2, 2.68, 2.68],
    [0.125, 2, 0.12, 0.13],
    [0.135, 2, 0.14, 0.14],
    [-0.125, 2, -0.12, -0.12],
    [1234.5, 0, 1234, 1235],
    [0.1 + 0.2, 2, 0.3, 0.3],
  ])('%f at %i decimals → %f (halfEven), %f (halfUp)', (usd, decimals, even, up) => {
    expect(roundMoney(usd, decimals, halfEven)).toBe(even);
    expect(roundMoney(usd, decimals, halfUp)).toBe(up);
  });

  it('refuses NaN, Infinity and amounts too large to round exactly', () => {
    expect(() => roundMoney(Number.NaN, 2, halfEven)).toThrow(PricingAssertionError);
    expect(() => roundMoney(Number.POSITIVE_INFINITY, 2, halfEven)).toThrow(/finite/);
    expect(() => roundMoney(1e15, 2, halfEven)).toThrow(/too large/);
    expect(() => roundMoney(1, 2.5, halfEven)).toThrow(/decimals/);
  });
});

describe('allocate (largest remainder)', () => {
  it.each([
    [100, [50, 50], [50, 50]],
    [0.03, [1, 1], [0.02, 0.01]],
    [1, [1, 1, 1], [0.34, 0.33, 0.33]],
    [10, [1, 0, 3], [2.5, 0, 7.5]],
    [0.05, [1, 1, 1, 1, 1, 1], [0.01, 0.01, 0.01, 0.01, 0.01, 0]],
    [100.005, [2, 1], [66.67, 33.33]], // total rounds half-even to 100.00
  ])('allocate(%f, %j) → %j', (total, weights, parts) => {
    expect(allocate(total, weights, { decimals: 2, rounding: halfEven })).toEqual(parts);
  });

  it('refuses empty, negative, non-finite or all-zero weights', () => {
    expect(() => allocate(1, [], { decimals: 2, rounding: halfEven })).toThrow(/at least one weight/);
    expect(() => allocate(1, [1, -1], { decimals: 2, rounding: halfEven })).toThrow(/non-negative/);
    expect(() => allocate(1, [0, 0], { decimals: 2, rounding: halfEven })).toThrow(/not all zero/);
    expect(() => allocate(1, [Number.NaN], { decimals: 2, rounding: halfEven })).toThrow(/finite/);
  });

  it('preserves the shown total, and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(halfEven, halfUp),
        (total, weights, decimals, rounding) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocate(total, weights, { decimals, rounding });
          const unit = 10 ** -decimals;
          const shown = roundMoney(total, decimals, rounding);
          const units = (x: number) => Math.round(x * 10 ** decimals);
          expect(parts.reduce((a, p) => a + units(p), 0)).toBe(units(shown));
          const sum = weights.reduce((a, w) => a + w, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (shown * (weights[i] ?? 0)) / sum)).toBeLessThanOrEqual(
              unit * (1 + 1e-9) + Math.abs(shown) * 1e-12,
            );
          });
        },
      ),
    );
  });

  it('does not mutate its weights', () => {
    const weights = Object.freeze([3, 1, 1]);
    expect(allocate(1, weights, { decimals: 2, rounding: halfUp })).toEqual([0.6, 0.2, 0.2]);
  });
});

describe('roundParts (line items that may be negative)', () => {
  it('keeps a negative subsidy line and sums to the shown total', () => {
    const { total, parts } = roundParts([100.004, 20.004, -24.0016], { decimals: 2, rounding: halfEven });
    expect(total).toBe(96.01);
    expect(parts).toEqual([100.01, 20, -24]);
  });

  it('shows items that cancel out as themselves, not as zero', () => {
    const { total, parts } = roundParts([0.4, -0.396], { decimals: 2, rounding: halfEven });
    expect(total).toBe(0);
    expect(parts).toEqual([0.4, -0.4]);
  });

  it('always sums to the shown total with each item within one unit of its exact amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        (items, decimals) => {
          const { total, parts } = roundParts(items, { decimals, rounding: halfEven });
          const units = (x: number) => Math.round(x * 10 ** decimals);
          expect(parts.reduce((a, p) => a + units(p), 0)).toBe(units(total));
          parts.forEach((p, i) => {
            expect(Math.abs(p - (items[i] ?? 0))).toBeLessThanOrEqual(10 ** -decimals * (1 + 1e-6));
          });
        },
      ),
    );
  });
});
