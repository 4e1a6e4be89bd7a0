import { estimateCost, gpuTierTable } from '@gpufit/pricing';
import {
  type Offer,
  type Scenario,
  type ScenarioInput,
  validateScenario,
  type WorkloadProfile,
} from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { createWorkloadAnalyzer } from '../src/analyzeWorkload.js';
import { bestOffers, type SideBest } from '../src/bestOffers.js';
import { analyze } from '../src/index.js';
import { sidesOfMarkets } from '../src/sides.js';
import { tokenFloors } from '../src/tokenFloors.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A token-denominated price under its hosts' outside option (tokenFloors.ts, pricing's incentives/tokenFloor.ts):
 * the cheapest USD-priced marketplace listing of the same GPU holds it when the incentive token falls.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB'), gpuTier('H100')]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer =>
  offerOf('tokenFloor test', { gpusPerInstance: 1, ...input });

const aws = offer({ id: 'aws:p5:us-east-1', market: 'hyperscaler', usdPerGpuHour: 6.88, gpusPerInstance: 8 });
// No egress charge: every USD of its month is GPU time, which the token moves.
const nosana = offer({
  id: 'nosana:h100:global',
  market: 'depin',
  region: 'global',
  egressUsdPerGiB: 0,
  usdPerGpuHour: 1.8,
  incentiveSymbol: 'NOS',
  incentiveSubsidyShare: 0.25,
  incentiveDenomination: 'token',
});
const vast = offer({
  id: 'vast:h100:us',
  providerName: 'Vast.ai',
  market: 'marketplace',
  usdPerGpuHour: 1.5,
});
/** Cheaper, but none is a host's outside option for an on-demand token-priced H100. */
const notOutsideOptions = [
  offer({ id: 'vast:h100:us:spot', market: 'marketplace', pricingCategory: 'Dynamic', usdPerGpuHour: 0.9 }),
  offer({
    id: 'vast:h100:us:1mo',
    market: 'marketplace',
    pricingCategory: 'Committed',
    termMonths: 1,
    usdPerGpuHour: 1,
  }),
  offer({ id: 'lambda:h100:us', market: 'gpu-cloud', usdPerGpuHour: 1.1 }),
  offer({
    id: 'render:h100:any',
    market: 'depin',
    usdPerGpuHour: 0.5,
    incentiveSymbol: 'RENDER',
    incentiveDenomination: 'token',
  }),
  offer({
    id: 'akash:h100:any',
    market: 'depin',
    usdPerGpuHour: 1.2,
    incentiveSymbol: 'AKT',
    incentiveSubsidyShare: 0.25,
    incentiveDenomination: 'either',
  }),
];

describe('tokenFloors (the hosts’ outside option in a catalog)', () => {
  it('is the cheapest USD-priced marketplace or DePIN listing of the same GPU and interruptibility, with its offer', () => {
    const floorOf = tokenFloors([aws, nosana, vast, ...notOutsideOptions]);
    expect(floorOf(nosana)).toEqual({
      usdPerGpuHour: 1.5,
      offerId: 'vast:h100:us',
      providerName: 'Vast.ai',
      gpu: 'H100',
    });
    // An interruptible token-priced offer's outside option is an interruptible listing.
    const spotNosana = offer({ ...nosanaInput(), id: 'nosana:h100:spot', pricingCategory: 'Dynamic' });
    expect(floorOf(spotNosana)?.offerId).toBe('vast:h100:us:spot');
    // Only token-denominated offers get one.
    expect(floorOf(vast)).toBeNull();
    expect(floorOf(notOutsideOptions[4]!)).toBeNull();
  });

  it('an offer without a USD twin of its GPU keeps no floor (none is invented)', () => {
    const floorOf = tokenFloors([aws, nosana, ...notOutsideOptions]);
    expect(floorOf(nosana)).toBeNull();
    const rtx = offer({ ...nosanaInput(), id: 'nosana:4090', gpu: 'RTX4090', gpuMemoryGiB: 24 });
    expect(tokenFloors([aws, nosana, vast, rtx])(rtx)).toBeNull();
  });
});

function nosanaInput() {
  return {
    id: nosana.id,
    market: 'depin' as const,
    region: 'global',
    egressUsdPerGiB: 0,
    usdPerGpuHour: 1.8,
    incentiveSymbol: 'NOS',
    incentiveSubsidyShare: 0.25,
    incentiveDenomination: 'token' as const,
  };
}

function scenario(input: ScenarioInput): Scenario {
  const v = validateScenario({ analysisDate: '2026-12-01', ...input });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}
/** The token loses three quarters of its value a year (datasets/scenarios/token-crash.json). */
const crash = { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 };
// Sweeps of 1B models that shun every other provider of the catalog: Vast's hosts can still list there, so Vast's
// price holds Nosana's.
const sweeps = profileOf({
  id: 'sweeps',
  kind: 'experimentation',
  gpuType: 'H100',
  modelParamsBillions: 1,
  gpuHoursPerMonth: 400,
  interruptible: true,
  checkpointable: true,
  excludedProviders: ['vast', 'lambda', 'render', 'akash'],
});

async function sweepsOn(offers: readonly Offer[], input: ScenarioInput = { tokenPrices: { NOS: crash } }) {
  const a = await analyze({
    workloads: [sweeps],
    offers,
    tiers,
    scenario: scenario({ startMonth: '2027-01', horizonMonths: 12, ...input }),
    monteCarlo: false,
  });
  const w = a.workloads[0]!;
  expect(w.decision.depin?.offer.id).toBe('nosana:h100:global');
  expect(w.decision.recommendation).toBe('depin');
  return w;
}

const tokenRisk = (w: Awaited<ReturnType<typeof sweepsOn>>) =>
  w.decision.risks.find((r) => r.startsWith('The DePIN price is paid in the NOS'))!;

describe('analyze: a Nosana H100 under a NOS crash', () => {
  it('is held where its hosts earn Vast’s $1.50 (price plus NOS emissions) from the month the token takes them below, and the risk names the floor and its offer', async () => {
    const w = await sweepsOn([aws, nosana, vast, ...notOutsideOptions]);
    const months = w.projection!.months.map((m) => m.depinUsd!);
    // $1.80 with 25 % emissions in it: its hosts earn R · ($1.80 + $0.60). R · $2.40 < $1.50 ⇔ R < 0.625 ⇔
    // t > 12 · ln(1.6) / 1.4 = 4.03: months 1–4 follow the token, months 5–11 bill $1.50 − R · $0.60.
    const R = (t: number) => Math.exp((-1.4 * t) / 12);
    for (let t = 1; t < 5; t++) expect(months[t]! / months[0]!).toBeCloseTo(R(t), 9);
    for (let t = 5; t < 12; t++) expect(months[t]! / months[0]!).toBeCloseTo((1.5 - 0.6 * R(t)) / 1.8, 9);
    // Month 11: $1.50 − 0.2771 × $0.60 = $1.3337 a GPU-hour, where the rule before emissions held $1.50.
    expect((1.8 * months[11]!) / months[0]!).toBeCloseTo(1.3337, 4);
    expect(tokenRisk(w)).toBe(
      "The DePIN price is paid in the NOS incentive token, so its USD cost follows that token's market price; see the P10–P90 band. From 2027-06 the NOS price would take its hosts' income (its price plus NOS emissions, $2.40/GPU-hour today) below $1.50/GPU-hour, what the same H100 costs on Vast.ai (vast:h100:us); hosts would move there, so the projection raises its price to what keeps them at $1.50/GPU-hour (a floor, not a peg: a rising NOS still passes through).",
    );
  });

  it('without a USD twin of its GPU it follows the token all the way down, and the risk says no floor is assumed', async () => {
    const w = await sweepsOn([aws, nosana, ...notOutsideOptions]);
    const months = w.projection!.months.map((m) => m.depinUsd!);
    expect(months[11]! / months[0]!).toBeCloseTo(Math.exp((-1.4 * 11) / 12), 9);
    expect(tokenRisk(w)).toMatch(
      / The catalog lists no USD-priced marketplace offer of the same H100 to hold it, so no floor is assumed: the projection follows NOS all the way down\.$/,
    );
  });

  it('hosts already earning below their outside option: month 0 bills the list, and a falling token lifts the price only as far as keeps their income', async () => {
    const dear = offer({
      id: 'vast:h100:us',
      providerName: 'Vast.ai',
      market: 'marketplace',
      usdPerGpuHour: 2.5,
    });
    const w = await sweepsOn([aws, nosana, dear]);
    const months = w.projection!.months.map((m) => m.depinUsd!);
    // Its hosts earn $2.40 < $2.50 at today's NOS: f′ = $2.40, so it bills max(R · $1.80, $2.40 − R · $0.60).
    for (let t = 0; t < 12; t++) {
      const r = Math.exp((-1.4 * t) / 12);
      expect(months[t]! / months[0]!).toBeCloseTo((2.4 - 0.6 * r) / 1.8, 9);
    }
    expect(tokenRisk(w)).toMatch(
      / It is listed at \$1\.80\/GPU-hour and its hosts' income \(its price plus NOS emissions, \$2\.40\/GPU-hour today\) is at or below \$2\.50\/GPU-hour, what the same H100/,
    );
    // Without emissions: listed below its outside option, held at its own price, never lifted to the floor.
    const plain = offer({ ...nosanaInput(), incentiveSubsidyShare: 0 });
    const twoDollars = offer({
      id: 'vast:h100:us',
      providerName: 'Vast.ai',
      market: 'marketplace',
      usdPerGpuHour: 2,
    });
    const v = await sweepsOn([aws, plain, twoDollars]);
    const held = v.projection!.months.map((m) => m.depinUsd!);
    for (const m of held) expect(m).toBe(held[0]);
    expect(tokenRisk(v)).toMatch(
      / It is listed at \$1\.80\/GPU-hour, at or below \$2\.00\/GPU-hour, what the same H100/,
    );
  });

  it('a NOS that rises passes through (a floor, not a peg), and without a NOS model nothing is said of a floor', async () => {
    const rising = await sweepsOn([aws, nosana, vast], {
      tokenPrices: { NOS: { spotUsd: 1, annualDrift: 0.5, annualVolatility: 0.3 } },
    });
    const months = rising.projection!.months.map((m) => m.depinUsd!);
    expect(months[11]! / months[0]!).toBeCloseTo(Math.exp((0.5 * 11) / 12), 9);
    expect(tokenRisk(rising)).toMatch(
      /Should NOS take its hosts' income \(its price plus NOS emissions, \$2\.40\/GPU-hour today\) below \$1\.50\/GPU-hour/,
    );
    // Without a NOS model the list price stands and no band holds the token's moves: the risk says so (it had
    // pointed at "the P10–P90 band", which then carries no token term).
    const unmodelled = await sweepsOn([aws, nosana, vast], {});
    expect(tokenRisk(unmodelled)).toBe(
      "The DePIN price is paid in the NOS incentive token, so its USD cost follows that token's market price; this scenario has no price model for NOS, so the USD list price is used as is and no P10–P90 band here carries the token's moves: add tokenPrices.NOS to a scenario (datasets/scenarios/token-crash.json has one) to see them.",
    );
    expect(
      unmodelled.projection!.months.every((m) => m.depinUsd === unmodelled.projection!.months[0]!.depinUsd),
    ).toBe(true);
  });
});

describe('scenarioEffects under a token floor', () => {
  it('a subsidy ending on an offer the floor holds still moves it: the emissions were part of its hosts’ income', async () => {
    const offers = [aws, nosana, vast];
    const a = await analyze({
      workloads: [sweeps],
      offers,
      tiers,
      scenario: scenario({
        startMonth: '2027-01',
        horizonMonths: 12,
        subsidies: { nosana: { kind: 'step', steps: [{ month: '2027-07', share: 0 }] } },
        tokenPrices: { NOS: crash },
      }),
      monteCarlo: false,
      scenarioBaseline: { scenario: scenario({ startMonth: '2027-01', horizonMonths: 12 }) },
    });
    const effect = a.scenarioEffects!.find((e) => e.setting === 'subsidies.nosana')!;
    // Held from 2027-06 at $1.50 − R · $0.60 while the emissions last; from 2027-07 at $1.50: the tenant pays
    // what the emissions paid.
    expect(effect.effect).toBe('changed');
    expect(effect.workloads).toEqual(['sweeps']);
    expect(a.scenarioEffects!.find((e) => e.setting === 'tokenPrices.NOS')!.effect).toBe('changed');
  });
});

describe('the token-floor risk speaks only of a floor the projection applied', () => {
  it('an option whose estimate bills no GPU-hour price takes no floor, and the risk does not claim Vast’s holds it', async () => {
    const s = scenario({ startMonth: '2027-01', horizonMonths: 12, tokenPrices: { NOS: crash } });
    const offers = [aws, nosana, vast, ...notOutsideOptions];
    const estimate = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, { tiers, scenario: s });
    // The caller's search prices the Nosana option without a unit price on its GPU-time line (withTokenFloor needs
    // one to compare the floor against): its basis takes no floor.
    const unitless = (side: SideBest | null): SideBest | null =>
      side === null
        ? null
        : {
            ...side,
            estimate: {
              ...side.estimate,
              components: side.estimate.components.map((c) =>
                c.name === 'gpu-time' ? { ...c, unitPriceUsd: 0 } : c,
              ),
            },
          };
    const findBest = (p: WorkloadProfile) => {
      const best = bestOffers(p, offers, estimate, sidesOfMarkets(s.decision.decentralizedMarkets));
      return { ...best, depin: unitless(best.depin) };
    };
    const w = (
      await createWorkloadAnalyzer({ offers, tiers, scenario: s, findBest, monteCarlo: false })(sweeps)
    ).workload;
    expect(w.decision.depin?.offer.id).toBe('nosana:h100:global');
    const months = w.projection!.months.map((m) => m.depinUsd!);
    // No floor applied: month 11 follows NOS down, R(11) = e^(−1.4 · 11/12).
    expect(months[11]! / months[0]!).toBeCloseTo(Math.exp((-1.4 * 11) / 12), 9);
    const risk = w.decision.risks.find((r) => r.startsWith('The DePIN price is paid in the NOS'))!;
    expect(risk).not.toMatch(/hosts would move there|holds it at|raises its price/);
    expect(risk).toMatch(
      / Its estimate bills no price per GPU-hour to hold against what the same H100 costs on Vast\.ai \(vast:h100:us\), so no floor is applied: the projection follows NOS all the way down\.$/,
    );
  });
});
