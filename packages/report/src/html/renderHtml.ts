import type { Analysis } from '@gpufit/schema';
import { chartsFor } from '../charts/chartConfigs.js';
import type { Block, Inline } from '../document/blocks.js';
import { buildReportDocument } from '../document/buildReportDocument.js';
import { ReportError } from '../errors.js';
import type { PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { CHART_BOOT_SCRIPT } from './chartBootScript.js';
import { escapeHtml } from './escapeHtml.js';
import { HTML_STYLES } from './htmlStyles.js';
import { jsonForScript } from './jsonForScript.js';
import { strictPageHead } from './pageHead.js';
import { type Sha256, strictCsp } from './sha256.js';

export interface RenderHtmlOptions extends PresentOptions {
  /** The text of chart.js's UMD build (`chart.js/dist/chart.umd.min.js`), read by the caller. */
  readonly chartJsSource: string;
  /**
   * SHA-256 for the Content-Security-Policy's hashes, where the caller has a native one (node:crypto's: the pure
   * default took 50 ms on its first, unoptimized call over chart.js's 210 kB in the CLI's main job).
   */
  readonly sha256?: Sha256;
}

function inline(content: Inline): string {
  return content
    .map((s) => {
      const text = escapeHtml(s.text);
      if (s.style === 'strong') return `<strong>${text}</strong>`;
      if (s.style === 'em') return `<em>${text}</em>`;
      if (s.style === 'code') return `<code>${text}</code>`;
      return text;
    })
    .join('');
}

function block(b: Block, chartSizes: ReadonlyMap<string, { widthPx: number; heightPx: number }>): string {
  switch (b.kind) {
    case 'heading': {
      const id = b.anchor === undefined ? '' : ` id="${escapeHtml(b.anchor)}"`;
      return `<h${b.level}${id}>${escapeHtml(b.text)}</h${b.level}>`;
    }
    case 'paragraph':
      return `<p${b.role === undefined ? '' : ` class="${b.role}"`}>${inline(b.content)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (i: number): string => (b.columns[i]?.align === 'right' ? ' class="num"' : '');
      // A cell with a long unbroken token (a source URL, an offer id) may wrap anywhere; others wrap at words.
      const cellClass = (c: Inline, i: number): string =>
        b.columns[i]?.align !== 'right' && c.some((s) => /\S{32,}/.test(s.text)) ? ' class="long"' : cls(i);
      const row = (cells: readonly Inline[]): string =>
        `<tr>${cells.map((c, i) => `<td${cellClass(c, i)}>${inline(c)}</td>`).join('')}</tr>`;
      return [
        '<table>',
        `<thead><tr>${b.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map(row).join('')}</tbody>`,
        b.total === undefined ? '' : `<tfoot>${row(b.total)}</tfoot>`,
        '</table>',
      ].join('');
    }
    case 'chart': {
      const size = chartSizes.get(b.chartId) ?? { widthPx: 960, heightPx: 540 };
      const label = escapeHtml(`${b.title}. ${b.caption}`);
      return `<figure class="chart"><canvas id="chart-${escapeHtml(b.chartId)}" width="${size.widthPx}" height="${size.heightPx}" role="img" aria-label="${label}">${escapeHtml(b.caption)}</canvas><figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
    case 'section':
      return `<section class="${escapeHtml(b.className)}">${b.blocks.map((x) => block(x, chartSizes)).join('\n')}</section>`;
  }
}

/**
 * A self-contained HTML report that works offline: chart.js (passed in as text) and the chart configurations
 * are inlined; a strict Content-Security-Policy allows only those two inline scripts and the inline
 * stylesheet (by SHA-256 hash) and forbids every network fetch. Every string from the input is HTML-escaped;
 * chart data is JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped, so `</script>` in a name cannot break out.
 */
export function renderHtml(analysis: Analysis, options: RenderHtmlOptions): string {
  return [...renderHtmlChunks(analysis, options)].join('');
}

/**
 * `renderHtml` in pieces, a section's blocks one by one, so a writer can stream the file: joined, the pieces are
 * `renderHtml`'s text to the byte. As one string, a held analysis's report.html (36.5 MB for 2,000 generated
 * workloads) would outgrow V8's longest string (2^29 characters) near 29,000 workloads.
 */
export function* renderHtmlChunks(analysis: Analysis, options: RenderHtmlOptions): Generator<string> {
  const source = options.chartJsSource;
  if (source.trim().length === 0) throw new ReportError('empty-chart-source');
  // An HTML parser ends a script element at "</script" whatever the JavaScript means; refuse rather than mangle.
  if (/<\/script|<!--/i.test(source)) throw new ReportError('unsafe-chart-source');
  const presented = presentAnalysis(analysis, options);
  const charts = chartsFor(presented);
  const doc = buildReportDocument(presented, charts);
  const sizes = new Map(charts.map((c) => [c.id, { widthPx: c.widthPx, heightPx: c.heightPx }]));
  const chartData = jsonForScript(charts.map((c) => ({ id: c.id, config: c.config })));
  const csp = strictCsp({ scripts: [source, CHART_BOOT_SCRIPT], styles: [HTML_STYLES] }, options.sha256);
  const a = analysis;
  const title = `gpufit report: ${a.scenario.name}`;
  const lines: (string | Block)[] = [
    ...strictPageHead({ title, csp, style: HTML_STYLES }),
    '<body>',
    '<main>',
    ...doc.slice(0, 2),
    '<nav class="toc" aria-label="Contents"><a href="#summary">Executive summary</a><a href="#workloads">Workloads</a><a href="#rejected">Rejected rows</a><a href="#assumptions">Assumptions</a><a href="#sources">Sources</a><a href="#about">About</a></nav>',
    ...doc.slice(2),
    `<footer>Generated by gpufit. Framework ${escapeHtml(a.frameworkVersion)}, seed ${escapeHtml(String(a.seed))}. This file makes no network requests.</footer>`,
    '</main>',
    `<script type="application/json" id="gpufit-chart-data">${chartData}</script>`,
    `<script>${source}</script>`,
    `<script>${CHART_BOOT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ];
  for (const [i, line] of lines.entries()) {
    if (i > 0) yield '\n';
    if (typeof line === 'string') yield line;
    else yield* blockPieces(line, sizes);
  }
}

/** `block` in pieces: a section's opening tag, its blocks (each in pieces) with a line between, its closing tag. */
function* blockPieces(
  b: Block,
  chartSizes: ReadonlyMap<string, { widthPx: number; heightPx: number }>,
): Generator<string> {
  if (b.kind !== 'section') {
    yield block(b, chartSizes);
    return;
  }
  yield `<section class="${escapeHtml(b.className)}">`;
  for (const [i, x] of b.blocks.entries()) {
    if (i > 0) yield '\n';
    yield* blockPieces(x, chartSizes);
  }
  yield '</section>';
}
