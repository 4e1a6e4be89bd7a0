// docs/reliability.md promises to list every error code the loaders, the schema and the formula compiler can
// produce. This test reads the codes from the sources and checks each is in the page, so a new code cannot go
// undocumented.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REJECTION_CODES } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'reliability.md'), 'utf8');

function sources(dir: string): string {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'))
    .join('\n');
}

function codesIn(text: string, pattern: RegExp): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!))].sort();
}

describe('docs/reliability.md lists every error code', () => {
  const io = sources('packages/gpufit/src/io');
  const schema = sources('packages/schema/src');
  const formula = readFileSync(join(ROOT, 'packages/pricing/src/formula/FormulaError.ts'), 'utf8');
  const output = readFileSync(join(ROOT, 'packages/gpufit/src/output/outputError.ts'), 'utf8');

  it.each([
    ['loader codes (LoadError and row rejections)', codesIn(io, /code: '([a-z0-9-]+)'/g)],
    ['loader file-level failures', codesIn(io, /fail\(\s*'([a-z0-9-]+)'/g)],
    ['loader row problems', codesIn(io, /'(invalid-utf8|csv-syntax|line-too-long|ragged|unnamed-column)'/g)],
    ['schema CSV cell codes', codesIn(schema, /fail\(\s*'([a-z_]+)'/g)],
    ['schema rule codes', codesIn(schema, /gpufit: '([a-z_]+)'/g)],
    ['schema issue codes (names, unreadable input)', codesIn(schema, /code: '([a-z_]+)'/g)],
    ['formula error codes', codesIn(formula.slice(0, formula.indexOf('export class')), /'([a-z-]+)'/g)],
    ['cost-estimate rejection codes', [...REJECTION_CODES]],
    ['output error codes', codesIn(output.slice(0, output.indexOf('export class')), /'([a-z-]+)'/g)],
  ])('%s', (_what, codes) => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(doc, code).toContain(`\`${code}\``);
  });
});
