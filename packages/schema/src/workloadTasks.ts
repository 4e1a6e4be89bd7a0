import type { OutputUnit } from './vocabulary.js';

/**
 * What a workload's model does — its modality. It picks the measured GPU throughput ratio of that kind of model
 * (`datasets/throughput-ratios.csv` rows with a `task`), so a speech model is not converted at a text generator's
 * ratio: MLPerf measures each task on its own benchmarks, and one GPU's lead over another differs between them.
 * The names follow the workload classes `datasets/scripts/compile-throughput.ts` reads from the MLPerf results:
 * - `text-generation`: decoder LLMs (MLPerf gptj, llama2-70b, llama3.1-8b/405b, mixtral; training gpt3, llama 3.1,
 *   Llama 2 70B LoRA);
 * - `image-generation`: diffusion models (MLPerf stable-diffusion-xl; training Stable Diffusion v2, Flux.1);
 * - `speech-to-text`: speech recognition (MLPerf whisper);
 * - `embeddings-or-encoder`: encoders, embedding models and rerankers (MLPerf bert; training BERT);
 * - `vision`: image classification and detection (MLPerf resnet50, retinanet);
 * - `other`: none of these — no benchmark measures it, so only the GPU the demand is stated on is priced (or, under
 *   gpuPolicy any, others without a speed-up).
 */
export const WORKLOAD_TASKS = [
  'text-generation',
  'image-generation',
  'speech-to-text',
  'embeddings-or-encoder',
  'vision',
  'other',
] as const;
export type WorkloadTask = (typeof WORKLOAD_TASKS)[number];

export interface WorkloadTaskSpec {
  readonly id: WorkloadTask;
  /**
   * The unit of output an inference workload of this task is priced per when it states no `outputUnit`; `null`
   * when the task generates none of tokens, images or audio (an embedding, a class, a box): then no cost per unit
   * of output is given rather than one in tokens.
   */
  readonly outputUnit: OutputUnit | null;
}

function defineTasks(
  specs: {
    readonly [T in WorkloadTask]: Omit<WorkloadTaskSpec, 'id'>;
  },
): { readonly [T in WorkloadTask]: WorkloadTaskSpec } {
  const out = {} as Record<WorkloadTask, WorkloadTaskSpec>;
  for (const id of WORKLOAD_TASKS) out[id] = { id, ...specs[id] };
  return out;
}

export const workloadTasks = defineTasks({
  'text-generation': { outputUnit: 'tokens' },
  'image-generation': { outputUnit: 'images' },
  // Transcribed audio: the measured file has no audio-hours rate, so the cost per unit says it has none.
  'speech-to-text': { outputUnit: 'audio-hours' },
  'embeddings-or-encoder': { outputUnit: null },
  vision: { outputUnit: null },
  other: { outputUnit: null },
});
