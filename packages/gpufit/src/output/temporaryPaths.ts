import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { onExit } from 'signal-exit';

/** Paths this process is writing and has not yet moved into place; removed if the process ends first. */
const pending = new Set<string>();
let hooked = false;

/** Marks the part of a temporary name that says it is gpufit's: `.NAME.gpufit-<kind>-<pid>-<random>`. */
export const TEMP_MARK = '.gpufit-';

/**
 * A fresh hidden name next to `target`, in the same folder so a rename moves it into place atomically (same
 * file system). The pid and a random part keep concurrent runs apart.
 */
export function temporarySibling(target: string, kind: string): string {
  const random = randomBytes(4).toString('hex');
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${kind}-${process.pid}-${random}`);
}

/**
 * Removes `path` (a file or a whole folder) if the process exits or is stopped by a signal (SIGINT, SIGTERM,
 * SIGHUP …) before the returned `release` is called, so an interrupted run leaves no partial output.
 * signal-exit re-raises the signal afterwards, so the exit status still says what stopped the process.
 */
export function removeOnExit(path: string): () => void {
  if (!hooked) {
    hooked = true;
    onExit(() => {
      for (const p of pending) rmSync(p, { recursive: true, force: true });
      pending.clear();
    });
  }
  pending.add(path);
  return () => {
    pending.delete(path);
  };
}
