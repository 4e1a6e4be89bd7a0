import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, type Scenario, type ScenarioInput, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, diffAnalyses, type ScenarioRun } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/** Issue 18 item 2: every scenario setting reports what it did to the chosen options, or why it did nothing. */
const tiers = gpuTierTable([gpuTier('A100-80GB'), gpuTier('H100')]);

const offer = (input: Parameters<typeof offerOf>[1]): Offer =>
  offerOf('scenarioEffects test', { gpusPerInstance: 1, ...input });
const aws = offer({ id: 'aws:p5:us-east-1', market: 'hyperscaler', usdPerGpuHour: 6.88, gpusPerInstance: 8 });
const vast = offer({ id: 'vast:h100:us', market: 'marketplace', usdPerGpuHour: 1.5 });
const akash = offer({
  id: 'akash:h100:any',
  market: 'depin',
  usdPerGpuHour: 1.9,
  incentiveSymbol: 'AKT',
  incentiveSubsidyShare: 0.25,
  incentiveDenomination: 'either',
});
const nosana = offer({
  id: 'nosana:h100:any',
  market: 'depin',
  usdPerGpuHour: 1.8,
  incentiveSymbol: 'NOS',
  incentiveSubsidyShare: 0.25,
  incentiveDenomination: 'token',
});

const profile = profileOf;
const workloads = [
  profile({
    id: 'batch',
    kind: 'batch-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 400,
    interruptible: true,
    checkpointable: true,
  }),
  profile({
    id: 'tuning',
    kind: 'fine-tuning',
    gpuType: 'H100',
    gpuHoursPerMonth: 200,
    modelParamsBillions: 1,
  }),
];

function scenario(input: ScenarioInput): Scenario {
  const v = validateScenario({ analysisDate: '2026-12-01', ...input });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}
const baseline: ScenarioRun = { scenario: scenario({}) };
const subsidyEndsMonth6 = { kind: 'step' as const, steps: [{ month: '2027-07', share: 0 }] };
const crash = { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 };

async function run(offers: readonly Offer[], input: ScenarioInput, horizonMonths?: number) {
  return analyze({
    workloads,
    offers,
    tiers,
    scenario: scenario(input),
    monteCarlo: false,
    ...(horizonMonths !== undefined && { horizonMonths }),
    scenarioBaseline: baseline,
  });
}

describe('scenarioEffects', () => {
  it("the issue's case: a subsidy ending and a token crash on networks no chosen offer is on are warnings that say why", async () => {
    const a = await run([aws, vast, akash], {
      subsidies: { akash: subsidyEndsMonth6 },
      tokenPrices: { AKT: crash },
    });
    expect(a.workloads.map((w) => w.decision.depin?.offer.provider)).toEqual(['vast', 'vast']);
    const effects = a.scenarioEffects!;
    expect(effects.map((e) => [e.setting, e.effect])).toEqual([
      ['subsidies.akash', 'no-effect'],
      ['tokenPrices.AKT', 'no-effect'],
    ]);
    expect(effects[0]!.message).toBe(
      'Subsidy for akash ends from 2027-07 (month 7 of the horizon): no chosen offer is on akash (the decentralized options went to vast, which has no subsidy)',
    );
    expect(effects[1]!.message).toMatch(/^AKT price path .*: no chosen offer is priced in AKT$/);
    for (const e of effects) expect(e.workloads).toEqual([]);
  });

  it('a network or token the catalog holds no priced offer of is said as the catalog’s gap, not as an option that lost', async () => {
    // The agents-SaaS review: a board asked about io.net; "Subsidy for ionet ends …: no chosen offer is on ionet (the
    // decentralized options went to vast …)" read as if io.net had been priced and lost, while the catalog has no
    // io.net row. Render's rows have no USD price (per OctaneBench-hour).
    const render = offer({
      id: 'render:tier-2:global',
      market: 'depin',
      usdPerGpuHour: undefined as unknown as number,
      incentiveSymbol: 'RENDER',
      incentiveSubsidyShare: 0.25,
      incentiveDenomination: 'token',
    });
    const a = await run([aws, vast, akash, render], {
      subsidies: { ionet: subsidyEndsMonth6, render: subsidyEndsMonth6, akash: subsidyEndsMonth6 },
      tokenPrices: { IO: crash, RENDER: crash, AKT: crash },
    });
    const message = (setting: string) => a.scenarioEffects!.find((e) => e.setting === setting)!.message;
    expect(message('subsidies.ionet')).toBe(
      'Subsidy for ionet ends from 2027-07 (month 7 of the horizon): the catalog holds no offer on ionet, so no workload can be priced on one',
    );
    expect(message('subsidies.render')).toBe(
      "Subsidy for render ends from 2027-07 (month 7 of the horizon): the catalog's one offer on render carries no USD price, so no workload can be priced on one",
    );
    expect(message('tokenPrices.IO')).toMatch(
      /^IO price path .*: the catalog holds no offer priced in IO, so no workload can be priced on one$/,
    );
    expect(message('tokenPrices.RENDER')).toMatch(
      /: the catalog's one offer priced in RENDER carries no USD price, so no workload can be priced on one$/,
    );
    // A network with a priced offer that no workload chose keeps the reason read from what was chosen.
    expect(message('subsidies.akash')).toMatch(
      /: no chosen offer is on akash \(the decentralized options went to vast/,
    );
    expect(message('tokenPrices.AKT')).toMatch(/: no chosen offer is priced in AKT$/);
  });

  it('a token price path on USD-pegged offers of that token says so', async () => {
    const a = await run([aws, akash], { tokenPrices: { AKT: crash } });
    expect(a.workloads.some((w) => w.decision.depin?.offer.provider === 'akash')).toBe(true);
    expect(a.scenarioEffects![0]!.effect).toBe('no-effect');
    expect(a.scenarioEffects![0]!.message).toMatch(
      /no chosen offer is priced in AKT \(every .* offer chosen is USD-pegged\)$/,
    );
  });

  it('a subsidy ending on a chosen network raises its horizon cost, and names the workloads and the amounts', async () => {
    const a = await run([aws, akash], { subsidies: { akash: subsidyEndsMonth6 } }, 12);
    const effect = a.scenarioEffects!.find((e) => e.setting === 'subsidies.akash')!;
    const onAkash = a.workloads.filter((w) => w.decision.depin?.offer.provider === 'akash').map((w) => w.id);
    expect(effect.effect).toBe('changed');
    expect(effect.workloads.length).toBeGreaterThan(0);
    for (const c of effect.changes) {
      expect(onAkash).toContain(c.workload);
      if (c.what !== 'option') expect(c.horizonUsdAfter).toBeGreaterThanOrEqual(c.horizonUsdBefore);
    }
    expect(effect.message).toMatch(
      /^Subsidy for akash ends from 2027-07 \(month 7 of the horizon\): changes \d+ workloads? — /,
    );
  });

  it('a token crash on token-priced chosen offers lowers their USD horizon cost', async () => {
    const a = await run([aws, nosana], { tokenPrices: { NOS: crash } }, 12);
    const effect = a.scenarioEffects!.find((e) => e.setting === 'tokenPrices.NOS')!;
    expect(effect.effect).toBe('changed');
    const depinChosen = effect.changes.filter((c) => c.optionAfter?.startsWith('decentralized'));
    expect(depinChosen.length).toBeGreaterThan(0);
    for (const c of depinChosen) expect(c.horizonUsdAfter).toBeLessThan(c.horizonUsdBefore);
  });

  it('a token crash on compared offers the plan does not use says so (it claimed they cost the same to the cent)', async () => {
    // A GPU cloud at $1.20 beats Nosana's $1.80: every workload stays on cloud, Nosana is only compared.
    const lambda = offer({ id: 'lambda:h100:us', market: 'gpu-cloud', usdPerGpuHour: 1.2 });
    const a = await run([lambda, nosana], { tokenPrices: { NOS: crash } }, 12);
    expect(a.workloads.every((w) => w.decision.recommendation === 'cloud')).toBe(true);
    expect(a.workloads.some((w) => w.decision.depin?.offer.id === 'nosana:h100:any')).toBe(true);
    const effect = a.scenarioEffects!.find((e) => e.setting === 'tokenPrices.NOS')!;
    expect(effect.effect).toBe('no-effect');
    expect(effect.message).toMatch(
      /: the NOS-priced offers compared \(batch and tuning\) are not in the plan \(those workloads stay on cloud\), so the plan does not move$/,
    );
  });

  it('a horizon setting touches every workload; no setting that differs means no effects', async () => {
    const a = await run([aws, vast], {}, 24);
    expect(a.scenarioEffects).toEqual([
      expect.objectContaining({
        setting: 'horizonMonths',
        effect: 'changed',
        workloads: ['batch', 'tuning'],
      }),
    ]);
    for (const c of a.scenarioEffects![0]!.changes)
      expect(c.horizonUsdAfter).toBeCloseTo(2 * c.horizonUsdBefore, 6);
    expect((await run([aws, vast], {})).scenarioEffects).toEqual([]);
  });

  it('diff names the setting that changed each workload, and says why nothing changed when nothing did', async () => {
    const a = await analyze({
      workloads,
      offers: [aws, vast, akash],
      tiers,
      scenario: scenario({}),
      monteCarlo: false,
    });
    const b = await run([aws, vast, akash], { subsidies: { akash: subsidyEndsMonth6 } });
    const none = diffAnalyses(a, b, b.scenarioEffects);
    expect(none.workloads.every((w) => w.status === 'same')).toBe(true);
    expect(none.explanation[0]).toBe(
      'No workload changed. Each setting B changes, and why it changes nothing:',
    );
    expect(none.explanation[1]).toContain('no chosen offer is on akash');
    const longer = await run([aws, vast, akash], {}, 24);
    const d = diffAnalyses(a, longer, longer.scenarioEffects);
    // Result files carry no measurement of B against A: no cause is claimed.
    expect(diffAnalyses(a, longer).workloads.every((w) => w.causes.length === 0)).toBe(true);
    expect(d.workloads.every((w) => w.status === 'changed' && w.causes[0] === 'Horizon of 24 months')).toBe(
      true,
    );
    expect(d.explanation[0]).toMatch(
      /^No chosen option changed; the cost of the chosen options moved, for 2 workloads:/,
    );
  });

  it('a setting that changed only risk notes is not named as what moved a figure (the NOS crash held at its floor)', async () => {
    const a = await run([aws, vast], {});
    const longer = await run([aws, vast], {}, 24);
    const horizon = longer.scenarioEffects!;
    const notes = (workload: string) => ({
      setting: 'tokenPrices.NOS',
      label: 'NOS price path',
      effect: 'changed' as const,
      workloads: [workload],
      changes: [
        {
          workload,
          what: 'risks' as const,
          optionBefore: 'x',
          optionAfter: 'x',
          monthlyUsdBefore: 1,
          monthlyUsdAfter: 1,
          horizonUsdBefore: 12,
          horizonUsdAfter: 12,
        },
      ],
      message: `NOS price path: changes 1 workload — ${workload}: risk notes only`,
    });
    const d = diffAnalyses(a, longer, [...horizon, notes('batch')]);
    const batch = d.workloads.find((w) => w.id === 'batch')!;
    expect(batch.causes).toEqual(['Horizon of 24 months']);
    expect(batch.riskNoteCauses).toEqual(['NOS price path']);
    expect(d.workloads.find((w) => w.id === 'tuning')!.riskNoteCauses).toEqual([]);
    expect(d.explanation.find((l) => l.startsWith('  batch:'))).toMatch(
      / — by Horizon of 24 months; NOS price path changed its risk notes only$/,
    );
    expect(d.explanation.find((l) => l.startsWith('  tuning:'))).toMatch(/ — by Horizon of 24 months$/);
    // Only risk notes changed anywhere: no figure moved, but the setting did something, and the header says so.
    const same = diffAnalyses(a, a, [notes('batch')]);
    expect(same.workloads.every((w) => w.status === 'same')).toBe(true);
    expect(same.explanation).toEqual([
      "No workload's option or cost changed. Each setting B changes, and what it did:",
      '  NOS price path: changes 1 workload — batch: risk notes only',
    ]);
  });

  it('property: deterministic, and an effect is "changed" exactly when it lists changes, one per workload at most', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: -3, max: 3, noNaN: true }), async (drift) => {
        const input = { tokenPrices: { NOS: { spotUsd: 1, annualDrift: drift, annualVolatility: 0.5 } } };
        const a = await run([aws, nosana], input, 12);
        const again = await run([aws, nosana], input, 12);
        expect(again.scenarioEffects).toEqual(a.scenarioEffects);
        for (const e of a.scenarioEffects!) {
          expect(e.effect === 'changed').toBe(e.changes.length > 0);
          expect(new Set(e.workloads).size).toBe(e.workloads.length);
          for (const c of e.changes) {
            expect(c.horizonUsdBefore).toBeGreaterThanOrEqual(0);
            expect(c.horizonUsdAfter).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('interruptionRateMultipliers', () => {
  it('× 3 on the marketplace raises the cost of the chosen vast options, and diff names the setting', async () => {
    const a = await run([aws, vast], { interruptionRateMultipliers: { marketplace: 3 } });
    const effect = a.scenarioEffects!.find((e) => e.setting === 'interruptionRateMultipliers.marketplace')!;
    expect(effect.label).toBe('Interruption rate of marketplace offers × 3');
    expect(effect.effect).toBe('changed');
    for (const c of effect.changes) {
      expect(c.monthlyUsdAfter!).toBeGreaterThanOrEqual(c.monthlyUsdBefore!);
      expect(c.horizonUsdAfter).toBeGreaterThanOrEqual(c.horizonUsdBefore);
    }
    const base = await run([aws, vast], {});
    const d = diffAnalyses(base, a, a.scenarioEffects);
    const changed = d.workloads.filter((w) => w.status === 'changed');
    expect(changed.length).toBeGreaterThan(0);
    for (const w of changed) expect(w.causes).toContain('Interruption rate of marketplace offers × 3');
  });

  it('on a market no chosen option is on, or on offers never interrupted, it is a warning that says why', async () => {
    const depin = await run([aws, vast], { interruptionRateMultipliers: { depin: 2 } });
    expect(depin.scenarioEffects).toEqual([
      expect.objectContaining({ setting: 'interruptionRateMultipliers.depin', effect: 'no-effect' }),
    ]);
    expect(depin.scenarioEffects![0]!.message).toBe(
      'Interruption rate of depin offers × 2: no chosen option is on a depin offer (the options compared are on hyperscaler and marketplace)',
    );
    const cloud = await run([aws, vast], { interruptionRateMultipliers: { hyperscaler: 4 } });
    expect(cloud.scenarioEffects![0]!.effect).toBe('no-effect');
    expect(cloud.scenarioEffects![0]!.message).toMatch(
      /^Interruption rate of hyperscaler offers × 4: the chosen hyperscaler offers \(batch and tuning\) are never interrupted/,
    );
  });

  it('property: every multiplier 1 is the analysis without the setting, Monte Carlo included (bit-identical)', async () => {
    const offers = [aws, vast, akash, nosana];
    const full = (input: ScenarioInput) =>
      analyze({ workloads, offers, tiers, scenario: scenario({ monteCarlo: { trials: 200 }, ...input }) });
    const plain = await full({});
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['hyperscaler', 'gpu-cloud', 'marketplace', 'depin'] as const),
        async (markets) => {
          const ones = await full({
            interruptionRateMultipliers: Object.fromEntries(markets.map((m) => [m, 1])),
          });
          expect(ones.workloads).toEqual(plain.workloads);
          expect(ones.totals).toEqual(plain.totals);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("property: a decentralized option's monthly and horizon cost never falls as its market's multiplier rises", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        async (k1, k2) => {
          const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
          const at = (k: number) =>
            analyze({
              workloads,
              offers: [aws, akash],
              tiers,
              scenario: scenario({ interruptionRateMultipliers: { depin: k } }),
              monteCarlo: false,
            });
          const [a, b] = [await at(lo), await at(hi)];
          a.workloads.forEach((w, i) => {
            const before = w.decision.depin?.cost.monthlyUsd ?? Number.POSITIVE_INFINITY;
            const after = b.workloads[i]!.decision.depin?.cost.monthlyUsd ?? Number.POSITIVE_INFINITY;
            expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-12));
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Monte Carlo settings', () => {
  // A CFO's all-cloud plan (2026-12-05): growth.json's demandVolatility 0.2 and trials 20000 were warned "no effect:
  // no workload has a Monte Carlo distribution" while the report's own P10–P90 of the plan, from the joint
  // simulation of every workload, widened from ±6.9 % to ±13.4 % and said "in 20,000 seeded trials".
  const mc = (input: ScenarioInput) =>
    analyze({ workloads, offers: [aws], tiers, scenario: scenario(input), scenarioBaseline: baseline });

  it("on an all-cloud plan, trials, seed and demand volatility move the plan's bands and say so; the DePIN price spread does not", async () => {
    const input = { monteCarlo: { trials: 300, seed: 9, demandVolatility: 0.3, depinPriceSpread: 0.5 } };
    const a = await mc(input);
    expect(
      a.workloads.every((w) => w.decision.depin === null || w.decision.depin.cost.monthlyUsd === null),
    ).toBe(true);
    expect(a.totals.distribution).toBeDefined();
    const by = new Map(a.scenarioEffects!.map((e) => [e.setting, e]));
    for (const key of ['monteCarlo.trials', 'monteCarlo.seed', 'monteCarlo.demandVolatility']) {
      expect(by.get(key)?.effect).toBe('changed');
      expect(by.get(key)?.message).toMatch(
        /: moves the P10\/P50\/P90 bands of the whole plan \(every workload simulated together\); no chosen option or expected cost depends on it$/,
      );
    }
    expect(by.get('monteCarlo.depinPriceSpread')?.effect).toBe('no-effect');
    expect(by.get('monteCarlo.depinPriceSpread')?.message).toMatch(
      /no workload has a priced decentralized option/,
    );
    // What the message claims: the plan's band is wider at the higher volatility.
    const calm = await mc({ monteCarlo: { trials: 300, seed: 9 } });
    const width = (x: typeof a) =>
      x.totals.distribution!.recommended.horizon.p90 - x.totals.distribution!.recommended.horizon.p10;
    expect(width(a)).toBeGreaterThan(width(calm));
  });

  it('with a decentralized option, the plan and the workloads that have their own distributions are both named', async () => {
    const a = await analyze({
      workloads,
      offers: [aws, vast],
      tiers,
      scenario: scenario({ monteCarlo: { trials: 300, depinPriceSpread: 0.5 } }),
      scenarioBaseline: baseline,
    });
    const e = a.scenarioEffects!.find((x) => x.setting === 'monteCarlo.depinPriceSpread')!;
    expect(e.effect).toBe('changed');
    expect(e.workloads.length).toBeGreaterThan(0);
    expect(e.message).toMatch(
      /bands of the whole plan \(every workload simulated together\) and of \d+ workloads? \(/,
    );
  });

  it('property: a Monte Carlo setting is "changed" whenever the analysis has the plan\'s joint simulation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        async (demandVolatility, seed) => {
          const a = await mc({ monteCarlo: { trials: 100, seed, demandVolatility } });
          for (const e of a.scenarioEffects!.filter((x) => x.setting.startsWith('monteCarlo.')))
            expect(e.effect).toBe(a.totals.distribution === undefined ? 'no-effect' : 'changed');
        },
      ),
      { numRuns: 10 },
    );
  });
});
