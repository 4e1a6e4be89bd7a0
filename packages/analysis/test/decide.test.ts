/**
 * Fit meets cost: honest labels and material savings (docs/methodology.md, "Decision"). A decentralized or hybrid
 * placement needs the relative *and* the absolute saving; "hybrid" needs each side to carry its share of the work.
 */
import type { Approach, FitAssessment, HybridSplit, PricedOption } from '@gpufit/schema';
import { SCENARIO_DEFAULTS } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, isHybrid } from '../src/decide.js';
import { usdCents } from '../src/usdText.js';

const policy = {
  minSavingShare: SCENARIO_DEFAULTS.minSavingShare,
  minMonthlySavingUsd: SCENARIO_DEFAULTS.minMonthlySavingUsd,
  hybridMinShare: SCENARIO_DEFAULTS.hybridMinShare,
};

const fit = (approach: Approach): FitAssessment => ({
  cloud: { score: 50, level: 'medium' },
  depin: { score: 80, level: 'high' },
  approach,
  constraints: [],
  reasons: [],
  frameworkVersion: 'test',
  overrides: [],
});

const option = (monthlyUsd: number): PricedOption =>
  ({ offer: { id: 'o' }, cost: { monthlyUsd } }) as unknown as PricedOption;

const split = (cloudShare: number, blendedMonthlyUsd: number, allCloudMonthlyUsd: number): HybridSplit => ({
  baselineGpus: 1,
  meanGpus: 1,
  peakGpus: 2,
  cloudShare,
  depinShare: 1 - cloudShare,
  floorShare: 0,
  floorReason: null,
  blendedMonthlyUsd,
  allCloudMonthlyUsd,
  allDepinMonthlyUsd: null,
  savingsVsAllCloudUsd: allCloudMonthlyUsd - blendedMonthlyUsd,
  savingsVsAllDepinUsd: null,
});

describe('material savings', () => {
  it.each([
    // cloud, decentralized, recommendation — default policy: 5 % and USD 100 a month
    [26_801.39, 26_779.67, 'cloud'], // saves $21.72: 0.1 %, far below both thresholds
    [9.61, 5.12, 'cloud'], // saves 47 % but only $4.49 a month: not worth a second platform
    [2_000, 1_890, 'depin'], // saves $110 = 5.5 %
    [10_000, 9_600, 'cloud'], // saves $400 = 4 %: below the share
    [888, 352.03, 'depin'],
  ])('cloud $%f vs decentralized $%f → %s', (cloud, depin, want) => {
    const d = decide({
      fit: fit('depin-first'),
      cloud: option(cloud),
      depin: option(depin),
      hybrid: null,
      policy,
    });
    expect(d.recommendation).toBe(want);
    if (want === 'cloud') expect(d.rationale).toMatch(/5 % and USD 100 a month/);
  });

  it('the thresholds are the scenario’s: USD 0 and 0 % move any saving', () => {
    const d = decide({
      fit: fit('depin-first'),
      cloud: option(9.61),
      depin: option(5.12),
      hybrid: null,
      policy: { ...policy, minSavingShare: 0, minMonthlySavingUsd: 0 },
    });
    expect(d.recommendation).toBe('depin');
  });
});

describe('honest labels: hybrid only when each side carries at least the documented share', () => {
  it('a split with 0 % on cloud is not a hybrid; with 10 % on each side it is', () => {
    expect(isHybrid(split(0, 100, 200), policy)).toBe(false);
    expect(isHybrid(split(0.05, 100, 200), policy)).toBe(false);
    expect(isHybrid(split(0.95, 100, 200), policy)).toBe(false);
    expect(isHybrid(split(0.1, 100, 200), policy)).toBe(true);
    expect(isHybrid(split(0.9, 100, 200), policy)).toBe(true);
    expect(isHybrid(null, policy)).toBe(false);
  });

  it('decide never recommends a hybrid whose smaller side is below the share (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: null }),
        fc.constantFrom<Approach>('cloud-first', 'hybrid', 'depin-or-hybrid', 'depin-first'),
        (cloudShare, cloudUsd, blendShare, depinUsd, approach) => {
          const s = split(cloudShare, cloudUsd * blendShare, cloudUsd);
          const d = decide({
            fit: fit(approach),
            cloud: option(cloudUsd),
            depin: depinUsd === null ? null : option(depinUsd),
            hybrid: s,
            policy,
          });
          if (d.recommendation === 'hybrid') {
            expect(Math.min(s.cloudShare, s.depinShare)).toBeGreaterThanOrEqual(
              policy.hybridMinShare - 1e-12,
            );
            expect(d.recommendedMonthlyUsd).toBeLessThanOrEqual(cloudUsd);
          }
          if (d.recommendation !== 'cloud') {
            expect(d.monthlySavingsUsd!).toBeGreaterThanOrEqual(
              Math.max(policy.minSavingShare * cloudUsd, policy.minMonthlySavingUsd) - 1e-9,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a traditional-cloud fit names the saving it forgoes', () => {
  const traditional: FitAssessment = {
    ...fit('traditional-cloud'),
    depin: { score: 27.74, level: 'low' },
    reasons: [
      { factor: 'workload-kind', cloud: 10, depin: 0, sentence: '' },
      { factor: 'uptime', cloud: 3.3, depin: -6.5, sentence: '' },
      { factor: 'data-movement', cloud: 3.2, depin: -12.74, sentence: '' },
      { factor: 'cost-sensitivity', cloud: -3, depin: 6, sentence: '' },
      { factor: 'latency', cloud: 2.1, depin: -4.2, sentence: '' },
      { factor: 'interconnect', cloud: 5, depin: -10, sentence: '' },
    ],
  };
  const named = (usd: number, providerName: string): PricedOption =>
    ({ offer: { id: 'o', providerName }, cost: { monthlyUsd: usd } }) as unknown as PricedOption;

  it('keeps the workload on cloud and says what its decentralized option would save, and what weighs against it', () => {
    const d = decide({
      fit: traditional,
      cloud: option(91_673.4),
      depin: named(52_885.2, 'Hyperbolic'),
      hybrid: null,
      policy,
    });
    expect(d.recommendation).toBe('cloud');
    expect(d.rationale).toBe(
      'The fit is traditional cloud (DePIN low, 27.7/100; most against it: data-movement −12.7, interconnect −10, uptime −6.5): DePIN is not a suitable placement for this workload. Its decentralized option, Hyperbolic, would cost $52,885.20 a month, $38,788.20 (42 %) less than cloud: if those reasons do not hold for this workload, a framework override (docs/framework.md) changes the fit, and the recommendation with it.',
    );
  });

  it('says only the verdict when the saving is under the policy’s threshold, or there is no decentralized option', () => {
    const verdict = 'The fit is traditional cloud: DePIN is not a suitable placement for this workload.';
    // $400 = 4 %: under the 5 % share.
    const small = decide({
      fit: traditional,
      cloud: option(10_000),
      depin: named(9_600, 'Vast.ai'),
      hybrid: null,
      policy,
    });
    expect(small.rationale).toBe(verdict);
    const none = decide({ fit: traditional, cloud: option(10_000), depin: null, hybrid: null, policy });
    expect(none.rationale).toBe(verdict);
    const dearer = decide({
      fit: traditional,
      cloud: option(10_000),
      depin: named(12_000, 'Vast.ai'),
      hybrid: null,
      policy,
    });
    expect(dearer.rationale).toBe(verdict);
  });

  it('a hard constraint on DePIN leaves only the verdict: that option is not available at any saving', () => {
    const blocked: FitAssessment = {
      ...traditional,
      constraints: [{ side: 'depin', code: 'regulated', scope: 'all', reason: 'regulated data' }],
    };
    const d = decide({
      fit: blocked,
      cloud: option(10_000),
      depin: named(1_000, 'Vast.ai'),
      hybrid: null,
      policy,
    });
    expect(d.rationale).toBe(
      'The fit is traditional cloud: DePIN is not a suitable placement for this workload.',
    );
  });
});

describe('a workload whose own allowedMarkets leave only decentralized markets', () => {
  it('gets its decentralized option, whatever the fit prefers, with the reason said', () => {
    const d = decide({
      fit: fit('cloud-first'),
      cloud: null,
      depin: option(2_191.44),
      hybrid: null,
      policy,
      cloudExcludedByWorkload: true,
    });
    expect(d.recommendation).toBe('depin');
    expect(d.recommendedMonthlyUsd).toBe(2_191.44);
    expect(d.monthlySavingsUsd).toBeNull();
    expect(d.rationale).toBe(
      "Decentralized: the workload's allowedMarkets leave no cloud market, so its decentralized option is the one placement it allows, though the fit (cloud-first) would prefer cloud.",
    );
  });

  it('without that choice a cloud-first workload with no cloud offer gets its decentralized option, said to be the only priced placement', () => {
    // A 70B int4 model on 2 × RTX 4090: no cloud offer holds it, Vast does at USD 1,154.60; it was "cloud, unpriced"
    // and left out of the plan's totals.
    const d = decide({ fit: fit('cloud-first'), cloud: null, depin: option(1_154.6), hybrid: null, policy });
    expect(d.recommendation).toBe('depin');
    expect(d.recommendedMonthlyUsd).toBe(1_154.6);
    expect(d.monthlySavingsUsd).toBeNull();
    expect(d.rationale).toBe(
      'Decentralized, as the only priced placement: no cloud offer in the catalog is feasible and priced for this workload, though the fit (cloud-first, DePIN high) would prefer cloud. Add a cloud offer that holds it (or relax its constraints) to compare.',
    );
  });

  it('with neither option priced, the workload stays unpriced', () => {
    const d = decide({ fit: fit('cloud-first'), cloud: null, depin: null, hybrid: null, policy });
    expect(d.recommendation).toBe('cloud');
    expect(d.recommendedMonthlyUsd).toBeNull();
  });

  it('a hard constraint on DePIN still wins over the choice: nothing is priced', () => {
    const blocked: FitAssessment = {
      ...fit('traditional-cloud'),
      constraints: [{ side: 'depin', code: 'regulated', scope: 'all', reason: 'regulated data' }],
    };
    const d = decide({
      fit: blocked,
      cloud: null,
      depin: option(100),
      hybrid: null,
      policy,
      cloudExcludedByWorkload: true,
    });
    expect(d.recommendedMonthlyUsd).toBeNull();
  });
});

describe('a fit that accepts decentralized supply only beside cloud says what the whole placement would save', () => {
  const cheapDepin = {
    offer: { id: 'v', providerName: 'Vast.ai' },
    cost: { monthlyUsd: 52_446.55 },
  } as unknown as PricedOption;
  const cloudFirst: FitAssessment = {
    ...fit('cloud-first'),
    depin: { score: 53, level: 'medium' },
    reasons: [
      { factor: 'interconnect', cloud: 5, depin: -10, sentence: '' },
      { factor: 'data-movement', cloud: 5, depin: -10.5, sentence: '' },
    ] as unknown as FitAssessment['reasons'],
  };

  it('cloud first, flat demand: no overflow to move, and the forgone saving said (not "do not save at least 5 %")', () => {
    // A 405B batch job on Nebius H200 at USD 143,894.28 beside Vast H200 at USD 52,446.55.
    const d = decide({ fit: cloudFirst, cloud: option(143_894.28), depin: cheapDepin, hybrid: null, policy });
    expect(d.recommendation).toBe('cloud');
    expect(d.rationale).toBe(
      'Cloud: the fit is cloud-first (DePIN medium, 53/100; most against it: data-movement −10.5, interconnect −10), so decentralized capacity may take only the overflow above the mean load, and this workload has no overflow to move (its demand does not peak above its mean). Its decentralized option, Vast.ai, would carry the whole workload for $52,446.55 a month, $91,447.73 (64 %) less than cloud: if those reasons do not hold for this workload, a framework override (docs/framework.md) changes the fit, and the recommendation with it.',
    );
  });

  it('cloud first, bursty demand whose overflow is dearer on DePIN: says so, not "its demand does not peak above its mean"', () => {
    // An 8B chat API at a peak-to-mean of 4 (p99 500 ms): the mean load's 72.6 % of the GPU-hours stays on cloud,
    // and moving the 27.4 % above it costs more than all-cloud, so the cheapest split moves nothing.
    const none: HybridSplit = { ...split(1, 9_712.01, 9_712.01), floorShare: 0.7256806794950117 };
    const d = decide({
      fit: cloudFirst,
      cloud: option(9_712.01),
      depin: option(6_632.64),
      hybrid: none,
      policy,
    });
    expect(d.recommendation).toBe('cloud');
    expect(d.rationale).not.toContain('does not peak above its mean');
    expect(d.rationale).toContain(
      'and moving its overflow above the mean (27.4 % of the GPU-hours) to decentralized supply costs more than keeping it on cloud.',
    );
  });

  it('a split too small to be a hybrid, or one that does not save enough, is said as such', () => {
    const small = decide({
      fit: cloudFirst,
      cloud: option(10_000),
      depin: option(5_000),
      hybrid: split(0.95, 9_800, 10_000),
      policy,
    });
    expect(small.rationale).toContain(
      'a split would move only 5 % of the GPU-hours, under the 10 % a hybrid needs',
    );
    expect(small.rationale).toContain(
      'would carry the whole workload for $5,000.00 a month, $5,000.00 (50 %) less',
    );
    const hybridFit: FitAssessment = { ...cloudFirst, approach: 'hybrid' };
    const thin = decide({
      fit: hybridFit,
      cloud: option(10_000),
      depin: option(5_000),
      hybrid: split(0.7, 9_800, 10_000),
      policy,
    });
    expect(thin.recommendation).toBe('cloud');
    expect(thin.rationale).toContain(
      'decentralized capacity may take a share of the work beside cloud, not all of it',
    );
    expect(thin.rationale).toContain(
      "a split saves $200.00 a month (2 %), over the bar's USD 100 a month but under its 5 %",
    );
    // Above USD 100 but under 5 %: the share says which half of the bar it misses (a 34B demo's split saved
    // $124.39 of $2,862.70 and read "$124.39 a month, less than 5 % and USD 100 a month").
    const over100 = decide({
      fit: hybridFit,
      cloud: option(2_862.7),
      depin: option(1_884),
      hybrid: split(0.873, 2_738.31, 2_862.7),
      policy,
    });
    expect(over100.rationale).toContain(
      "a split saves $124.39 a month (4.3 %), over the bar's USD 100 a month but under its 5 %",
    );
    // Under both parts: a split that saves USD 20 of USD 1,000.
    const both = decide({
      fit: hybridFit,
      cloud: option(1_000),
      depin: option(500),
      hybrid: split(0.7, 980, 1_000),
      policy,
    });
    expect(both.rationale).toContain(
      "a split saves $20.00 a month (2 %), under both the bar's 5 % and its USD 100 a month",
    );
    // 4.96 % is under the 5 %: it does not read as '5 %, … under its 5 %'.
    const nearly = decide({
      fit: hybridFit,
      cloud: option(10_000),
      depin: option(5_000),
      hybrid: split(0.7, 9_504, 10_000),
      policy,
    });
    expect(nearly.rationale).toContain(
      "a split saves $496.00 a month (4.9 %), over the bar's USD 100 a month but under its 5 %",
    );
    // Said as the difference of the two figures the hybrid section shows, each to the cent: a Flux API's split of
    // USD 729.804 against 736.2149 (6.4109) read "saves $6.41" here beside 729.80 and 736.21 there, 6.41 apart —
    // and 729.7951 against 736.2049 (6.4098, "$6.41" raw) shows 729.80 and 736.20: "$6.40".
    const flux = (blended: number, allCloud: number, depinUsd = 430.85) =>
      decide({
        fit: cloudFirst,
        cloud: option(allCloud),
        depin: option(depinUsd),
        hybrid: split(0.7, blended, allCloud),
        policy,
      }).rationale;
    expect(flux(729.7951, 736.2049)).toContain('a split saves $6.40 a month (0.9 %)');
    expect(flux(729.804, 736.2149)).toContain('a split saves $6.41 a month (0.9 %)');
    // Property: the saving said is always the shown all-cloud month less the shown blended month.
    fc.assert(
      fc.property(
        fc.double({ min: 500, max: 1500, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        (allCloud, saving) => {
          const m = /a split saves \$([\d,]+\.\d\d) a month/.exec(
            flux(allCloud - saving, allCloud, allCloud / 2),
          );
          return (
            m !== null &&
            Math.round(Number(m[1]!.replace(/,/g, '')) * 100) ===
              Math.round((usdCents(allCloud) - usdCents(allCloud - saving)) * 100)
          );
        },
      ),
    );
  });

  it('says the old sentence when the whole placement would not save the threshold either, and the constraint when there is one', () => {
    const close = decide({
      fit: cloudFirst,
      cloud: option(10_000),
      depin: option(9_900),
      hybrid: null,
      policy,
    });
    expect(close.rationale).toBe(
      "Cloud: the decentralized placements the fit accepts do not save at least 5 % and USD 100 a month against cloud, the policy's bar for moving a workload (its hosts, failures and bill to manage, whatever else runs there).",
    );
    // A placement the fit accepts that saves, but too little: how much, so a reader sees how far below the bar
    // (the plan may already run other workloads there, so no "second platform" is claimed).
    const small = decide({
      fit: fit('depin-first'),
      cloud: option(88.8),
      depin: option(38.72),
      hybrid: null,
      policy,
    });
    expect(small.recommendation).toBe('cloud');
    // Which part of the bar it misses: the share clears, the dollars do not (a Vast option saving USD 30.26 at
    // 19.8 % read "do not save at least 5 % and USD 100 a month").
    expect(small.rationale).toContain(
      "against cloud (the best saves $50.08, 56.4 %, over the bar's 5 % but under its USD 100 a month), the policy",
    );
    expect(small.rationale).not.toContain('second platform');
    // Said as the difference of the two figures the report shows to the cent: 144.694 → 144.69 and 83.575 → 83.58
    // (half to even), so 61.11, where the raw 61.119 rounds to 61.12 and read beside the summary's "USD 61.11 less".
    const cents = decide({
      fit: fit('depin-first'),
      cloud: option(144.694),
      depin: option(83.575),
      hybrid: null,
      policy,
    });
    expect(cents.rationale).toContain('(the best saves $61.11, 42.2 %');
    const part: FitAssessment = {
      ...cloudFirst,
      constraints: [{ side: 'depin', code: 'residency', scope: 'part', reason: 'overflow only' }],
    } as unknown as FitAssessment;
    const d = decide({ fit: part, cloud: option(10_000), depin: option(5_000), hybrid: null, policy });
    expect(d.rationale).toBe('Cloud: overflow only');
  });
});

describe('a decentralized placement that costs more than cloud is said to, not as a saving below the bar', () => {
  it('hand-computed: the embedding backfill (fit hybrid, no split) — Nosana USD 276.85 against Nebius USD 168.42 a month', () => {
    const d = decide({
      fit: fit('hybrid'),
      cloud: option(168.42),
      depin: option(276.85),
      hybrid: null,
      policy,
    });
    expect(d.recommendation).toBe('cloud');
    expect(d.rationale).toBe(
      'Cloud: its decentralized option costs more than cloud ($276.85 a month against $168.42).',
    );
  });

  it('names both when a split is priced too, and says "as much as" at the same cent', () => {
    const both = decide({
      fit: fit('depin-or-hybrid'),
      cloud: option(1_000),
      depin: option(1_500),
      hybrid: split(0.5, 1_200, 1_000),
      policy,
    });
    expect(both.rationale).toBe(
      'Cloud: its decentralized option and a cloud-and-decentralized split cost more than cloud ($1,500.00 and $1,200.00 a month against $1,000.00).',
    );
    const same = decide({
      fit: fit('depin-first'),
      cloud: option(500.004),
      depin: option(500.001),
      hybrid: null,
      policy,
    });
    expect(same.rationale).toBe(
      'Cloud: its decentralized option costs as much as cloud ($500.00 a month against $500.00).',
    );
  });

  it('property: a saving short of the bar is said exactly when a placement is cheaper to the cent, and none is claimed otherwise', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Approach>('hybrid', 'cloud-first', 'depin-first', 'depin-or-hybrid'),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (approach, cloud, depin) => {
          const d = decide({
            fit: fit(approach),
            cloud: option(cloud),
            depin: option(depin),
            hybrid: null,
            policy,
          });
          if (d.recommendation !== 'cloud') return;
          const cheaper = usdCents(depin) < usdCents(cloud);
          expect(
            d.rationale.includes('costs more than cloud') || d.rationale.includes('costs as much as cloud'),
          ).toBe(!cheaper);
          if (!cheaper) expect(d.rationale).not.toMatch(/save/);
        },
      ),
    );
  });
});
