import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRoot, PricingAssertionError } from '../src/index.js';

describe('findRoot (Brent, bracketing)', () => {
  it.each([
    ['x² − 2 on [0, 2]', (x: number) => x * x - 2, 0, 2, Math.SQRT2],
    ['cos x − x on [0, 1] (the Dottie number)', (x: number) => Math.cos(x) - x, 0, 1, 0.7390851332151607],
    ['x³ − 2x − 5 on [2, 3] (Wallis)', (x: number) => x ** 3 - 2 * x - 5, 2, 3, 2.0945514815423265],
    [
      'a step-like logistic on [−10, 10]',
      (x: number) => 1 / (1 + Math.exp(-40 * (x - 3.3))) - 0.5,
      -10,
      10,
      3.3,
    ],
    ['a root at an endpoint', (x: number) => x - 1, 1, 5, 1],
  ])('%s', (_name, f, lo, hi, root) => {
    expect(findRoot(f, lo, hi)).toBeCloseTo(root, 10);
  });

  it('returns null without a sign change: "no break-even in range" is an answer', () => {
    expect(findRoot((x) => x * x + 1, -3, 3)).toBeNull();
    expect(findRoot((x) => x - 10, 0, 5)).toBeNull();
  });

  it('refuses a bad bracket and a function that returns NaN or Infinity', () => {
    expect(() => findRoot((x) => x, 2, 1)).toThrow(PricingAssertionError);
    expect(() => findRoot(() => Number.NaN, 0, 1)).toThrow(PricingAssertionError);
  });

  it('finds a root of any increasing line within tol, in few evaluations (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (root, slope) => {
          let calls = 0;
          const f = (x: number) => {
            calls++;
            return slope * (x - root);
          };
          const x = findRoot(f, root - 1000, root + 500, { tol: 1e-9 });
          expect(x).not.toBeNull();
          expect(Math.abs(x! - root)).toBeLessThan(1e-6);
          expect(calls).toBeLessThan(60);
        },
      ),
    );
  });
});
