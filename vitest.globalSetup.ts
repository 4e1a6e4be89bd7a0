import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests run the CLI as a user does, as the bundle `node packages/gpufit/dist/cli.mjs`, so the
 * bundle is built once before any test file runs (about a second with esbuild).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['packages/gpufit/scripts/build.mjs'], { stdio: 'inherit' });
}
