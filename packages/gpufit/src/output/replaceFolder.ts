import type { Dirent } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutputError, outputFailure } from './outputError.js';
import { removeStaleTemporaries } from './staleTemporaries.js';
import { removeOnExit, temporarySibling } from './temporaryPaths.js';

/** What a folder gpufit replaces may hold: the files and sub-folders it writes there itself, and nothing else. */
export interface FolderLayout {
  /** Regular files at the top of the folder. */
  readonly files: ReadonlySet<string>;
  /** Sub-folders, each with the pattern every (regular) file name inside it matches. */
  readonly folders: Readonly<Record<string, RegExp>>;
  /** What to tell a user whose folder holds something else (e.g. "choose another --out"). */
  readonly advice: string;
}

/** A new version of a folder, written in a staging folder next to it and moved into place by `commit`. */
export interface StagedFolder {
  /** The staging folder: write the new contents here. */
  readonly path: string;
  /** Moves the staged folder into place, replacing the old one whole. */
  commit(): Promise<void>;
  /** Removes the staging folder (after a failure); the old folder is left as it was. */
  discard(): Promise<void>;
}

function kindOf(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFile()) return 'a file';
  return 'a device, pipe or socket';
}

function checkEntry(path: string, entry: Dirent, want: 'file' | 'folder', layout: FolderLayout): void {
  if (want === 'file' ? entry.isFile() : entry.isDirectory()) return;
  const code = entry.isSymbolicLink() ? 'link' : want === 'file' ? 'not-a-file' : 'not-a-folder';
  const never = entry.isSymbolicLink() ? '; gpufit never follows links in its output' : '';
  throw new OutputError(
    code,
    path,
    `is ${kindOf(entry)} where gpufit writes ${want === 'file' ? 'a file' : 'a folder'}${never}: remove it or ${layout.advice}`,
  );
}

function foreign(path: string, layout: FolderLayout): OutputError {
  return new OutputError(
    'foreign-entry',
    path,
    `was not written by gpufit; gpufit replaces its whole output folder, so it writes only to a new or empty folder or to one holding its own earlier output: move this away or ${layout.advice}`,
  );
}

/** A folder's entries; none when it has just been moved away (by a concurrent run: it is checked again). */
function entriesOf(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw outputFailure(dir, error);
  });
}

/**
 * Checks that `dir` is absent, or a real folder (not a link) holding only what `layout` allows, so replacing it
 * loses nothing of the user's. Throws an OutputError naming the first thing in the way.
 */
export async function checkReplaceableFolder(dir: string, layout: FolderLayout): Promise<void> {
  const stats = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw outputFailure(dir, error);
  });
  if (stats === null) return;
  if (stats.isSymbolicLink())
    throw new OutputError(
      'link',
      dir,
      `is a symbolic link; gpufit never follows links in its output: ${layout.advice}`,
    );
  if (!stats.isDirectory())
    throw new OutputError(
      'not-a-folder',
      dir,
      `is ${stats.isFile() ? 'a file' : 'not a folder'}; the output is a folder: ${layout.advice}`,
    );
  for (const entry of await entriesOf(dir)) {
    const path = join(dir, entry.name);
    const pattern = Object.hasOwn(layout.folders, entry.name) ? layout.folders[entry.name] : undefined;
    if (layout.files.has(entry.name)) checkEntry(path, entry, 'file', layout);
    else if (pattern !== undefined) {
      checkEntry(path, entry, 'folder', layout);
      for (const inner of await entriesOf(path)) {
        if (!pattern.test(inner.name)) throw foreign(join(path, inner.name), layout);
        checkEntry(join(path, inner.name), inner, 'file', layout);
      }
    } else throw foreign(path, layout);
  }
}

/** Tries before giving up when concurrent runs keep replacing the folder between two renames. */
const MAX_SWAPS = 50;

/**
 * Stages a new version of `dir` next to it (`.DIR.gpufit-staging-<pid>-<random>`, same file system) and, on
 * `commit`, moves it into place: straight in when `dir` is absent or empty, otherwise by renaming the old folder
 * aside, renaming the staged one in and removing the old. Folders move whole, so a reader sees the old contents
 * or the new, never a mix; of concurrent runs the last to commit wins whole. A signal before `commit` removes the
 * staging folder.
 */
export async function stageFolder(dir: string, layout: FolderLayout): Promise<StagedFolder> {
  await checkReplaceableFolder(dir, layout);
  await mkdir(dirname(dir), { recursive: true }).catch((e: unknown) => {
    throw outputFailure(dirname(dir), e);
  });
  await removeStaleTemporaries(dir);
  const path = temporarySibling(dir, 'staging');
  const release = removeOnExit(path);
  await mkdir(path).catch((e: unknown) => {
    release();
    throw outputFailure(dir, e);
  });
  const discard = async () => {
    await rm(path, { recursive: true, force: true });
    release();
  };
  const commit = async () => {
    const asides: string[] = [];
    try {
      for (let attempt = 0; attempt < MAX_SWAPS; attempt++) {
        try {
          await rename(path, dir);
          release();
          return;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR')
            throw outputFailure(dir, error);
        }
        // Something is in the way: only an earlier output (checked again: it may have changed) is moved aside.
        await checkReplaceableFolder(dir, layout);
        const aside = temporarySibling(dir, 'old');
        try {
          await rename(dir, aside);
          asides.push(aside);
        } catch (error) {
          // ENOENT: another run moved it first; try again.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputFailure(dir, error);
        }
      }
      throw outputFailure(dir, new Error('other runs kept replacing the folder; try again'));
    } catch (error) {
      // Put the old folder back if ours could not take its place.
      const last = asides.pop();
      if (last !== undefined) await rename(last, dir).catch(() => {});
      await discard();
      throw error;
    } finally {
      await Promise.all(asides.map((a) => rm(a, { recursive: true, force: true })));
    }
  };
  return { path, commit, discard };
}
