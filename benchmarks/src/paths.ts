import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (benchmarks/src → ../..). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const CLI_BUNDLE = join(REPO_ROOT, 'packages', 'gpufit', 'dist', 'cli.mjs');
export const MONTE_CARLO_WORKER = join(REPO_ROOT, 'packages', 'gpufit', 'dist', 'monteCarloWorker.mjs');

/**
 * Why the CLI bundle cannot be benchmarked, or null when it is there. (A rebuild never leaves it missing: the
 * build replaces each file by an atomic rename and keeps earlier chunks for ten minutes.)
 */
export function cliBundleMissing(): string | null {
  return existsSync(CLI_BUNDLE)
    ? null
    : `${CLI_BUNDLE} is missing; build it with \`pnpm --filter gpufit run build\` (it did not build on this tree)`;
}
