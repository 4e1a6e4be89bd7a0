import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End-to-end tests run the CLI as a user does, as the bundle `node packages/gpufit/dist/cli.mjs`, so the
 * bundle is built once before any test file runs (about a second with esbuild).
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['packages/gpufit/scripts/build.mjs'], { stdio: 'inherit' });
  // The catalog cache of every test and CLI run it spawns goes to one temporary folder, never ~/.cache.
  const cache = mkdtempSync(join(tmpdir(), 'gpufit-test-cache-'));
  process.env['GPUFIT_CACHE_DIR'] = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
