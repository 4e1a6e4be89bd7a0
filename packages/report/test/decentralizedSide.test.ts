import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/document/blocks.js';
import { decentralizedSide, forgoneOptions } from '../src/document/decentralizedSide.js';
import type { PresentedAnalysis } from '../src/present/presentAnalysis.js';

/** A workload as the paragraph reads it. */
interface W {
  readonly name: string;
  readonly recommendation: 'cloud' | 'depin' | 'hybrid';
  readonly approach: string;
  readonly recommendedUsd: number;
  /** The decentralized option: provider, market and monthly USD; absent: none. */
  readonly depin?: readonly [provider: string, market: 'depin' | 'marketplace', usd: number];
  readonly depinConstraint?: boolean;
  readonly depinLevel?: 'high' | 'medium' | 'low';
}

const POLICY = { minSavingShare: 0.05, minMonthlySavingUsd: 100, hybridMinShare: 0.1 };

function presented(workloads: readonly W[]): PresentedAnalysis {
  return {
    roundingMode: 'halfEven',
    analysis: { policy: POLICY },
    workloads: workloads.map((w, i) => ({
      index: i + 1,
      recommendedCents: Math.round(w.recommendedUsd * 100),
      depin:
        w.depin === undefined
          ? null
          : {
              status: 'priced',
              monthlyCents: Math.round(w.depin[2] * 100),
              offer: { providerName: w.depin[0], market: w.depin[1] },
            },
      workload: {
        name: w.name,
        fit: {
          depin: { level: w.depinLevel ?? 'medium' },
          constraints: w.depinConstraint ? [{ side: 'depin', scope: 'part', reason: 'x' }] : [],
        },
        decision: {
          recommendation: w.recommendation,
          approach: w.approach,
          // The priced options the decision compared: cloud at the recommended cost when cloud is recommended.
          cloud: w.recommendation === 'cloud' ? { cost: { monthlyUsd: w.recommendedUsd } } : null,
          depin: w.depin === undefined ? null : { cost: { monthlyUsd: w.depin[2] } },
        },
      },
    })),
  } as unknown as PresentedAnalysis;
}

const text = (blocks: readonly Block[]): string =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.content.map((s) => s.text).join('') : '')).join('\n');

describe('the summary’s decentralized side: where the options are, and what the plan leaves', () => {
  it('names each provider as what it is, says how many the plan places there, and what it forgoes and why', () => {
    // The reviewer's consumer app: every decentralized option on marketplaces, none taken, and the summary said
    // only "saves USD 0.00".
    const out = text(
      decentralizedSide(
        presented([
          {
            name: 'chat',
            recommendation: 'cloud',
            approach: 'traditional-cloud',
            recommendedUsd: 11_800.75,
            depin: ['Hyperbolic', 'marketplace', 8_355.61],
            depinLevel: 'low',
          },
          {
            name: 'whisper',
            recommendation: 'cloud',
            approach: 'depin-or-hybrid',
            recommendedUsd: 200,
            depin: ['Vast.ai', 'marketplace', 188.64],
          },
          {
            name: 'images',
            recommendation: 'cloud',
            approach: 'cloud-first',
            recommendedUsd: 1_000,
            depin: ['Vast.ai', 'marketplace', 900],
          },
          {
            name: 'pretrain',
            recommendation: 'cloud',
            approach: 'traditional-cloud',
            recommendedUsd: 40_000,
          },
        ]),
      ),
    );
    expect(out).toContain(
      'the decentralized options found are on Vast.ai (marketplace, 2 workloads) and Hyperbolic (marketplace, 1 workload); the plan places no workload there.',
    );
    expect(out).toContain(
      "Cheaper decentralized options the plan does not take, USD 3,556.50 a month in all: chat on Hyperbolic, USD 3,445.14 less (the fit rules DePIN out, its DePIN fit low); images on Vast.ai, USD 100.00 less (the fit takes DePIN only as a hybrid split); whisper on Vast.ai, USD 11.36 less (5.7 %, over the bar's 5 % but under its USD 100 a month).",
    );
  });

  it('says when every decentralized placement is on one provider, and not when they are spread', () => {
    const two = (second: string) =>
      text(
        decentralizedSide(
          presented([
            {
              name: 'a',
              recommendation: 'depin',
              approach: 'depin-first',
              recommendedUsd: 100,
              depin: ['Nosana', 'depin', 100],
            },
            {
              name: 'b',
              recommendation: 'hybrid',
              approach: 'hybrid',
              recommendedUsd: 300,
              depin: [second, 'depin', 350],
            },
          ]),
        ),
      );
    expect(two('Nosana')).toContain(
      'the plan places 2 workloads there, in whole or in part (Nosana). Both are on Nosana: one provider’s',
    );
    expect(two('Spheron')).toContain('(Nosana and Spheron).');
    expect(two('Spheron')).not.toContain('Both are on');
    expect(two('Spheron')).toContain('No decentralized option costs less than what the plan recommends.');
  });

  it('a requirement that keeps the workload off DePIN is its reason, before the bar', () => {
    const [f] = forgoneOptions(
      presented([
        {
          name: 'x',
          recommendation: 'cloud',
          approach: 'depin-first',
          recommendedUsd: 1_000,
          depin: ['Vast.ai', 'marketplace', 100],
          depinConstraint: true,
        },
      ]),
    );
    expect(f!.why).toBe('a requirement keeps it off DePIN');
  });

  it('the bar reads as the policy sets it, thousands grouped', () => {
    const p = presented([
      {
        name: 'x',
        recommendation: 'cloud',
        approach: 'depin-first',
        recommendedUsd: 900,
        depin: ['V', 'marketplace', 10],
      },
    ]);
    const withBar = {
      ...p,
      analysis: { policy: { ...POLICY, minMonthlySavingUsd: 1000 } },
    } as PresentedAnalysis;
    expect(forgoneOptions(withBar)[0]!.why).toBe(
      "98.9 %, over the bar's 5 % but under its USD 1,000 a month",
    );
  });

  it.each([
    // The reviewer's case: USD 30.26 at 19.8 % misses only the dollars.
    [152.83, 122.57, "19.8 %, over the bar's 5 % but under its USD 100 a month"],
    [10_000, 9_800, "2 %, over the bar's USD 100 a month but under its 5 %"],
    [1_000, 960, "4 %, under both the bar's 5 % and its USD 100 a month"],
    // 4.96 % is under the 5 %: it does not read as 5 %.
    [10_000, 9_504, "4.9 %, over the bar's USD 100 a month but under its 5 %"],
  ])('says which part of the bar a saving misses: cloud %d, decentralized %d', (cloud, depin, why) => {
    const [f] = forgoneOptions(
      presented([
        {
          name: 'x',
          recommendation: 'cloud',
          approach: 'depin-first',
          recommendedUsd: cloud,
          depin: ['Vast.ai', 'marketplace', depin],
        },
      ]),
    );
    expect(f!.why).toBe(why);
  });

  it.each(['hybrid', 'cloud-first'])(
    'a %s fit whose decentralized saving misses the bar is kept by the bar, not by the split',
    (approach) => {
      // The agents-SaaS review: a hybrid-fit nightly eval, Nebius USD 251.24 against Vast USD 188.54 (USD 62.70 less),
      // read "the fit takes DePIN only as a hybrid split" while its section said it missed the USD 100 bar — and the
      // hybrid-fit synthetic-data batch beside it, which cleared the bar, went to Vast whole.
      const [f] = forgoneOptions(
        presented([
          {
            name: 'evals',
            recommendation: 'cloud',
            approach,
            recommendedUsd: 251.24,
            depin: ['Vast.ai', 'marketplace', 188.54],
          },
        ]),
      );
      expect(f!.why).toBe("25 %, over the bar's 5 % but under its USD 100 a month");
    },
  );

  it('property: a cloud-kept saving under the bar is said as the bar whatever the fit accepts, and a split-only fit is named only above it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('cloud-first', 'hybrid', 'depin-or-hybrid', 'depin-first'),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (approach, cloudCents, lessCents) => {
          fc.pre(lessCents < cloudCents);
          const cloud = cloudCents / 100;
          const depin = (cloudCents - lessCents) / 100;
          const [f] = forgoneOptions(
            presented([
              {
                name: 'x',
                recommendation: 'cloud',
                approach,
                recommendedUsd: cloud,
                depin: ['V', 'depin', depin],
              },
            ]),
          );
          const saving = cloud - depin;
          const missesBar =
            saving < POLICY.minSavingShare * cloud - 1e-9 || saving < POLICY.minMonthlySavingUsd - 1e-9;
          if (missesBar) expect(f!.why).toMatch(/under (its|both)/);
          else expect(f!.why).not.toMatch(/under (its|both)/);
          const splitOnly = approach === 'cloud-first' || approach === 'hybrid';
          expect(f!.why.includes('hybrid split')).toBe(splitOnly && !missesBar);
        },
      ),
    );
  });

  it('nothing when no workload has a decentralized option', () => {
    expect(
      decentralizedSide(
        presented([{ name: 'a', recommendation: 'cloud', approach: 'hybrid', recommendedUsd: 5 }]),
      ),
    ).toEqual([]);
  });

  it('property: the forgone options are exactly the priced ones cheaper than a non-decentralized recommendation, their sum the sentence’s total', () => {
    const workload = fc.record({
      recommendation: fc.constantFrom('cloud', 'depin', 'hybrid'),
      approach: fc.constantFrom(
        'traditional-cloud',
        'cloud-first',
        'hybrid',
        'depin-or-hybrid',
        'depin-first',
      ),
      recommendedUsd: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
      depinUsd: fc.option(fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100)),
    });
    fc.assert(
      fc.property(fc.array(workload, { maxLength: 8 }), (rows) => {
        const p = presented(
          rows.map((r, i) => ({
            name: `w${i}`,
            recommendation: r.recommendation as W['recommendation'],
            approach: r.approach,
            recommendedUsd: r.recommendedUsd,
            ...(r.depinUsd !== null && { depin: ['P', 'depin', r.depinUsd] as const }),
          })),
        );
        const forgone = forgoneOptions(p);
        const expected = rows.filter(
          (r) => r.recommendation !== 'depin' && r.depinUsd !== null && r.depinUsd < r.recommendedUsd,
        );
        expect(forgone.length).toBe(expected.length);
        for (const f of forgone) expect(f.lessCents).toBeGreaterThan(0);
        const out = text(decentralizedSide(p));
        if (rows.every((r) => r.depinUsd === null)) expect(out).toBe('');
        else if (forgone.length > 0) {
          const total = forgone.reduce((a, f) => a + f.lessCents, 0);
          const usdText = (total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
          expect(out).toContain(`USD ${usdText} a month in all`);
        }
      }),
    );
  });
});

describe('the summary’s decentralized side: the networks the catalog cannot price', () => {
  const withNetworks = (un: readonly unknown[] | undefined): PresentedAnalysis => {
    const p = presented([
      {
        name: 'SDXL',
        recommendation: 'depin',
        approach: 'depin-first',
        recommendedUsd: 715.76,
        depin: ['Nosana', 'depin', 715.76],
      },
    ]);
    return {
      ...p,
      analysis: { ...p.analysis, ...(un !== undefined && { catalog: { unpricedNetworks: un } }) },
    } as unknown as PresentedAnalysis;
  };

  it('a web3 founder on io.net and Render hears that neither was compared, and why', () => {
    // The bundled catalog: no io.net offer, and Render's two rows priced per OctaneBench-hour (no USD price).
    const s = text(
      decentralizedSide(
        withNetworks([
          { provider: 'ionet', name: 'io.net', offers: 0, reason: 'no-offer' },
          { provider: 'render', name: 'Render Network', offers: 2, reason: 'no-usd-price' },
        ]),
      ),
    );
    expect(s).toContain(
      ' Not compared: io.net and Render Network — the catalog holds no io.net offer and Render Network’s 2 offers carry no USD price; import a priced offer to compare them (datasets/README.md).',
    );
    expect(s.startsWith('Decentralized side: the decentralized options found are on Nosana')).toBe(true);
  });

  it('one network with one offer reads in the singular', () => {
    const s = text(
      decentralizedSide(
        withNetworks([{ provider: 'render', name: 'Render Network', offers: 1, reason: 'no-usd-price' }]),
      ),
    );
    expect(s).toContain(
      ' Not compared: Render Network — Render Network’s one offer carries no USD price; import a priced offer to compare it (datasets/README.md).',
    );
  });

  it('nothing said when every network is priced, or the analysis does not say', () => {
    expect(text(decentralizedSide(withNetworks([])))).not.toContain('Not compared');
    expect(text(decentralizedSide(withNetworks(undefined)))).not.toContain('Not compared');
  });
});
