/**
 * docs/projection-and-uncertainty.md quotes a worked example, each number marked "(✓ name)" after it in bold.
 * This test recomputes each one with the code (test/support/projectionExample.ts) and checks the page shows it
 * to the digits it prints, so the page and the code cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costBasis, estimateCost, spendPath, withDemandPath } from '../src/index.js';
import { offer, profile, scenario } from './support/builders.js';
import { computeExample } from './support/projectionExample.js';
import { TEST_TIERS } from './support/tiers.js';

const x = computeExample();
const months = x.projection.months;
const found = (variable: string) => x.breakEvens.find((b) => b.variable === variable)?.value ?? Number.NaN;
const impact = (input: string) => x.tornado.rows.find((r) => r.input === input)?.impactUsd ?? Number.NaN;

// §1's growth example: a small service on one always-up 1-GPU instance at $2, 5 % growth, month 24.
const growth = (() => {
  const p = profile({ id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 60 });
  const o = offer({ gpusPerInstance: 1, availability: 1 });
  const r = costBasis(estimateCost(p, o, { tiers: TEST_TIERS }), o);
  if (!r.ok) throw new Error(r.reason);
  const s = scenario({ demandGrowthMonthly: 0.05, horizonMonths: 24 });
  return {
    linear: spendPath(r.value, s).expectedUsd[23]!,
    priced: spendPath(withDemandPath(r.value, p, o, { tiers: TEST_TIERS }, 0.05, 24), s).expectedUsd[23]!,
  };
})();

// §2's incentive-token floor: Nosana's premium RTX 4090 ($0.31999, 25 % emissions ending 2027-07) under SaladCloud's
// $0.30 and datasets/scenarios/token-crash.json's NOS path.
const floor = (() => {
  const list = 0.31999;
  const gross = list / 0.75;
  const s = scenario({
    startMonth: '2027-01',
    horizonMonths: 24,
    subsidyPassThrough: 1,
    subsidies: { nosana: { kind: 'step', steps: [{ month: '2027-07', share: 0 }] } },
    tokenPrices: { NOS: { spotUsd: 1, annualDrift: -1.4, annualVolatility: 1.2 } },
  });
  const nosana = {
    offerId: 'nosana:nvidia-4090-market-premium:global:standard',
    provider: 'nosana',
    market: 'depin' as const,
    computeUsdPerMonth: gross,
    interruptionUsdPerMonth: 0,
    interruptionsPerMonth: 0,
    dataUsdPerMonth: 0,
    subsidyShare: 0.25,
    incentive: { symbol: 'NOS', denomination: 'token' as const },
    priceSigma: null,
  };
  const salad = {
    offerId: 'salad:rtx-4090-24-gb:global:standard',
    providerName: 'SaladCloud',
    gpu: 'RTX4090',
  };
  const held = spendPath(
    { ...nosana, tokenFloor: { ...salad, usdPerGpuHour: 0.3, grossUsdPerGpuHour: gross } },
    s,
  );
  return {
    // One GPU-hour a month: the month's spend is its price per GPU-hour.
    floorlessPrice23: spendPath(nosana, s).expectedUsd[23]!,
    // The token ratio below which its hosts' income R · (u + e) falls under f: φ ÷ (1 + ε) = f ÷ (u + e).
    floorBindsSubsidized: held.tokenFloorRatio![0]! / (1 + held.tokenEmissionRatio![0]!),
    floorBindsUnsubsidized: held.tokenFloorRatio![23]! / (1 + held.tokenEmissionRatio![23]!),
    floorFrom: held.tokenFloorFrom!,
    // Months 5 and 6 (2027-05, 2027-06): $0.30 less the emissions' worth, R · $0.10666.
    heldPrice4: held.expectedUsd[4]!,
    heldPrice5: held.expectedUsd[5]!,
    heldPrice23: held.expectedUsd[23]!,
  };
})();

const computed: Record<string, number> = {
  ...floor,
  growthLinearMonth24: growth.linear,
  growthPricedMonth24: growth.priced,
  ionetShare12: x.ionetShare12,
  renderShare12: x.renderShare12,
  tokenMedian12: x.tokenMedian12,
  cloudMonth0: months[0]!.cloudUsd!,
  depinMonth0: months[0]!.depinUsd!,
  cloudMonth12: months[12]!.cloudUsd!,
  depinMonth12: months[12]!.depinUsd!,
  horizonCloud: x.projection.horizonCloudUsd!,
  horizonDepin: x.projection.horizonDepinUsd!,
  mcCloudP10: x.distribution.horizonCloud.p10,
  mcCloudP50: x.distribution.horizonCloud.p50,
  mcCloudP90: x.distribution.horizonCloud.p90,
  mcDepinP10: x.distribution.horizonDepin.p10,
  mcDepinP50: x.distribution.horizonDepin.p50,
  mcDepinP90: x.distribution.horizonDepin.p90,
  pDepinCheaper: x.distribution.pDepinCheaper,
  breakEvenSubsidy: found('subsidyShare'),
  breakEvenPrice: found('depinUsdPerGpuHour'),
  breakEvenEgress: found('egressGiBPerMonth'),
  tornadoBaseline: x.tornado.baselineSavingsUsd,
  tornadoCloud: impact('cloud price'),
  tornadoDepin: impact('DePIN price'),
  tornadoSubsidy: impact('incentive subsidy share'),
  hybridDepinRate: x.rates.depinUsdPerGpuHour,
  criticalRatio: x.criticalRatio,
  hybridBaseline: x.hybrid.baselineGpus,
  hybridCloudShare: 100 * x.hybrid.cloudShare,
  hybridBlended: x.hybrid.blendedMonthlyUsd,
  hybridAllCloud: x.hybrid.allCloudMonthlyUsd,
  hybridAllDepin: x.hybrid.allDepinMonthlyUsd!,
  hybridFloorBaseline: x.hybridFloor.baselineGpus,
  hybridFloorBlended: x.hybridFloor.blendedMonthlyUsd,
};

const doc = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'docs', 'projection-and-uncertainty.md'),
  'utf8',
);
const quoted = new Map<string, string>();
for (const m of doc.matchAll(/\*\*([−-]?)\$?([\d,]+(?:\.\d+)?)[^*]*\*\*[^✓*]{0,60}\(✓ (\w+)/g)) {
  quoted.set(m[3] ?? '', `${m[1] ? '-' : ''}${(m[2] ?? '').replaceAll(',', '')}`);
}

describe('docs/projection-and-uncertainty.md: the worked example matches the code', () => {
  it('every checked number on the page has a computation, and every computation is on the page', () => {
    expect([...quoted.keys()].sort()).toEqual(Object.keys(computed).sort());
  });

  it.each(Object.entries(computed))('%s = %f', (name, value) => {
    const shown = quoted.get(name);
    expect(shown).toBeDefined();
    const decimals = shown?.split('.')[1]?.length ?? 0;
    expect(value.toFixed(decimals)).toBe(shown);
  });

  it('the subsidy cliff the page names: none, because Akash never beats AWS spot on the expected path', () => {
    expect(x.projection.subsidyCliffMonth).toBeNull();
    expect(doc).toContain('`subsidyCliffMonth` is null');
  });

  it('the hybrid floor binds: cloud serves exactly the floor share', () => {
    expect(x.hybridFloor.cloudShare).toBeCloseTo(0.75, 9);
    expect(x.hybrid.cloudShare).toBeLessThan(0.75);
  });
});
