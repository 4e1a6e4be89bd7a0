import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (benchmarks/src → ../..). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const CLI_BUNDLE = join(REPO_ROOT, 'packages', 'gpufit', 'dist', 'cli.mjs');
export const MONTE_CARLO_WORKER = join(REPO_ROOT, 'packages', 'gpufit', 'dist', 'monteCarloWorker.mjs');

/**
 * Why the CLI bundle cannot be benchmarked, or null when it is there. Other work in the same tree may be
 * rebuilding it (the build empties dist/ first), so a missing bundle is waited for up to `waitMs`.
 */
export function cliBundleMissing(waitMs = 60_000): string | null {
  return waitForFile(CLI_BUNDLE, waitMs)
    ? null
    : `${CLI_BUNDLE} is missing; build it with \`pnpm --filter gpufit run build\` (it did not build on this tree)`;
}

/** Polls for `path` (a rebuild in progress) up to `waitMs`; whether it exists. */
export function waitForFile(path: string, waitMs = 60_000): boolean {
  const deadline = Date.now() + waitMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) return false;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  return true;
}
