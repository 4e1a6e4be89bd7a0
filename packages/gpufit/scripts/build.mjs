// Bundles the CLI (and the Monte Carlo worker) into dist/ as plain ESM that `node` runs with no build tools.
// Commands and heavy libraries (mathjs, chart.js, the canvas) are split into chunks loaded on demand, so
// `gpufit --help` loads only the command table.
//
// Files are replaced one by one with an atomic rename, and chunks of earlier builds are kept for ten minutes, so
// a CLI process started from the previous build (a test, a benchmark) never finds its files missing.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entries = ['src/cli.ts', 'src/parallel/monteCarloWorker.ts'].filter((e) => existsSync(join(root, e)));
const result = await build({
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
  write: false,
});

const written = new Set();
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents, { mode: file.path.endsWith('cli.mjs') ? 0o755 : 0o644 });
  renameSync(temp, file.path);
  written.add(relative(dist, file.path));
}

const chunks = join(dist, 'chunks');
const stale = Date.now() - 10 * 60 * 1000;
for (const name of existsSync(chunks) ? readdirSync(chunks) : []) {
  const path = join(chunks, name);
  if (!written.has(relative(dist, path)) && statSync(path).mtimeMs < stale) rmSync(path, { force: true });
}
