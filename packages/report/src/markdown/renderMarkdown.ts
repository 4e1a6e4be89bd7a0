import type { Analysis } from '@gpufit/schema';
import { chartsFor } from '../charts/chartConfigs.js';
import type { Block, Inline } from '../document/blocks.js';
import { buildReportDocument } from '../document/buildReportDocument.js';
import type { PresentOptions } from '../present/presentAnalysis.js';
import { presentAnalysis } from '../present/presentAnalysis.js';
import { escapeLineStart, escapeMarkdown, markdownCodeSpan } from './escapeMarkdown.js';

export interface RenderMarkdownOptions extends PresentOptions {
  /**
   * Where the chart PNGs are, relative to the Markdown file (e.g. `charts`): charts are then embedded as
   * images. Without it the Markdown has no images, so it stays valid when printed on its own.
   */
  readonly chartImageDir?: string;
}

/** Display width in code points (close enough for padding: the renderer never emits wide characters itself). */
const width = (text: string): number => Array.from(text).length;

function inline(content: Inline): string {
  return content
    .map((s) => {
      if (s.style === 'code') return markdownCodeSpan(s.text);
      const text = escapeMarkdown(s.text);
      if (text.trim().length === 0 || s.style === undefined) return text;
      // Emphasis markers must touch non-space text (CommonMark flanking rules): keep spaces outside them.
      const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
      const mark = s.style === 'strong' ? '**' : '_';
      return `${lead}${mark}${body}${mark}${trail}`;
    })
    .join('');
}

function block(b: Block, options: RenderMarkdownOptions): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`];
    case 'paragraph':
      return [escapeLineStart(inline(b.content))];
    case 'list':
      return [b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n')];
    case 'table': {
      // Columns are padded to a common width so the raw Markdown reads as a table too.
      const body = [...b.rows, ...(b.total === undefined ? [] : [b.total])].map((cells) => cells.map(inline));
      const header = b.columns.map((c) => escapeMarkdown(c.header));
      const widths = b.columns.map((_, i) =>
        Math.max(4, width(header[i] ?? ''), ...body.map((cells) => width(cells[i] ?? ''))),
      );
      const pad = (text: string, i: number): string => {
        const fill = ' '.repeat((widths[i] ?? 0) - width(text));
        return b.columns[i]?.align === 'right' ? fill + text : text + fill;
      };
      const row = (cells: readonly string[]): string =>
        `| ${b.columns.map((_, i) => pad(cells[i] ?? '', i)).join(' | ')} |`;
      const rule = `| ${b.columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat((widths[i] ?? 4) - 1)}:` : `:${'-'.repeat((widths[i] ?? 4) - 1)}`)).join(' | ')} |`;
      return [[row(header), rule, ...body.map(row)].join('\n')];
    }
    case 'chart':
      return options.chartImageDir === undefined
        ? []
        : [
            `![${escapeMarkdown(b.title)}](${options.chartImageDir}/${b.chartId}.png)`,
            `_${escapeMarkdown(b.caption)}_`,
          ];
    case 'section':
      return b.blocks.flatMap((x) => block(x, options));
  }
}

/**
 * The report as Markdown for pasting into a doc or a deck: executive summary first (recommendation per
 * workload, monthly and horizon totals, savings, top risks), then per-workload detail (fit reasons, options,
 * cost components, projection, uncertainty, break-evens, sensitivity), then rejected rows, assumptions,
 * sources with as-of dates, framework version and seed. Input text is escaped so it renders as text.
 */
export function renderMarkdown(analysis: Analysis, options: RenderMarkdownOptions = {}): string {
  return [...renderMarkdownChunks(analysis, options)].join('');
}

/**
 * `renderMarkdown` in pieces, a section's blocks one by one, so a writer can stream the file: joined, the pieces
 * are `renderMarkdown`'s text to the byte. As one string, a held analysis's report.md (35.4 MB for 2,000 generated
 * workloads) would outgrow V8's longest string (2^29 characters) near 29,000 workloads.
 */
export function* renderMarkdownChunks(
  analysis: Analysis,
  options: RenderMarkdownOptions = {},
): Generator<string> {
  const presented = presentAnalysis(analysis, options);
  const doc = buildReportDocument(presented, chartsFor(presented));
  let first = true;
  for (const line of doc.flatMap((b) => sectionLeaves(b))) {
    for (const text of block(line, options)) {
      yield first ? text : `\n\n${text}`;
      first = false;
    }
  }
  yield '\n';
}

/** A block's leaves: a section's blocks, recursively (a section renders as its blocks' lines, nothing of its own). */
function sectionLeaves(b: Block): Block[] {
  return b.kind === 'section' ? b.blocks.flatMap(sectionLeaves) : [b];
}
