import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKLOAD_KINDS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '..', 'src');

function sources(dir: string): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [[join(dir, e.name), readFileSync(join(dir, e.name), 'utf8')] as [string, string]]
        : [],
  );
}

describe('the scoring source', () => {
  const files = sources(srcDir);

  it('never compares a workload kind by name (kinds are data)', () => {
    const kinds = WORKLOAD_KINDS.join('|');
    const branch = new RegExp(
      `(===|!==|==|!=|case)\\s*['"](${kinds})['"]|['"](${kinds})['"]\\s*(===|!==|==|!=)`,
    );
    expect(files.filter(([, text]) => branch.test(text)).map(([f]) => f)).toEqual([]);
  });

  it('uses no Node built-in, clock, environment or unseeded randomness', () => {
    const impure = /from ['"]node:|\bprocess\.|\bDate\b|Math\.random|\brequire\(/;
    expect(files.filter(([, text]) => impure.test(text)).map(([f]) => f)).toEqual([]);
  });
});
