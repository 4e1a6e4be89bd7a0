/**
 * Words that name a serving variant, not a different model: an instruct or chat tune of the same weights, a
 * provider's "Turbo" (quantized) build, a precision tag. Dropped so "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"
 * and "Llama 3.1 70B" meet at one key.
 */
const VARIANT_WORDS: ReadonlySet<string> = new Set([
  'instruct',
  'turbo',
  'chat',
  'it',
  'hf',
  'fp8',
  'fp16',
  'bf16',
  'awq',
]);

/**
 * A model name as a matching key: lower case, the organisation path dropped ("meta-llama/", "accounts/fireworks/
 * models/"), spaces, underscores and colons as hyphens, Fireworks' "v3p1" as "3.1", "Meta-Llama" and "llama3" as
 * "llama-3", and variant words dropped. Versions and sizes stay: "llama-3.1-70b" and "llama-3.3-70b" are two models.
 * E.g. "Meta-Llama-3.1-70B-Instruct-Turbo" → "llama-3.1-70b"; "llama-v3p1-70b-instruct" → "llama-3.1-70b".
 */
export function normalizeModelName(name: string): string {
  let s = name.trim().toLowerCase();
  s = s.slice(s.lastIndexOf('/') + 1);
  s = s.replace(/[\s_:]+/g, '-');
  s = s.replace(/\bv(\d+)p(\d+)\b/g, '$1.$2');
  s = s.replace(/^meta-llama-/, 'llama-').replace(/^meta-/, '');
  s = s.replace(/^llama(\d)/, 'llama-$1');
  return s
    .split('-')
    .filter((w) => w !== '' && !VARIANT_WORDS.has(w))
    .join('-');
}
