// Fuzzing the schemas with what users and other apps can hand them: any JSON value, records whose fields hold
// any value, CSV rows of any strings. Validation never throws; it returns a Validated failure whose issues are
// data (a code, a path into the input, a sentence), and whatever it accepts holds only finite numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CellKind,
  decodeCell,
  formatIssue,
  OFFER_FIELDS,
  offerCodecs,
  offerFromCsv,
  offerSchema,
  scenarioSchema,
  type Validated,
  validateOffer,
  validateScenario,
  validateWorkloadProfile,
  WORKLOAD_PROFILE_FIELDS,
  workloadProfileCodecs,
  workloadProfileFromCsv,
  workloadProfileSchema,
} from '../src/index.js';

const cycle: Record<string, unknown> = { id: 'loop' };
cycle['self'] = cycle;

/** Values a hostile or careless caller can pass: every JSON-ish shape, extreme numbers, prototype keys. */
const weirdValue = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '1e309',
    'NaN',
    '__proto__',
    'constructor',
    '\u0000',
    '\uFEFF',
    "=cmd|'/c calc'!A1",
    '<script>alert(1)</script>',
    [],
    {},
    null,
    undefined,
    cycle,
    10n,
  ),
);

/** A record with some of the schema's own field names (and prototype names) set to any value. */
function recordOver(fields: readonly string[]) {
  return fc.dictionary(
    fc.constantFrom(...fields, '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
    weirdValue,
    {
      maxKeys: 12,
    },
  );
}

/**
 * Every number anywhere in `value` (own enumerable properties, arrays). A scenario's `framework` is skipped: the
 * scenario schema passes it through as data for @gpufit/scoring, whose `validateFrameworkOverride` judges it.
 */
function numbersIn(value: unknown, out: number[] = [], seen = new Set<object>()): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) if (k !== 'framework') numbersIn(v, out, seen);
  }
  return out;
}

function expectWellFormed(r: Validated<unknown>): void {
  if (r.ok) {
    for (const n of numbersIn(r.value)) expect(Number.isFinite(n)).toBe(true);
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues) {
    expect(typeof issue.code).toBe('string');
    expect(Array.isArray(issue.path)).toBe(true);
    for (const k of issue.path) expect(['string', 'number']).toContain(typeof k);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(typeof formatIssue(issue, { file: 'f.csv', row: 2 })).toBe('string');
  }
}

const VALIDATORS: readonly (readonly [string, (input: unknown) => Validated<unknown>, readonly string[]])[] =
  [
    ['validateWorkloadProfile', validateWorkloadProfile, WORKLOAD_PROFILE_FIELDS],
    ['validateOffer', validateOffer, OFFER_FIELDS],
    [
      'validateScenario',
      validateScenario,
      [
        'name',
        'horizonMonths',
        'startMonth',
        'subsidies',
        'tokenPrices',
        'priceAdjustments',
        'monteCarlo',
        'framework',
      ],
    ],
  ];

describe('schema validators never throw', () => {
  it.each(VALIDATORS)('%s on any value', (_name, validate) => {
    fc.assert(
      fc.property(weirdValue, (v) => expectWellFormed(validate(v))),
      { numRuns: 400 },
    );
  });

  it.each(VALIDATORS)('%s on records of its own fields holding any value', (_name, validate, fields) => {
    fc.assert(
      fc.property(recordOver(fields), (v) => expectWellFormed(validate(v))),
      { numRuns: 400 },
    );
  });

  it('the zod schemas themselves throw only a ZodError', () => {
    for (const schema of [workloadProfileSchema, offerSchema, scenarioSchema]) {
      fc.assert(
        fc.property(weirdValue, (v) => {
          try {
            schema.parse(v);
          } catch (error) {
            expect(error).toBeInstanceOf(z.ZodError);
          }
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('CSV rows of any strings', () => {
  /** Cells as spreadsheets write them, plus arbitrary text. */
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '1,5',
      '0x10',
      '1e308',
      '1e309',
      '-0',
      'NaN',
      'Infinity',
      'TRUE',
      'yes',
      'inf:0.05',
      '100:0;inf:x',
      ';;',
    ),
    fc.double().map(String),
  );

  it.each([
    ['workloadProfileFromCsv', workloadProfileFromCsv, WORKLOAD_PROFILE_FIELDS],
    ['offerFromCsv', offerFromCsv, OFFER_FIELDS],
  ] as const)('%s never throws and returns a Validated', (_name, fromCsv, fields) => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: fields.length }),
        fc.array(cell, { maxLength: fields.length + 2 }),
        (header, cells) => expectWellFormed(fromCsv(header, cells)),
      ),
      { numRuns: 400 },
    );
  });

  it('decodeCell: a number is finite or an issue naming the column; never a thrown error', () => {
    const kinds: CellKind[] = [
      ...new Set<CellKind>([...Object.values(workloadProfileCodecs), ...Object.values(offerCodecs), 'text']),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), cell, (kind, raw) => {
        const d = decodeCell(kind, 'col', raw);
        if (d.ok) for (const n of numbersIn(d.value)) expect(Number.isFinite(n)).toBe(true);
        else expect(d.issue.path).toEqual(['col']);
      }),
      { numRuns: 600 },
    );
  });
});
