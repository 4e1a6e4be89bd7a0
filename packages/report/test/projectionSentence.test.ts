import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depinVersusCloud } from '../src/document/workloadSection.js';

const month = (i: number, cloudCents: number, depinCents: number | null) => ({
  month: `2027-${String(i + 1).padStart(2, '0')}`,
  cloudCents,
  depinCents,
});

describe('the projection sentence says only what every month bears out', () => {
  it('cheaper in every month, dearer in every month, and a mix with the first month it turns', () => {
    expect(depinVersusCloud([month(0, 100, 80), month(1, 100, 99)])).toMatch(/stays cheaper .* every month/);
    expect(depinVersusCloud([month(0, 100, 100), month(1, 100, null)])).toMatch(
      /at least as much .* every month/,
    );
    expect(depinVersusCloud([month(0, 100, 80), month(1, 100, 120), month(2, 100, 90)])).toBe(
      'The decentralized option is cheaper than cloud in 2 of 3 months; the first month it is not is 2027-02.',
    );
  });

  it('over any months: "stays cheaper" exactly when every month is cheaper, "at least as much" when none is', () => {
    const months = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.option(fc.integer({ min: 1, max: 10_000 }))),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(months, (ms) => {
        const rows = ms.map(([c, d], i) => month(i, c, d));
        const cheaper = rows.filter((m) => m.depinCents !== null && m.depinCents < m.cloudCents).length;
        const sentence = depinVersusCloud(rows);
        expect(sentence.includes('stays cheaper')).toBe(cheaper === rows.length);
        expect(sentence.includes('at least as much')).toBe(cheaper === 0);
        if (cheaper > 0 && cheaper < rows.length)
          expect(sentence).toContain(`in ${cheaper} of ${rows.length} months`);
      }),
    );
  });
});
