/**
 * Builds datasets/throughput-ratios.csv and datasets/unit-throughput.csv from
 * ../shared/reference/throughput/measured-throughput.csv only, prints the build logs and rewrites the `throughput`
 * and `unit-throughput` generated sections of datasets/README.md. Deterministic: no clock,
 * no randomness, rows sorted by (class, band, GPU A, GPU B), numbers to 6 significant digits, LF line endings.
 *
 *   pnpm run datasets:throughput
 */
import path from 'node:path';
import { GPU_SPECS } from './data/gpu-specs';
import { REQUIRED_GPUS } from './data/required-gpus';
import { readCsv, writeCsv } from './lib/csvio';
import { replaceGenerated } from './lib/markdown';
import { datasetsDir, referenceDir } from './lib/paths';
import { compileThroughput, THROUGHPUT_COLUMNS, THROUGHPUT_FILE } from './lib/throughput';
import { throughputLog, throughputMarkdown } from './lib/throughputCoverage';
import {
  compileUnitThroughput,
  UNIT_THROUGHPUT_COLUMNS,
  UNIT_THROUGHPUT_FILE,
  unitThroughputLog,
  unitThroughputMarkdown,
} from './lib/unitThroughput';

function main(): void {
  const measured = readCsv(path.join(referenceDir, 'throughput', THROUGHPUT_FILE));
  const tiers = GPU_SPECS.map((s) => s.gpu);
  const build = compileThroughput(measured, new Set(tiers));
  writeCsv(path.join(datasetsDir, 'throughput-ratios.csv'), THROUGHPUT_COLUMNS, build.rows);
  const log = throughputLog(build);
  for (const line of log) console.log(line);
  replaceGenerated(
    path.join(datasetsDir, 'README.md'),
    'throughput',
    throughputMarkdown(build, log, REQUIRED_GPUS, tiers),
    'datasets/scripts/compile-throughput.ts',
  );
  const units = compileUnitThroughput(measured, new Set(tiers));
  writeCsv(path.join(datasetsDir, UNIT_THROUGHPUT_FILE), UNIT_THROUGHPUT_COLUMNS, units.rows);
  const unitLog = unitThroughputLog(units);
  for (const line of unitLog) console.log(line);
  replaceGenerated(
    path.join(datasetsDir, 'README.md'),
    'unit-throughput',
    unitThroughputMarkdown(units, unitLog),
    'datasets/scripts/compile-throughput.ts',
  );
}

main();
