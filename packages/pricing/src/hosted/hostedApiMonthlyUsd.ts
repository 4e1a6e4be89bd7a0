import { assert } from '../assert.js';
import { INVALID_HOSTED_API_TOKENS } from '../messages.js';

const finiteAtLeast0 = (x: number) => Number.isFinite(x) && x >= 0;

/**
 * What a month of tokens costs on a hosted API billed per token: (input tokens × input price + output tokens ×
 * output price) ÷ 1M, prices in USD per 1M tokens. E.g. 3.6e9 input and 1.2e9 output tokens at $0.13 / $0.40 cost
 * (3.6e9 × 0.13 + 1.2e9 × 0.40) ÷ 1e6 = $948. Linear in the volume; no minimum, rate limit or cache discount.
 */
export function hostedApiMonthlyUsd(
  inputTokensPerMonth: number,
  outputTokensPerMonth: number,
  usdPerMillionInputTokens: number,
  usdPerMillionOutputTokens: number,
): number {
  assert(
    finiteAtLeast0(inputTokensPerMonth) &&
      finiteAtLeast0(outputTokensPerMonth) &&
      finiteAtLeast0(usdPerMillionInputTokens) &&
      finiteAtLeast0(usdPerMillionOutputTokens),
    INVALID_HOSTED_API_TOKENS,
    () =>
      `${inputTokensPerMonth}, ${outputTokensPerMonth}, ${usdPerMillionInputTokens}, ${usdPerMillionOutputTokens}`,
  );
  return (
    (inputTokensPerMonth * usdPerMillionInputTokens + outputTokensPerMonth * usdPerMillionOutputTokens) / 1e6
  );
}
