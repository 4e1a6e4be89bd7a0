import { type HostedApiPriceRow, type HostedApiPriceTable, hostedApiMonthlyUsd } from '@gpufit/pricing';
import { type WorkloadProfile, workloadKinds } from '@gpufit/schema';

/**
 * Prompt tokens per generated token when a workload states only its output (`outputPerMonth`): 3 (gpufit
 * assumption: a chat or retrieval request sends its system prompt, history and context, longer than the reply;
 * a hosted API bills them all). `inputTokensPerMonth` replaces it.
 */
export const INPUT_TOKENS_PER_OUTPUT_TOKEN = 3;

/**
 * A hosted API is named when it would cost at most this share less than the recommended placement: a quarter
 * (gpufit assumption) covers what the per-token price leaves out — rate limits, prices that move between the
 * stored page and today, and the assumed input tokens.
 */
export const HOSTED_API_MARGIN = 0.25;

/** Data a hosted API is not considered for: the provider's servers would process it. */
const KEPT_IN_HOUSE: ReadonlySet<WorkloadProfile['dataSensitivity']> = new Set(['confidential', 'regulated']);

/** What the month's tokens would cost on the cheapest sourced hosted API, beside the recommended placement. */
export interface HostedApiCompared {
  readonly status: 'compared';
  /** The cheapest row for this volume (ties: the first in the file). */
  readonly row: HostedApiPriceRow;
  readonly inputTokensPerMonth: number;
  readonly outputTokensPerMonth: number;
  /** The input tokens are `INPUT_TOKENS_PER_OUTPUT_TOKEN` × the output (the workload stated none). */
  readonly inputAssumed: boolean;
  readonly hostedMonthlyUsd: number;
  readonly rentedMonthlyUsd: number;
}

/** A hosted API sells the model, but the workload's data may not go there. */
export interface HostedApiNotConsidered {
  readonly status: 'not-considered';
  readonly row: HostedApiPriceRow;
  readonly reason: string;
}

export type HostedApiComparison = HostedApiCompared | HostedApiNotConsidered;

/** The price of 1M tokens at `inputPerOutput` input tokens per output token, per output token's worth. */
const perOutputToken = (r: HostedApiPriceRow, inputPerOutput: number) =>
  r.usdPerMillionInputTokens * inputPerOutput + r.usdPerMillionOutputTokens;

/**
 * The hosted API comparison of an inference workload that names its model (`model`) and outputs tokens: null when
 * it names none, no hosted price matches it, its weights are custom (`customWeights`), it states no volume
 * (`outputPerMonth`) or the placement has no monthly cost; `not-considered` when its data is confidential or
 * regulated or bound to a residency; else the cheapest hosted cost of the month's tokens
 * ({@link hostedApiMonthlyUsd}) against `rentedMonthlyUsd`.
 */
export function compareHostedApi(
  profile: WorkloadProfile,
  table: HostedApiPriceTable,
  rentedMonthlyUsd: number | null,
): HostedApiComparison | null {
  if (profile.model === null || profile.customWeights === true) return null;
  if (workloadKinds[profile.kind].throughputClass !== 'inference' || profile.outputUnit !== 'tokens')
    return null;
  const rows = table.lookup(profile.model);
  if (rows.length === 0) return null;
  const stated = profile.inputTokensPerMonth;
  const ratio =
    stated !== null && profile.outputPerMonth !== null && profile.outputPerMonth > 0
      ? stated / profile.outputPerMonth
      : INPUT_TOKENS_PER_OUTPUT_TOKEN;
  let row = rows[0]!;
  for (const r of rows) if (perOutputToken(r, ratio) < perOutputToken(row, ratio)) row = r;
  if (KEPT_IN_HOUSE.has(profile.dataSensitivity)) {
    return { status: 'not-considered', row, reason: `its data is ${profile.dataSensitivity}` };
  }
  if (profile.residency.length > 0) {
    return {
      status: 'not-considered',
      row,
      reason: `its data must stay in ${profile.residency.join(', ')} and the hosted prices gpufit has name no region`,
    };
  }
  const output = profile.outputPerMonth;
  if (output === null || rentedMonthlyUsd === null) return null;
  const input = stated ?? output * INPUT_TOKENS_PER_OUTPUT_TOKEN;
  return {
    status: 'compared',
    row,
    inputTokensPerMonth: input,
    outputTokensPerMonth: output,
    inputAssumed: stated === null,
    hostedMonthlyUsd: hostedApiMonthlyUsd(
      input,
      output,
      row.usdPerMillionInputTokens,
      row.usdPerMillionOutputTokens,
    ),
    rentedMonthlyUsd,
  };
}

/** Whether the hosted API undercuts the placement by the margin (`HOSTED_API_MARGIN`). */
export function hostedApiClearlyCheaper(c: HostedApiCompared): boolean {
  return c.rentedMonthlyUsd > 0 && c.hostedMonthlyUsd <= (1 - HOSTED_API_MARGIN) * c.rentedMonthlyUsd;
}
