import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A two-person studio's Whisper batch would save USD 84.06 a month (66.8 %) on Nosana and stayed on RunPod, under
 * the USD 100 a month a move must save; nothing in the report said that bar is a setting. The plan's assumptions
 * now name the scenario fields that set it, with the values in force.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' })]);
const offer = offerOf('savingBarAssumption test', {
  id: 'lambda:a100:us-east-1',
  market: 'gpu-cloud',
  gpu: 'A100-80GB',
  usdPerGpuHour: 1.5,
  gpusPerInstance: 1,
});
const workload = profileOf({
  id: 'asr',
  kind: 'batch-inference',
  gpuHoursPerMonth: 100,
  interruptible: true,
});

async function assumptions(decision: Record<string, number> | undefined) {
  const v = validateScenario({ analysisDate: '2026-12-05', ...(decision ? { decision } : {}) });
  if (!v.ok) throw new Error('scenario');
  const a = await analyze({
    workloads: [workload],
    offers: [offer],
    tiers,
    scenario: v.value,
    monteCarlo: false,
  });
  return a.assumptions.find((x) => x.startsWith('A decentralized or hybrid placement'));
}

describe('the saving bar in the plan’s assumptions', () => {
  it('says the values in force and the scenario fields that set them', async () => {
    expect(await assumptions(undefined)).toBe(
      'A decentralized or hybrid placement is recommended only when it saves at least 5 % and USD 100 a month against the cheapest feasible cloud option; a split is hybrid only when each side carries at least 10 % of the GPU-hours. A scenario sets them (decision.minSavingShare, decision.minMonthlySavingUsd, decision.hybridMinShare; datasets/scenarios/README.md): the USD part stands for the work of running one more provider, so set it to what that work costs your team.',
    );
    expect(await assumptions({ minMonthlySavingUsd: 25 })).toMatch(
      /^A decentralized or hybrid placement is recommended only when it saves at least 5 % and USD 25 a month .* decision\.minMonthlySavingUsd/,
    );
  });
});
