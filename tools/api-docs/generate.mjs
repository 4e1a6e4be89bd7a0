// Generates the API reference in docs/api/ (Markdown, one page per package) from each package's entry point,
// `packages/<name>/src/index.ts`, with TypeDoc on TypeScript 6 (TypeDoc needs TypeScript's JavaScript API, which
// the native TypeScript 7 compiler of the workspace does not have). `--out DIR` writes elsewhere (the test that
// keeps docs/api/ current regenerates into a temporary folder and compares).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Application, LogLevel } from 'typedoc';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(repo, 'docs', 'api'));
const PACKAGES = ['schema', 'scoring', 'pricing', 'report', 'analysis', 'gpufit'];

const app = await Application.bootstrapWithPlugins({
  name: 'gpufit API reference',
  entryPoints: PACKAGES.map((p) => join(repo, 'packages', p, 'src', 'index.ts')),
  entryPointStrategy: 'resolve',
  tsconfig: join(here, 'tsconfig.json'),
  plugin: ['typedoc-plugin-markdown'],
  out,
  readme: join(here, 'index.md'),
  mergeReadme: true,
  indexFormat: 'table',
  // The workspace typecheck (`pnpm run typecheck`, TypeScript 7) checks the sources; TypeDoc only reads them.
  skipErrorChecking: true,
  // No "Defined in file:line" links: the reference changes when the API does, not when a line moves.
  disableSources: true,
  excludePrivate: true,
  excludeInternal: true,
  hideGenerator: true,
  outputFileStrategy: 'modules',
  entryFileName: 'README.md',
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  logLevel: LogLevel.Warn,
});
const project = await app.convert();
if (project === undefined) throw new Error('TypeDoc could not convert the packages (see the errors above)');
rmSync(out, { recursive: true, force: true });
await app.generateOutputs(project);
if (app.logger.hasErrors()) process.exit(1);
console.log(`wrote ${readdirSync(out, { recursive: true }).length} files to ${out}`);
