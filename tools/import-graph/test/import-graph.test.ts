import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, specifiersOf, stripComments } from '../importGraph.js';

/**
 * No import circles anywhere (issue 17): not between the files of a package's src, not between packages; and
 * the pure packages (everything but `gpufit`, the Node front door) import no Node module and read no process,
 * clock or unseeded randomness, so they run in a browser as they do in Node, with the same numbers.
 */
const repo = join(import.meta.dirname, '..', '..', '..');
const PACKAGES = readdirSync(join(repo, 'packages')).sort();
const NODE_ONLY = new Set(['gpufit']);
const graph = importGraph(
  repo,
  PACKAGES.map((p) => join(repo, 'packages', p, 'src')),
);

const manifestName = (p: string): string =>
  (JSON.parse(readFileSync(join(repo, 'packages', p, 'package.json'), 'utf8')) as { name: string }).name;
const nameToDir = new Map(PACKAGES.map((p) => [manifestName(p), p]));
const packageOf = (file: string) => file.split('/')[1]!;
const isNodeModule = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]!);

describe('the import graph of every package', () => {
  it('reads every kind of import: type-only, re-export, side effect and dynamic, never one in a comment', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { B } from './b.js';",
      "import './c.js';",
      "const d = await import('./d.js');",
      "// import { e } from './e.js';",
      "/* export * from './f.js'; */",
      "const s = 'from ./g.js';",
      'import {\n  H,\n  type I,\n} from "@gpufit/h";',
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', './b.js', './c.js', './d.js', '@gpufit/h']);
  });

  it('finds a circle, and only a circle', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(edges)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('sees the sources of every package', () => {
    for (const p of PACKAGES) {
      expect(
        [...graph.files.keys()].some((f) => f === `packages/${p}/src/index.ts`),
        p,
      ).toBe(true);
    }
  });

  it('has no circle between the files of any package', () => {
    expect(cyclesOf(graph.files)).toEqual([]);
  });

  it('has no circle between packages', () => {
    const packages = new Map<string, string[]>(PACKAGES.map((p) => [p, []]));
    for (const [file, specifiers] of graph.external) {
      for (const s of specifiers) {
        const dep = nameToDir.get(s);
        if (dep !== undefined && dep !== packageOf(file)) packages.get(packageOf(file))!.push(dep);
      }
    }
    expect(cyclesOf(packages)).toEqual([]);
  });

  it('keeps Node modules out of the pure packages', () => {
    const offenders = [...graph.external]
      .filter(([file]) => !NODE_ONLY.has(packageOf(file)))
      .flatMap(([file, specifiers]) => specifiers.filter(isNodeModule).map((s) => `${file} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the process, the clock and unseeded randomness out of the pure packages', () => {
    const IMPURE = /\bprocess\.|\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(/;
    const offenders = [...graph.files.keys()]
      .filter((file) => !NODE_ONLY.has(packageOf(file)))
      .filter((file) => IMPURE.test(stripComments(readFileSync(join(repo, file), 'utf8'))));
    expect(offenders).toEqual([]);
  });
});
