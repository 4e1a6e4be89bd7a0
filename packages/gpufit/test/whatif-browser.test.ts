import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';
import { writeReportSet } from '../src/render/writeReport.js';
import { whatifData } from '../src/whatif/whatifData.js';
import { defaultSettings, runWhatif, runWhatifFan, type WhatifData } from '../src/whatif/whatifEngine.js';
import { launchChromium } from './support/chromium.js';

/**
 * whatif.html of the bundled example in headless Chromium, opened from disk: the worker's first figures are the
 * Node engine's, moving the price-level slider changes the plan total to what the Node engine computes for that
 * level, the console stays clean and nothing but the file (and the worker's Blob URL) is requested.
 */

declare const document: {
  getElementById(
    id: string,
  ): { dataset: Record<string, string | undefined>; textContent: string | null } | null;
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
const text = (p: Page, id: string) => p.evaluate((i) => document.getElementById(i)?.textContent ?? '', id);
/** Waits until both workers have answered the latest change (the table's run and the fan's). */
async function settled(p: Page) {
  await p.waitForFunction(
    () =>
      document.getElementById('status')?.textContent === 'Up to date' &&
      document.getElementById('fan-status')?.textContent === 'Up to date',
    undefined,
    { timeout: 60_000 },
  );
}
let url: string;

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
  url = pathToFileURL(join(dir, 'whatif.html')).href;
  await page.goto(url, { waitUntil: 'load' });
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
    console.log(
      `whatif update of the bundled example (price level 0.5, every offer priced): ${ms.toFixed(1)} ms`,
    );
    expect(ms).toBeGreaterThan(0);
    // Back to the listed prices, then a demand-growth move (the offer index applies again).
    for (const [control, value] of [
      ['#price-level', '1'],
      ['#demand-growth', '0.03'],
    ] as const) {
      const n = await runs(page);
      await page.locator(control).fill(value);
      await page.waitForFunction((k) => Number(document.body.dataset['runs'] ?? 0) > k, n);
    }
    const growth = await runWhatif(data, { ...defaultSettings(data), demandGrowthMonthly: 0.03 });
    await page.waitForFunction(
      (c) => Number(document.getElementById('plan-total')?.dataset['cents']) === c,
      growth.monthlyRecommendedCents,
    );
    const ms2 = await page.evaluate(() => Number(document.getElementById('update-time')?.dataset['ms']));
    console.log(`whatif update of the bundled example (demand growth 3 %): ${ms2.toFixed(1)} ms`);
    const n = await runs(page);
    await page.locator('#demand-growth').fill(String(data.scenario.demandGrowthMonthly));
    await page.waitForFunction((k) => Number(document.body.dataset['runs'] ?? 0) > k, n);
  });

  test('interruption rate: arrow keys on the labelled depin and marketplace sliders to × 2 give the Node engine’s total', async () => {
    await settled(page);
    for (const market of ['depin', 'marketplace']) {
      const slider = page.locator(`#interruption-rate-${market}`);
      expect(await page.locator(`label[for="interruption-rate-${market}"]`).textContent()).toMatch(
        /^Interruption rate, .* offers \(decentralized; × listed rate\)$/,
      );
      await slider.focus();
      for (let i = 0; i < 4; i++) await slider.press('ArrowRight');
      expect(await slider.inputValue()).toBe('2');
    }
    const base = defaultSettings(data);
    const expected = await runWhatif(data, {
      ...base,
      interruptionRates: { ...base.interruptionRates, depin: 2, marketplace: 2 },
    });
    expect(expected.monthlyRecommendedCents).toBe(5_211_225);
    await page.waitForFunction(
      (c) => Number(document.getElementById('plan-total')?.dataset['cents']) === c,
      expected.monthlyRecommendedCents,
    );
    await settled(page);
    expect(JSON.parse(await text(page, 'scenario-json')).interruptionRateMultipliers).toEqual({
      marketplace: 2,
      depin: 2,
    });
    const ms = await page.evaluate(() => Number(document.getElementById('update-time')?.dataset['ms']));
    console.log(`whatif update of the bundled example (interruption rate × 2): ${ms.toFixed(1)} ms`);
    for (const market of ['depin', 'marketplace'])
      await page.locator(`#interruption-rate-${market}`).fill('1');
    await page.waitForFunction(
      (c) => Number(document.getElementById('plan-total')?.dataset['cents']) === c,
      (await runWhatif(data, base)).monthlyRecommendedCents,
    );
  }, 120_000);

  test('the fan: the page’s P10/P50/P90 are the Node engine’s (the CLI’s) at the scenario’s seed and trials, drawn by chart.js', async () => {
    await settled(page);
    await page.locator('#price-level').fill('1');
    await settled(page);
    const fan = await runWhatifFan(data, defaultSettings(data));
    // To the cent, as the page shows them: Chromium's V8 and Node's may differ in the last bit of a float
    // (Math.exp, Math.log), which no shown figure can see.
    const toCents = (months: { month: string; p10: number; p50: number; p90: number }[]) =>
      months.map((m) => [m.month, Math.round(m.p10 * 100), Math.round(m.p50 * 100), Math.round(m.p90 * 100)]);
    expect(toCents(JSON.parse(await text(page, 'fan-data')))).toEqual(toCents([...fan.months]));
    const horizon = await page.evaluate(() => document.getElementById('fan-horizon')?.dataset['recommended']);
    expect(JSON.parse(horizon!)).toEqual(fan.horizon!.recommended);
    expect(await text(page, 'fan-trials')).toBe(
      `${data.scenario.monteCarlo.trials.toLocaleString('en-US')} trials, seed ${data.scenario.monteCarlo.seed}`,
    );
    // chart.js drew on the canvas (under the page's CSP: a script it blocked would leave it blank).
    const drawn = await page.evaluate(() => {
      const c = document.getElementById('fan-canvas') as unknown as {
        width: number;
        height: number;
        getContext(k: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
      return ink;
    });
    expect(drawn).toBeGreaterThan(1000);
    const ms = await page.evaluate(() => Number(document.getElementById('fan-time')?.dataset['ms']));
    console.log(`whatif fan (${data.scenario.monteCarlo.trials} trials): ${ms.toFixed(0)} ms`);
    // With more than 1,000 trials a preview fan at 1,000 came first, then the full count ("Up to date" above).
    if (data.scenario.monteCarlo.trials > 1000) {
      const preview = await page.evaluate(() =>
        Number(document.getElementById('fan-time')?.dataset['previewMs']),
      );
      expect(Number.isFinite(preview)).toBe(true);
      console.log(`whatif preview fan (1,000 trials): ${preview.toFixed(0)} ms`);
    }
  });

  test('export → import: a fresh page loads the exported file back to the same settings; a bad file shows its error', async () => {
    await settled(page);
    await page.locator('#demand-growth').fill('0.07');
    await page.locator('#min-saving').fill('0.12');
    const network = data.networks[0]!.provider;
    await page.locator(`#subsidy-end-${network}`).selectOption('2027-05');
    await page.locator(`#subsidy-share-${network}`).selectOption('0.4');
    await page.locator('#category-Committed').uncheck();
    const token = data.tokens[0]!.symbol;
    await page.locator(`#token-drift-${token}`).fill('-0.8');
    await page.locator('#interruption-rate-depin').fill('3');
    // The sweeps run on Vast spot (a marketplace): this one moves the monthly total, which none of the others do.
    await page.locator('#interruption-rate-marketplace').fill('3');
    await settled(page);
    const exported = await text(page, 'scenario-json');
    expect(JSON.parse(exported)).toMatchObject({
      demandGrowthMonthly: 0.07,
      placement: { allowedPricingCategories: ['Standard', 'Dynamic'] },
      subsidies: { [network]: { kind: 'step', share: 0.4, steps: [{ month: '2027-05', share: 0 }] } },
      tokenPrices: { [token]: { annualDrift: -0.8 } },
      interruptionRateMultipliers: { depin: 3, marketplace: 3 },
    });
    const file = join(dir, 'whatif-scenario.json');
    await writeFile(file, exported);
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    fresh.on('pageerror', (e) => consoleErrors.push(String(e)));
    await fresh.goto(url, { waitUntil: 'load' });
    await settled(fresh);
    const before = await totalCents(fresh);
    await fresh.locator('#import').setInputFiles(file);
    await fresh.waitForFunction(() => document.body.dataset['imports'] === '1');
    await settled(fresh);
    expect(await text(fresh, 'scenario-json')).toBe(exported);
    expect(await fresh.locator('#demand-growth').inputValue()).toBe('0.07');
    expect(await fresh.locator(`#subsidy-end-${network}`).inputValue()).toBe('2027-05');
    expect(await fresh.locator('#category-Committed').isChecked()).toBe(false);
    expect(await fresh.locator('#interruption-rate-depin').inputValue()).toBe('3');
    expect(await fresh.locator('#interruption-rate-marketplace').inputValue()).toBe('3');
    expect(await totalCents(fresh)).toBe(await totalCents(page));
    expect(await totalCents(fresh)).not.toBe(before);
    const bad = join(dir, 'bad-scenario.json');
    await writeFile(bad, '{"demandGrowthMonthly": "fast"}');
    await fresh.locator('#import').setInputFiles(bad);
    await fresh.waitForFunction(() => document.body.dataset['importError'] === '1');
    expect(await text(fresh, 'import-error')).toMatch(/bad-scenario\.json: demandGrowthMonthly: /);
    // The settings stay as they were.
    expect(await text(fresh, 'scenario-json')).toBe(exported);
    await fresh.close();
  }, 120_000);

  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['laptop', { width: 1280, height: 800 }],
  ] as const) {
    test(`${name} (${viewport.width}×${viewport.height}): no sideways scroll of the page; every control labelled, on screen and reached by Tab in page order`, async () => {
      const p = await browser.newPage({ viewport });
      p.on('pageerror', (e) => consoleErrors.push(String(e)));
      await p.goto(url, { waitUntil: 'load' });
      await settled(p);
      const layout = await p.evaluate(() => {
        const d = document as unknown as {
          documentElement: { scrollWidth: number; clientWidth: number };
          querySelectorAll(s: string): Iterable<{
            id: string;
            tagName: string;
            textContent: string | null;
            labels?: ArrayLike<unknown> | null;
            getAttribute(n: string): string | null;
            getBoundingClientRect(): { left: number; right: number; width: number };
          }>;
        };
        const controls = [...d.querySelectorAll('input, select, button')].map((e) => ({
          id: e.id,
          // A label element, an aria-label, or (a button) its own text.
          labelled:
            (e.labels?.length ?? 0) > 0 ||
            (e.getAttribute('aria-label') ?? '') !== '' ||
            (e.tagName === 'BUTTON' && (e.textContent ?? '').trim() !== ''),
          left: e.getBoundingClientRect().left,
          right: e.getBoundingClientRect().right,
          width: e.getBoundingClientRect().width,
        }));
        return {
          scrollWidth: d.documentElement.scrollWidth,
          clientWidth: d.documentElement.clientWidth,
          controls,
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.controls.length).toBeGreaterThan(10);
      for (const c of layout.controls) {
        expect([c.id, c.labelled]).toEqual([c.id, true]);
        expect(c.width).toBeGreaterThan(0);
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(viewport.width);
      }
      // Tab from the top reaches every control, in the order of the page.
      const reached: string[] = [];
      for (let i = 0; i < layout.controls.length + 20 && reached.length < layout.controls.length; i++) {
        await p.keyboard.press('Tab');
        const id = await p.evaluate(
          () => (document as unknown as { activeElement: { id: string } | null }).activeElement?.id ?? '',
        );
        if (layout.controls.some((c) => c.id === id) && !reached.includes(id)) reached.push(id);
      }
      expect(reached).toEqual(layout.controls.map((c) => c.id));
      // The totals are announced (a polite live region), the tables have captions and header scopes.
      const totals = p.locator('.totals');
      expect(await totals.getAttribute('aria-live')).toBe('polite');
      expect(await totals.getAttribute('role')).toBe('status');
      expect(await p.locator('table:not(:has(caption))').count()).toBe(0);
      expect(await p.locator('th:not([scope])').count()).toBe(0);
      await p.close();
    }, 120_000);
  }

  test('no console error, no request but the file and the worker’s Blob URL', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
  });
});
