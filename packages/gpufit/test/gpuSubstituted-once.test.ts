import { describe, expect, it } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';

/**
 * Both options of a workload converted on the same GPU pair, ratio and source say so once, naming both providers:
 * the main job's nightly embeddings printed the MLPerf citation and its precision clause twice in a row ("Nebius is
 * priced on H100 instead of L4, at a measured 8.3× (…). Vast.ai is priced on H100 instead of L4, at a measured 8.3×
 * (…)").
 */
describe('the gpu-substituted risk on the bundled example', () => {
  it('nightly embeddings: one sentence for Nebius and Vast.ai, both on H100 for L4 at 8.3×', async () => {
    const { analysis } = await runScenarioAnalysis(undefined, {});
    const w = analysis.workloads.find((x) => x.id === 'nightly-embeddings')!;
    const risk = w.decision.risks.find((r) => r.includes('instead of L4'))!;
    expect(risk.startsWith('Nebius and Vast.ai are priced on H100 instead of L4, at a measured 8.3× (')).toBe(
      true,
    );
    expect(risk.split('priced on H100 instead of L4')).toHaveLength(2);
    expect(risk.split('numeric format')).toHaveLength(2);
  }, 60_000);
});
