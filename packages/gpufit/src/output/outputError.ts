/** Why an output could not be written; `exitCode` 2 when the path given is at fault, 1 when the system is. */
export type OutputErrorCode = 'not-a-folder' | 'not-a-file' | 'link' | 'foreign-entry' | 'system';

/**
 * What gpufit's writers throw: the path, what is wrong with it, and whose fault it is. The CLI prints the
 * message and exits with `exitCode`: 2 for a path that names the wrong thing (a file where a folder belongs, a
 * symbolic link, a folder holding other files), 1 for the system refusing (no permission, a full disk).
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly code: OutputErrorCode,
    readonly path: string,
    reason: string,
    readonly exitCode: 1 | 2 = code === 'system' ? 1 : 2,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** System error codes that mean the path itself names the wrong thing (bad input, exit 2). */
const PATH_FAULTS = new Set(['EEXIST', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'ENOENT']);

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for the file system',
  EIO: 'the device reported an input/output error',
  EEXIST: 'something already exists at this path',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
  ENOENT: 'a folder on the path does not exist',
  EXDEV:
    'the folder is on another file system than its parent (a mount point?); write into a folder inside it',
  EBUSY: 'the folder is in use or is a mount point; write into a folder inside it',
};

/** An error from the file system while writing `path`, as an OutputError that names the path and the cause. */
export function outputFailure(path: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words = WORDS[code] ?? (error instanceof Error ? error.message : String(error));
  return new OutputError(
    'system',
    path,
    `cannot write: ${words}${code ? ` (${code})` : ''}`,
    PATH_FAULTS.has(code) ? 2 : 1,
  );
}
