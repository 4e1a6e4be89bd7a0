/**
 * Runs the built CLI (`dist/cli.mjs`, built once by vitest's globalSetup) as a user does: `node dist/cli.mjs …`
 * in a fresh temporary directory, with NO_COLOR=1 and a hard time limit, so a hang fails the test instead of
 * stalling the run. The result says whether the limit killed it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.mjs');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the time limit stopped the process. */
  readonly timedOut: boolean;
}

export interface CliRunOptions {
  readonly cwd?: string;
  /** Milliseconds before the process is killed; default 90 s. */
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
}

export function runBuiltCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'gpufit-hardening-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs ?? 90_000,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
        resolve({
          code: e === null ? 0 : typeof e.code === 'number' ? e.code : -1,
          stdout,
          stderr,
          timedOut: e !== null && (e.killed === true || e.signal === 'SIGKILL'),
        });
      },
    );
  });
}

/** Bad input as the CLI promises it: exit 2, nothing on stdout, no "internal error", each pattern on stderr. */
export function expectBadInput(run: CliRun, ...patterns: RegExp[]): void {
  expect(run.timedOut).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|This is a bug in gpufit/);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  for (const p of patterns) expect(run.stderr).toMatch(p);
}
