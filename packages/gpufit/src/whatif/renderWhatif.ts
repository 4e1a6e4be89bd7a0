import { readFile } from 'node:fs/promises';
import { escapeHtml, strictCsp, strictPageHead } from '@gpufit/report';
import { nodeSha256 } from '../render/nodeSha256.js';
import type { WhatifData } from './whatifEngine.js';
import { WHATIF_SCRIPT, WHATIF_STYLES } from './whatifPage.js';

/** JSON safe inside a `<script type="application/json">` (as report.html's chart data). */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

let engine: Promise<string> | undefined;

/**
 * The engine bundle scripts/build.mjs writes to dist/whatif-engine.js, found from the CLI bundle (dist/,
 * dist/chunks/), the library build (dist/lib/whatif/) or the sources (src/whatif/, as tests run them).
 */
export function readWhatifEngine(): Promise<string> {
  engine ??= (async () => {
    for (const rel of [
      './whatif-engine.js',
      '../whatif-engine.js',
      '../../whatif-engine.js',
      '../../dist/whatif-engine.js',
    ]) {
      const text = await readFile(new URL(rel, import.meta.url), 'utf8').catch(() => null);
      if (text !== null) return text;
    }
    throw new Error(
      'whatif-engine.js not found next to gpufit: build it with `pnpm --filter gpufit run build:cli`',
    );
  })();
  return engine;
}

/**
 * whatif.html: the page's script and style, its data, the engine and chart.js (as report.html inlines it)
 * inlined; a Content-Security-Policy that runs only those two scripts (by hash), starts workers only from Blob
 * URLs and allows no network request.
 */
export function renderWhatif(data: WhatifData, engineSource: string, chartJsSource: string): string {
  // An HTML parser ends a script element at "</script" whatever the JavaScript means (as renderHtml refuses).
  if (/<\/script|<!--/i.test(chartJsSource)) throw new Error('chart.js source holds "</script" or "<!--"');
  const csp = strictCsp(
    { scripts: [chartJsSource, WHATIF_SCRIPT], styles: [WHATIF_STYLES], workers: 'blob:' },
    nodeSha256,
  );
  const name = escapeHtml(data.scenario.name);
  const trials = data.scenario.monteCarlo.trials.toLocaleString('en-US');
  return [
    ...strictPageHead({ title: `gpufit what-if: ${data.scenario.name}`, csp, style: WHATIF_STYLES }),
    '<body>',
    '<main>',
    `<h1>What if? <small>${name}</small></h1>`,
    '<p class="note">Move an assumption: the plan is analyzed again in your browser by the same engine as <code>gpufit analyze</code>. Nothing leaves this page.</p>',
    '<fieldset id="controls"><legend>Assumptions</legend></fieldset>',
    '<fieldset id="interruptions"><legend>Interruption rate per market (how often hosts drop: re-work, spare serving units, the Monte Carlo)</legend></fieldset>',
    '<fieldset id="subsidies"><legend>Incentive subsidies per network: share and end month</legend></fieldset>',
    '<fieldset id="tokens"><legend>Incentive token prices (drift and volatility)</legend></fieldset>',
    '<fieldset id="categories"><legend>Allowed pricing categories</legend></fieldset>',
    '<div class="totals" role="status" aria-live="polite" aria-atomic="true">',
    '<span>Recommended plan: <strong id="plan-total">…</strong>/month</span>',
    '<span>All-cloud: <strong id="all-cloud">…</strong></span>',
    '<span>Saves: <strong id="savings">…</strong></span>',
    '<span id="plan-cliff" class="cliff"></span>',
    '</div>',
    '<p class="note">Updated in <span id="update-time">…</span> · <span id="status">Loading…</span></p>',
    '<div class="scroll"><table><caption>Each workload: pin it to a side, or let the plan decide (auto).</caption>',
    '<thead><tr><th scope="col">Workload</th><th scope="col">Placement</th><th scope="col">Recommendation</th><th scope="col" class="num">Monthly cost</th><th scope="col">Subsidy cliff</th></tr></thead>',
    '<tbody id="workloads"></tbody></table></div>',
    '<h2>Uncertainty: the plan’s spend, P10 to P90</h2>',
    `<p class="note">The joint Monte Carlo of every workload together, as <code>gpufit analyze</code> runs it: <span id="fan-trials">${escapeHtml(trials)} trials</span> (the CLI’s count for this scenario; <code>--trials</code> changes both). It runs after the table, on its own worker: <span id="fan-time">…</span> · <span id="fan-status">Simulating…</span></p>`,
    '<div class="fan"><canvas id="fan-canvas" role="img" aria-label="Portfolio spend per month: P10–P90 band and median">The plan’s P10–P90 spend per month.</canvas></div>',
    '<div class="scroll"><table><caption>Spend over the horizon (USD)</caption><thead><tr><th scope="col">Plan</th><th scope="col" class="num">P10</th><th scope="col" class="num">P50</th><th scope="col" class="num">P90</th></tr></thead><tbody id="fan-horizon"></tbody></table></div>',
    '<script type="application/json" id="fan-data">[]</script>',
    '<h2>Break-even points</h2>',
    '<div id="break-evens"></div>',
    '<h2>These settings as a scenario</h2>',
    '<p class="note">Save it and run <code>gpufit analyze --scenario whatif-scenario.json</code> for the full report. <span id="pins-left-out"></span></p>',
    '<p><button type="button" id="export">Download whatif-scenario.json</button></p>',
    '<pre id="scenario-json" tabindex="0" aria-label="Scenario JSON"></pre>',
    '<h2>Load a scenario file</h2>',
    '<p><label for="import">Scenario JSON (as <code>gpufit analyze --scenario</code> reads it): </label><input type="file" id="import" accept=".json,application/json"></p>',
    '<p id="import-note" class="note" role="status"></p>',
    '<p id="import-error" class="error" role="alert"></p>',
    '</main>',
    `<script type="application/json" id="whatif-data">${scriptJson(data)}</script>`,
    `<script type="application/json" id="whatif-engine">${scriptJson(engineSource)}</script>`,
    `<script>${chartJsSource}</script>`,
    `<script>${WHATIF_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
