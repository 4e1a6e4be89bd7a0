import { normalizeModelName } from './normalizeModelName.js';
import type { WorkloadTask } from './workloadTasks.js';

/** A model family gpufit recognises in a workload's `model`, and the task its models do. */
export interface ModelFamily {
  /** As a reader names it: "Llama", "Whisper". */
  readonly family: string;
  readonly task: WorkloadTask;
  /** The model card of one of its models (Hugging Face), which states what it does. */
  readonly source: string;
  /** Whether a word of the model's key (`normalizeModelName`, split at hyphens) names this family. */
  readonly matches: (word: string, next: string | undefined) => boolean;
}

const startsWith =
  (...stems: readonly string[]) =>
  (word: string): boolean =>
    stems.some((s) => word.startsWith(s));
const is =
  (...names: readonly string[]) =>
  (word: string): boolean =>
    names.includes(word);

/** A family whose model card is `https://huggingface.co/<card>`. */
function family(
  name: string,
  task: WorkloadTask,
  card: string,
  matches: ModelFamily['matches'],
): ModelFamily {
  return { family: name, task, source: `https://huggingface.co/${card}`, matches };
}

/**
 * The open-weight model families whose task is not in doubt, each read from its publisher's model card: decoder LLMs
 * (Meta Llama, Alibaba Qwen, Mistral AI's Mistral and Mixtral, DeepSeek, Google Gemma — the families of
 * datasets/hosted-api-prices.csv), OpenAI Whisper (speech recognition, MLPerf whisper), Stability AI's Stable
 * Diffusion and SDXL and Black Forest Labs' Flux (diffusion image generators, MLPerf stable-diffusion-xl, training
 * Flux.1), Google BERT and the e5 (Microsoft), bge (BAAI) and gte (Alibaba) text-embedding models (encoders, MLPerf
 * bert), ResNet and YOLO (image classification and detection, MLPerf resnet50). A name is matched on the words of its
 * hosted-API key (`normalizeModelName`: "meta-llama/Meta-Llama-3.1-8B-Instruct" → llama, 3.1, 8b).
 */
export const MODEL_FAMILIES: readonly ModelFamily[] = [
  family('Llama', 'text-generation', 'meta-llama/Llama-3.1-8B-Instruct', startsWith('llama')),
  family('Qwen', 'text-generation', 'Qwen/Qwen2.5-7B-Instruct', startsWith('qwen', 'qwq')),
  family(
    'Mistral',
    'text-generation',
    'mistralai/Mistral-7B-Instruct-v0.3',
    startsWith('mistral', 'mixtral', 'ministral'),
  ),
  family('DeepSeek', 'text-generation', 'deepseek-ai/DeepSeek-V3', startsWith('deepseek')),
  family('Gemma', 'text-generation', 'google/gemma-2-9b-it', startsWith('gemma')),
  family('Whisper', 'speech-to-text', 'openai/whisper-large-v3', startsWith('whisper')),
  family(
    'Stable Diffusion',
    'image-generation',
    'stabilityai/stable-diffusion-xl-base-1.0',
    (w, next) => startsWith('sdxl', 'sd3')(w) || (w === 'stable' && next === 'diffusion'),
  ),
  family('Flux', 'image-generation', 'black-forest-labs/FLUX.1-dev', startsWith('flux')),
  family('BERT', 'embeddings-or-encoder', 'google-bert/bert-base-uncased', is('bert')),
  family('E5', 'embeddings-or-encoder', 'intfloat/e5-large-v2', is('e5')),
  family('BGE', 'embeddings-or-encoder', 'BAAI/bge-large-en-v1.5', is('bge')),
  family('GTE', 'embeddings-or-encoder', 'thenlper/gte-large', is('gte')),
  family('ResNet', 'vision', 'microsoft/resnet-50', startsWith('resnet')),
  family('YOLO', 'vision', 'Ultralytics/YOLOv8', startsWith('yolo')),
];

/** The task a workload's model does, and the family it was read from. */
export interface ModelTask {
  readonly task: WorkloadTask;
  readonly family: string;
}

/**
 * The task of a model gpufit recognises by name (`MODEL_FAMILIES`), or null: an unknown model, or a name whose words
 * name families of different tasks ("whisper-llama"), is not guessed at. A workload that states its `task` keeps it;
 * this fills an empty one only.
 */
export function taskOfModel(model: string | null | undefined): ModelTask | null {
  if (model == null) return null;
  const words = normalizeModelName(model).split('-');
  let found: ModelTask | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    for (const f of MODEL_FAMILIES) {
      if (!f.matches(word, words[i + 1])) continue;
      if (found !== null && found.task !== f.task) return null;
      found ??= { task: f.task, family: f.family };
    }
  }
  return found;
}
