import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { savingBarShortfall, savingBarShortfallText, savingShareText } from '../src/index.js';

const bar = { minSavingShare: 0.05, minMonthlySavingUsd: 100 };

describe('savingBarShortfall', () => {
  it.each([
    // The reviewer's case: USD 30.26 at 19.8 % clears the share, not the dollars.
    [30.26, 30.26 / 0.198, 'dollars'],
    [11.36, 59.2, 'dollars'],
    [200, 10_000, 'share'], // 2 %
    [124.39, 2_892.79, 'share'], // 4.3 %
    [19.42, 3_205.68, 'both'], // 0.6 %
    [3.41, 27.24, 'dollars'],
    [100, 2_000, null], // exactly both parts: clears the bar, as decide's `>=` does
    [474.2, 888.06, null],
    [99.99, 1_000, 'dollars'],
    [150, 3_000.01, 'share'],
  ] as const)('saving %d of %d misses %s', (saving, cloud, expected) => {
    expect(savingBarShortfall(saving, cloud, bar)).toBe(expected);
  });

  it('agrees with the one-number threshold the decision uses, max(share × cloud, dollars)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (saving, cloud, minSavingShare, minMonthlySavingUsd) => {
          const b = { minSavingShare, minMonthlySavingUsd };
          const clears = saving >= Math.max(minSavingShare * cloud, minMonthlySavingUsd);
          expect(savingBarShortfall(saving, cloud, b) === null).toBe(clears);
        },
      ),
    );
  });

  it('a larger saving never misses more of the bar', () => {
    const rank = { both: 2, share: 1, dollars: 1 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (a, extra, cloud) => {
          const lo = savingBarShortfall(a, cloud, bar);
          const hi = savingBarShortfall(a + extra, cloud, bar);
          expect(hi === null ? 0 : rank[hi]).toBeLessThanOrEqual(lo === null ? 0 : rank[lo]);
        },
      ),
    );
  });
});

describe('savingBarShortfallText', () => {
  it.each([
    ['dollars', "over the bar's 5 % but under its USD 100 a month"],
    ['share', "over the bar's USD 100 a month but under its 5 %"],
    ['both', "under both the bar's 5 % and its USD 100 a month"],
  ] as const)('%s', (shortfall, text) => {
    expect(savingBarShortfallText(shortfall, bar)).toBe(text);
  });

  it('groups thousands and keeps a tenth of a percent', () => {
    expect(savingBarShortfallText('dollars', { minSavingShare: 0.075, minMonthlySavingUsd: 1000 })).toBe(
      "over the bar's 7.5 % but under its USD 1,000 a month",
    );
  });
});

describe('savingShareText', () => {
  it.each([
    [430, 10_000, '4.3 %'],
    [496, 10_000, '4.9 %'], // 4.96 % is under the 5 % bar: not '5 %'
    [500, 10_000, '5 %'],
    [504, 10_000, '5 %'],
    [30.26, 30.26 / 0.198, '19.8 %'],
  ] as const)('saving %d of %d reads %s', (saving, cloud, text) => {
    expect(savingShareText(saving, cloud, bar)).toBe(text);
  });

  it('a share under the bar reads under the bar’s figure; otherwise to the nearest 0.1 %', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (saving, cloud, barTenths) => {
          const b = { minSavingShare: barTenths / 1000, minMonthlySavingUsd: 100 };
          const shown = Number(savingShareText(saving, cloud, b).replace(' %', ''));
          if (saving < b.minSavingShare * cloud) expect(shown).toBeLessThan(barTenths / 10);
          else expect(shown).toBeCloseTo(Math.round((1000 * saving) / cloud) / 10, 9);
        },
      ),
    );
  });
});
