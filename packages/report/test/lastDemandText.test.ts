import { describe, expect, it } from 'vitest';
import { lastDemandText } from '../src/document/executiveSummary.js';

/**
 * The headline's last-month demand clause names who grows and who keeps their size: by the kinds' rule (inference
 * grows, training keeps its size) unless a workload's stated `growsWithDemand` overrides it.
 */
describe('lastDemandText', () => {
  const at = { month: '2028-12', factor: 1.05 ** 23 };
  it('every workload grows: the demand alone', () => {
    expect(lastDemandText({ ...at, held: 0, growingInference: true, heldTraining: true })).toBe(
      "demand at ×3.07 of today's by 2028-12",
    );
  });
  it('by the kinds: inference grows, training keeps its size', () => {
    expect(lastDemandText({ ...at, held: 4, growingInference: true, heldTraining: true })).toBe(
      "the inference workloads' demand at ×3.07 of today's by 2028-12 (4 training workloads keep their size)",
    );
  });
  it('a fine-tune stated to grow: the growing workloads, the training ones that keep theirs', () => {
    expect(lastDemandText({ ...at, held: 3, growingInference: false, heldTraining: true })).toBe(
      "the growing workloads' demand at ×3.07 of today's by 2028-12 (3 training workloads keep their size)",
    );
  });
  it('an inference workload stated not to grow: not called training', () => {
    expect(lastDemandText({ ...at, held: 1, growingInference: true, heldTraining: false })).toBe(
      "the inference workloads' demand at ×3.07 of today's by 2028-12 (1 workload keeps its size)",
    );
  });
});
