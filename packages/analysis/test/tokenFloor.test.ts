import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, type Scenario, type ScenarioInput, validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
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
  it('is held at Vast’s $1.50 from the month the token takes it below, and the risk names the floor and its offer', async () => {
    const w = await sweepsOn([aws, nosana, vast, ...notOutsideOptions]);
    const months = w.projection!.months.map((m) => m.depinUsd!);
    // $1.80 × e^(−1.4 t / 12) < $1.50 ⇔ t > 12 · ln(1.2) / 1.4 = 1.56: month 1 follows the token, months 2 … 11 hold.
    expect(months[1]! / months[0]!).toBeCloseTo(Math.exp(-1.4 / 12), 9);
    for (let t = 2; t < 12; t++) expect(months[t]! / months[0]!).toBeCloseTo(1.5 / 1.8, 9);
    expect(tokenRisk(w)).toBe(
      "The DePIN price is paid in the NOS incentive token, so its USD cost follows that token's market price; see the P10–P90 band. From 2027-03 the NOS price would take it below $1.50/GPU-hour, what the same H100 costs on Vast.ai (vast:h100:us); hosts would move there, so the projection holds it at $1.50/GPU-hour (a floor, not a peg: a rising NOS still passes through).",
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

  it('listed below its outside option, it is held at its own price, never lifted to the floor', async () => {
    const dear = offer({
      id: 'vast:h100:us',
      providerName: 'Vast.ai',
      market: 'marketplace',
      usdPerGpuHour: 2,
    });
    const w = await sweepsOn([aws, nosana, dear]);
    const months = w.projection!.months.map((m) => m.depinUsd!);
    for (const m of months) expect(m).toBe(months[0]);
    expect(tokenRisk(w)).toMatch(
      / It is listed at \$1\.80\/GPU-hour, at or below \$2\.00\/GPU-hour, what the same H100/,
    );
  });

  it('a NOS that rises passes through (a floor, not a peg), and without a NOS model nothing is said of a floor', async () => {
    const rising = await sweepsOn([aws, nosana, vast], {
      tokenPrices: { NOS: { spotUsd: 1, annualDrift: 0.5, annualVolatility: 0.3 } },
    });
    const months = rising.projection!.months.map((m) => m.depinUsd!);
    expect(months[11]! / months[0]!).toBeCloseTo(Math.exp((0.5 * 11) / 12), 9);
    expect(tokenRisk(rising)).toMatch(/Should NOS take it below \$1\.50\/GPU-hour/);
    const unmodelled = await sweepsOn([aws, nosana, vast], {});
    expect(tokenRisk(unmodelled)).toBe(
      "The DePIN price is paid in the NOS incentive token, so its USD cost follows that token's market price; see the P10–P90 band.",
    );
  });
});

describe('scenarioEffects under a token floor', () => {
  it('a subsidy ending on an offer the floor already holds changes nothing, and says why', async () => {
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
    expect(effect.effect).toBe('no-effect');
    expect(effect.message).toBe(
      "Subsidy for nosana ends from 2027-07 (month 7 of the horizon): the chosen nosana offers (sweeps) cost the same to the cent with or without it: priced in NOS, which the scenario takes below their token floor, they are held at Vast.ai's $1.50/GPU-hour for the same H100, which no subsidy moves",
    );
    expect(a.scenarioEffects!.find((e) => e.setting === 'tokenPrices.NOS')!.effect).toBe('changed');
  });
});
