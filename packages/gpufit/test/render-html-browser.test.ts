import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chartConfigs } from '@gpufit/report';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAnalysis, XSS_NAME } from '../../report/test/fixtures/analysis.js';
import { writeReportSet } from '../src/render/writeReport.js';
import { launchChromium } from './support/chromium.js';

/**
 * The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, as CI installs it), opened from
 * disk: every chart canvas is drawn, the console stays clean, nothing but the file itself is requested, and
 * the workload named like an <img> tag is shown as text.
 */

// The few browser globals used inside page.evaluate callbacks (the repo compiles without the DOM lib).
interface BrowserCanvas {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
declare const document: {
  querySelectorAll<T>(selector: string): ArrayLike<T> & Iterable<T>;
  createElement(tag: 'script'): { textContent: string };
  readonly body: {
    textContent: string | null;
    dataset: Record<string, string | undefined>;
    append(node: unknown): void;
  };
};

let browser: Browser;
let page: Page;
let dir: string;
let url: string;
const requests: string[] = [];
const consoleErrors: string[] = [];
const pageErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gpufit-html-'));
  await writeReportSet(buildAnalysis(), dir, ['html']);
  url = pathToFileURL(join(dir, 'report.html')).href;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in headless Chromium', () => {
  test('every chart canvas is drawn (non-transparent pixels read back from the canvas)', async () => {
    const expected = chartConfigs(buildAnalysis()).map((c) => c.id);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<BrowserCanvas>('canvas[id^="chart-"]')].map((canvas) => {
        const ctx = canvas.getContext('2d');
        if (ctx === null) return { id: canvas.id, opaque: 0, total: 0 };
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let opaque = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) opaque += 1;
        return { id: canvas.id, opaque, total: canvas.width * canvas.height };
      }),
    );
    expect(drawn.map((d) => d.id.replace(/^chart-/, ''))).toEqual(expected);
    for (const d of drawn) {
      expect(d.opaque / d.total, d.id).toBeGreaterThan(0.02);
    }
  });

  test('no console errors and no page errors (CSP violations would show here)', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('no network request: the only URL fetched is the file itself', () => {
    expect(requests).toEqual([url]);
  });

  test('the workload named <img src=x onerror=alert(1)> is text: no <img> element, no dialog', async () => {
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(XSS_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('the executive summary table is the first table, with the workloads and a total', async () => {
    const headers = await page.locator('table').first().locator('th').allTextContents();
    expect(headers).toEqual([
      'workload',
      'recommendation',
      'approach',
      'cloud option',
      'decentralized option',
      'monthly cost (USD)',
      'savings (USD/month)',
    ]);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(
      buildAnalysis().workloads.length,
    );
  });
});

describe('its Content-Security-Policy is enforced', () => {
  test('an injected inline script does not run and a fetch is refused', async () => {
    const probe = await browser.newPage();
    const blocked: string[] = [];
    probe.on('console', (m) => {
      if (m.type() === 'error') blocked.push(m.text());
    });
    await probe.goto(url, { waitUntil: 'load' });
    const result = await probe.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'document.body.dataset.injected = "yes";';
      document.body.append(s);
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'refused',
      );
      return { injected: document.body.dataset.injected ?? 'no', fetched };
    });
    expect(result).toEqual({ injected: 'no', fetched: 'refused' });
    expect(blocked.some((t) => t.includes('Content Security Policy'))).toBe(true);
    await probe.close();
  });
});
