import { type HostedApiPriceRow, type HostedApiPriceTable, hostedApiMonthlyUsd } from '@gpufit/pricing';
import { type WorkloadProfile, workloadKinds } from '@gpufit/schema';
import { checkHostedApi, type HostedApiAdmission, type HostedApiBlocker } from './hostedApiBlockers.js';

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

/** The figures of the month's tokens on the cheapest sourced hosted API, beside the recommended placement. */
export interface HostedApiFigures {
  /** The cheapest row for this volume (ties: the first in the file). */
  readonly row: HostedApiPriceRow;
  readonly inputTokensPerMonth: number;
  readonly outputTokensPerMonth: number;
  /** The input tokens are `INPUT_TOKENS_PER_OUTPUT_TOKEN` × the output (the workload stated none). */
  readonly inputAssumed: boolean;
  readonly hostedMonthlyUsd: number;
  readonly rentedMonthlyUsd: number;
}

/**
 * A hosted API the workload may use: its provider has a term on record (`datasets/hosted-api-terms.csv`) for each
 * requirement, listed in `admissions` with its basis and condition (empty when the workload requires nothing).
 */
export interface HostedApiCompared extends HostedApiFigures {
  readonly status: 'compared';
  readonly admissions: readonly HostedApiAdmission[];
}

/**
 * A hosted API sells the model, but no provider that sells it has on record what the workload requires: the cheapest
 * row's every blocker, in `hostedApiBlockers` order (at least one). The figures stay, so the sentence can give them.
 */
export interface HostedApiNotCounted extends HostedApiFigures {
  readonly status: 'not-counted';
  readonly blockers: readonly [HostedApiBlocker, ...HostedApiBlocker[]];
}

export type HostedApiComparison = HostedApiCompared | HostedApiNotCounted;

/**
 * The hosted API comparison of an inference workload that names its model (`model`) and outputs tokens: null when
 * it names none, no hosted price matches it, its weights are custom (`customWeights`), it states no volume
 * (`outputPerMonth`) or the placement has no monthly cost; else the cheapest hosted cost of the month's tokens
 * ({@link hostedApiMonthlyUsd}) against `rentedMonthlyUsd`, on the cheapest row whose provider has on record every
 * term the workload requires ({@link hostedApiBlockers}: certifications, zero retention for confidential data, a BAA
 * for regulated data, serving places inside its residency) — or, when no provider does, `not-counted` with the
 * cheapest row's every blocker.
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
  const output = profile.outputPerMonth;
  if (rows.length === 0 || output === null || rentedMonthlyUsd === null) return null;
  const stated = profile.inputTokensPerMonth;
  const input = stated ?? output * INPUT_TOKENS_PER_OUTPUT_TOKEN;
  const monthOn = (r: HostedApiPriceRow) =>
    hostedApiMonthlyUsd(input, output, r.usdPerMillionInputTokens, r.usdPerMillionOutputTokens);
  // Each row against the workload's requirements once: its blockers choose it, its admissions are said.
  const checked = rows.map((r) => ({ row: r, ...checkHostedApi(profile, r, table.termsOf(r.provider)) }));
  // The cheapest row for this month's tokens among those counted, else among all (ties: the first in the file).
  const counted = checked.filter((c) => c.blockers.length === 0);
  const candidates = counted.length > 0 ? counted : checked;
  let best = candidates[0]!;
  let hostedMonthlyUsd = monthOn(best.row);
  for (const c of candidates.slice(1)) {
    const usd = monthOn(c.row);
    if (usd < hostedMonthlyUsd) {
      best = c;
      hostedMonthlyUsd = usd;
    }
  }
  const { row } = best;
  const figures: HostedApiFigures = {
    row,
    inputTokensPerMonth: input,
    outputTokensPerMonth: output,
    inputAssumed: stated === null,
    hostedMonthlyUsd,
    rentedMonthlyUsd,
  };
  const [first, ...rest] = best.blockers;
  return first === undefined
    ? { status: 'compared', ...figures, admissions: best.admissions }
    : { status: 'not-counted', ...figures, blockers: [first, ...rest] };
}

/**
 * Whether the hosted API undercuts the placement by the margin (`HOSTED_API_MARGIN`): the test for both sentences —
 * a hosted API that is not counted is named only when it would have been clearly cheaper, never when renting wins.
 */
export function hostedApiClearlyCheaper(c: HostedApiComparison): boolean {
  return c.rentedMonthlyUsd > 0 && c.hostedMonthlyUsd <= (1 - HOSTED_API_MARGIN) * c.rentedMonthlyUsd;
}
