/**
 * Child entry: runs one case in a fresh process (so no case inherits another's heap, JIT feedback or page
 * cache warmth) and prints its results as one JSON array on stdout. Usage: runCase.ts <case> [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_MODULES } from './cases/index.js';

const [name, ...rest] = process.argv.slice(2);
const entry = CASE_MODULES.find((c) => c.name === name);
if (entry === undefined) {
  process.stderr.write(`runCase: unknown case ${name}\n`);
  process.exit(2);
}
const tmpDir = mkdtempSync(join(tmpdir(), `gpufit-bench-${name}-`));
try {
  const bench = await entry.load();
  const results = await bench.run({ quick: rest.includes('--quick'), tmpDir });
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}
