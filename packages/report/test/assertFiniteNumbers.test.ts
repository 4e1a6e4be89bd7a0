// The finiteness check of every report: throws exactly when some number is NaN or ±Infinity, naming its path.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportError } from '../src/errors.js';
import { assertFiniteNumbers } from '../src/present/assertFiniteNumbers.js';

const bad = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
  ),
})).node;

function at(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

function nonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(nonFinite);
}

describe('assertFiniteNumbers', () => {
  test('throws exactly when a number is not finite, with the path of one that is not', () => {
    fc.assert(
      fc.property(tree, fc.option(bad, { nil: undefined }), (value, extra) => {
        const input = extra === undefined ? value : { deep: [value, { x: extra }] };
        let thrown: unknown;
        try {
          assertFiniteNumbers(input, ['root']);
        } catch (error) {
          thrown = error;
        }
        expect(thrown !== undefined).toBe(nonFinite(input));
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(ReportError);
          const path = (thrown as ReportError & { path: (string | number)[] }).path;
          expect(path[0]).toBe('root');
          expect(Number.isFinite(at(input, path.slice(1)))).toBe(false);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  test('inherited keys are not the analysis: only own ones are checked', () => {
    const proto = { inherited: Number.NaN };
    const value = Object.create(proto) as Record<string, unknown>;
    value.own = 1;
    expect(() => assertFiniteNumbers(value)).not.toThrow();
  });
});
