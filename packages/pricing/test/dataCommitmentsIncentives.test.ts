import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakEvenUtilization,
  effectiveCommittedRate,
  effectivePrice,
  freeEgressAllowanceGiB,
  gpuTierTable,
  initialSubsidyShare,
  relativeThroughput,
  subsidyScheduleFor,
  tieredEgressUsd,
  tokenPriceRatio,
  transferHours,
} from '../src/index.js';
import { offer, scenario } from './support/builders.js';
import { TEST_TIER_ROWS, TEST_TIERS } from './support/tiers.js';

// AWS internet egress (price-facts §4): 100 GB free, $0.09 to 10 TB, $0.085 next 40 TB, $0.07 next 100 TB, $0.05 after
const AWS = [
  { upToGiB: 100, usdPerGiB: 0 },
  { upToGiB: 10_340, usdPerGiB: 0.09 },
  { upToGiB: 51_300, usdPerGiB: 0.085 },
  { upToGiB: 153_700, usdPerGiB: 0.07 },
  { upToGiB: null, usdPerGiB: 0.05 },
];

describe('freeEgressAllowanceGiB: the account’s free allowance, not each workload’s', () => {
  it.each([
    ['AWS (100 GiB free, then tiers)', AWS, 100],
    [
      'Azure',
      [
        { upToGiB: 100, usdPerGiB: 0 },
        { upToGiB: null, usdPerGiB: 0.087 },
      ],
      100,
    ],
    [
      'GCP Premium',
      [
        { upToGiB: 200, usdPerGiB: 0 },
        { upToGiB: null, usdPerGiB: 0.12 },
      ],
      200,
    ],
    ['Lambda: free with no bound is no allowance', [{ upToGiB: null, usdPerGiB: 0 }], 0],
    ['Vast: one flat price', [{ upToGiB: null, usdPerGiB: 0.06 }], 0],
    [
      'a cheap first tier is not free',
      [
        { upToGiB: 100, usdPerGiB: 0.01 },
        { upToGiB: null, usdPerGiB: 0.09 },
      ],
      0,
    ],
    ['a closed free tier alone prices on at 0', [{ upToGiB: 100, usdPerGiB: 0 }], 0],
    [
      'a free first tier written in two is one allowance',
      [
        { upToGiB: 100, usdPerGiB: 0 },
        { upToGiB: 200, usdPerGiB: 0 },
        { upToGiB: null, usdPerGiB: 0.09 },
      ],
      200,
    ],
    [
      'free tiers with no paid one after them: every GiB is free, no allowance to use up',
      [
        { upToGiB: 100, usdPerGiB: 0 },
        { upToGiB: null, usdPerGiB: 0 },
      ],
      0,
    ],
  ] as const)('%s (%j) → %d GiB', (_, tiers, gib) => {
    expect(freeEgressAllowanceGiB(tiers)).toBe(gib);
  });

  it('property: a workload’s first GiB cost the first paid tier’s price, however the free tiers are written', () => {
    // Schema-valid lists (increasing bounds, only the last open), free tiers common.
    const tierList = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0, 0, 0.05, 0.09)), {
        minLength: 1,
        maxLength: 5,
      })
      .chain((steps) =>
        fc.boolean().map((openLast) => {
          let bound = 0;
          return steps.map(([step, usdPerGiB], i) => {
            bound += step;
            return { upToGiB: openLast && i === steps.length - 1 ? null : bound, usdPerGiB };
          });
        }),
      );
    fc.assert(
      fc.property(tierList, fc.double({ min: 0, max: 0.99, noNaN: true }), (tiers, gib) => {
        const allowance = freeEgressAllowanceGiB(tiers);
        const usd = tieredEgressUsd(allowance + gib, tiers);
        const firstPaid = tiers.find((t) => t.usdPerGiB > 0);
        // Under one GiB stays inside the first paid tier (bounds are whole GiB apart).
        expect(usd).toBeCloseTo(gib * (firstPaid?.usdPerGiB ?? 0), 12);
        expect(usd).toBeGreaterThanOrEqual(tieredEgressUsd(gib, tiers));
        if (firstPaid === undefined) expect(allowance).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a workload on AWS pays $0.09 for every GiB up to the 10 TiB tier, and never more than without the allowance counted', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (gib) => {
        const usd = tieredEgressUsd(freeEgressAllowanceGiB(AWS) + gib, AWS);
        if (gib <= 10_240) expect(usd).toBeCloseTo(gib * 0.09, 6);
        expect(usd).toBeGreaterThanOrEqual(tieredEgressUsd(gib, AWS));
        expect(usd).toBeLessThanOrEqual(gib * 0.09 + 1e-6);
      }),
    );
  });
});

describe('tieredEgressUsd (cumulative tiers)', () => {
  it.each([
    [0, 0],
    [50, 0],
    [100, 0],
    [1100, 1000 * 0.09],
    [20_340, 10_240 * 0.09 + 10_000 * 0.085],
    [200_000, 10_240 * 0.09 + 40_960 * 0.085 + 102_400 * 0.07 + 46_300 * 0.05],
  ])('%f GiB → $%f', (gib, usd) => {
    expect(tieredEgressUsd(gib, AWS)).toBeCloseTo(usd, 9);
  });

  it('continues the last price past a closed last tier (assumption)', () => {
    expect(
      tieredEgressUsd(300, [
        { upToGiB: 100, usdPerGiB: 0.1 },
        { upToGiB: 200, usdPerGiB: 0.05 },
      ]),
    ).toBeCloseTo(20, 12);
  });

  it('never decreases with volume and is never above the first paid price × volume', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (a, extra) => {
          expect(tieredEgressUsd(a + extra, AWS)).toBeGreaterThanOrEqual(tieredEgressUsd(a, AWS));
          expect(tieredEgressUsd(a, AWS)).toBeLessThanOrEqual(a * 0.09 + 1e-9);
        },
      ),
    );
  });
});

describe('transferHours', () => {
  it('1 TiB at 1 Gbit/s takes 2.39 h (2⁴⁰ × 8 bit ÷ 10⁹ bit/s)', () => {
    expect(transferHours(1024, 1000)).toBeCloseTo((2 ** 40 * 8) / 1e9 / 3600, 12);
  });
});

describe('commitments (price-facts §6)', () => {
  it('effective committed rate = rate ÷ utilization', () => {
    expect(effectiveCommittedRate(2, 0.5)).toBe(4);
    expect(effectiveCommittedRate(2, 1)).toBe(2);
    expect(() => effectiveCommittedRate(2, 0)).toThrow(/utilization/);
  });

  it('break-even utilization = committed ÷ on-demand = 1 − discount', () => {
    expect(breakEvenUtilization(0.6, 1)).toBeCloseTo(0.6, 12); // a 40 % 1-year discount breaks even at 60 % use
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (rc, ro) => {
          const u = breakEvenUtilization(rc, ro);
          if (u <= 1) expect(effectiveCommittedRate(rc, u)).toBeCloseTo(ro, 9);
        },
      ),
    );
  });
});

describe('incentives (DESIGN §5.7)', () => {
  it('effective price = unsubsidized × (1 − subsidyShare); month 0 is the list price exactly, whatever its share', () => {
    const plain = offer({ usdPerGpuHour: 2.71 });
    const net = (o: typeof plain, options: Parameters<typeof effectivePrice>[1]) => {
      const p = effectivePrice(o, options);
      if (!p.ok) throw new Error(p.rejection.message);
      return p;
    };
    expect(net(plain, { subsidyShare: 0.3 }).usd).toBeCloseTo(1.897, 12);
    expect(net(plain, { subsidyShare: 0.3 }).grossUsd).toBe(2.71);
    expect(() => effectivePrice(plain, { subsidyShare: 1 })).toThrow(/subsidy share/);
    // A list price with a 30 % subsidy in it: the list at month 0, list ÷ 0.7 × 0.5 at a 50 % share.
    const akash = offer({
      provider: 'akash',
      incentiveSymbol: 'AKT',
      incentiveSubsidyShare: 0.3,
      usdPerGpuHour: 1.7,
    });
    expect(net(akash, {}).usd).toBe(1.7);
    expect(net(akash, {}).grossUsd).toBeCloseTo(1.7 / 0.7, 12);
    // A scenario's month-0 share for the network replaces the offer's as the share IN the list (never a further
    // discount): month 0 is still the list; the unsubsidized price is list ÷ (1 − 0.5).
    const half = scenario({ subsidies: { akash: { kind: 'none', share: 0.5 } } });
    expect(net(akash, { scenario: half }).usd).toBe(1.7);
    expect(net(akash, { scenario: half }).grossUsd).toBeCloseTo(1.7 / 0.5, 12);
    expect(net(akash, { scenario: half }).initialShare).toBe(0.5);
    // …and a later month at a lower share rises from it: list ÷ 0.5 × (1 − 0.2).
    expect(net(akash, { scenario: half, subsidyShare: 0.2 }).usd).toBeCloseTo((1.7 / 0.5) * 0.8, 12);
    // An adjustment moves the gross price; the subsidy then applies to it.
    const adjusted = net(akash, { priceAdjuster: (_o, usd) => usd * 2, month: 3 });
    expect(adjusted.adjustedFrom).toBeCloseTo(1.7 / 0.7, 12);
    expect(adjusted.usd).toBeCloseTo(3.4, 12);
  });

  it('refuses, never prices at $0: unknown price, an adjustment that is not a price, below the floor', () => {
    const code = (o: ReturnType<typeof offer>, options: Parameters<typeof effectivePrice>[1]) => {
      const p = effectivePrice(o, options);
      return p.ok ? null : p.rejection.code;
    };
    expect(code(offer({ usdPerGpuHour: undefined }), {})).toBe('price-unknown');
    expect(code(offer(), { priceAdjuster: () => Number.NaN })).toBe('price-unknown');
    expect(code(offer(), { priceAdjuster: () => 0 })).toBe('price-below-floor');
    expect(code(offer({ usdPerGpuHour: 0.01 }), { subsidyShare: 0.99 })).toBe('price-below-floor');
  });

  it('a token-denominated price moves with the token: P_t ÷ P_ref', () => {
    expect(tokenPriceRatio(1.5, 3)).toBe(0.5);
    expect(() => tokenPriceRatio(1, 0)).toThrow(/rate/);
  });
});

describe('GPU tier table', () => {
  it('looks tiers up case-insensitively and reads the class column', () => {
    const h100 = TEST_TIERS.get('h100');
    expect(h100?.gpu).toBe('H100');
    expect(relativeThroughput(h100!, 'training')).toBeCloseTo(989 / 312, 12);
    expect(TEST_TIERS.reference.gpu).toBe('A100-80GB');
  });

  it('refuses duplicates, missing throughputs and a table without the reference GPU', () => {
    const row = TEST_TIER_ROWS[2]!;
    expect(() => gpuTierTable([...TEST_TIER_ROWS, { ...row, gpu: 'h100' }])).toThrow(/twice/);
    expect(() => gpuTierTable([{ ...row, relThroughputTraining: Number.NaN }])).toThrow(
      /relative throughputs/,
    );
    expect(() => gpuTierTable([row])).toThrow(/reference GPU A100-80GB/);
  });
});

describe('subsidyScheduleFor / initialSubsidyShare', () => {
  const akash = offer({
    provider: 'akash',
    market: 'depin',
    incentiveSymbol: 'AKT',
    incentiveSubsidyShare: 0.2,
  });

  it.each([
    [{}, 0.2],
    [{ akash: { kind: 'none' as const, share: 0.4 } }, 0.4],
    [{ AKT: { kind: 'none' as const, share: 0.5 } }, 0.5],
    [{ akt: { kind: 'none' as const, share: 0.6 } }, 0.6],
    [{ AKASH: { kind: 'none' as const, share: 0.7 } }, 0.7],
    [{ Akash: { kind: 'none' as const, share: 0.8 } }, 0.8],
    [{ akash: { kind: 'none' as const } }, 0.2],
    [{ render: { kind: 'none' as const, share: 0.9 } }, 0.2],
  ])('scenario subsidies %j → month-0 share %f', (subsidies, share) => {
    expect(initialSubsidyShare(akash, scenario({ subsidies }))).toBe(share);
  });

  it('prefers the network over the token symbol', () => {
    const s = scenario({
      subsidies: { AKT: { kind: 'none', share: 0.5 }, akash: { kind: 'none', share: 0.1 } },
    });
    expect(subsidyScheduleFor(akash, s)).toEqual({ kind: 'none', share: 0.1 });
    expect(subsidyScheduleFor(akash, undefined)).toBeNull();
  });
});
