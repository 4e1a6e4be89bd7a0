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
import { offerRowProblems } from './lib/checkOffers';
import { compileCatalog } from './lib/compileCatalog';
import { datasetsDir, referenceDir } from './lib/paths';

function main(argv: readonly string[]): void {
  const at = argv.indexOf('--out');
  const outDir = at >= 0 ? path.resolve(argv[at + 1] ?? '') : datasetsDir;
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const readme = readFileSync(path.join(datasetsDir, 'README.md'), 'utf8');
  const { files, log } = compileCatalog(referenceDir, readme);
  // Nothing is written when a compiled offer would not load: the CLI would skip it (and every row like it).
  const problems = offerRowProblems(files['offers.csv'] ?? '');
  if (problems.length > 0) {
    console.error(`offers.csv: ${problems.length} problem(s) in rows gpufit would reject; nothing written:`);
    for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
    if (problems.length > 20) console.error(`  … and ${problems.length - 20} more`);
    process.exit(1);
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text, 'utf8');
  for (const line of log) console.log(line);
}

main(process.argv.slice(2));
