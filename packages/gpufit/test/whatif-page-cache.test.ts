// `gpufit whatif` on a workloads file writes its page into the user's cache, named by the page's content: the same
// inputs reuse one folder instead of leaving a new temporary folder each run, and only the newest pages are kept.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_CACHED_PAGES, writePage } from '../src/commands/whatif.js';

const page = (n: number) => `<!doctype html><title>page ${n}</title>`;

describe('writePage: what-if pages in the user cache', () => {
  test('the same page goes to the same file; another page to another; both readable', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'gpufit-pagecache-'));
    const env = { GPUFIT_CACHE_DIR: cache };
    const a = await writePage(page(1), env);
    expect(a.startsWith(join(cache, 'whatif'))).toBe(true);
    expect(await writePage(page(1), env)).toBe(a);
    const b = await writePage(page(2), env);
    expect(b).not.toBe(a);
    expect(readFileSync(a, 'utf8')).toBe(page(1));
    expect(readFileSync(b, 'utf8')).toBe(page(2));
    expect(readdirSync(join(cache, 'whatif'))).toHaveLength(2);
  });

  test(`keeps the newest ${MAX_CACHED_PAGES} pages, and always the one just written`, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'gpufit-pagecache-'));
    const env = { GPUFIT_CACHE_DIR: cache };
    const written: string[] = [];
    for (let i = 0; i < MAX_CACHED_PAGES + 4; i++) {
      const file = await writePage(page(i), env);
      // Older pages are older on disk (a second apart), whatever the file system's time resolution.
      const t = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
      utimesSync(join(file, '..'), t, t);
      written.push(file);
    }
    const last = await writePage(page(0), env); // the oldest page again: written anew and kept
    const kept = readdirSync(join(cache, 'whatif'));
    expect(kept.length).toBeLessThanOrEqual(MAX_CACHED_PAGES + 1);
    expect(readFileSync(last, 'utf8')).toBe(page(0));
    const folder = (f: string) => join(f, '..').split('/').at(-1);
    expect(kept).toContain(folder(written.at(-1)!));
    expect(kept).toContain(folder(last));
    expect(kept).not.toContain(folder(written[1]!)); // among the oldest: pruned
  });

  test('a cache that cannot be written falls back to a private temporary folder', async () => {
    // The cache path is a file, so no folder can be made under it (whoever runs the test, root included).
    const base = mkdtempSync(join(tmpdir(), 'gpufit-pagecache-'));
    writeFileSync(join(base, 'not-a-folder'), 'x');
    const file = await writePage(page(7), { GPUFIT_CACHE_DIR: join(base, 'not-a-folder') });
    expect(readFileSync(file, 'utf8')).toBe(page(7));
    expect(file.startsWith(join(tmpdir(), 'gpufit-whatif-'))).toBe(true);
  });
});
