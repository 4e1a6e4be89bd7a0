// `gpufit whatif` as a user runs it: the built CLI prints the page's file:// URL, and `--serve` serves only the
// page on 127.0.0.1 with its Content-Security-Policy as a header (every other path 404), which Chromium runs.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/chromium.js';

declare const document: { readonly body: { dataset: Record<string, string | undefined> } };

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');
const env = { ...process.env, NO_COLOR: '1', DISPLAY: '', WAYLAND_DISPLAY: '' };

let server: ChildProcess;
let url: string;

beforeAll(async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'gpufit-whatif-serve-'));
  server = spawn(process.execPath, [CLI, 'whatif', '--serve', '--port', '0'], { cwd, env });
  let out = '';
  url = await new Promise<string>((done, fail) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Serving the what-if page at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) done(m[1]!);
    });
    server.on('exit', (code) => fail(new Error(`gpufit whatif --serve exited ${code}: ${out}`)));
  });
}, 120_000);

afterAll(() => {
  server?.kill('SIGINT');
});

describe('gpufit whatif', () => {
  test('without --serve: prints the file:// URL of a page it wrote, and exits 0 with no browser to start', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gpufit-whatif-open-'));
    const { stdout } = await run(process.execPath, [CLI, 'whatif'], { cwd, env });
    const m = /The what-if page: (file:\/\/\S+whatif\.html)/.exec(stdout);
    expect(m).not.toBeNull();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(fileURLToPath(m![1]!), 'utf8')).toContain('id="whatif-engine"');
  }, 120_000);

  test('./gpufit-report/whatif.html is the page when it exists, unless an analysis option asks for a new one', async () => {
    const { mkdirSync, writeFileSync, realpathSync } = await import('node:fs');
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'gpufit-whatif-cwd-')));
    mkdirSync(join(cwd, 'gpufit-report'));
    writeFileSync(join(cwd, 'gpufit-report', 'whatif.html'), '<!doctype html>');
    const found = await run(process.execPath, [CLI, 'whatif'], { cwd, env });
    expect(found.stdout).toContain(`file://${join(cwd, 'gpufit-report', 'whatif.html')}`);
    const fresh = await run(process.execPath, [CLI, 'whatif', '--trials', '50', '--no-open'], { cwd, env });
    const m = /The what-if page: (file:\/\/\S+)/.exec(fresh.stdout);
    expect(m![1]).not.toContain(cwd);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(fileURLToPath(m![1]!), 'utf8')).toContain('<span id="fan-trials">50 trials</span>');
  }, 120_000);

  test('a folder without whatif.html is bad input (exit 2) that says how to make one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-whatif-empty-'));
    const failed = await run(process.execPath, [CLI, 'whatif', dir], { env }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${dir}: no whatif.html in this folder`);
  });

  test('--serve: the page with its CSP header; every other path 404; another Host refused', async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob:');
    const html = await page.text();
    expect(html).toContain(`content="${csp.replaceAll("'", '&#39;')}"`);
    expect((await fetch(`${url}whatif.html`)).status).toBe(200);
    for (const path of [
      'index.html',
      'report.html',
      'etc/passwd',
      '%2e%2e/%2e%2e/etc/passwd',
      'whatif.html/x',
    ])
      expect([path, (await fetch(url + path)).status]).toEqual([path, 404]);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    const { request } = await import('node:http');
    const status = await new Promise<number>((done) =>
      request(url, { headers: { host: 'attacker.example' } }, (res) => done(res.statusCode ?? 0)).end(),
    );
    expect(status).toBe(421);
  });

  test('--serve: the served page runs in Chromium under its header CSP, with no console error', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          Number(document.body.dataset['runs'] ?? 0) >= 1 && Number(document.body.dataset['fans'] ?? 0) >= 1,
        undefined,
        { timeout: 60_000 },
      );
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  test('Ctrl-C stops the server', async () => {
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
