/**
 * A workload's task read from its model: a founder who writes "Llama 3.1 8B" and leaves `task` empty expects a text
 * generator's GPU ratios, not SDXL's and Whisper's. A stated task wins; an unknown model leaves the task empty.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MODEL_FAMILIES,
  taskOfModel,
  validateWorkloadProfile,
  WORKLOAD_TASKS,
  workloadProfileSchema,
} from '../src/index.js';

const base = { id: 'w', kind: 'realtime-inference', gpuHoursPerMonth: 730 } as const;

/** Real names as founders and hosted APIs spell them (model cards, Hugging Face ids), and the task each does. */
const KNOWN: readonly (readonly [string, string, string])[] = [
  ['Llama 3.1 8B Instruct', 'text-generation', 'Llama'],
  ['meta-llama/Meta-Llama-3.1-70B-Instruct', 'text-generation', 'Llama'],
  ['llama-v3p1-70b-instruct', 'text-generation', 'Llama'],
  ['Qwen/Qwen2.5-72B-Instruct', 'text-generation', 'Qwen'],
  ['mistralai/Mistral-7B-Instruct-v0.3', 'text-generation', 'Mistral'],
  ['Mixtral-8x7B-Instruct-v0.1', 'text-generation', 'Mistral'],
  ['deepseek-ai/DeepSeek-V3', 'text-generation', 'DeepSeek'],
  ['google/gemma-2-9b-it', 'text-generation', 'Gemma'],
  ['openai/whisper-large-v3', 'speech-to-text', 'Whisper'],
  ['faster-whisper large-v3', 'speech-to-text', 'Whisper'],
  ['stabilityai/stable-diffusion-xl-base-1.0', 'image-generation', 'Stable Diffusion'],
  ['SDXL Turbo', 'image-generation', 'Stable Diffusion'],
  ['black-forest-labs/FLUX.1-dev', 'image-generation', 'Flux'],
  ['bert-base-uncased', 'embeddings-or-encoder', 'BERT'],
  ['intfloat/multilingual-e5-large', 'embeddings-or-encoder', 'E5'],
  ['BAAI/bge-large-en-v1.5', 'embeddings-or-encoder', 'BGE'],
  ['thenlper/gte-large', 'embeddings-or-encoder', 'GTE'],
  ['microsoft/resnet-50', 'vision', 'ResNet'],
  ['YOLOv8x', 'vision', 'YOLO'],
];

describe('taskOfModel', () => {
  it.each(KNOWN)('%s → %s (%s family)', (model, task, family) => {
    expect(taskOfModel(model)).toEqual({ task, family });
  });

  it.each([
    'our-fraud-model-v2',
    'tinyllama-1.1b',
    'gpt-4o',
    'claude-3-5-sonnet',
    'stable-video',
    'alberta-ranker',
  ])('%s: not a family gpufit knows, so no task is guessed', (model) => {
    expect(taskOfModel(model)).toBeNull();
  });

  it('a name that names families of two tasks is not guessed at', () => {
    expect(taskOfModel('whisper-llama-3-8b')).toBeNull();
    expect(taskOfModel(null)).toBeNull();
  });

  it('every model of datasets/hosted-api-prices.csv (id and aliases) is a text generator: one vocabulary', () => {
    const lines = readFileSync(new URL('../../../datasets/hosted-api-prices.csv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [, , model, aliases] = line.split(',');
      for (const name of [model!, ...aliases!.split(';').filter((a) => a !== '')])
        expect(taskOfModel(name)?.task, name).toBe('text-generation');
    }
  });

  it('every family of the table is reached by a known name, and names a task of the vocabulary and its model card', () => {
    expect(new Set(KNOWN.map((k) => k[2]))).toEqual(new Set(MODEL_FAMILIES.map((f) => f.family)));
    for (const f of MODEL_FAMILIES) {
      expect(WORKLOAD_TASKS).toContain(f.task);
      // sourced: the model card of one of its models, which states what it does
      expect(f.source).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+$/);
    }
  });
});

describe('a profile that names a model and leaves task empty', () => {
  it("takes the model's task, lists task as assumed, and its default unit follows (Whisper → audio-hours)", () => {
    const v = validateWorkloadProfile({ ...base, model: 'openai/whisper-large-v3' });
    expect(v.ok && [v.value.task, v.value.outputUnit]).toEqual(['speech-to-text', 'audio-hours']);
    expect(v.ok && v.value.assumed).toEqual(expect.arrayContaining(['task', 'outputUnit']));
  });

  it('a stated task always wins, and is not listed as assumed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN), fc.constantFrom(...WORKLOAD_TASKS), ([model], task) => {
        const v = validateWorkloadProfile({ ...base, model, task });
        return v.ok && v.value.task === task && !v.value.assumed.includes('task');
      }),
    );
  });

  it('an unknown model leaves the task empty and unlisted, as before', () => {
    const v = validateWorkloadProfile({ ...base, model: 'our-fraud-model-v2' });
    expect(v.ok && [v.value.task, v.value.outputUnit]).toEqual([null, 'tokens']);
    expect(v.ok && v.value.assumed).not.toContain('task');
  });

  it('reads back unchanged: the task is read from the model again, still listed as assumed', () => {
    for (const [model] of KNOWN) {
      const first = workloadProfileSchema.parse({ ...base, model });
      expect(workloadProfileSchema.parse(JSON.parse(JSON.stringify(first)))).toEqual(first);
    }
  });
});
