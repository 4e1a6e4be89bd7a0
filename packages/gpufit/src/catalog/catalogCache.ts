import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { ProviderOffers } from '@gpufit/analysis';
import { ANALYSIS_SCHEMA_VERSION, type Offer } from '@gpufit/schema';
import { bundledDatasetsDir } from '../data/bundledDatasetsDir.js';
import { INPUT_LIMITS } from '../io/inputLimits.js';
import type { LoadResult } from '../io/loadTypes.js';
import type { AsOfCeiling } from '../io/offerTable.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';
import { VERSION } from '../version.js';
import { contentHashOfBytes, contentHashOfFile } from './contentHash.js';
import { decodeLoadResult, decodeLoadResultWhere, encodeLoadResult } from './loadResultCodec.js';
import { offerRowBuilder } from './offerColumns.js';

/**
 * A cache of loaded offer catalogs, so that loading an unchanged catalog again costs a hash and a decode instead
 * of parsing and validating every row. An entry is keyed by the content hash of the catalog's bytes
 * (`contentHashOfFile`, XXH128) and their length (never its modification time, so it cannot be stale), the
 * name it is loaded by (messages name the file), the as-of ceiling (today's date: offers dated after it are
 * rejected), the reference data that normalizes GPU names and regions, gpufit's version, the analysis schema
 * version and this file's format: a new gpufit never reads an old entry. An entry holds the whole load result,
 * rejected rows and warnings included, so the books are the same from the cache as from a fresh load.
 *
 * Entries are written atomically (`writeFileAtomic`) and carry a hash of their body: a truncated or corrupt
 * entry is ignored and rebuilt. The folder may be deleted at any time; it is pruned to `MAX_CACHE_BYTES` (and
 * `MAX_CACHE_ENTRIES`), least recently used first. A cache that cannot be read or written never fails the
 * command: the catalog is loaded as if there were none.
 *
 * Until format 3 the key was the file's SHA-256, hashed on a worker thread while the main thread decoded the
 * entry a `.ptr` file guessed; XXH128 on this thread costs about the CPU that worker took to start alone, so
 * neither the worker nor the pointers are left (a folder's old `.ptr` files are removed when it is next pruned).
 */

/** The cache folder's environment override. */
export const CACHE_DIR_ENV = 'GPUFIT_CACHE_DIR';
/** Bump when the entry layout or the key changes (the key includes it). */
const FORMAT = 'gpufit-catalog-cache/4';
const MAGIC = Buffer.from('GPUFITC2');
const DIGEST_BYTES = 16;
export const MAX_CACHE_BYTES = 1024 * 1024 * 1024;
export const MAX_CACHE_ENTRIES = 32;

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
async function frame(body: Uint8Array): Promise<Buffer> {
  return Buffer.concat([MAGIC, await contentHashOfBytes(body), body]);
}

/** The body of an entry, or null when it is not a whole one (truncated, corrupt, another format). */
async function unframe(bytes: Buffer): Promise<Buffer | null> {
  if (bytes.length < MAGIC.length + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    return null;
  const digest = bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
  const body = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  return digest.equals(await contentHashOfBytes(body)) ? body : null;
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
  try {
    const key = sha256Hex(
      JSON.stringify([
        FORMAT,
        VERSION,
        ANALYSIS_SCHEMA_VERSION,
        path,
        options.ceiling.day,
        options.ceiling.what,
        await referenceDigest(),
        before.size,
        await contentHashOfFile(path),
      ]),
    );
    entry = join(dir, `${key}.bin`);
  } catch {
    return { result: await load(), cache: 'off', selected: null, providers: null };
  }
  const cached = await readEntry(entry, select);
  if (cached !== null && !(options.strict && cached.result.accounting.rejected > 0)) {
    const now = new Date();
    await utimes(entry, now, now).catch(() => {});
    return { result: cached.result, cache: 'hit', selected: select, providers: cached.providers };
  }
  const result = await load();
  // Changed while it was read: the bytes hashed may not be the bytes loaded, so nothing is stored.
  const after = await stat(path).catch(() => null);
  if (after === null || after.mtimeMs !== before.mtimeMs || after.size !== before.size)
    return { result, cache: 'off', selected: null, providers: null };
  const stored = await writeEntry(dir, entry, result);
  return { result, cache: stored ? 'miss' : 'off', selected: null, providers: null };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An entry's load result and, for a selection, the whole catalog's offers by provider. */
interface EntryRead {
  readonly result: LoadResult<Offer>;
  readonly providers: ProviderOffers | null;
}

async function readEntry(entry: string, select: OfferSelection | null): Promise<EntryRead | null> {
  try {
    const body = await unframe(await readFile(entry));
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
    const bytes = await frame(encodeLoadResult(result));
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
  for (const e of entries) {
    bytes += e.bytes;
    count++;
    if (e.path !== keep && (bytes > MAX_CACHE_BYTES || count > MAX_CACHE_ENTRIES))
      await rm(e.path, { force: true });
  }
  // The pointers an older gpufit wrote beside its entries (format 3 and before): no longer read.
  for (const n of await readdir(dir)) if (n.endsWith('.ptr')) await rm(join(dir, n), { force: true });
}
