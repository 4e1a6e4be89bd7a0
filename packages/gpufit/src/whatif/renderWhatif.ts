import { readFile } from 'node:fs/promises';
import { escapeHtml, strictCsp } from '@gpufit/report';
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
 * whatif.html: the page's script and style, its data and the engine inlined; a Content-Security-Policy that runs
 * only that script (by hash), starts workers only from Blob URLs and allows no network request.
 */
export function renderWhatif(data: WhatifData, engineSource: string): string {
  const csp = strictCsp({ scripts: [WHATIF_SCRIPT], styles: [WHATIF_STYLES], workers: 'blob:' });
  const name = escapeHtml(data.scenario.name);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="gpufit">',
    `<title>gpufit what-if: ${name}</title>`,
    `<style>${WHATIF_STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>What if? <small>${name}</small></h1>`,
    '<p class="note">Move an assumption: the plan is analyzed again in your browser by the same engine as <code>gpufit analyze</code> (no Monte Carlo here). Nothing leaves this page.</p>',
    '<fieldset id="controls"><legend>Assumptions</legend></fieldset>',
    '<fieldset id="subsidies"><legend>When each network’s incentive subsidy ends</legend></fieldset>',
    '<div class="totals" role="status" aria-live="polite">',
    '<span>Recommended plan: <strong id="plan-total">…</strong>/month</span>',
    '<span>All-cloud: <strong id="all-cloud">…</strong>/month</span>',
    '<span>Saves: <strong id="savings">…</strong>/month</span>',
    '<span class="note">Updated in <span id="update-time">…</span> · <span id="status">Loading…</span></span>',
    '</div>',
    '<table><caption class="note">Each workload: pin it to a side, or let the plan decide (auto).</caption>',
    '<thead><tr><th scope="col">Workload</th><th scope="col">Placement</th><th scope="col">Recommendation</th><th scope="col" class="num">Monthly cost</th></tr></thead>',
    '<tbody id="workloads"></tbody></table>',
    '<h2>These settings as a scenario</h2>',
    '<p class="note">Save it and run <code>gpufit analyze --scenario whatif-scenario.json</code> for the full report. <span id="pins-left-out"></span></p>',
    '<p><button type="button" id="export">Download whatif-scenario.json</button></p>',
    '<pre id="scenario-json" tabindex="0" aria-label="Scenario JSON"></pre>',
    '</main>',
    `<script type="application/json" id="whatif-data">${scriptJson(data)}</script>`,
    `<script type="application/json" id="whatif-engine">${scriptJson(engineSource)}</script>`,
    `<script>${WHATIF_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
