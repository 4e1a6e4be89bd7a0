import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

/**
 * docs/api/ cannot go stale: the whole reference is regenerated from the current sources into a temporary
 * folder, as `pnpm run docs:api` writes it, and must equal the committed files byte for byte.
 */
const run = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..', '..');
const committed = join(repo, 'docs', 'api');
const out = mkdtempSync(join(tmpdir(), 'gpufit-api-docs-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

test('docs/api/ is what `pnpm run docs:api` generates from the current sources', async () => {
  await run(process.execPath, [join(repo, 'tools', 'api-docs', 'generate.mjs'), '--out', out], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const generated = filesIn(out);
  expect(generated).toContain('README.md');
  expect(generated).toContain('gpufit.md');
  const stale = 'docs/api/ is stale: run `pnpm run docs:api` and commit docs/api/';
  expect(filesIn(committed), stale).toEqual(generated);
  const differing = generated.filter(
    (f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'),
  );
  expect(differing, stale).toEqual([]);
}, 300_000);
