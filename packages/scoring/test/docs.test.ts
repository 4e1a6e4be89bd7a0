import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKLOAD_KINDS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { defaultFramework, FACTOR_IDS } from '../src/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'framework.md'), 'utf8');

/** The cells of the table row whose first cell is `first`. */
function row(first: string): string[] {
  const line = doc
    .split('\n')
    .map((l) => l.trimStart())
    .find((l) => l.startsWith(`| ${first} |`));
  if (line === undefined) throw new Error(`docs/framework.md has no row for ${first}`);
  return line
    .split('|')
    .map((c) => c.trim())
    .slice(1, -1);
}

const signed = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0');

describe('docs/framework.md matches the default framework', () => {
  it('names the version', () => {
    expect(doc).toContain(`**${defaultFramework.version}**`);
  });

  it.each([...FACTOR_IDS])('documents factor %s with its weight', (id) => {
    expect(row(`\`${id}\``)[2]).toBe(String(defaultFramework.factors[id].weight));
  });

  it.each([...WORKLOAD_KINDS])('documents the base fit of %s', (kind) => {
    const [, cloud, depin] = row(`\`${kind}\``);
    expect([cloud, depin]).toEqual([
      signed(defaultFramework.kinds[kind].cloud),
      signed(defaultFramework.kinds[kind].depin),
    ]);
  });

  it('documents the level thresholds and every approach rule', () => {
    expect(doc).toContain(`score ≥ **${defaultFramework.levels.high}**`);
    expect(doc).toContain(`≥ **${defaultFramework.levels.medium}**`);
    for (const r of defaultFramework.approach.rules) {
      const [, lean, level] = row(`\`${r.approach}\``);
      expect(lean!.startsWith(signed(r.minLean))).toBe(true);
      expect(level).toBe(r.minDepinLevel);
    }
  });
});
