import { describe, expect, it } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';

/**
 * Both options of a workload converted on the same GPU pair, ratio and source say so once, naming both providers:
 * the main job's nightly embeddings printed the MLPerf citation and its precision clause twice in a row ("Nebius is
 * priced on H100 instead of L4, at a measured 8.3× (…). Vast.ai is priced on H100 instead of L4, at a measured 8.3×
 * (…)"). The precision clause (MLPerf v3.1 records no format for the pair) is said once per report since.
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
    // MLPerf v3.1 records no format for this pair: the caveat is said once, in the report's Assumptions, listing
    // the pair, not in the risk or the estimate's own assumptions.
    expect(risk).not.toContain('numeric format');
    const costs = [w.decision.cloud!, w.decision.depin!].map((o) => o.cost);
    for (const c of costs) {
      expect(c.throughput?.measuredFormat).toEqual({
        kind: 'unrecorded',
        recorded: 'H100 not recorded; L4 not recorded',
        work: 'fp16',
      });
      expect(c.assumptions.join(' ')).not.toContain('numeric format');
    }
    const said = analysis.assumptions.filter((a) => a.includes('numeric format'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(
      'Such ratios in this report: H100 = 8.3× L4 for fp16 work (format not recorded).',
    );
  }, 60_000);
});
