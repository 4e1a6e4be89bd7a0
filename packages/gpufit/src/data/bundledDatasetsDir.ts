import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = path.join('datasets', 'offers.csv');
const PACKAGE = path.join('node_modules', '@gpufit', 'datasets');

/**
 * The `datasets/` folder shipped with gpufit. Walks up from this module's own location (the TypeScript source at
 * packages/gpufit/src/data/, the bundle at packages/gpufit/dist/cli.mjs, or an installed copy in node_modules)
 * and, at each folder, takes the `@gpufit/datasets` package installed there (gpufit's dependency; in this
 * workspace a link to the repository's `datasets/`, returned as its real path) or else a `datasets/offers.csv`
 * folder. Node's own resolver is not used, so `NODE_PATH` cannot point it elsewhere. `GPUFIT_DATASETS` is not
 * consulted: callers pass a directory explicitly when they want another one.
 */
export function bundledDatasetsDir(from: string = import.meta.url): string {
  const start = from.startsWith('file:') ? path.dirname(fileURLToPath(from)) : path.resolve(from);
  let dir = start;
  for (;;) {
    const installed = path.join(dir, PACKAGE);
    if (existsSync(path.join(installed, 'offers.csv'))) return realpathSync(installed);
    if (existsSync(path.join(dir, MARKER))) return path.join(dir, 'datasets');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `gpufit: cannot find the bundled datasets (a folder with ${MARKER}) or the @gpufit/datasets package in a node_modules above ${start}; pass a datasets directory explicitly`,
  );
}
