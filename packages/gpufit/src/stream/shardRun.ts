import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ShardDigests, ShardSpec } from '@gpufit/analysis';
import { MAX_SHARDS } from '@gpufit/analysis';
import type { Offer, Scenario } from '@gpufit/schema';
import { badInput } from '../cli/errors.js';

const SHARD_HINT =
  'Write --shard INDEX/COUNT with 0 ≤ INDEX < COUNT, e.g. --shard 3/100; INDEX may name an environment variable that holds it, e.g. --shard JOB_COMPLETION_INDEX/100 (Kubernetes indexed Job) or --shard AWS_BATCH_JOB_ARRAY_INDEX/100 (AWS Batch array job).';

/**
 * `--shard INDEX/COUNT`: shard INDEX (0-based) of COUNT. INDEX may be the name of an environment variable that
 * holds it, so a Kubernetes indexed Job or an AWS Batch array job passes its index without a shell.
 */
export function parseShard(
  text: string,
  env: NodeJS.ProcessEnv = process.env,
  option: '--shard' | '--part' = '--shard',
): ShardSpec {
  const match = /^([^/]+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw badInput(`${option} ${JSON.stringify(text)} is not INDEX/COUNT`, SHARD_HINT);
  const [, indexText, countText] = match as unknown as [string, string, string];
  const count = Number(countText);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS)
    throw badInput(`${option} ${text}: COUNT must be a whole number from 1 to ${MAX_SHARDS}`, SHARD_HINT);
  let digits = indexText;
  let from = '';
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(indexText)) {
    const value = env[indexText];
    if (value === undefined || value.trim() === '')
      throw badInput(`${option} ${text}: the environment variable ${indexText} is not set`, SHARD_HINT);
    digits = value.trim();
    from = ` (from ${indexText}=${JSON.stringify(value)})`;
  }
  if (!/^\d+$/.test(digits))
    throw badInput(`${option} ${text}: INDEX${from} is not a whole number`, SHARD_HINT);
  const index = Number(digits);
  if (index >= count)
    throw badInput(`${option} ${text}: INDEX ${index}${from} must be below COUNT ${count}`, SHARD_HINT);
  return { index, count };
}

/** `sha256:` and the hex digest of a file's bytes, read as a stream. */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * The digests a shard's header carries: the catalog as loaded (every accepted offer, whatever file or cache it
 * came from), the resolved scenario with the run's horizon (command-line overrides and the analysis date
 * included: shards run on different days without --analysis-date differ), the workloads file's bytes.
 */
export async function shardDigests(
  offers: readonly Offer[],
  scenario: Scenario,
  horizonMonths: number | undefined,
  workloadsPath: string,
): Promise<ShardDigests> {
  const catalog = createHash('sha256');
  for (const o of offers) catalog.update(`${JSON.stringify(o)}\n`);
  return {
    catalog: `sha256:${catalog.digest('hex')}`,
    scenario: scenarioDigest(scenario, horizonMonths ?? null),
    workloads: await fileDigest(workloadsPath),
  };
}

export function scenarioDigest(scenario: Scenario, horizonMonths: number | null): string {
  return `sha256:${createHash('sha256').update(JSON.stringify({ scenario, horizonMonths })).digest('hex')}`;
}
