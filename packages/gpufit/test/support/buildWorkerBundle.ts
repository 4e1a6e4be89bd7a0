/**
 * Bundles src/parallel/monteCarloWorker.ts with esbuild into a temporary folder, as the CLI build does for
 * dist/monteCarloWorker.mjs: Node 20 worker threads cannot load TypeScript sources, so the parallel tests
 * run workers from this bundle. Workspace packages resolve to their sources (`@gpufit/source` condition).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildWorkerBundle(): Promise<{ readonly url: URL; readonly dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-mc-worker-'));
  const outfile = join(dir, 'monteCarloWorker.mjs');
  await build({
    entryPoints: [join(here, '../../src/parallel/monteCarloWorker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@gpufit/source'],
    // The kernel never loads the formula engine; keep it out of the bundle.
    external: ['mathjs'],
    logLevel: 'warning',
  });
  return { url: pathToFileURL(outfile), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
