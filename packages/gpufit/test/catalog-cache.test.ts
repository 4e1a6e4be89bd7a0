import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerOffers } from '@gpufit/analysis';
import type { Offer } from '@gpufit/schema';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogCacheDir, loadCatalogCached, MAX_CACHE_ENTRIES } from '../src/catalog/catalogCache.js';
import { contentHashOfBytes, contentHashOfFile } from '../src/catalog/contentHash.js';
import { decodeLoadResult, decodeLoadResultWhere, encodeLoadResult } from '../src/catalog/loadResultCodec.js';
import { offerRowBuilder } from '../src/catalog/offerColumns.js';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';
import type { LoadResult } from '../src/io/loadTypes.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const BUNDLED = join(bundledDatasetsDir(), 'offers.csv');
const CEILING = { day: '2026-12-01', what: 'today' } as const;

/** The bundled catalog's first rows plus a bad row, a blank line and a duplicate: rejections and warnings. */
function mixedCatalog(dir: string, extra = ''): string {
  const lines = readFileSync(BUNDLED, 'utf8').split('\n');
  const path = join(dir, 'offers.csv');
  const bad = lines[1]!.replace(/^[^,]+,/, 'bad-row,').replace(/,(Standard|Dynamic|Committed),/, ',Dinamic,');
  writeFileSync(path, [...lines.slice(0, 40), '', bad, lines[2], extra, ''].join('\n'));
  return path;
}

let work: string;
let cacheDir: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'gpufit-cache-test-'));
  cacheDir = join(work, 'cache');
});

function counted(path: string, strict = false) {
  let loads = 0;
  const load = () => {
    loads++;
    return loadOffersCsv(path, { strict, asOfCeiling: CEILING });
  };
  return {
    run: () => loadCatalogCached(path, { dir: cacheDir, strict, ceiling: CEILING }, load),
    loads: () => loads,
  };
}

function entries(): string[] {
  try {
    return readdirSync(cacheDir).filter((n) => n.endsWith('.bin'));
  } catch {
    return [];
  }
}

describe('catalog cache', () => {
  it('stores a load and gives it back equal, rejected rows, warnings and books included', async () => {
    const path = mixedCatalog(work);
    const c = counted(path);
    const fresh = await c.run();
    expect(fresh.cache).toBe('miss');
    expect(fresh.result.accounting.rejected).toBe(2);
    const again = await c.run();
    expect(again.cache).toBe('hit');
    expect(c.loads()).toBe(1);
    expect(again.result).toEqual(fresh.result);
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(fresh.result));
    expect(entries()).toHaveLength(1);
  });

  it('hands out separate offers on every hit (a caller may change one)', async () => {
    const c = counted(mixedCatalog(work));
    await c.run();
    const a = (await c.run()).result.rows;
    a[0]!.certifications.push('fedramp');
    a[0]!.gpu = 'changed';
    const b = (await c.run()).result.rows;
    expect(b[0]!.gpu).not.toBe('changed');
    expect(b[0]!.certifications).not.toContain('fedramp');
  });

  it('is never stale: other bytes with the same size and modification time are a miss', async () => {
    const path = mixedCatalog(work);
    const c = counted(path);
    const first = await c.run();
    const { mtime, size } = statSync(path);
    const text = readFileSync(path, 'utf8');
    // One price changed, same length: only the content hash can tell.
    const changed = text.replace(/,2\.(\d)/, (_m, d: string) => `,3.${d}`);
    expect(changed).not.toBe(text);
    writeFileSync(path, changed);
    utimesSync(path, mtime, mtime);
    expect(statSync(path).size).toBe(size);
    const second = await c.run();
    expect(second.cache).toBe('miss');
    expect(second.result).not.toEqual(first.result);
    expect(second.result).toEqual(await loadOffersCsv(path, { asOfCeiling: CEILING }));
  });

  it('keys on the content hash, XXH128 of the bytes (test vectors of the native xxHash, @node-rs/xxhash 1.7.8)', async () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(hex(await contentHashOfBytes(new Uint8Array(0)))).toBe('99aa06d3014798d86001c324468d497f');
    expect(hex(await contentHashOfBytes(Buffer.from('abc')))).toBe('06b05ab6733a618578af5f94892f3950');
    // Over three 1 MiB reads and a tail, as a catalog file is read.
    const big = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < big.length; i++) big[i] = Math.imul(i, 2654435761) >>> 24;
    const path = join(work, 'big.bin');
    writeFileSync(path, big);
    expect(await contentHashOfFile(path)).toBe('89786507cb4aebc86c68c564a0093937');
    expect(hex(await contentHashOfBytes(big))).toBe('89786507cb4aebc86c68c564a0093937');
    // Two files hashed at once do not share a state.
    const small = join(work, 'abc.txt');
    writeFileSync(small, 'abc');
    expect(await Promise.all([contentHashOfFile(path), contentHashOfFile(small)])).toEqual([
      '89786507cb4aebc86c68c564a0093937',
      '06b05ab6733a618578af5f94892f3950',
    ]);
    await expect(contentHashOfFile(join(work, 'missing.csv'))).rejects.toThrow();
  });

  it('removes the pointer files an older gpufit left, and never reads an older entry', async () => {
    const path = mixedCatalog(work);
    const c = counted(path);
    await c.run();
    const entry = join(cacheDir, entries()[0]!);
    // A format-3 entry's frame (magic GPUFITC1, a 32-byte SHA-256) in this entry's place: not a whole entry.
    const old = Buffer.concat([Buffer.from('GPUFITC1'), Buffer.alloc(32), readFileSync(entry).subarray(24)]);
    writeFileSync(entry, old);
    writeFileSync(join(cacheDir, `${'a'.repeat(64)}.ptr`), entries()[0]!.replace(/\.bin$/, ''));
    const again = await c.run();
    expect(again.cache).toBe('miss');
    expect(c.loads()).toBe(2);
    expect(readdirSync(cacheDir)).toEqual(entries());
    expect((await c.run()).cache).toBe('hit');
  });

  it('ignores and rebuilds a corrupt or truncated entry', async () => {
    const c = counted(mixedCatalog(work));
    const want = (await c.run()).result;
    const entry = join(cacheDir, entries()[0]!);
    const bytes = readFileSync(entry);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    for (const broken of [
      flipped,
      bytes.subarray(0, bytes.length - 7),
      bytes.subarray(0, 5),
      Buffer.alloc(0),
    ]) {
      writeFileSync(entry, broken);
      const got = await c.run();
      expect(got.cache).toBe('miss');
      expect(got.result).toEqual(want);
      expect(readFileSync(entry)).toEqual(bytes);
    }
  });

  it('a strict load of a catalog with rejected rows is never answered from the cache', async () => {
    const path = mixedCatalog(work);
    await counted(path).run();
    const strict = counted(path, true);
    await expect(strict.run()).rejects.toBeInstanceOf(LoadError);
    expect(strict.loads()).toBe(1);
  });

  it('keys on the as-of ceiling: another day is another entry', async () => {
    const path = mixedCatalog(work);
    await counted(path).run();
    const other = await loadCatalogCached(
      path,
      { dir: cacheDir, strict: false, ceiling: { day: '2026-12-02', what: 'today' } },
      () => loadOffersCsv(path),
    );
    expect(other.cache).toBe('miss');
    expect(entries()).toHaveLength(2);
  });

  it('stays within its entry bound, dropping the least recently used', async () => {
    for (let i = 0; i < MAX_CACHE_ENTRIES + 3; i++) {
      const sub = mkdtempSync(join(work, 'c'));
      await counted(mixedCatalog(sub, `# ${i}`)).run();
    }
    expect(entries()).toHaveLength(MAX_CACHE_ENTRIES);
    expect(readdirSync(cacheDir)).toEqual(entries());
  });

  it('is off without a folder, and for what is not a regular file', async () => {
    const path = mixedCatalog(work);
    const off = await loadCatalogCached(path, { dir: null, strict: false, ceiling: CEILING }, () =>
      loadOffersCsv(path),
    );
    expect(off.cache).toBe('off');
    await expect(
      loadCatalogCached(join(work, 'missing.csv'), { dir: cacheDir, strict: false, ceiling: CEILING }, () =>
        loadOffersCsv(join(work, 'missing.csv')),
      ),
    ).rejects.toBeInstanceOf(LoadError);
    expect(entries()).toHaveLength(0);
  });

  it('lives in $GPUFIT_CACHE_DIR, else an absolute $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(catalogCacheDir({ GPUFIT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/catalogs');
    expect(catalogCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/gpufit/catalogs');
    expect(catalogCacheDir({ XDG_CACHE_HOME: 'relative' })).toMatch(/\.cache\/gpufit\/catalogs$/);
    expect(catalogCacheDir({ GPUFIT_CACHE_DIR: '' })).toMatch(/\.cache\/gpufit\/catalogs$/);
  });
});

describe('load result codec', () => {
  it('round-trips the bundled catalog: same offers, same key order, -0 and nulls kept', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const tweaked: LoadResult<Offer> = {
      ...loaded,
      rows: loaded.rows.map((o, i) => (i === 0 ? { ...o, ingressUsdPerGiB: -0 } : o)),
    };
    const back = decodeLoadResult(encodeLoadResult(tweaked), offerRowBuilder);
    expect(JSON.stringify(back)).toBe(JSON.stringify(tweaked));
    expect(back).toEqual(tweaked);
    expect(Object.is(back.rows[0]!.ingressUsdPerGiB, -0)).toBe(true);
  });

  it('copies lists, tiers and incentives per row: separate objects, and stored JSON kept even in a shape the copiers do not know', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const withTiers = loaded.rows.find((o) => o.egressTiers !== null && o.certifications.length > 0)!;
    const withIncentive = loaded.rows.find((o) => o.incentive !== null)!;
    const odd = { ...withTiers, id: 'odd' } as Record<string, unknown>;
    // Keys in another order and an extra key: the literal copiers would drop or reorder them.
    odd['egressTiers'] = withTiers.egressTiers!.map((t) => ({ usdPerGiB: t.usdPerGiB, upToGiB: t.upToGiB }));
    odd['incentive'] = { ...withIncentive.incentive!, note: 'extra' };
    const rows = [
      withTiers,
      withTiers,
      withIncentive,
      withIncentive,
      odd as unknown as Offer,
      odd as unknown as Offer,
    ];
    const table: LoadResult<Offer> = {
      ...loaded,
      rows,
      accounting: { read: rows.length, accepted: rows.length, rejected: 0 },
    };
    const back = decodeLoadResult(encodeLoadResult(table), offerRowBuilder);
    expect(JSON.stringify(back.rows)).toBe(JSON.stringify(rows));
    for (const [a, b] of [
      [0, 1],
      [2, 3],
      [4, 5],
    ] as const) {
      const x = back.rows[a]!;
      const y = back.rows[b]!;
      expect(x.certifications).not.toBe(y.certifications);
      if (x.egressTiers !== null) {
        expect(x.egressTiers).not.toBe(y.egressTiers);
        for (const [i, t] of x.egressTiers.entries()) expect(t).not.toBe(y.egressTiers![i]);
      }
      if (x.incentive !== null) expect(x.incentive).not.toBe(y.incentive);
    }
  });

  it('round-trips an empty table and columns that are null in every row', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const empty: LoadResult<Offer> = {
      ...loaded,
      rows: [],
      accounting: { read: 0, accepted: 0, rejected: 0 },
    };
    expect(decodeLoadResult(encodeLoadResult(empty), offerRowBuilder)).toEqual(empty);
    const nulls = {
      ...loaded,
      rows: loaded.rows.slice(0, 3).map((o) => ({ ...o, termMonths: null, country: null })),
    };
    expect(decodeLoadResult(encodeLoadResult(nulls), offerRowBuilder)).toEqual(nulls);
  });

  it('refuses bytes that are not an encoded result', () => {
    expect(() => decodeLoadResult(new Uint8Array([1, 2, 3]), offerRowBuilder)).toThrow();
    expect(() =>
      decodeLoadResultWhere(new Uint8Array([1, 2, 3]), offerRowBuilder, { column: 'gpu', value: 'H100' }),
    ).toThrow();
  });

  it('a selection builds exactly the rows the whole decode keeps for that value, in order, books whole', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const gpus = [...new Set(loaded.rows.map((o) => o.gpu))];
    await fc.assert(
      fc.property(
        fc.array(fc.nat(loaded.rows.length - 1), { maxLength: 60 }),
        fc.array(fc.constantFrom(...gpus, 'H100', 'none-such', ''), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...gpus, 'none-such', '', 'Standard', 'aws'),
        (picks, tiers, value) => {
          // Rows picked from the bundled catalog, their GPU moved among a few values (a text that is also
          // another column's value, like a provider or a category, must not select anything).
          const rows = picks.map((i, k) => ({ ...loaded.rows[i]!, gpu: tiers[k % tiers.length]! }));
          const table: LoadResult<Offer> = {
            ...loaded,
            rows,
            accounting: { read: rows.length + 3, accepted: rows.length, rejected: 3 },
          };
          const bytes = encodeLoadResult(table);
          const whole = decodeLoadResult(bytes, offerRowBuilder);
          const { result, tableRows, counts } = decodeLoadResultWhere(
            bytes,
            offerRowBuilder,
            { column: 'gpu', value },
            { by: 'provider', present: 'usdPerGpuHour' },
          );
          expect(tableRows).toBe(rows.length);
          // Every row counted by provider from the columns, as from the offers themselves.
          expect(counts).toEqual(providerOffers(rows));
          expect(result.rows).toEqual(whole.rows.filter((o) => o.gpu === value));
          expect(JSON.stringify(result.rows)).toBe(JSON.stringify(rows.filter((o) => o.gpu === value)));
          expect(result.accounting).toEqual(table.accounting);
          expect(result.rejected).toEqual(table.rejected);
          expect(result.warnings).toEqual(table.warnings);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives back every string as it was, multi-byte text included; a lone surrogate is refused', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const odd = ['λ € §', '𝄞 emoji 🚀', '', 'plain', 'ü'.normalize('NFD')];
    const rows = loaded.rows.slice(0, odd.length).map((o, i) => ({ ...o, notes: odd[i]!, gpu: odd[i]! }));
    const table = { ...loaded, rows, accounting: { read: rows.length, accepted: rows.length, rejected: 0 } };
    const back = decodeLoadResult(encodeLoadResult(table), offerRowBuilder);
    expect(back.rows.map((o) => o.notes)).toEqual(odd);
    const one = decodeLoadResultWhere(encodeLoadResult(table), offerRowBuilder, {
      column: 'gpu',
      value: odd[1]!,
    });
    expect(one.result.rows.map((o) => o.notes)).toEqual([odd[1]]);
    expect(() =>
      encodeLoadResult({ ...table, rows: [{ ...rows[0]!, notes: 'half \uD800 a pair' }] }),
    ).toThrow(/lone surrogate/);
  });

  it('a selection over a column that is not text is an error, not an empty answer', async () => {
    const loaded = await loadOffersCsv(BUNDLED);
    const bytes = encodeLoadResult(loaded);
    expect(() =>
      decodeLoadResultWhere(bytes, offerRowBuilder, { column: 'gpuMemoryGiB', value: '80' }),
    ).toThrow(/no text column gpuMemoryGiB/);
    expect(() => decodeLoadResultWhere(bytes, offerRowBuilder, { column: 'nope', value: 'x' })).toThrow();
  });
});

describe('catalog cache with a selection', () => {
  it('a hit builds only the selected GPU tier; a miss gives (and stores) every offer', async () => {
    const path = mixedCatalog(work);
    const whole = await loadOffersCsv(path, { asOfCeiling: CEILING });
    const tier = whole.rows[0]!.gpu;
    const c = counted(path);
    const run = () =>
      loadCatalogCached(
        path,
        { dir: cacheDir, strict: false, ceiling: CEILING },
        () => c.run().then((r) => r.result),
        {
          gpu: tier,
        },
      );
    const miss = await loadCatalogCached(
      path,
      { dir: cacheDir, strict: false, ceiling: CEILING },
      () => loadOffersCsv(path, { asOfCeiling: CEILING }),
      { gpu: tier },
    );
    expect(miss.cache).toBe('miss');
    expect(miss.selected).toBeNull();
    expect(miss.result).toEqual(whole);
    const hit = await run();
    expect(hit.cache).toBe('hit');
    expect(hit.selected).toEqual({ gpu: tier });
    expect(hit.result.rows.length).toBeGreaterThan(0);
    expect(hit.result.rows.length).toBeLessThan(whole.rows.length);
    expect(hit.result.rows).toEqual(whole.rows.filter((o) => o.gpu === tier));
    expect(hit.result.accounting).toEqual(whole.accounting);
    expect(hit.result.rejected).toEqual(whole.rejected);
    expect(hit.result.warnings).toEqual(whole.warnings);
    expect(hit.providers).toEqual(providerOffers(whole.rows));
    expect(miss.providers).toBeNull();
    expect(c.loads()).toBe(0);
    // A tier without offers is an empty selection, the books still whole.
    const none = await loadCatalogCached(
      path,
      { dir: cacheDir, strict: false, ceiling: CEILING },
      () => Promise.reject(new Error('not loaded')),
      { gpu: 'no-such-tier' },
    );
    expect(none.cache).toBe('hit');
    expect(none.result.rows).toEqual([]);
    expect(none.result.accounting).toEqual(whole.accounting);
  });

  it('without a cache folder the selection is ignored: every offer, selected null', async () => {
    const path = mixedCatalog(work);
    const r = await loadCatalogCached(
      path,
      { dir: null, strict: false, ceiling: CEILING },
      () => loadOffersCsv(path, { asOfCeiling: CEILING }),
      { gpu: 'H100' },
    );
    expect(r.cache).toBe('off');
    expect(r.selected).toBeNull();
    expect(r.result.rows.length).toBe(r.result.accounting.accepted);
  });
});

describe('gpufit offers with the catalog cache', () => {
  it('writes one entry, answers the same from it, and --no-cache writes none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-cache-cli-'));
    const env = { GPUFIT_CACHE_DIR: dir };
    const off = await runBuiltCli(['offers', '--gpu', 'H100', '--no-cache'], { env });
    expect(off.code).toBe(0);
    expect(() => readdirSync(join(dir, 'catalogs'))).toThrow();
    const first = await runBuiltCli(['offers', '--gpu', 'H100'], { env });
    // One entry.
    expect(readdirSync(join(dir, 'catalogs')).map((n) => n.slice(-4))).toEqual(['.bin']);
    const second = await runBuiltCli(['offers', '--gpu', 'H100'], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(off.stdout);
  });

  it('answers every filter the same whether the whole catalog, the --gpu tier kept (no cache) or the tier built from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-cache-cli-'));
    const env = { GPUFIT_CACHE_DIR: dir };
    // The whole bundled catalog with a bad row, a blank line and a duplicate id: the rejected-rows warning and
    // its books come from the entry too.
    const lines = readFileSync(BUNDLED, 'utf8').trimEnd().split('\n');
    const bad = lines[1]!
      .replace(/^[^,]+,/, 'bad-row,')
      .replace(/,(Standard|Dynamic|Committed),/, ',Dinamic,');
    const catalog = join(mkdtempSync(join(tmpdir(), 'gpufit-cache-cli-')), 'offers.csv');
    writeFileSync(catalog, [...lines, '', bad, lines[2], ''].join('\n'));
    const warmUp = await runBuiltCli(['offers', '--catalog', catalog, '--gpu', 'H100'], { env });
    expect(warmUp.code, warmUp.stderr).toBe(0);
    expect(warmUp.stderr).toMatch(/2 of \d+ catalog rows were rejected/);
    const opt = <T>(name: string, values: readonly T[]) =>
      fc.option(
        fc.constantFrom(...values).map((v) => [name, String(v)]),
        { nil: undefined },
      );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          gpu: opt('--gpu', [
            'H100',
            'h100 sxm',
            'A100',
            'T4',
            'B200',
            'MI300X',
            'RTX 4090',
            'GB200',
            'H1000',
          ]),
          market: opt('--market', ['hyperscaler', 'gpu-cloud', 'depin', 'cloud']),
          category: opt('--category', ['Standard', 'Dynamic', 'Committed']),
          region: opt('--region', ['us', 'europe', 'EU', 'de', 'us-east-1', 'atlantis']),
          price: opt('--max-price', [0.05, 0.5, 2, 4.5, 100]),
          age: opt('--max-age', [1, 30, 400]),
          shape: fc.constantFrom(
            [],
            ['--all-regions'],
            ['--group-by', 'provider'],
            ['--json'],
            ['--limit', '3'],
          ),
        }),
        async (f) => {
          const args = [
            'offers',
            '--catalog',
            catalog,
            ...[f.gpu, f.market, f.category, f.region, f.price, f.age].flatMap((x) => x ?? []),
            ...(f.age === undefined ? [] : ['--today', '2026-12-01']),
            ...f.shape,
          ];
          // The whole catalog built (a miss, in a cache folder of its own), only the tier's offers kept (no
          // cache: every row validated), only the tier's offers built (a hit).
          const [whole, cold, warm] = await Promise.all([
            runBuiltCli(args, {
              env: { GPUFIT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'gpufit-cache-cli-')) },
            }),
            runBuiltCli([...args, '--no-cache'], { env }),
            runBuiltCli(args, { env }),
          ]);
          for (const r of [cold, warm]) {
            expect(r.code, r.stderr).toBe(whole.code);
            expect(r.stdout).toBe(whole.stdout);
            expect(r.stderr).toBe(whole.stderr);
          }
        },
      ),
      { numRuns: 24 },
    );
    // Only the one entry: the warm runs read it, none stored another.
    expect(readdirSync(join(dir, 'catalogs')).map((n) => n.slice(-4))).toEqual(['.bin']);
  }, 240_000);
});
