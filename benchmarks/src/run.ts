/**
 * `pnpm run bench [--json] [--only a,b] [--quick] [--list]`: runs each selected case in its own child process
 * and reports value, floor and ratio per result. Progress goes to stderr; stdout carries only the results (a
 * table, or with --json one JSON array). Exit 1 when a case failed to run (a missed target is reported, not
 * an error).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CASE_MODULES } from './cases/index.js';
import { parseArgs } from './harness/args.js';
import { progress } from './harness/measure.js';
import { type BenchResult, failed } from './harness/result.js';

const USAGE = `usage: pnpm run bench [-- --json] [--only case,case] [--quick] [--list]
cases: ${CASE_MODULES.map((c) => c.name).join(', ')}`;

function runChild(name: string, quick: boolean): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, join(import.meta.dirname, 'runCase.ts'), name, ...(quick ? ['--quick'] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

function table(results: readonly BenchResult[]): string {
  const rows = [['name', 'unit', 'value', 'floor', 'ratio', 'target', 'met']];
  for (const r of results) {
    rows.push([
      r.name,
      r.unit,
      String(r.value ?? '—'),
      String(r.floor ?? '—'),
      String(r.ratio ?? '—'),
      r.target,
      r.met === null ? '—' : r.met ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd(),
  );
  const notes = results.filter((r) => r.note !== null).map((r) => `  ${r.name}: ${r.note}`);
  return [...lines, '', 'notes:', ...notes].join('\n');
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.list) {
    for (const c of CASE_MODULES) process.stdout.write(`${c.name}  (${c.results.join(', ')})\n`);
    return 0;
  }
  const only = args.only;
  const selected =
    only === null
      ? CASE_MODULES
      : CASE_MODULES.filter((c) => only.includes(c.name) || c.results.some((r) => only.includes(r)));
  const unknown = (only ?? []).filter(
    (n) => !CASE_MODULES.some((c) => c.name === n || c.results.includes(n)),
  );
  if (unknown.length > 0) {
    process.stderr.write(`unknown case(s): ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }

  const results: BenchResult[] = [];
  let ok = true;
  for (const c of selected) {
    progress(`── ${c.name}${args.quick ? ' (quick: not figures to report)' : ''}`);
    const { code, stdout } = await runChild(c.name, args.quick);
    let parsed: BenchResult[] | null = null;
    try {
      parsed = JSON.parse(stdout) as BenchResult[];
    } catch {
      parsed = null;
    }
    if (code !== 0) ok = false;
    if (parsed === null) {
      for (const r of c.results) results.push(failed(r, `the case exited with code ${code}; see stderr`));
      continue;
    }
    const wanted =
      only === null || only.includes(c.name) ? parsed : parsed.filter((r) => only.includes(r.name));
    results.push(...wanted);
  }
  process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : `${table(results)}\n`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
