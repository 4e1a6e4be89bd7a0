/**
 * The fields behind the hosted API comparison: `model` (the model served, by name), `customWeights` and
 * `inputTokensPerMonth` (prompt tokens beside the generated `outputPerMonth`).
 */
import { describe, expect, it } from 'vitest';
import { validateWorkloadProfile } from '../src/index.js';

const base = { id: 'w', kind: 'realtime-inference', gpuHoursPerMonth: 730 };

describe('model, customWeights and inputTokensPerMonth', () => {
  it('are optional: absent, they are null and not listed as assumed', () => {
    const v = validateWorkloadProfile(base);
    expect(v.ok && [v.value.model, v.value.customWeights, v.value.inputTokensPerMonth]).toEqual([
      null,
      null,
      null,
    ]);
    expect(v.ok && v.value.assumed).not.toContain('model');
  });

  it('keep what the workload says', () => {
    const v = validateWorkloadProfile({
      ...base,
      model: ' Llama 3.1 70B Instruct ',
      customWeights: false,
      outputUnit: 'tokens',
      outputPerMonth: 1.2e9,
      inputTokensPerMonth: 3.6e9,
    });
    expect(v.ok && v.value).toMatchObject({
      model: 'Llama 3.1 70B Instruct',
      customWeights: false,
      inputTokensPerMonth: 3.6e9,
    });
  });

  it('refuse input tokens for a training kind, beside a non-token output, or below 0; and an empty model', () => {
    const issues = (input: Record<string, unknown>) => {
      const v = validateWorkloadProfile(input);
      return v.ok ? [] : v.issues.map((i) => i.path.join('.'));
    };
    expect(issues({ ...base, kind: 'fine-tuning', inputTokensPerMonth: 1e6 })).toContain(
      'inputTokensPerMonth',
    );
    expect(issues({ ...base, outputUnit: 'images', inputTokensPerMonth: 1e6 })).toContain(
      'inputTokensPerMonth',
    );
    expect(issues({ ...base, inputTokensPerMonth: -1 })).toContain('inputTokensPerMonth');
    expect(issues({ ...base, model: '  ' })).toContain('model');
    expect(issues({ ...base, customWeights: 'maybe' })).toContain('customWeights');
    expect(issues({ ...base, outputUnit: 'tokens', inputTokensPerMonth: 0 })).toEqual([]);
  });
});
