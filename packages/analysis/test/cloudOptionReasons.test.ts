import { gpuTierTable } from '@gpufit/pricing';
import { HOSTINGS, MARKETS, validateScenario } from '@gpufit/schema';
import { assessFit, explainFit } from '@gpufit/scoring';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloudOptionReasons, SLA_CLAUSES } from '../src/cloudOptionReasons.js';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * Under `decision.decentralizedMarkets: ["depin"]` (datasets/scenarios/no-spot-depin-only.json) a marketplace of
 * community hosts competes as cloud; a non-interruptible API placed there read "dedicated capacity, which clouds sell
 * with an SLA" beside Hyperbolic (marketplace, community hosts, region any), which sells none. Prices: Hyperbolic H100
 * $1.29/GPU-hour (datasets/offers.csv, hyperbolic:1x-h100-75-722:any:standard), a GPU cloud's H100 at $4.50 (a test price).
 */
const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  gpuTier('H100', { generation: 'Hopper' }),
]);
const scenarioOf = (input: Record<string, unknown>) => {
  const r = validateScenario({ analysisDate: '2026-12-01', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const hyperbolic = offerOf('cloudOptionReasons test', {
  id: 'hyperbolic:1x-h100:any:standard',
  market: 'marketplace',
  providerName: 'Hyperbolic',
  hosting: 'community',
  region: 'any',
  country: undefined,
  usdPerGpuHour: 1.29,
  gpusPerInstance: 1,
});
const lambda = offerOf('cloudOptionReasons test', {
  id: 'lambda:1x-h100:us-east-1:standard',
  market: 'gpu-cloud',
  providerName: 'Lambda',
  usdPerGpuHour: 4.5,
  gpusPerInstance: 1,
});
const api = profileOf({
  id: 'api',
  kind: 'realtime-inference',
  modelParamsBillions: 8,
  gpuType: 'H100',
  gpuHoursPerMonth: 730,
  dataSensitivity: 'public',
  p99LatencyMs: 2000,
  availabilityTarget: 0.999,
  interruptible: false,
  costSensitivity: 'low',
});
const sentences = (a: Awaited<ReturnType<typeof analyze>>) =>
  a.workloads[0]!.fit.reasons.map((r) => r.sentence).join(' ');

describe('the fit’s SLA sentences follow the cloud option placed', () => {
  it('no-spot, DePIN-only scenario: Hyperbolic is the cloud option and no sentence claims it sells an SLA', async () => {
    const scenario = scenarioOf({
      placement: { allowedPricingCategories: ['Standard', 'Committed'] },
      decision: { decentralizedMarkets: ['depin'] },
    });
    const a = await analyze({
      workloads: [api],
      offers: [hyperbolic, lambda],
      tiers,
      scenario,
      monteCarlo: false,
    });
    expect(a.workloads[0]!.decision.cloud!.offer.providerName).toBe('Hyperbolic');
    const text = sentences(a);
    for (const c of SLA_CLAUSES) expect(text).not.toContain(c.clause);
    expect(text).toContain(
      'The cloud option here, Hyperbolic, a marketplace of community hosts, is not reclaimed while rented, but no SLA backs it',
    );
    expect(text).toContain(
      'the cloud option here, Hyperbolic, a marketplace of community hosts, sells no SLA',
    );
  });

  it('the default sides: the cloud option is Lambda (GPU cloud) and the sentences are as scored', async () => {
    const a = await analyze({
      workloads: [api],
      offers: [hyperbolic, lambda],
      tiers,
      scenario: scenarioOf({}),
      monteCarlo: false,
    });
    expect(a.workloads[0]!.decision.cloud!.offer.providerName).toBe('Lambda');
    const text = sentences(a);
    for (const c of SLA_CLAUSES) expect(text).toContain(c.clause);
  });

  it('every clause it replaces is one the scoring package writes (a reworded factor fails here)', () => {
    const text = explainFit(assessFit(api), api)
      .reasons.map((r) => `${r.factor}: ${r.sentence}`)
      .join('\n');
    for (const c of SLA_CLAUSES)
      expect(text).toMatch(new RegExp(`${c.factor}: [^\\n]*${regexpOf(c.clause)}`));
  });

  it('property: scores never change; the SLA clauses go exactly when the option is a marketplace or DePIN community offer', () => {
    const fit = explainFit(assessFit(api), api);
    fc.assert(
      fc.property(fc.constantFrom(...MARKETS), fc.constantFrom(...HOSTINGS), (market, hosting) => {
        const offer = { ...lambda, market, hosting, providerName: 'X' };
        const out = cloudOptionReasons(fit, offer);
        expect(out.reasons.map((r) => [r.factor, r.cloud, r.depin])).toEqual(
          fit.reasons.map((r) => [r.factor, r.cloud, r.depin]),
        );
        const noSla = market === 'marketplace' || (market === 'depin' && hosting === 'community');
        const text = out.reasons.map((r) => r.sentence).join(' ');
        for (const c of SLA_CLAUSES) expect(text.includes(c.clause)).toBe(!noSla);
        if (!noSla) expect(out).toBe(fit);
      }),
    );
    expect(cloudOptionReasons(fit, null)).toBe(fit);
  });
});

function regexpOf(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
