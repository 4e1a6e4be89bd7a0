// Bundles the CLI (and the Monte Carlo and chart workers) into dist/ as plain ESM that `node` runs with no build tools.
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
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['@gpufit/source'],
  banner: {
    js: "import { createRequire as __gpufitCreateRequire } from 'node:module'; const require = __gpufitCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};
// The CLI, split into chunks loaded on demand.
const cli = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  external: ['@napi-rs/canvas', 'playwright-core'],
});
// The Monte Carlo worker as one self-contained file (the kernel and its generator, ≈ 24 KB): sharing the CLI's
// chunks made every worker load the 0.9 MB chunk with zod and the schemas before its first trial.
const worker = existsSync(join(root, 'src/parallel/monteCarloWorker.ts'))
  ? await build({ ...common, entryPoints: ['src/parallel/monteCarloWorker.ts'] })
  : { outputFiles: [] };
// zod re-exports its forty-odd message locales as `z.locales` (≈ 260 KB minified); the engine uses only the
// English one zod configures by default, so the what-if bundle gets a locales index that holds only `en`.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};
// The what-if page's engine (whatif.html): the pure analysis as one browser script, built here so an installed
// gpufit writes the page without a bundler; gpufit inlines it into every whatif.html it writes.
const whatif = existsSync(join(root, 'src/whatif/whatifWorker.ts'))
  ? await build({
      ...common,
      entryPoints: { 'whatif-engine': 'src/whatif/whatifWorker.ts' },
      outExtension: { '.js': '.js' },
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      banner: {},
      minify: true,
      plugins: [englishOnlyZod],
    })
  : { outputFiles: [] };
// The chart worker, self-contained in the same way (chart.js inside, ≈ 0.5 MB; the native canvas stays external):
// it starts loading while the CLI loads the catalog, so it must not wait for the CLI's chunks.
const chartWorker = existsSync(join(root, 'src/render/chartWorker.ts'))
  ? await build({ ...common, entryPoints: ['src/render/chartWorker.ts'], external: ['@napi-rs/canvas'] })
  : { outputFiles: [] };
const result = {
  outputFiles: [...cli.outputFiles, ...worker.outputFiles, ...whatif.outputFiles, ...chartWorker.outputFiles],
};

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
