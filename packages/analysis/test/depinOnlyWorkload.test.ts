import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A founder who limits a workload to decentralized markets (`allowedMarkets: depin`) gets that side priced and
 * recommended: an on-chain agent API was "cloud, unpriced" beside a priced Nosana option, because its fit
 * (real-time: cloud first) accepts no placement without cloud.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;
const offers = [
  offerOf('depinOnly test', {
    id: 'aws:p5:us-east-1',
    market: 'hyperscaler',
    usdPerGpuHour: 6,
    gpusPerInstance: 8,
  }),
  offerOf('depinOnly test', {
    id: 'nosana:h100:global',
    market: 'depin',
    providerName: 'Nosana',
    hosting: 'community',
    region: 'global',
    country: undefined,
    usdPerGpuHour: 1.5,
    gpusPerInstance: 1,
  }),
];
const agent = (allowedMarkets: string[]) =>
  profileOf({
    id: 'agent',
    kind: 'realtime-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 730,
    dataSensitivity: 'public',
    p99LatencyMs: 2000,
    allowedMarkets,
  });

describe('a workload limited to decentralized markets', () => {
  it('is recommended its decentralized option, priced, with the reason', async () => {
    const a = await analyze({ workloads: [agent(['depin'])], offers, tiers, scenario, monteCarlo: false });
    const d = a.workloads[0]!.decision;
    expect(d.cloud).toBeNull();
    expect(d.recommendation).toBe('depin');
    expect(d.recommendedMonthlyUsd).toBe(d.depin!.cost.monthlyUsd);
    expect(d.rationale).toMatch(/^Decentralized: the workload's allowedMarkets leave no cloud market/);
    expect(a.totals.unpricedWorkloads).toEqual([]);
  });

  it('a list that keeps a cloud market leaves it to the fit and the money: the usual rule decides', async () => {
    const a = await analyze({
      workloads: [agent(['depin', 'hyperscaler'])],
      offers,
      tiers,
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    expect(d.cloud).not.toBeNull();
    // Real-time work is cloud first: the mean load stays on cloud and only bursts leave (hybrid).
    expect(d.recommendation).toBe('hybrid');
    expect(d.rationale).not.toMatch(/allowedMarkets/);
  });

  describe('its spend over the horizon (it had no projection, and counted USD 0 in the horizon totals)', () => {
    const small = { ...scenario, monteCarlo: { ...scenario.monteCarlo, trials: 2_000 } };

    it('is projected on its decentralized option, and the horizon totals count it in both plans', async () => {
      const a = await analyze({ workloads: [agent(['depin'])], offers, tiers, scenario: small });
      const w = a.workloads[0]!;
      const p = w.projection!;
      expect(p).not.toBeNull();
      expect(p.months).toHaveLength(agent(['depin']).horizonMonths);
      expect(p.months.every((m) => m.cloudUsd === null && m.depinUsd !== null)).toBe(true);
      expect(p.horizonCloudUsd).toBeNull();
      expect(p.horizonDepinUsd).toBeCloseTo(
        p.months.reduce((x, m) => x + m.depinUsd!, 0),
        6,
      );
      expect(p.horizonDepinUsd!).toBeGreaterThan(0);
      expect(a.totals.horizonUsd.recommended).toBe(p.horizonDepinUsd);
      expect(a.totals.horizonUsd.allCloud).toBe(p.horizonDepinUsd);
      expect(a.totals.workloadsWithoutCloudOption).toBe(1);
      // Its own Monte Carlo compares two sides; its band comes from the plan's.
      expect(w.distribution).toBeNull();
      const d = a.totals.distribution!;
      expect(d.decentralizedOnlyWorkloads).toEqual(['agent']);
      const own = d.workloads.find((x) => x.id === 'agent')!;
      expect(own.placement).toBe('depin');
      expect(own.horizon.p10).toBeLessThan(own.horizon.p50);
      expect(own.horizon.p50).toBeLessThan(own.horizon.p90);
      expect(d.allCloud.horizon).toEqual(d.recommended.horizon);
    });

    it('beside a workload with a cloud option, only it is counted as without one', async () => {
      const other = { ...agent(['depin', 'hyperscaler']), id: 'agent-2' };
      const a = await analyze({ workloads: [agent(['depin']), other], offers, tiers, scenario: small });
      expect(a.totals.workloadsWithoutCloudOption).toBe(1);
      expect(a.totals.distribution!.decentralizedOnlyWorkloads).toEqual(['agent']);
      const both = await analyze({ workloads: [other], offers, tiers, scenario: small });
      expect(both.totals.workloadsWithoutCloudOption).toBeUndefined();
      expect(both.totals.distribution!.decentralizedOnlyWorkloads).toBeUndefined();
    });
  });
});
