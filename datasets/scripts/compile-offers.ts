/**
 * Builds every generated file in datasets/ from ../shared/reference/ only:
 *   offers.csv, regions.csv, gpu-tiers.csv, gpu-aliases.csv, networks.csv
 * and rewrites the measured coverage + build-log section of datasets/README.md.
 * Deterministic: no clock, no randomness, rows sorted by a stable key.
 *
 *   npx tsx datasets/scripts/compile-offers.ts [--out DIR]
 *
 * With --out the files (and a copy of README.md with its generated section) go to DIR instead of datasets/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCatalog } from './lib/compileCatalog';
import { datasetsDir, referenceDir } from './lib/paths';

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--out');
  const outDir = at >= 0 ? path.resolve(argv[at + 1] ?? '') : datasetsDir;
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const readme = readFileSync(path.join(datasetsDir, 'README.md'), 'utf8');
  const { files, log } = compileCatalog(referenceDir, readme);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text, 'utf8');
  for (const line of log) console.log(line);
}

main(process.argv.slice(2));
