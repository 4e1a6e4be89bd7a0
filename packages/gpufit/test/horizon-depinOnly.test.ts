import { renderMarkdown } from '@gpufit/report';
import { analysisResultSchema, validateWorkloadProfile, type WorkloadProfileInput } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';
import { planLine } from '../src/cli/planLine.js';
import { analyzeOnBundled } from './support/analyzeBundled.js';

/**
 * A team that runs only on decentralized markets: each workload limited to them had no projection, so it added
 * USD 0 to the horizon totals ("Over the 12-month horizon: USD 0.00"), its incentive subsidy never faded, and the
 * headline said it "saves USD 0.00" against an all-cloud plan that does not exist.
 */
const inputs = await loadInputs({});
const profile = (input: Partial<WorkloadProfileInput>) => {
  const v = validateWorkloadProfile({
    id: 'sweeps-akash',
    name: 'Hyperparameter sweeps on Akash (8B)',
    kind: 'fine-tuning',
    modelParamsBillions: 8,
    precision: 'bf16',
    gpuType: 'H100',
    gpusPerReplica: 1,
    jobsPerMonth: 60,
    hoursPerJob: 8,
    dataSensitivity: 'public',
    availabilityTarget: 0.9,
    interruptible: true,
    checkpointable: true,
    checkpointMinutes: 10,
    restartMinutes: 5,
    costSensitivity: 'high',
    horizonMonths: 24,
    allowedProviders: ['akash'],
    ...input,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
};

describe('a workload with no cloud option, over its horizon, on the bundled catalog', () => {
  it('Akash on the bundled catalog: no subsidy share (its known pilots ended by 2025-11), so no cliff and a flat spend', async () => {
    const a = await analyzeOnBundled(inputs, [profile({})]);
    const w = a.workloads[0]!;
    expect(w.decision.depin!.offer.provider).toBe('akash');
    expect(w.decision.depin!.offer.pricingCategory).toBe('Standard');
    const months = w.projection!.months;
    expect(months).toHaveLength(24);
    expect(new Set(months.map((m) => m.subsidyShare))).toEqual(new Set([0]));
    expect(new Set(months.map((m) => m.depinUsd))).toEqual(new Set([months[0]!.depinUsd]));
    expect(w.projection!.subsidyCliffMonth).toBeNull();
  });

  it('Akash under a new 12-month pilot (a scenario’s 25 % share ending 2028-01): its spend rises when the subsidy ends, and the horizon adds it', async () => {
    const pilot = {
      ...inputs,
      scenario: {
        ...inputs.scenario,
        subsidies: {
          ...inputs.scenario.subsidies,
          akash: { kind: 'step' as const, share: 0.25, steps: [{ month: '2028-01', share: 0 }] },
        },
      },
    };
    const a = await analyzeOnBundled(pilot, [profile({})]);
    const w = a.workloads[0]!;
    expect(w.decision.recommendation).toBe('depin');
    expect(w.decision.depin!.offer.provider).toBe('akash');
    const months = w.projection!.months;
    expect(months).toHaveLength(24);
    // The scenario's share is 0.25 until its step to 0 in 2028-01, twelve months after the 2027-01 start.
    expect(inputs.scenario.startMonth).toBe('2027-01');
    expect(months[0]!.subsidyShare).toBe(0.25);
    const end = months.findIndex((m) => m.subsidyShare === 0);
    expect(end).toBe(12);
    const before = months[end - 1]!.depinUsd!;
    const after = months[end]!.depinUsd!;
    // The compute part loses its 25 % (× 1/0.75 = 1.33); data and storage were never subsidized.
    expect(after / before).toBeGreaterThan(1.25);
    expect(after / before).toBeLessThanOrEqual(1 / 0.75 + 1e-9);
    expect(w.projection!.horizonDepinUsd!).toBeGreaterThan(24 * months[0]!.depinUsd!);
    expect(a.totals.horizonUsd.recommended).toBe(w.projection!.horizonDepinUsd);
    expect(analysisResultSchema.safeParse(JSON.parse(JSON.stringify(a))).success).toBe(true);

    const md = renderMarkdown(a);
    expect(md).toContain(
      'No workload in it has a cloud option (its allowedMarkets name only decentralized markets, or no cloud offer is feasible), so there is no all-cloud plan to compare it with. Over the 24-month horizon:',
    );
    expect(md).not.toMatch(/saves USD 0\.00/);
    expect(md).toMatch(
      /No cloud option is priced for this workload, so there is no cloud month to compare: the decentralized option's spend goes from USD [\d,.]+ in \d{4}-\d{2} to USD [\d,.]+ in \d{4}-\d{2}, while the incentive subsidy's share of its price goes from 25\.0 % to 0\.0 %\./,
    );
  });

  it('beside a workload with a cloud option, the saving is said with how many count at their own cost', async () => {
    const cloudToo = profile({ id: 'sweeps-any', allowedProviders: [] });
    const a = await analyzeOnBundled(inputs, [profile({}), cloudToo]);
    expect(a.totals.workloadsWithoutCloudOption).toBe(1);
    const md = renderMarkdown(a);
    expect(md).toContain(
      '1 of the 2 priced workloads has no cloud option and counts at its own cost in both totals.',
    );
  });
});

describe('planLine (the CLI plan line)', () => {
  const without = (n: number) => ({ unpricedWorkloads: [], workloadsWithoutCloudOption: n });
  const cents = { recommended: 295_896, allCloud: 295_896, savings: 0 };
  it('says there is nothing to compare when no priced workload has a cloud option', () => {
    expect(planLine(cents, without(4), 4)).toBe(
      'Recommended plan: $2,958.96/month — no workload has a cloud option, so there is no all-cloud plan to compare against.',
    );
  });
  it('counts the workloads without one when some have it, and is the usual line when all have it', () => {
    expect(planLine({ recommended: 137_830, allCloud: 140_000, savings: 2_170 }, without(1), 2)).toBe(
      'Recommended plan: $1,378.30/month against $1,400.00 all-cloud — saves $21.70/month (1 of the 2 priced workloads has no cloud option and counts at its own cost in both totals).',
    );
    expect(
      planLine(
        { recommended: 5_402_236, allCloud: 5_452_534, savings: 50_298 },
        { unpricedWorkloads: [] },
        6,
      ),
    ).toBe('Recommended plan: $54,022.36/month against $54,525.34 all-cloud — saves $502.98/month.');
  });
});
