/**
 * A workload that names its model and leaves `task` empty converts GPUs at its model's task's ratios (`taskOfModel`,
 * @gpufit/schema), on the bundled catalog and datasets/throughput-ratios.csv. Until 2026-12-05 datasets/workloads/
 * hosted-api.csv's chat-8b ("Llama 3.1 8B Instruct", stated on an L4, no task) was priced on a Vast L40S at 3.32× an
 * L4 — the small band's ratio pooled over SDXL and Whisper (MLPerf v5.1 stable-diffusion-xl Offline and Server,
 * whisper Offline), no text generator among them — for $613.20 a month.
 */
import { MODEL_FAMILIES, taskOfModel, type WorkloadProfile, workloadProfileSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyzeBundled, analyzeOnBundled } from './support/analyzeBundled.js';

const { inputs } = await analyzeBundled('hosted-api.csv');
const run = (workloads: readonly WorkloadProfile[]) => analyzeOnBundled(inputs, workloads);
const row = (id: string) => inputs.workloads.rows.find((w) => w.id === id)!;
/** The same profile with `over` applied, read again (a normalized profile reads back as its input). */
const variant = (p: WorkloadProfile, over: Record<string, unknown>): WorkloadProfile =>
  workloadProfileSchema.parse({
    ...p,
    // a task read from the model is read again from the model `over` leaves (or not, without one)
    task: p.assumed.includes('task') ? null : p.task,
    assumed: p.assumed.filter((f) => f !== 'task'),
    ...over,
  });

const side = (a: Awaited<ReturnType<typeof run>>, id: string, s: 'cloud' | 'depin') => {
  const o = a.workloads.find((w) => w.id === id)!.decision[s]!;
  return {
    offer: o.offer.id,
    gpu: o.offer.gpu,
    ratio: o.cost.throughput!.ratio,
    source: o.cost.throughput!.source,
    monthlyUsd: o.cost.monthlyUsd,
  };
};

describe('hosted-api.csv: the task read from the model', async () => {
  const chat = row('chat-8b');
  const batch = row('batch-8b');
  const without = [variant(chat, { model: null }), variant(batch, { model: null })];
  const [before, after] = await Promise.all([run(without), run([chat, batch])]);

  it('reads text-generation from "Llama 3.1 8B Instruct" and says so in every option’s assumptions', () => {
    expect([chat.task, chat.assumed.includes('task')]).toEqual(['text-generation', true]);
    const w = after.workloads.find((x) => x.id === 'chat-8b')!;
    expect(w.task).toBe('text-generation');
    for (const o of [w.decision.cloud!, w.decision.depin!])
      expect(o.cost.assumptions).toContain(
        "task text-generation, read from the model Llama 3.1 8B Instruct (gpufit's table of model families): GPUs convert only at ratios measured on text-generation benchmarks; state task to change it",
      );
  });

  it('chat-8b’s DePIN option: Vast L40S at the pooled SDXL/Whisper 3.32× ($613.20) → Vast A100-80GB-PCIe at MLPerf v3.1 gptj-99’s 3.31× ($889.14)', () => {
    const was = side(before, 'chat-8b', 'depin');
    expect(was.gpu).toBe('L40S');
    expect(was.monthlyUsd).toBeCloseTo(613.2, 2);
    expect(was.ratio).toBeCloseTo(3.31852, 5);
    expect(was.source).toMatch(
      /stable-diffusion-xl Offline \| stable-diffusion-xl Server \| whisper Offline$/,
    );
    const now = side(after, 'chat-8b', 'depin');
    expect(now.gpu).toBe('A100-80GB-PCIe');
    expect(now.monthlyUsd).toBeCloseTo(889.14, 2);
    // datasets/throughput-ratios.csv: A100-80GB-PCIe ÷ L4 = 0.302043 (text-generation, small band)
    expect(now.ratio).toBeCloseTo(1 / 0.302043, 5);
    expect(now.source).toMatch(/v3\.1 .*: gptj-99 Offline \| gptj-99 Server$/);
    // the cloud side stays on the L4 it names (AWS on-demand, $621.96), so the plan is cloud either way
    expect(side(after, 'chat-8b', 'cloud')).toEqual(side(before, 'chat-8b', 'cloud'));
  });

  it('batch-8b’s cloud option: Nebius H100 at 3.09× with SDXL pooled ($297.94) → Nebius H200 at 3.85×, gptj-99 and llama3.1-8b only ($277.06)', () => {
    const was = side(before, 'batch-8b', 'cloud');
    expect(was.gpu).toBe('H100');
    expect(was.monthlyUsd).toBeCloseTo(297.94, 2);
    expect(was.source).toMatch(/stable-diffusion-xl/);
    const now = side(after, 'batch-8b', 'cloud');
    expect(now.gpu).toBe('H200');
    expect(now.monthlyUsd).toBeCloseTo(277.06, 2);
    expect(now.ratio).toBeCloseTo(3.85, 2);
    expect(now.source).not.toMatch(/stable-diffusion|whisper/);
  });
});

/** One name a family, as its publisher spells it. */
const NAMES: Readonly<Record<string, string>> = {
  Llama: 'meta-llama/Llama-3.1-8B-Instruct',
  Qwen: 'Qwen2.5-7B-Instruct',
  Mistral: 'Mistral-7B-Instruct-v0.3',
  DeepSeek: 'deepseek-llm-7b-chat',
  Gemma: 'gemma-2-9b-it',
  Whisper: 'whisper-large-v3',
  'Stable Diffusion': 'stable-diffusion-xl-base-1.0',
  Flux: 'FLUX.1-schnell',
  BERT: 'bert-large-uncased',
  E5: 'e5-large-v2',
  BGE: 'bge-large-en-v1.5',
  GTE: 'gte-large',
  ResNet: 'resnet-50',
  YOLO: 'yolov8x',
};

describe('property: a task read from the model converts as the same task stated', async () => {
  const bases = [row('chat-8b'), row('batch-8b')];
  const pairs = MODEL_FAMILIES.flatMap((f, i) =>
    bases.map((b, j) => {
      const model = NAMES[f.family]!;
      const read = variant(b, { id: `read-${i}-${j}`, model, task: null });
      const stated = variant(b, { id: `stated-${i}-${j}`, model, task: taskOfModel(model)!.task });
      return { family: f.family, read, stated };
    }),
  );
  const a = await run(pairs.flatMap((p) => [p.read, p.stated]));

  it('every family has a name here, read as its own task', () => {
    for (const f of MODEL_FAMILIES) expect(taskOfModel(NAMES[f.family])?.task).toBe(f.task);
  });

  it.each(pairs.map((p) => [p.read.id, p.family, p] as const))(
    '%s (%s): the same GPUs, ratios, sources and months as the task stated',
    (_, __, p) => {
      expect(p.read.task).toBe(p.stated.task);
      expect(p.read.assumed).toContain('task');
      expect(p.stated.assumed).not.toContain('task');
      for (const s of ['cloud', 'depin'] as const) {
        const r = a.workloads.find((w) => w.id === p.read.id)!.decision[s];
        const t = a.workloads.find((w) => w.id === p.stated.id)!.decision[s];
        expect(r === null).toBe(t === null);
        if (r === null || t === null) continue;
        expect(side(a, p.read.id, s)).toEqual(side(a, p.stated.id, s));
      }
    },
  );

  it('an unknown model converts as no model at all: the pooled band ratios, as before', async () => {
    const chat = row('chat-8b');
    const unknown = variant(chat, { id: 'unknown', model: 'our-support-model-v2' });
    const none = variant(chat, { id: 'none', model: null });
    expect([unknown.task, unknown.assumed.includes('task')]).toEqual([null, false]);
    const b = await run([unknown, none]);
    for (const s of ['cloud', 'depin'] as const) expect(side(b, 'unknown', s)).toEqual(side(b, 'none', s));
    expect(side(b, 'unknown', 'depin').gpu).toBe('L40S');
    expect(side(b, 'unknown', 'depin').monthlyUsd).toBeCloseTo(613.2, 2);
  });
});
