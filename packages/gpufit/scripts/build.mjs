// Bundles the CLI (and the Monte Carlo worker) into dist/ as plain ESM that `node` runs with no build tools.
// Commands and heavy libraries (mathjs, chart.js, the canvas) are split into chunks loaded on demand, so
// `gpufit --help` loads only the command table.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['src/cli.ts', 'src/parallel/monteCarloWorker.ts'].filter((e) => existsSync(join(root, e)));
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@gpufit/source'],
  external: ['@napi-rs/canvas', 'playwright-core'],
  banner: {
    js: "import { createRequire as __gpufitCreateRequire } from 'node:module'; const require = __gpufitCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
