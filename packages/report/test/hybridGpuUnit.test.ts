import type { ThroughputBasis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../src/markdown/renderMarkdown.js';
import { hybridGpuUnitText } from '../src/present/labels.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';
import { through } from './helpers/throughput.js';

const on = (t: ThroughputBasis | null) => ({ throughput: t });

describe('hybridGpuUnitText: the hybrid split counts GPUs of the demand, whatever GPU each side prices', () => {
  test('a side on another GPU says so (credibility-cases chat-70b: 4 H100s of demand, cloud on A100-80GB at 0.452×)', () => {
    // datasets/workloads/credibility-cases.csv, 2026-12-05: 2,920 H100-hours = 4 H100s on average; the cloud option
    // is Massed Compute 2-GPU A100-80GB replicas at the Lambda vLLM ratio 0.452.
    expect(hybridGpuUnitText(on(through('H100', 'A100-80GB', 0.452)), on(through('H100', 'H100')))).toBe(
      ", counted in H100s, the GPU the demand is stated in: the cloud option runs on A100-80GB at 0.452× the H100's rate",
    );
    // eu-genmedia flux-api: 2,920 L40S-hours, the decentralized option on H100 at 3.09×.
    expect(hybridGpuUnitText(on(through('L40S', 'L40S')), on(through('L40S', 'H100', 3.0912)))).toBe(
      ", counted in L40Ss, the GPU the demand is stated in: the decentralized option runs on H100 at 3.09× the L40S's rate",
    );
    expect(hybridGpuUnitText(on(through('H100', 'B200', 2.6893)), on(through('H100', 'H200', 1.2)))).toBe(
      ", counted in H100s, the GPU the demand is stated in: the cloud option runs on B200 at 2.69× the H100's rate, the decentralized one runs on H200 at 1.2×",
    );
  });

  test('both sides on the demand’s GPU, or no conversion recorded: nothing is added', () => {
    expect(hybridGpuUnitText(on(through('H100', 'H100')), on(through('H100', 'H100')))).toBe('');
    expect(hybridGpuUnitText(on(null), null)).toBe('');
    expect(hybridGpuUnitText(null, null)).toBe('');
  });

  test('property: the text names the demand GPU and each side on another GPU, exactly when one differs', () => {
    const gpu = fc.constantFrom('L4', 'L40S', 'H100', 'H200', 'A100-80GB', 'B200');
    const ratio = fc.double({ min: 0.05, max: 20, noNaN: true });
    fc.assert(
      fc.property(gpu, gpu, gpu, ratio, ratio, (d, c, p, rc, rp) => {
        const text = hybridGpuUnitText(on(through(d, c, rc)), on(through(d, p, rp)));
        if (c === d && p === d) return text === '';
        return (
          text.startsWith(`, counted in ${d}s, the GPU the demand is stated in: `) &&
          (c === d || text.includes(`cloud option runs on ${c} at `)) &&
          (p === d || text.includes(` runs on ${p} at `)) &&
          !text.includes('NaN')
        );
      }),
    );
  });

  test('the hybrid section says it, and a base of one GPU reads "1 GPU"', () => {
    const a = mutableCopy(buildAnalysis());
    const w = a.workloads.find((x) => x.decision.hybrid !== null);
    const cost = w?.decision.cloud?.cost;
    const split = w?.decision.hybrid;
    if (cost == null || split == null) throw new Error('fixture changed');
    const before = renderMarkdown(buildAnalysis());
    expect(before).toMatch(/- Base load on cloud: [\d.]+ GPUs \(mean [\d.]+, peak [\d.]+\)\.\n/);
    cost.throughput = through('H100', 'A100-80GB', 0.452);
    split.baselineGpus = 1;
    const md = renderMarkdown(a);
    expect(md).toMatch(
      /- Base load on cloud: 1 GPU \(mean [\d.]+, peak [\d.]+\), counted in H100s, the GPU the demand is stated in: the cloud option runs on A100-80GB at 0\.452× the H100's rate\.\n/,
    );
  });
});
