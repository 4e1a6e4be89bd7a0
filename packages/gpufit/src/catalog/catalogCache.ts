import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProviderOffers } from '@gpufit/analysis';
import { ANALYSIS_SCHEMA_VERSION, type Offer } from '@gpufit/schema';
import { bundledDatasetsDir } from '../data/bundledDatasetsDir.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import type { LoadResult } from '../io/loadTypes.js';
import type { AsOfCeiling } from '../io/offerTable.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';
import { VERSION } from '../version.js';
import { decodeLoadResult, decodeLoadResultWhere, encodeLoadResult } from './loadResultCodec.js';
import { offerRowBuilder } from './offerColumns.js';

/**
 * A cache of loaded offer catalogs, so that loading an unchanged catalog again costs a hash and a decode instead
 * of parsing and validating every row. An entry is keyed by the SHA-256 of the catalog's bytes (never its
 * modification time, so it cannot be stale), the name it is loaded by (messages name the file), the as-of
 * ceiling (today's date: offers dated after it are rejected), the reference data that normalizes GPU names and
 * regions, gpufit's version, the analysis schema version and this file's format: a new gpufit never reads an
 * old entry. An entry holds the whole load result, rejected rows and warnings included, so the books are the
 * same from the cache as from a fresh load.
 *
 * Entries are written atomically (`writeFileAtomic`) and carry a SHA-256 of their body: a truncated or corrupt
 * entry is ignored and rebuilt.
 *
 * A hit on a catalog of 16 MiB or more hashes it on a worker thread while the main thread reads and decodes the entry the catalog's
 * last key named (a `.ptr` file keyed by its path, size, modification time and inode): on two cores the hash,
 * about a quarter of a warm load, no longer adds to its wall time. The decoded entry is answered only when the
 * hash gives that same key, so a pointer that no longer names the bytes costs time, never a stale answer. The folder may be deleted at any time; it is pruned to `MAX_CACHE_BYTES` (and
 * `MAX_CACHE_ENTRIES`), least recently used first. A cache that cannot be read or written never fails the
 * command: the catalog is loaded as if there were none.
 */

/** The cache folder's environment override. */
export const CACHE_DIR_ENV = 'GPUFIT_CACHE_DIR';
/** Bump when the entry layout changes (the key includes it). */
const FORMAT = 'gpufit-catalog-cache/3';
const MAGIC = Buffer.from('GPUFITC1');
const DIGEST_BYTES = 32;
export const MAX_CACHE_BYTES = 1024 * 1024 * 1024;
export const MAX_CACHE_ENTRIES = 32;
/** Files at least this large are hashed on a worker thread (the bundled catalog, about 4 MB, is not). */
export const OFF_THREAD_HASH_BYTES = 16 * 1024 * 1024;

/**
 * Where entries go: `$GPUFIT_CACHE_DIR`, else `$XDG_CACHE_HOME/gpufit` (an absolute XDG path only, as the XDG
 * spec says), else `~/.cache/gpufit`; catalogs in its `catalogs/` folder.
 */
export function catalogCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env[CACHE_DIR_ENV];
  if (own !== undefined && own !== '') return join(own, 'catalogs');
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  return join(base, 'gpufit', 'catalogs');
}

export interface CatalogCacheOptions {
  /** The catalogs folder (see `catalogCacheDir`); null = no cache. */
  readonly dir: string | null;
  readonly strict: boolean;
  readonly ceiling: AsOfCeiling;
}

/** What happened, for tests and the bench: `hit`, `miss` (loaded and stored) or `off` (not cached). */
export type CacheOutcome = 'hit' | 'miss' | 'off';

/**
 * SHA-256 of a file's bytes, read into one reused 1 MiB buffer: a read stream allocates a buffer for every
 * chunk, and on a 380 MiB catalog that cost a third more CPU than the hashing itself (and garbage to collect).
 */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** `sha256OfFile` as the source of a worker (CommonJS, no imports of gpufit: the CLI is one bundle). */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const fd = openSync(workerData, 'r');
try {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

/**
 * `sha256OfFile` on a worker thread (about 20 ms to start one), so the main thread can decode meanwhile; where
 * a worker cannot be started or fails, on this thread.
 */
export function sha256OfFileOffThread(path: string): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
  } catch {
    return sha256OfFile(path);
  }
  return new Promise<string>((resolve, reject) => {
    worker.once('message', (hex: unknown) => {
      if (typeof hex === 'string') resolve(hex);
      else reject(new Error('the hashing worker gave no digest'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing worker exited with code ${code}`)));
  }).catch(() => sha256OfFile(path));
}

/** The reference tables the loader normalizes with (GPU names, regions): a change to them changes the key. */
async function referenceDigest(): Promise<string> {
  const dir = bundledDatasetsDir();
  const hash = createHash('sha256');
  for (const f of ['gpu-tiers.csv', 'gpu-aliases.csv', 'regions.csv']) {
    hash.update(f);
    hash.update(await readFile(join(dir, f)));
  }
  return hash.digest('hex');
}

/** The entry body with its magic and digest in front. */
function frame(body: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, createHash('sha256').update(body).digest(), body]);
}

/** The body of an entry, or null when it is not a whole one (truncated, corrupt, another format). */
function unframe(bytes: Buffer): Buffer | null {
  if (bytes.length < MAGIC.length + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    return null;
  const digest = bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
  const body = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  return createHash('sha256').update(body).digest().equals(digest) ? body : null;
}

/** Offers of one GPU tier: a query that needs no other offer (`gpufit offers --gpu`). */
export interface OfferSelection {
  readonly gpu: string;
}

/** What `loadCatalogCached` gives: the load result, what the cache did, and whether `rows` were narrowed. */
export interface CachedCatalog {
  /**
   * With `selected` set, `rows` holds only the offers it keeps, in catalog order (all of them were decoded from
   * the entry's columns and compared before any offer was built); rejections, warnings and the books are always
   * the whole catalog's.
   */
  readonly result: LoadResult<Offer>;
  readonly cache: CacheOutcome;
  /** The selection `rows` were narrowed by; null = every accepted offer is in `rows` (a miss, or no cache). */
  readonly selected: OfferSelection | null;
  /** With `selected`: every accepted offer counted by provider (`providerOffers` of the whole catalog's). */
  readonly providers: ProviderOffers | null;
}

/**
 * Loads the catalog at `path` through the cache: an entry for these bytes (and this gpufit, name, ceiling and
 * reference data) is decoded; otherwise `load()` runs and its result is stored. A strict load of a catalog with
 * rejected rows always runs `load()`, which stops at the first one as strict mode says. With `select`, a hit
 * builds only the offers it keeps (see `CachedCatalog`); a miss still stores, and gives, the whole catalog.
 */
export async function loadCatalogCached(
  path: string,
  options: CatalogCacheOptions,
  load: () => Promise<LoadResult<Offer>>,
  select: OfferSelection | null = null,
): Promise<CachedCatalog> {
  const dir = options.dir;
  const before = dir === null ? null : await stat(path).catch(() => null);
  // Not a regular file (a pipe, a folder, nothing) or over the limit: the loader says what is wrong.
  if (dir === null || before === null || !before.isFile() || before.size > INPUT_LIMITS.offersCsv.bytes)
    return { result: await load(), cache: 'off', selected: null, providers: null };
  let entry: string;
  let pointer: string;
  let speculative: Promise<EntryRead | null> | null = null;
  let key: string;
  try {
    const common = [
      FORMAT,
      VERSION,
      ANALYSIS_SCHEMA_VERSION,
      path,
      options.ceiling.day,
      options.ceiling.what,
      await referenceDigest(),
    ];
    // A worker costs about 20 ms to start and 50–80 ms of CPU to load: below 16 MiB hashing here is cheaper.
    const fileHash = before.size >= OFF_THREAD_HASH_BYTES ? sha256OfFileOffThread(path) : sha256OfFile(path);
    // Handled now: the file may vanish before it is awaited below (the await still throws into this catch), and an
    // unhandled rejection in between would end the process.
    fileHash.catch(() => {});
    pointer = join(
      dir,
      `${sha256Hex(JSON.stringify([...common, before.size, before.mtimeMs, before.ino, before.dev]))}.ptr`,
    );
    // While the worker hashes: the entry these bytes had last time, read and decoded on this thread.
    const guessed = await readPointer(pointer);
    if (guessed !== null) speculative = readEntry(join(dir, `${guessed}.bin`), select);
    key = sha256Hex(JSON.stringify([...common, await fileHash]));
    entry = join(dir, `${key}.bin`);
    if (guessed !== key && speculative !== null) {
      // Other bytes than last time: the guess is decoded for nothing (it cannot be stopped) and dropped.
      await speculative;
      speculative = null;
    }
  } catch {
    return { result: await load(), cache: 'off', selected: null, providers: null };
  }
  const cached = await (speculative ?? readEntry(entry, select));
  if (cached !== null && !(options.strict && cached.result.accounting.rejected > 0)) {
    const now = new Date();
    await utimes(entry, now, now).catch(() => {});
    if (speculative === null) await writePointer(pointer, key);
    return { result: cached.result, cache: 'hit', selected: select, providers: cached.providers };
  }
  const result = await load();
  // Changed while it was read: the bytes hashed may not be the bytes loaded, so nothing is stored.
  const after = await stat(path).catch(() => null);
  if (after === null || after.mtimeMs !== before.mtimeMs || after.size !== before.size)
    return { result, cache: 'off', selected: null, providers: null };
  const stored = await writeEntry(dir, entry, result);
  if (stored) await writePointer(pointer, key);
  return { result, cache: stored ? 'miss' : 'off', selected: null, providers: null };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The key a pointer names, or null (none, or not a key). */
async function readPointer(pointer: string): Promise<string | null> {
  const text = await readFile(pointer, 'utf8').catch(() => null);
  return text !== null && /^[0-9a-f]{64}$/.test(text) ? text : null;
}

/** Points the catalog's path and modification time at its entry's key; a pointer that cannot be written is none. */
async function writePointer(pointer: string, key: string): Promise<void> {
  await writeFileAtomic(pointer, key).catch(() => {});
}

/** An entry's load result and, for a selection, the whole catalog's offers by provider. */
interface EntryRead {
  readonly result: LoadResult<Offer>;
  readonly providers: ProviderOffers | null;
}

async function readEntry(entry: string, select: OfferSelection | null): Promise<EntryRead | null> {
  try {
    const body = unframe(await readFile(entry));
    if (body === null) return null;
    const where = select === null ? null : { column: 'gpu', value: select.gpu };
    const { result, tableRows, counts } =
      where === null
        ? { result: decodeLoadResult(body, offerRowBuilder), tableRows: -1, counts: null }
        : decodeLoadResultWhere(body, offerRowBuilder, where, { by: 'provider', present: 'usdPerGpuHour' });
    const { read, accepted, rejected } = result.accounting;
    if (
      (where === null ? result.rows.length : tableRows) !== accepted ||
      result.rejected.length !== rejected ||
      read !== accepted + rejected
    )
      return null;
    return { result, providers: counts };
  } catch {
    return null;
  }
}

async function writeEntry(dir: string, entry: string, result: LoadResult<Offer>): Promise<boolean> {
  try {
    const bytes = frame(encodeLoadResult(result));
    if (bytes.length > MAX_CACHE_BYTES) return false;
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(entry, bytes);
    await prune(dir, entry);
    return true;
  } catch {
    return false;
  }
}

/** Removes the least recently used entries until the folder fits `MAX_CACHE_BYTES` and `MAX_CACHE_ENTRIES`. */
async function prune(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.bin'));
  const entries = (
    await Promise.all(
      names.map(async (n) => {
        const s = await stat(join(dir, n)).catch(() => null);
        return s === null ? null : { path: join(dir, n), bytes: s.size, used: s.mtimeMs };
      }),
    )
  ).filter((e) => e !== null);
  entries.sort((a, b) => b.used - a.used);
  let bytes = 0;
  let count = 0;
  const kept = new Set<string>();
  for (const e of entries) {
    bytes += e.bytes;
    count++;
    if (e.path !== keep && (bytes > MAX_CACHE_BYTES || count > MAX_CACHE_ENTRIES))
      await rm(e.path, { force: true });
    else kept.add(e.path);
  }
  kept.add(keep);
  // Pointers to entries no longer kept go with them.
  for (const n of await readdir(dir)) {
    if (!n.endsWith('.ptr')) continue;
    const key = await readPointer(join(dir, n));
    if (key === null || !kept.has(join(dir, `${key}.bin`))) await rm(join(dir, n), { force: true });
  }
}
