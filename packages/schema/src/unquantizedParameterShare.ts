/**
 * The share of a model's parameters that QLoRA leaves unquantized: the token embeddings and the LM head (norms are
 * a few hundred thousand parameters and not counted). bitsandbytes' 4-bit loading quantizes the linear layers only,
 * so these stay at the stated precision (16-bit in the QLoRA paper). A profile does not state vocabulary or hidden
 * size, so the share is read off the published configs (Hugging Face `config.json`: `vocab_size`, `hidden_size`,
 * `tie_word_embeddings`) of the common open model families, as a function of the model's size.
 */

/** One published model: its size and its embedding + LM head parameters (vocab × hidden, twice when untied). */
export interface EmbeddingCensusEntry {
  readonly model: string;
  /** Total parameters, in billions (the model card's figure). */
  readonly paramsBillions: number;
  readonly vocab: number;
  readonly hidden: number;
  /** The LM head shares the embedding matrix (`tie_word_embeddings: true`): counted once. */
  readonly tied: boolean;
}

/**
 * The census: Llama 3.1/3.2 (vocab 128,256), Qwen2.5 (151,936 up to 3B, 152,064 from 7B), Mistral 7B v0.1 and the
 * QLoRA paper's own LLaMA-7B (32,000). Sizes from each model card; shapes from each `config.json` on Hugging Face.
 */
export const EMBEDDING_CENSUS: readonly EmbeddingCensusEntry[] = [
  { model: 'Qwen2.5-0.5B', paramsBillions: 0.49, vocab: 151_936, hidden: 896, tied: true },
  { model: 'Llama-3.2-1B', paramsBillions: 1.24, vocab: 128_256, hidden: 2048, tied: true },
  { model: 'Qwen2.5-1.5B', paramsBillions: 1.54, vocab: 151_936, hidden: 1536, tied: true },
  { model: 'Qwen2.5-3B', paramsBillions: 3.09, vocab: 151_936, hidden: 2048, tied: true },
  { model: 'Llama-3.2-3B', paramsBillions: 3.21, vocab: 128_256, hidden: 3072, tied: true },
  { model: 'LLaMA-7B', paramsBillions: 6.74, vocab: 32_000, hidden: 4096, tied: false },
  { model: 'Mistral-7B-v0.1', paramsBillions: 7.24, vocab: 32_000, hidden: 4096, tied: false },
  { model: 'Qwen2.5-7B', paramsBillions: 7.61, vocab: 152_064, hidden: 3584, tied: false },
  { model: 'Llama-3.1-8B', paramsBillions: 8.03, vocab: 128_256, hidden: 4096, tied: false },
  { model: 'Qwen2.5-14B', paramsBillions: 14.7, vocab: 152_064, hidden: 5120, tied: false },
  { model: 'Qwen2.5-32B', paramsBillions: 32.5, vocab: 152_064, hidden: 5120, tied: false },
  { model: 'Llama-3.1-70B', paramsBillions: 70.6, vocab: 128_256, hidden: 8192, tied: false },
  { model: 'Qwen2.5-72B', paramsBillions: 72.7, vocab: 152_064, hidden: 8192, tied: false },
  { model: 'Llama-3.1-405B', paramsBillions: 405.9, vocab: 128_256, hidden: 16_384, tied: false },
];

/** Embedding + LM head parameters of one census entry, in billions. */
export function embeddingParamsBillions(e: EmbeddingCensusEntry): number {
  return (e.vocab * e.hidden * (e.tied ? 1 : 2)) / 1e9;
}

/**
 * The upper envelope of the census, as (size, embedding parameters) points in billions: sorted by size, a model is
 * kept when it holds more embedding parameters than every smaller model kept. Taking the largest at each size is a
 * gpufit assumption: the profile does not name its model, and counting the large-vocabulary families (128k–152k
 * tokens, most of today's open models) keeps a replica from being sized short of memory.
 */
const ENVELOPE: readonly (readonly [number, number])[] = (() => {
  const pts = EMBEDDING_CENSUS.map((e) => [e.paramsBillions, embeddingParamsBillions(e)] as const).sort(
    (a, b) => a[0] - b[0],
  );
  const kept: (readonly [number, number])[] = [];
  for (const p of pts) if (kept.length === 0 || p[1] > kept[kept.length - 1]![1]) kept.push(p);
  return kept;
})();

/**
 * Embedding + LM head parameters a model of `modelParamsBillions` is counted with, in billions: linear between the
 * envelope's points. Outside the census (gpufit assumptions): below the smallest model, its share (Qwen2.5-0.5B,
 * 27.8 %); above the largest, its count (Llama 3.1 405B, 4.20B). Non-decreasing in size, never above the size.
 */
export function unquantizedParamsBillions(modelParamsBillions: number): number {
  const first = ENVELOPE[0]!;
  const last = ENVELOPE[ENVELOPE.length - 1]!;
  if (modelParamsBillions <= first[0]) return (modelParamsBillions * first[1]) / first[0];
  if (modelParamsBillions >= last[0]) return last[1];
  let i = 1;
  while (ENVELOPE[i]![0] < modelParamsBillions) i++;
  const [x0, y0] = ENVELOPE[i - 1]!;
  const [x1, y1] = ENVELOPE[i]!;
  return y0 + ((modelParamsBillions - x0) / (x1 - x0)) * (y1 - y0);
}

/** The share of a model's parameters QLoRA leaves at the stated precision: `unquantizedParamsBillions` ÷ size. */
export function unquantizedParameterShare(modelParamsBillions: number): number {
  return modelParamsBillions > 0 ? unquantizedParamsBillions(modelParamsBillions) / modelParamsBillions : 0;
}
