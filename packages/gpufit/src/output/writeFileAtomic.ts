import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { OutputError, outputFailure } from './outputError.js';
import { removeStaleTemporaries } from './staleTemporaries.js';
import { removeOnExit, temporarySibling } from './temporaryPaths.js';

/**
 * Refuses a target that is not a regular file or nothing: a symbolic link is never followed (a planted
 * `offers.csv → ~/.bashrc` must not be overwritten), and a folder, a device or a pipe is no file to replace.
 */
export async function checkFileTarget(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw outputFailure(path, error);
  });
  if (stats === null || stats.isFile()) return;
  if (stats.isSymbolicLink())
    throw new OutputError(
      'link',
      path,
      'is a symbolic link; gpufit does not write through links: remove it or choose another path',
    );
  throw new OutputError(
    'not-a-file',
    path,
    `is ${stats.isDirectory() ? 'a folder' : 'not a regular file (a device, pipe or socket)'}; give the path of a file to write`,
  );
}

/**
 * Writes `data` to `path` so that no reader ever sees part of it: the bytes go to a hidden temporary file in
 * the same folder, which is renamed over `path` once complete. A failure or a signal removes the temporary file
 * and leaves any earlier `path` as it was. Errors are OutputErrors naming `path`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await checkFileTarget(path);
  await removeStaleTemporaries(path);
  const temp = temporarySibling(path, 'write');
  const release = removeOnExit(temp);
  try {
    // `wx`: create, never open something already there (a link planted at the temporary name included).
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw outputFailure(path, error);
  } finally {
    release();
  }
}
