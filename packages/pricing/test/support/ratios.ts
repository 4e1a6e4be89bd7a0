/**
 * A small measured-ratio lookup for tests (the production one is built from datasets/throughput-ratios.csv).
 * Figures: MLPerf Training v5.0/v5.1 and Inference v5.1 ratios quoted in ../shared/reference/throughput/README.md,
 * rounded; the keys are (class, fromGpu, toGpu), any model size.
 */
import type { MeasuredRatio, ThroughputRatioLookup } from '../../src/index.js';

const PAIRS: readonly [string, string, string, number, string][] = [
  ['training', 'A100-80GB', 'H100', 2.5, 'test: MLPerf-like training ratio'],
  ['inference', 'L40S', 'H100', 1 / 0.28, 'MLPerf Inference v5.1 llama3.1-8b (L40S 0.28 × H100)'],
  [
    'inference',
    'A100-80GB',
    'A100-80GB-PCIe',
    (0.695 + 0.833) / 2,
    'MLPerf Inference v3.1 gptj-99: A100-PCIe-80GB ÷ A100-SXM-80GB = 0.695 Offline, 0.833 Server; median 0.764',
  ],
];

export const TEST_RATIOS: ThroughputRatioLookup = (cls, _params, from, to): MeasuredRatio | undefined => {
  for (const [c, a, b, r, source] of PAIRS) {
    if (c !== cls) continue;
    if (a === from && b === to) return { ratio: r, min: r, max: r, source };
    if (b === from && a === to) return { ratio: 1 / r, min: 1 / r, max: 1 / r, source };
  }
  return undefined;
};
