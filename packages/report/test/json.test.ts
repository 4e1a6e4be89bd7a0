import type { Analysis } from '@gpufit/schema';
import { ANALYSIS_SCHEMA_VERSION } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalize } from '../src/json/canonicalize.js';
import { renderJson, renderJsonChunks } from '../src/json/renderJson.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('renderJson', () => {
  const json = renderJson(buildAnalysis());

  test('is byte-identical for the same input', () => {
    expect(renderJson(buildAnalysis())).toBe(json);
  });

  test('does not depend on the order in which the producer built its objects', () => {
    expect(renderJson(reversedKeys(buildAnalysis()) as Analysis)).toBe(json);
  });

  test('carries the versioned analysis shape and reads back to the same data', () => {
    const parsed = JSON.parse(json) as Analysis;
    expect(parsed.schemaVersion).toBe(ANALYSIS_SCHEMA_VERSION);
    expect(parsed).toEqual(buildAnalysis());
  });

  test('2-space indent, keys sorted at every level, a final newline', () => {
    expect(json.startsWith('{\n  "accounting": {\n    "accepted": 6,')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    const check = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(check);
      else if (v !== null && typeof v === 'object') {
        const keys = Object.keys(v);
        expect(keys).toEqual([...keys].sort());
        Object.values(v).forEach(check);
      }
    };
    check(JSON.parse(json));
  });

  test('keeps unrounded model numbers (rounding is for people, JSON is for machines)', () => {
    const a = buildAnalysis();
    const parsed = JSON.parse(json) as Analysis;
    expect(parsed.totals.monthlyUsd.recommended).toBe(a.totals.monthlyUsd.recommended);
  });

  test('refuses NaN instead of writing null', () => {
    const a = mutableCopy(buildAnalysis());
    a.totals.monthlySavingsUsd = Number.NaN;
    expect(() => renderJson(a)).toThrow(/totals\.monthlySavingsUsd/);
  });

  test('canonicalize drops undefined members like JSON does and keeps array order', () => {
    expect(canonicalize({ b: [3, 1, 2], a: undefined, c: { z: 1, y: 2 } })).toEqual({
      b: [3, 1, 2],
      c: { y: 2, z: 1 },
    });
    expect(JSON.stringify(canonicalize({ b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  test('canonicalize keeps a __proto__ key (a name from input) as a key, and its prototype untouched', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}');
    const out = canonicalize(input) as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":1},"constructor":2}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out['polluted']).toBeUndefined();
  });
});

describe('renderJsonChunks (report.json written piece by piece)', () => {
  test('its pieces are renderJson’s bytes, for the fixture analysis and its key-reversed copy', () => {
    for (const a of [buildAnalysis(), reversedKeys(buildAnalysis()) as Analysis]) {
      const pieces = [...renderJsonChunks(a)];
      expect(pieces.length).toBeGreaterThan(10);
      expect(pieces.join('')).toBe(renderJson(a));
    }
  });

  test('property: the same bytes as renderJson for any JSON value (empty containers, odd keys, line breaks in strings)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'a\nb', '', 'constructor', '10', '2'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.constantFrom('line\nbreak', 'tab\t', '\u2028', '—'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (v) => {
        const a = v as unknown as Analysis;
        expect([...renderJsonChunks(a)].join('')).toBe(renderJson(a));
      }),
      { numRuns: 300 },
    );
  });

  test('refuses NaN with its path, as renderJson does', () => {
    const a = mutableCopy(buildAnalysis()) as unknown as { totals: { monthlyUsd: { recommended: number } } };
    a.totals.monthlyUsd.recommended = Number.NaN;
    expect(() => [...renderJsonChunks(a as unknown as Analysis)]).toThrow(/totals/);
  });
});
