import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of the workspace's sources, read from the text (type-only imports count: a circle of types is
 * still a circle a reader must hold in mind). A specifier is whatever follows `from`, `import(` or a bare
 * `import` after comments are stripped; `./x.js` resolves to `./x.ts` (or `./x/index.ts`).
 */
export interface ImportGraph {
  /** File (repo-relative) → the files it imports (repo-relative). */
  readonly files: ReadonlyMap<string, readonly string[]>;
  /** File (repo-relative) → the bare specifiers it imports (`@gpufit/pricing`, `node:fs`, `zod`). */
  readonly external: ReadonlyMap<string, readonly string[]>;
}

/** The text with its comments removed; strings, template literals and regular expressions are kept as they are. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

/** The module specifiers a TypeScript file imports or re-exports. */
export function specifiersOf(text: string): string[] {
  return [...stripComments(text).matchAll(SPECIFIER)].map((m) => m[2]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

function resolveRelative(from: string, specifier: string, known: ReadonlySet<string>): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.(m?js)$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')])
    if (known.has(candidate)) return candidate;
  return base;
}

/** The graph of every `.ts` file under the given source folders (absolute paths), named relative to `repo`. */
export function importGraph(repo: string, sourceDirs: readonly string[]): ImportGraph {
  const all = sourceDirs.flatMap(sourceFiles);
  const known = new Set(all);
  const files = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const file of all) {
    const local: string[] = [];
    const bare: string[] = [];
    for (const s of specifiersOf(readFileSync(file, 'utf8'))) {
      if (s.startsWith('.')) {
        const target = resolveRelative(file, s, known);
        // JSON and other assets are leaves; only source files can close a circle.
        if (known.has(target)) local.push(relative(repo, target));
      } else bare.push(s);
    }
    files.set(relative(repo, file), local);
    external.set(relative(repo, file), bare);
  }
  return { files, external };
}

/**
 * The cycles of a directed graph: each strongly connected component of more than one node, or a node that
 * imports itself (Tarjan's algorithm, iterative so a long chain cannot overflow the stack). Sorted, so a failure
 * reads the same on every run.
 */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) out.push(component.sort());
      }
    }
  }
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
