// validateFrameworkOverride is documented as never throwing: fed a throwing getter, a Proxy whose traps throw or
// a revoked Proxy (issue 16), it returns a failed result with an `unreadable` issue instead.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileSpec, makeHostile, unreadablePath } from '../../schema/test/support/hostileInput.js';
import { defaultFramework, validateFrameworkOverride } from '../src/index.js';

const FIELDS = Object.keys(defaultFramework);

describe('validateFrameworkOverride on hostile objects', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(hostileSpec(FIELDS), (h) => {
        expect(() => validateFrameworkOverride(makeHostile(h))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('a throwing getter or a revoked Proxy at the top is an unreadable issue naming the field', () => {
    fc.assert(
      fc.property(hostileSpec(FIELDS), (h) => {
        fc.pre(h.kind !== 'proxy' && !h.nested);
        const r = validateFrameworkOverride(makeHostile(h));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0]).toMatchObject({ code: 'unreadable', path: unreadablePath(h) });
      }),
      { numRuns: 200 },
    );
  });
});
