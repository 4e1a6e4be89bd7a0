import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = path.join('datasets', 'offers.csv');

/**
 * The `datasets/` folder shipped with gpufit. Walks up from this module's own location (the TypeScript
 * source at packages/gpufit/src/data/, or the bundle at packages/gpufit/dist/cli.mjs) to the first folder
 * that holds `datasets/offers.csv`. `GPUFIT_DATASETS` is not consulted: callers pass a directory explicitly
 * when they want another one.
 */
export function bundledDatasetsDir(from: string = import.meta.url): string {
  const start = from.startsWith('file:') ? path.dirname(fileURLToPath(from)) : path.resolve(from);
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, MARKER))) return path.join(dir, 'datasets');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `gpufit: cannot find the bundled datasets (a folder with ${MARKER}) above ${start}; pass a datasets directory explicitly`,
  );
}
