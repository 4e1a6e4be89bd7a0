/** `task`: what a workload's model does; optional, and an inference workload's default unit of output follows it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWorkloadProfile, WORKLOAD_KINDS, WORKLOAD_TASKS, workloadTasks } from '../src/index.js';

const base = { id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 730 };

describe('task', () => {
  it('is optional: absent, it is null, unlisted, and the kind keeps its default unit (tokens)', () => {
    const v = validateWorkloadProfile(base);
    expect(v.ok && [v.value.task, v.value.outputUnit]).toEqual([null, 'tokens']);
    expect(v.ok && v.value.assumed).not.toContain('task');
  });

  it.each([
    ['text-generation', 'tokens'],
    ['image-generation', 'images'],
    ['speech-to-text', 'audio-hours'],
    ['embeddings-or-encoder', null],
    ['vision', null],
    ['other', null],
  ] as const)('%s: an inference workload that states no unit is priced per %s (assumed)', (task, unit) => {
    const v = validateWorkloadProfile({ ...base, task });
    expect(v.ok && [v.value.task, v.value.outputUnit]).toEqual([task, unit]);
    expect(v.ok && v.value.assumed).toContain('outputUnit');
  });

  it('never overrides a stated unit, and leaves training kinds without one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORKLOAD_TASKS), fc.constantFrom(...WORKLOAD_KINDS), (task, kind) => {
        const v = validateWorkloadProfile({ id: 'w', kind, gpuHoursPerMonth: 730, task });
        if (!v.ok) return false;
        const inference = kind === 'realtime-inference' || kind === 'batch-inference';
        const stated = inference
          ? validateWorkloadProfile({ ...base, kind, task, outputUnit: 'images' })
          : null;
        return (
          v.value.outputUnit === (inference ? workloadTasks[task].outputUnit : null) &&
          (stated === null || (stated.ok && stated.value.outputUnit === 'images'))
        );
      }),
    );
  });

  it('refuses a word outside the list, naming the field and the choices', () => {
    const v = validateWorkloadProfile({ ...base, task: 'speech' });
    expect(v.ok).toBe(false);
    const issue = !v.ok ? v.issues.find((i) => i.path.join('.') === 'task') : undefined;
    expect(issue?.message).toMatch(/speech-to-text/);
  });
});
