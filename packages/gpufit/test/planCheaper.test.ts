import { analyze } from '@gpufit/analysis';
import { renderMarkdown } from '@gpufit/report';
import { analysisResultSchema, type WorkloadProfile } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';

/**
 * Whether the plan's saving holds up in each simulated future (schema 2.7.0, `totals.distribution.pRecommendedCheaper`):
 * a 4 % saving whose P10–P90 band overlapped all-cloud's was printed to the cent with nothing more.
 */
const inputs = await loadInputs({});
const run = (workloads: readonly WorkloadProfile[]) =>
  analyze({
    workloads,
    offers: inputs.offers.rows,
    tiers: inputs.tiers,
    ratios: inputs.throughputRatios,
    scenario: { ...inputs.scenario, monteCarlo: { ...inputs.scenario.monteCarlo, trials: 2_000 } },
  });

describe('the share of trials in which the recommended plan spends less than all-cloud', () => {
  it('the README main job: every trial, said in the executive summary, and report.json validates', async () => {
    const a = await run(inputs.workloads.rows);
    const d = a.totals.distribution!;
    expect(d.pRecommendedCheaper).toBe(1);
    expect(renderMarkdown(a)).toContain(
      'In 100.0 % of those trials the recommended plan spends less than all-cloud over the horizon.',
    );
    expect(analysisResultSchema.safeParse(JSON.parse(JSON.stringify(a))).success).toBe(true);
  });

  it('a plan with every workload on cloud is all-cloud: 0, and nothing is said', async () => {
    const onCloud = inputs.workloads.rows.filter((w) => w.id === 'chat-api' || w.id === 'pretrain-70b');
    const a = await run(onCloud);
    expect(a.workloads.every((w) => w.decision.recommendation === 'cloud')).toBe(true);
    expect(a.totals.distribution!.pRecommendedCheaper).toBe(0);
    expect(renderMarkdown(a)).not.toContain('of those trials the recommended plan');
  });
});
