import { WORKLOAD_PROFILE_FIELDS, workloadProfileFromCsv } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProfile, WORKLOAD_CSV_HEADER, workloadCsvLine } from '../src/generate/workloads.js';
import { parseArgs } from '../src/harness/args.js';
import { describeTarget, notAvailable, result, targetMet } from '../src/harness/result.js';
import { median, ratio, significant } from '../src/harness/stats.js';

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1, 10], 10],
  ])('of %j is %s', (xs, want) => {
    expect(median(xs)).toBe(want);
  });

  it('is NaN for no samples and never reorders its input', () => {
    expect(median([])).toBeNaN();
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('lies between the smallest and largest sample and ignores their order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });
});

describe('ratio', () => {
  it('is value ÷ floor', () => {
    expect(ratio(130, 100)).toBeCloseTo(1.3, 12);
    expect(ratio(5, 100)).toBeCloseTo(0.05, 12);
  });

  it.each([
    [null, 1],
    [1, null],
    [1, 0],
    [1, -2],
    [Number.NaN, 1],
    [1, Number.POSITIVE_INFINITY],
  ])('is null for value %s and floor %s', (v, f) => {
    expect(ratio(v, f)).toBeNull();
  });
});

describe('results', () => {
  it('round to four significant digits for reading, without reaching 0', () => {
    expect(significant(123456)).toBe(123500);
    expect(significant(0.000123456)).toBe(0.0001235);
  });

  it('state their target and whether it held', () => {
    const r = result({ name: 'x', unit: 'ms', value: 120, floor: 100, target: { ratioAtMost: 1.3 } });
    expect(r).toEqual({
      name: 'x',
      unit: 'ms',
      value: 120,
      floor: 100,
      ratio: 1.2,
      target: 'ratio <= 1.3',
      met: true,
      note: null,
    });
    expect(result({ name: 'x', unit: 'ms', value: 140, floor: 100, target: { ratioAtMost: 1.3 } }).met).toBe(
      false,
    );
  });

  it('hold a combined target only when every bound holds', () => {
    const t = { ratioAtMost: 2.5, valueAtMost: 150 };
    expect(describeTarget(t)).toBe('ratio <= 2.5 and value <= 150');
    expect(targetMet(t, 140, 2)).toBe(true);
    expect(targetMet(t, 160, 2)).toBe(false);
    expect(targetMet(t, 140, 3)).toBe(false);
    expect(targetMet({ valueAtLeast: 2e6 }, 1e6, null)).toBe(false);
    expect(targetMet({ ratioAtMost: 1 }, 5, null)).toBeNull();
  });

  it('say why a case is not available, with nothing measured', () => {
    const r = notAvailable('memory', 'MB', { valueAtMost: 400 }, 'no streaming mode');
    expect([r.value, r.floor, r.ratio, r.met]).toEqual([null, null, null, null]);
    expect(r.note).toBe('not available: no streaming mode');
  });
});

describe('arguments', () => {
  it.each([
    [[], { json: false, only: null, quick: false }],
    [['--json'], { json: true, only: null, quick: false }],
    [['--', '--only', 'csv-load,match'], { json: false, only: ['csv-load', 'match'], quick: false }],
    [['--only=match', '--json', '--quick'], { json: true, only: ['match'], quick: true }],
  ])('%j', (argv, want) => {
    expect(parseArgs(argv)).toMatchObject(want);
  });

  it('reject what they do not know', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--only'])).toThrow(/--only needs/);
  });
});

describe('generated workloads', () => {
  it('are valid rows that the schema resolves to exactly the generated profile', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 2_000_000 }), (seed, i) => {
        const p = generateProfile(seed, i);
        const [cells] = parse(workloadCsvLine(p)) as string[][];
        const r = workloadProfileFromCsv([...WORKLOAD_PROFILE_FIELDS], cells!);
        expect(r.ok && r.value).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });

  it('depend only on (seed, index) and carry all 27 profile columns', () => {
    expect(generateProfile(1, 123)).toEqual(generateProfile(1, 123));
    expect(generateProfile(1, 123)).not.toEqual(generateProfile(2, 123));
    expect(WORKLOAD_CSV_HEADER.split(',')).toEqual([...WORKLOAD_PROFILE_FIELDS]);
    expect(WORKLOAD_PROFILE_FIELDS).toHaveLength(27);
  });
});
