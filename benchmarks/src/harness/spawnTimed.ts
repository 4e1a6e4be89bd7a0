import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  /** Wall-clock milliseconds from spawn to exit, as the parent sees them. */
  readonly ms: number;
  /** Peak resident set of the child in MB (10^6 bytes; null unless asked for). */
  readonly peakRssMB: number | null;
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
export function runNode(
  args: readonly string[],
  options: { cwd?: string; peakRss?: boolean } = {},
): ProcessRun {
  const node = process.execPath;
  let command = node;
  let argv = [...args];
  let rssFile: string | null = null;
  let preload: string | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (options.peakRss) {
    if (existsSync(TIME)) {
      command = TIME;
      argv = ['-f', '__MAXRSS_KB__=%M', node, ...args];
    } else {
      preload = rssPreload();
      rssFile = join(preload, '..', 'max-rss');
      env['GPUFIT_BENCH_RSS_FILE'] = rssFile;
      argv = ['--require', preload, ...args];
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
  if (r.error) throw r.error;
  return { ms, peakRssMB, status: r.status, stdout: r.stdout ?? '', stderr };
}
