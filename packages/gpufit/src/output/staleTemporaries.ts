import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TEMP_MARK } from './temporaryPaths.js';

/** Leftovers younger than this are never touched: another run (perhaps in another container) may own them. */
const STALE_AFTER_MS = 60 * 60 * 1000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files and folders a killed earlier run left next to `target` (SIGKILL cannot be caught, so
 * its `.NAME.gpufit-<kind>-<pid>-<random>` stays behind): only those whose process is gone and that are over an
 * hour old. Best effort: a leftover that cannot be read or removed is left alone.
 */
export async function removeStaleTemporaries(target: string, now = Date.now()): Promise<void> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}${TEMP_MARK}`;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(folder, name);
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - modified > STALE_AFTER_MS) await rm(path, { recursive: true, force: true }).catch(() => {});
  }
}
