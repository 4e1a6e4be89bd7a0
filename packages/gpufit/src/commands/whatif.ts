import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogCacheDir } from '../catalog/catalogCache.js';
import { badInput, CliError } from '../cli/errors.js';
import { note } from '../cli/terminal.js';
import { writeFileAtomic } from '../output/writeFileAtomic.js';
import { readChartJsSource } from '../render/chartJsSource.js';
import { readWhatifEngine, renderWhatif } from '../whatif/renderWhatif.js';
import { whatifData } from '../whatif/whatifData.js';
import { type AnalyzeCommandOptions, DEFAULT_REPORT_DIR, runScenarioAnalysis } from './analyze.js';

export interface WhatifCommandOptions
  extends Pick<
    AnalyzeCommandOptions,
    'catalog' | 'scenario' | 'seed' | 'trials' | 'strict' | 'analysisDate'
  > {
  /** Serve the page on 127.0.0.1 instead of opening the file. */
  readonly serve?: boolean;
  readonly port?: number;
  /** false (`--no-open`): print the page's URL without starting a browser. */
  readonly open?: boolean;
}

const PAGE = 'whatif.html';

/** Whether an option asks for a new analysis (then ./gpufit-report's page, made without it, is not used). */
const analysisOptions = (o: WhatifCommandOptions) =>
  [o.catalog, o.scenario, o.seed, o.trials, o.analysisDate, o.strict].some((v) => v !== undefined);

/** Whether a path is a directory, a file, or nothing. */
async function kindOf(path: string): Promise<'dir' | 'file' | null> {
  const s = await stat(path).catch(() => null);
  return s === null ? null : s.isDirectory() ? 'dir' : 'file';
}

/**
 * The page `gpufit whatif` shows: `whatif.html` of a report folder (the argument, or ./gpufit-report when it
 * has one and no option asks for a new analysis), an .html file named directly, or else a new page for a
 * workloads file (or the bundled example), written to the user's cache (`writePage`).
 */
async function findPage(target: string | undefined, opts: WhatifCommandOptions): Promise<string> {
  if (target !== undefined) {
    const kind = await kindOf(target);
    if (kind === null) throw badInput(`${target}: no such file or folder`);
    if (kind === 'dir') {
      const page = join(target, PAGE);
      if ((await kindOf(page)) !== 'file')
        throw badInput(
          `${target}: no ${PAGE} in this folder`,
          `Write one with \`gpufit analyze --out ${target}\`, or name a workloads file.`,
        );
      return resolve(page);
    }
    if (target.toLowerCase().endsWith('.html')) return resolve(target);
  } else if ((await kindOf(join(DEFAULT_REPORT_DIR, PAGE))) === 'file' && !analysisOptions(opts)) {
    return resolve(DEFAULT_REPORT_DIR, PAGE);
  }
  const { whatif } = await runScenarioAnalysis(target, opts, false, 'none');
  const inputs = await whatif();
  if (inputs === null)
    throw badInput(
      'the scenario has formulas (priceAdjustments or formula subsidies), which the what-if page cannot evaluate',
    );
  const html = renderWhatif(whatifData(inputs), await readWhatifEngine(), await readChartJsSource());
  return writePage(html);
}

/** Pages kept in the cache's `whatif/` folder; older ones are removed as new ones are written. */
export const MAX_CACHED_PAGES = 16;

/**
 * Writes a page for a workloads file where the user's own cache keeps it (`<cache>/whatif/<digest>/whatif.html`,
 * beside the catalog cache: `$GPUFIT_CACHE_DIR`, `$XDG_CACHE_HOME/gpufit` or `~/.cache/gpufit`), named by its
 * content's SHA-256: the same inputs give the same page and folder, so repeated runs reuse it instead of leaving a
 * new temporary folder each time, and the newest `MAX_CACHED_PAGES` are kept. A cache that cannot be written
 * falls back to a new private temporary folder (`mkdtemp`), as before.
 */
export async function writePage(html: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const root = join(dirname(catalogCacheDir(env)), 'whatif');
  const digest = createHash('sha256').update(html).digest('hex').slice(0, 32);
  const file = join(root, digest, PAGE);
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, html);
    await prunePages(root, digest);
    return file;
  } catch {
    const fallback = join(await mkdtemp(join(tmpdir(), 'gpufit-whatif-')), PAGE);
    await writeFile(fallback, html);
    return fallback;
  }
}

/** Keeps the newest `MAX_CACHED_PAGES` page folders (by modification time) and the one just written. */
async function prunePages(root: string, keep: string): Promise<void> {
  const names = (await readdir(root)).filter((n) => /^[0-9a-f]{32}$/.test(n));
  if (names.length <= MAX_CACHED_PAGES) return;
  const aged = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(join(root, name))).mtimeMs })),
  );
  aged.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const { name } of aged.slice(MAX_CACHED_PAGES))
    if (name !== keep) await rm(join(root, name), { recursive: true, force: true });
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** The Content-Security-Policy a what-if page states in its `<meta>` (served as a header too). */
export function pageCsp(html: string, file: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  if (m === null || !html.includes('id="whatif-engine"'))
    throw badInput(`${file}: not a gpufit what-if page (no Content-Security-Policy and engine)`);
  return m[1]!.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);
}

/** Starts the system's browser on the URL where there is one (macOS `open`, a Linux desktop's `xdg-open`). */
function tryOpen(url: string): void {
  const desktop =
    process.platform === 'darwin' ||
    (process.platform === 'linux' && (process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']));
  if (!desktop) return;
  try {
    const child = spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the URL is printed, which is enough.
  }
}

/**
 * Serves one page on 127.0.0.1 (never another interface): `/` and `/whatif.html` are the page, with its
 * Content-Security-Policy as a header; every other path is 404 (no directory listing, no other file), a request
 * whose Host is not this address is refused (a DNS-rebinding page cannot read it). Runs until Ctrl-C.
 */
export async function serveWhatif(html: string, csp: string, port: number): Promise<void> {
  const body = Buffer.from(html, 'utf8');
  const common = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  const server = createServer((req, res) => {
    const address = server.address();
    const own = typeof address === 'object' && address !== null ? address.port : port;
    if (req.headers.host !== `127.0.0.1:${own}` && req.headers.host !== `localhost:${own}`) {
      res.writeHead(421, { ...common, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request\n');
      return;
    }
    const path = new URL(req.url ?? '/', `http://127.0.0.1:${own}`).pathname;
    if (path !== '/' && path !== `/${PAGE}`) {
      res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    res.writeHead(200, {
      ...common,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? badInput(`port ${port} on 127.0.0.1 is in use`, 'Pick another with --port N (0: any free port).')
          : new CliError(`cannot serve on 127.0.0.1:${port}: ${e.message}`),
      ),
    );
    server.listen(port, '127.0.0.1', done);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}/`;
  process.stdout.write(`Serving the what-if page at ${url} (127.0.0.1 only; Ctrl-C stops)\n`);
  const closed = new Promise<void>((done) => server.once('close', () => done()));
  const stop = () => {
    server.close();
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await closed;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
}

/** `gpufit whatif [REPORT_DIR | workloads]` (docs/cli.md). */
export async function runWhatifCommand(
  target: string | undefined,
  opts: WhatifCommandOptions,
): Promise<void> {
  const file = await findPage(target, opts);
  if (opts.serve) {
    const html = await readFile(file, 'utf8');
    await serveWhatif(html, pageCsp(html, file), opts.port ?? 8787);
    return;
  }
  const url = pathToFileURL(file).href;
  process.stdout.write(`The what-if page: ${url}\n`);
  if (opts.open !== false) {
    tryOpen(url);
    note(
      'Open it in a browser (it works from disk, offline); `gpufit whatif --serve` serves it on 127.0.0.1.',
    );
  }
}
