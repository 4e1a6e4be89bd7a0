import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';
import { writeReportSet } from '../src/render/writeReport.js';
import { whatifData } from '../src/whatif/whatifData.js';
import { defaultSettings, runWhatif, type WhatifData } from '../src/whatif/whatifEngine.js';
import { launchChromium } from './support/chromium.js';

/**
 * whatif.html of the bundled example in headless Chromium, opened from disk: the worker's first figures are the
 * Node engine's, moving the price-level slider changes the plan total to what the Node engine computes for that
 * level, the console stays clean and nothing but the file (and the worker's Blob URL) is requested.
 */

declare const document: {
  getElementById(id: string): { dataset: Record<string, string | undefined> } | null;
  readonly body: { dataset: Record<string, string | undefined> };
};

let browser: Browser;
let page: Page;
let dir: string;
let data: WhatifData;
const requests: string[] = [];
const consoleErrors: string[] = [];

const totalCents = (p: Page) =>
  p.evaluate(() => Number(document.getElementById('plan-total')?.dataset['cents']));
const runs = (p: Page) => p.evaluate(() => Number(document.body.dataset['runs'] ?? 0));

beforeAll(async () => {
  const cli = await runScenarioAnalysis(undefined, {}, false);
  const inputs = await cli.whatif();
  if (inputs === null) throw new Error('the bundled example has no formulas');
  data = whatifData(inputs);
  dir = await mkdtemp(join(tmpdir(), 'gpufit-whatif-html-'));
  await writeReportSet(cli.analysis, dir, ['whatif'], { whatif: inputs });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(pathToFileURL(join(dir, 'whatif.html')).href, { waitUntil: 'load' });
  await page.waitForFunction(() => Number(document.body.dataset['runs'] ?? 0) >= 1);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('whatif.html in headless Chromium', () => {
  test('the first figures are the Node engine’s for the default settings', async () => {
    const expected = await runWhatif(data, defaultSettings(data));
    expect(await totalCents(page)).toBe(expected.monthlyRecommendedCents);
    const ms = await page.evaluate(() => Number(document.getElementById('update-time')?.dataset['ms']));
    console.log(`whatif first update (default settings): ${ms.toFixed(1)} ms`);
  });

  test('moving the price-level slider gives the Node engine’s total for that level, and reports its update time', async () => {
    const before = await runs(page);
    await page.locator('#price-level').fill('0.5');
    await page.waitForFunction((n) => Number(document.body.dataset['runs'] ?? 0) > n, before);
    const expected = await runWhatif(data, { ...defaultSettings(data), priceLevel: 0.5 });
    expect(expected.monthlyRecommendedCents).not.toBe(
      (await runWhatif(data, defaultSettings(data))).monthlyRecommendedCents,
    );
    expect(await totalCents(page)).toBe(expected.monthlyRecommendedCents);
    const ms = await page.evaluate(() => Number(document.getElementById('update-time')?.dataset['ms']));
    console.log(`whatif update of the bundled example: ${ms.toFixed(1)} ms`);
    expect(ms).toBeGreaterThan(0);
  });

  test('no console error, no request but the file and the worker’s Blob URL', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
  });
});
