/**
 * A small measured-ratio table for tests (the production one is datasets/throughput-ratios.csv). Figures quoted in
 * ../shared/reference/throughput/README.md and derived-ratios.csv, rounded, except the one marked "test".
 */
import { type ThroughputRatioRow, throughputRatioTable } from '../../src/index.js';

const row = (
  throughputClass: 'inference' | 'training' | 'fine-tuning',
  modelSizeBand: 'tiny' | 'small' | 'medium' | 'large',
  gpuA: string,
  gpuB: string,
  ratio: number,
  source: string,
) => ({
  throughputClass,
  modelSizeBand,
  gpuA,
  gpuB,
  ratio,
  min: ratio,
  max: ratio,
  results: 1,
  source,
  notes: '',
});

export const TEST_RATIOS = throughputRatioTable([
  row('training', 'small', 'A100-80GB', 'H100', 2.5, 'test: a training ratio for 1–15 B models'),
  row(
    'inference',
    'small',
    'H100',
    'L40S',
    0.28,
    'MLPerf Inference v5.1 llama3.1-8b Offline (L40S 0.28 × H100)',
  ),
  row(
    'inference',
    'small',
    'A100-80GB',
    'A100-80GB-PCIe',
    (0.695 + 0.833) / 2,
    'MLPerf Inference v3.1 gptj-99: A100-PCIe-80GB ÷ A100-SXM-80GB = 0.695 Offline, 0.833 Server; median 0.764',
  ),
]);

/**
 * A ratio measured at two precisions: MLPerf Inference v5.1 llama3.1-405b Offline, tokens/s per GPU, B200 207.5888
 * at fp4 against H100-SXM 48.9457 at fp8 (H100 ÷ B200, as datasets/throughput-ratios.csv stores the pair).
 */
export const LLAMA_405B_FP4_VS_FP8: ThroughputRatioRow = {
  throughputClass: 'inference',
  modelSizeBand: 'large',
  gpuA: 'B200',
  gpuB: 'H100',
  ratio: 48.9457 / 207.5888,
  min: 48.9457 / 207.5888,
  max: 48.9457 / 207.5888,
  results: 1,
  source: 'MLPerf Inference v5.1: llama3.1-405b Offline',
  notes: '',
  precisionA: 'fp4',
  precisionB: 'fp8',
};
