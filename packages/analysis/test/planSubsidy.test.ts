import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { subsidyCountedOn } from '../src/portfolioLedger.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * "What if the token subsidy ends?" for the whole plan (`totals.incentiveSubsidy`): the subsidy each recommended
 * placement counts on, summed, and the plan's cost without it.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

const cloud = offerOf('planSubsidy test', {
  id: 'lambda:h100:us-east-1',
  market: 'gpu-cloud',
  usdPerGpuHour: 3,
  gpusPerInstance: 1,
});
/** A DePIN H100 listed at `usd`, 25 % of which its NOS token pays. */
const depin = (usd: number, id = 'nosana:h100:any') =>
  offerOf('planSubsidy test', {
    id,
    market: 'depin',
    usdPerGpuHour: usd,
    gpusPerInstance: 1,
    region: 'any',
    country: undefined,
    incentiveSymbol: 'NOS',
    incentiveSubsidyShare: 0.25,
    incentiveDenomination: 'usd-pegged',
  });
const sweeps = (id: string) =>
  profileOf({
    id,
    kind: 'experimentation',
    // Sweeps of a 1B model train every weight (19.4 GiB, 17 GiB a checkpoint), as the bundled sweeps do.
    trainingMethod: 'full',
    gpuType: 'H100',
    modelParamsBillions: 1.3,
    gpuHoursPerMonth: 1000,
    dataSensitivity: 'internal',
    interruptible: true,
    checkpointable: true,
  });

async function plan(depinUsd: number, workloads = [sweeps('a')]) {
  return analyze({ workloads, offers: [cloud, depin(depinUsd)], tiers, scenario, monteCarlo: false });
}

describe('totals.incentiveSubsidy', () => {
  it('a decentralized placement counts on its whole subsidy line; the plan without it adds that back', async () => {
    // listed $1.50 with 25 % subsidized: $2.00 unsubsidized, so the subsidy is $0.50 a GPU-hour
    const a = await plan(1.5);
    const w = a.workloads[0]!;
    expect(w.decision.recommendation).toBe('depin');
    const line = w.decision.depin!.cost.components.find((c) => c.name === 'incentive-subsidy')!;
    expect(line.usd).toBeLessThan(0);
    const s = a.totals.incentiveSubsidy!;
    expect(s.monthlyUsd).toBeCloseTo(-line.usd, 9);
    expect(s.recommendedWithoutUsd).toBeCloseTo(a.totals.monthlyUsd.recommended - line.usd, 9);
    expect(s.workloads).toBe(1);
    // without the subsidy the DePIN option (about $2.00 a GPU-hour) still costs less than cloud at $3.00
    expect(s.savingRestsOnIt).toBe(0);
  });

  it('counts a saving that rests on the subsidy', async () => {
    // listed $2.20 with 25 % subsidized: $2.93 unsubsidized; with its overheads the DePIN option costs $2,735.80
    // against cloud's $3,000 today (8.8 % less), and about $3,650 without the subsidy
    const a = await plan(2.2);
    expect(a.workloads[0]!.decision.recommendation).toBe('depin');
    const s = a.totals.incentiveSubsidy!;
    expect([s.workloads, s.savingRestsOnIt]).toEqual([1, 1]);
    expect(s.recommendedWithoutUsd).toBeGreaterThan(a.totals.monthlyUsd.allCloud);
  });

  it('is absent when no recommended placement is subsidized (the plan stays on cloud)', async () => {
    const a = await plan(2.5);
    expect(a.workloads[0]!.decision.recommendation).toBe('cloud');
    expect(a.totals).not.toHaveProperty('incentiveSubsidy');
  });

  it('sums over workloads', async () => {
    const one = (await plan(1.5)).totals.incentiveSubsidy!;
    const three = (await plan(1.5, [sweeps('a'), sweeps('b'), sweeps('c')])).totals.incentiveSubsidy!;
    expect(three.workloads).toBe(3);
    expect(three.monthlyUsd).toBeCloseTo(3 * one.monthlyUsd, 6);
  });

  it('subsidyCountedOn: the DePIN share of the subsidy line, never negative (property)', async () => {
    const w = (await plan(1.5)).workloads[0]!;
    const line = -w.decision.depin!.cost.components.find((c) => c.name === 'incentive-subsidy')!.usd;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (depinShare) => {
        const hybrid = {
          ...w,
          decision: {
            ...w.decision,
            recommendation: 'hybrid' as const,
            hybrid: { ...(w.decision.hybrid ?? {}), depinShare, cloudShare: 1 - depinShare } as never,
          },
        };
        const x = subsidyCountedOn(hybrid);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeCloseTo(depinShare * line, 9);
        expect(subsidyCountedOn({ ...w, decision: { ...w.decision, recommendation: 'cloud' } })).toBe(0);
      }),
    );
  });
});
