import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  /** Wall-clock milliseconds from spawn to exit, as the parent sees them. */
  readonly ms: number;
  /** Peak resident set of the child in MB (10^6 bytes; null unless asked for). */
  readonly peakRssMB: number | null;
  /** CPU milliseconds (user + system, every thread) of the child from its preload to its exit (null unless asked for). */
  readonly cpuMs: number | null;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const TIME = '/usr/bin/time';

/** A preload that writes the process's own peak RSS (KiB) to the file named by GPUFIT_BENCH_RSS_FILE at exit. */
function rssPreload(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-bench-rss-'));
  const file = join(dir, 'report-max-rss.cjs');
  writeFileSync(
    file,
    "process.on('exit', () => { require('node:fs').writeFileSync(process.env.GPUFIT_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n",
  );
  return file;
}

/**
 * Runs `node args…` as a fresh process and times it. With `peakRss`, the child's peak RSS comes from
 * `/usr/bin/time -f %M` when present, else from `process.resourceUsage().maxRSS` written by a preload at exit.
 */
/** A preload that writes the process's own CPU time (`process.cpuUsage()`, µs) to GPUFIT_BENCH_CPU_FILE at exit. */
function cpuPreload(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-bench-cpu-'));
  const file = join(dir, 'report-cpu.cjs');
  writeFileSync(
    file,
    "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.GPUFIT_BENCH_CPU_FILE, String(u.user + u.system)); });\n",
  );
  return file;
}

export function runNode(
  args: readonly string[],
  options: { cwd?: string; peakRss?: boolean; cpu?: boolean; env?: Readonly<Record<string, string>> } = {},
): ProcessRun {
  const node = process.execPath;
  let command = node;
  let nodeArgs: string[] = [...args];
  let rssFile: string | null = null;
  let preload: string | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  let cpuFile: string | null = null;
  if (options.cpu) {
    const cpuScript = cpuPreload();
    cpuFile = join(cpuScript, '..', 'cpu-us');
    env['GPUFIT_BENCH_CPU_FILE'] = cpuFile;
    nodeArgs = ['--require', cpuScript, ...nodeArgs];
  }
  let argv = nodeArgs;
  if (options.peakRss) {
    if (existsSync(TIME)) {
      command = TIME;
      argv = ['-f', '__MAXRSS_KB__=%M', node, ...nodeArgs];
    } else {
      preload = rssPreload();
      rssFile = join(preload, '..', 'max-rss');
      env['GPUFIT_BENCH_RSS_FILE'] = rssFile;
      argv = ['--require', preload, ...nodeArgs];
    }
  }
  const t0 = performance.now();
  const r = spawnSync(command, argv, {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = performance.now() - t0;
  let peakRssMB: number | null = null;
  let stderr = r.stderr ?? '';
  if (options.peakRss) {
    if (rssFile !== null) {
      peakRssMB = existsSync(rssFile) ? (Number(readFileSync(rssFile, 'utf8')) * 1024) / 1e6 : null;
      rmSync(join(preload!, '..'), { recursive: true, force: true });
    } else {
      const m = /__MAXRSS_KB__=(\d+)/.exec(stderr);
      peakRssMB = m ? (Number(m[1]) * 1024) / 1e6 : null;
      stderr = stderr.replace(/__MAXRSS_KB__=\d+\n?/, '');
    }
  }
  let cpuMs: number | null = null;
  if (cpuFile !== null) {
    cpuMs = existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) / 1000 : null;
    rmSync(join(cpuFile, '..'), { recursive: true, force: true });
  }
  if (r.error) throw r.error;
  return { ms, peakRssMB, cpuMs, status: r.status, stdout: r.stdout ?? '', stderr };
}
