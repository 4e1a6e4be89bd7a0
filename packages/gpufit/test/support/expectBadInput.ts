/** A built-CLI run that ended as bad input: exit 2, in time, no "internal error", nothing on stdout. */
import { expect } from 'vitest';
import type { CliRun } from './runBuiltCli.js';

export function expectBadInput(run: CliRun, ...patterns: RegExp[]): void {
  expect(run.timedOut).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|This is a bug in gpufit/);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  for (const p of patterns) expect(run.stderr).toMatch(p);
}
