/**
 * Child entry: runs one case in a fresh process (so no case inherits another's heap, JIT feedback or page
 * cache warmth) and prints its results as one JSON array on stdout. Usage: runCase.ts <case> [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_MODULES } from './cases/index.js';
import { failed } from './harness/result.js';

const [name, ...rest] = process.argv.slice(2);
const entry = CASE_MODULES.find((c) => c.name === name);
if (entry === undefined) {
  process.stderr.write(`runCase: unknown case ${name}\n`);
  process.exit(2);
}
const tmpDir = mkdtempSync(join(tmpdir(), `gpufit-bench-${name}-`));
try {
  const bench = await entry.load();
  const before = loadavg()[0]!;
  const results = await bench.run({ quick: rest.includes('--quick'), tmpDir });
  // Other work on the machine shows in every figure; say how busy it was (1-minute load average, start → end).
  const load = `load average ${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`;
  const noted = results.map((r) => ({ ...r, note: r.note === null ? load : `${r.note} [${load}]` }));
  process.stdout.write(`${JSON.stringify(noted)}\n`);
} catch (error) {
  // Report the failure as results (so --json stays one array), then exit 1.
  const why = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? why) : why}\n`);
  process.stdout.write(`${JSON.stringify(entry.results.map((r) => failed(r, why)))}\n`);
  process.exitCode = 1;
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}
