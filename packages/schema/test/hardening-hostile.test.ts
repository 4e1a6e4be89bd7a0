// Validators documented as never throwing, fed objects that throw when read: a throwing getter, a Proxy whose
// traps throw, a revoked Proxy (issue 16). Each returns a failed result with an `unreadable` issue naming the
// property it could not read, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  OFFER_FIELDS,
  offerFromCsv,
  type Validated,
  validateOffer,
  validateScenario,
  validateWorkloadProfile,
  WORKLOAD_PROFILE_FIELDS,
  workloadProfileFromCsv,
} from '../src/index.js';
import { hostileSpec, makeHostile, unreadablePath } from './support/hostileInput.js';

const SCENARIO_FIELDS = ['name', 'horizonMonths', 'subsidies', 'tokenPrices', 'monteCarlo', 'framework'];

function settles(run: () => Validated<unknown>): Validated<unknown> {
  let r: Validated<unknown> | undefined;
  expect(() => {
    r = run();
  }).not.toThrow();
  if (!r!.ok) {
    for (const issue of r!.issues) {
      expect(issue.code, issue.message).not.toBe('internal_error');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(typeof formatIssue(issue, { file: 'lib' })).toBe('string');
    }
  }
  return r!;
}

describe.each([
  ['validateWorkloadProfile', validateWorkloadProfile, WORKLOAD_PROFILE_FIELDS],
  ['validateOffer', validateOffer, OFFER_FIELDS],
  ['validateScenario', validateScenario, SCENARIO_FIELDS],
] as const)('%s on hostile objects', (_name, validate, fields) => {
  it('never throws', () => {
    fc.assert(
      fc.property(hostileSpec(fields), (h) => {
        settles(() => validate(makeHostile(h)));
      }),
      { numRuns: 300 },
    );
  });

  it('a throwing getter or a revoked Proxy is a failure, an unreadable issue naming where it is once read', () => {
    fc.assert(
      fc.property(hostileSpec(fields), (h) => {
        fc.pre(h.kind !== 'proxy');
        const r = settles(() => validate(makeHostile(h)));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const issue = r.issues.find((i) => i.code === 'unreadable');
        // Under a field of another type (`name: <a Proxy>`) the schema refuses the type without reading inside.
        if (h.nested && issue === undefined) return;
        expect(issue, JSON.stringify(r.issues)).toBeDefined();
        expect(issue!.path).toEqual(unreadablePath(h));
        expect(issue!.message).toMatch(/could not be read/);
      }),
      { numRuns: 300 },
    );
  });
});

describe.each([
  ['workloadProfileFromCsv', workloadProfileFromCsv, WORKLOAD_PROFILE_FIELDS],
  ['offerFromCsv', offerFromCsv, OFFER_FIELDS],
] as const)('%s on a hostile header or cells', (_name, fromCsv, fields) => {
  it('never throws', () => {
    fc.assert(
      fc.property(hostileSpec(['0', '1', 'length']), fc.boolean(), (h, inHeader) => {
        const plain = [...fields];
        const hostile = makeHostile({ ...h, nested: false }) as string[];
        settles(() => (inHeader ? fromCsv(hostile, plain) : fromCsv(plain, hostile)));
      }),
      { numRuns: 200 },
    );
  });
});

it('the example from the issue: a getter that throws, with the field it was on', () => {
  const input = {
    id: 'x',
    get kind(): string {
      throw new Error('boom');
    },
  };
  const r = validateWorkloadProfile(input);
  expect(r).toEqual({
    ok: false,
    issues: [
      {
        code: 'unreadable',
        path: ['kind'],
        message: 'the input could not be read at kind (Error: boom); pass plain data, e.g. parsed JSON',
      },
    ],
  });
});

describe('a __proto__ key in a scenario record is refused, not dropped without a word', () => {
  it.each(['subsidies', 'tokenPrices', 'framework'])('%s', (field) => {
    const input = JSON.parse(`{"${field}": {"__proto__": {"kind": "none"}}}`);
    const r = validateScenario(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'reserved_name', path: [field, '__proto__'] });
  });

  it('constructor, toString and hasOwnProperty are names like any other', () => {
    const r = validateScenario(
      JSON.parse('{"subsidies": {"constructor": {"kind": "none"}, "toString": {"kind": "none"}}}'),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.subsidies)).toEqual(['constructor', 'toString']);
  });
});

it('a CSV column named __proto__ is an unknown column, not a prototype set without a word', () => {
  const r = offerFromCsv(['__proto__'], ['{}']);
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'unknown_field', path: ['__proto__'] }));
});
