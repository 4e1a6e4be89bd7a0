import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PresentedAnalysis, RoundingModeName } from '@gpufit/report';
import {
  chartConfigs,
  presentAnalysis,
  renderJsonChunks,
  TEXT_REPORT_FORMAT_IDS,
  TEXT_REPORT_FORMATS,
} from '@gpufit/report';
import { type Analysis, REPORT_FORMAT_REGISTRY, REPORT_FORMATS, type ReportFormat } from '@gpufit/schema';
import { outputFailure } from '../output/outputError.js';
import { checkReplaceableFolder, type FolderLayout, stageFolder } from '../output/replaceFolder.js';
import { readWhatifEngine, renderWhatif } from '../whatif/renderWhatif.js';
import { type WhatifInputs, whatifData } from '../whatif/whatifData.js';
import { readChartJsSource } from './chartJsSource.js';
import type { RenderChart } from './chartRenderer.js';
import { nodeSha256 } from './nodeSha256.js';
import { renderChartPng } from './renderChartPng.js';

/**
 * Every output gpufit writes, as `REPORT_FORMAT_REGISTRY` (@gpufit/schema) lists them: the text formats of
 * @gpufit/report plus `png` (charts/*.png).
 */
export { REPORT_FORMATS, type ReportFormat };

/** The report set of the main job: every format, HTML report and its chart PNGs included. */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = REPORT_FORMATS;

/** Directory of the chart PNGs inside the report directory (and the Markdown's image path). */
export const CHARTS_DIR = REPORT_FORMAT_REGISTRY.png.fileName;

export interface WriteReportSetOptions {
  readonly roundingMode?: RoundingModeName;
  /** PNG pixel density (default 2). */
  readonly pngScale?: number;
  /**
   * The run's inputs, for `whatif.html` (the page analyzes them again in the browser, so the analysis alone
   * cannot make it): without them the `whatif` format is left out.
   */
  readonly whatif?: WhatifInputs;
  /**
   * Draws each chart (default `renderChartPng`, on this thread). The CLI passes its chart workers' (chartRenderer.ts),
   * which gives the same bytes.
   */
  readonly renderChart?: RenderChart;
}

export interface WrittenReportSet {
  /** Paths written, relative to the report directory, in a stable order. */
  readonly files: readonly string[];
  /** The presented analysis the files were rendered from (absent when no written format needed one, e.g. JSON). */
  readonly presented?: PresentedAnalysis;
}

/** What a report folder holds: the text reports, and chart PNGs (named by chart id) in `charts/`. */
export const REPORT_FOLDER_LAYOUT: FolderLayout = {
  files: new Set([
    ...Object.values(TEXT_REPORT_FORMATS).map((f) => f.fileName),
    REPORT_FORMAT_REGISTRY.whatif.fileName,
  ]),
  folders: { [CHARTS_DIR]: /^[a-z0-9-]+\.png$/ },
  advice: 'choose another --out folder',
};

/**
 * Refuses a report folder gpufit must not replace (a file, a link, a folder holding other files), so a command
 * can say so before its analysis runs. `writeReportSet` checks again.
 */
export function checkReportFolder(dir: string): Promise<void> {
  return checkReplaceableFolder(dir, REPORT_FOLDER_LAYOUT);
}

/**
 * Write the report set to `dir`: `report.md`, `report.html`, `report.json`, `report.csv`,
 * `forecast-focus.csv`, `whatif.html` (when `options.whatif` gives the run's inputs) and `charts/<id>.png`, for
 * the formats asked for. Contents are deterministic: the same
 * analysis gives the same bytes (PNGs: on the same fonts). Chart file names are chart ids, never input text.
 *
 * The set replaces `dir` whole (docs/reliability.md, "Outputs are safe"): it is written to a staging folder
 * next to `dir` and moved into place, so a reader sees the earlier set or this one, never a mix, and no file of
 * an earlier run (a chart of a workload since removed) stays. `dir` must be absent, empty or hold only a report
 * set; anything else, a symbolic link included, is an OutputError naming it, as is a failed write.
 */
export async function writeReportSet(
  analysis: Analysis,
  dir: string,
  formats: readonly ReportFormat[] = DEFAULT_REPORT_FORMATS,
  options: WriteReportSetOptions = {},
): Promise<WrittenReportSet> {
  const staged = await stageFolder(dir, REPORT_FOLDER_LAYOUT);
  try {
    const written = await writeReportFiles(analysis, { staging: staged.path, target: dir }, formats, options);
    await staged.commit();
    return written;
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/** Writes each file under a name nothing else holds (`wx`); a failure names the file as it will be in `dir`. */
/** Pieces joined into strings of about 64 KiB, so the file is written in a few large writes. */
function* batched(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

async function writeNew(
  dirs: ReportDirs,
  name: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  await writeFile(join(dirs.staging, name), data, { flag: 'wx' }).catch((error: unknown) => {
    throw outputFailure(join(dirs.target, name), error);
  });
}

/** Where the files are written, and the folder they will be in (for messages). */
interface ReportDirs {
  readonly staging: string;
  readonly target: string;
}

async function writeReportFiles(
  analysis: Analysis,
  dirs: ReportDirs,
  formats: readonly ReportFormat[],
  options: WriteReportSetOptions,
): Promise<WrittenReportSet> {
  const wanted = new Set(formats);
  const files: string[] = [];
  const withPng = wanted.has('png');
  const rounding = options.roundingMode === undefined ? {} : { roundingMode: options.roundingMode };
  // Presented once, when first needed, for the charts and every format that shows rounded amounts (JSON does not).
  let presented: PresentedAnalysis | undefined;
  const presentedOnce = () => {
    presented ??= presentAnalysis(analysis, rounding);
    return presented;
  };
  const context = {
    ...rounding,
    ...(withPng ? { chartImageDir: CHARTS_DIR } : {}),
    ...(wanted.has('html') ? { chartJsSource: await readChartJsSource(), sha256: nodeSha256 } : {}),
  };
  // Charts first: each chart is drawn (on this thread, or on the chart worker beside the text formats below), then
  // encoded to PNG on libuv's thread pool, so the encodings run side by side instead of one after the other.
  const renderChart = options.renderChart ?? renderChartPng;
  const charts = withPng
    ? chartConfigs(analysis, { ...rounding, presented: presentedOnce() }).map((spec) => ({
        name: `${CHARTS_DIR}/${spec.id}.png`,
        png: renderChart(spec, options.pngScale === undefined ? {} : { scale: options.pngScale }),
      }))
    : [];
  // A failed chart must not leave the others' rejections unhandled while the text formats are written.
  const settled = Promise.allSettled(charts.map((c) => c.png));
  for (const id of TEXT_REPORT_FORMAT_IDS) {
    if (!wanted.has(id)) continue;
    const format = TEXT_REPORT_FORMATS[id];
    if (id === 'json') {
      // Piece by piece: a large portfolio's report.json as one string (and its canonical copy) was the peak.
      await writeNew(dirs, format.fileName, batched(renderJsonChunks(analysis)));
      files.push(format.fileName);
      continue;
    }
    if (format.pieces !== undefined) {
      // Piece by piece too (forecast-focus.csv, report.md, report.html): as one string, a forecast of 14,000
      // workloads was longer than V8's longest string.
      await writeNew(
        dirs,
        format.fileName,
        batched(format.pieces(analysis, { ...context, presented: presentedOnce() })),
      );
      files.push(format.fileName);
      continue;
    }
    const text = format.render(analysis, { ...context, presented: presentedOnce() });
    await writeNew(dirs, format.fileName, text);
    files.push(format.fileName);
  }
  if (wanted.has('whatif') && options.whatif !== undefined) {
    const name = REPORT_FORMAT_REGISTRY.whatif.fileName;
    await writeNew(
      dirs,
      name,
      renderWhatif(whatifData(options.whatif), await readWhatifEngine(), await readChartJsSource()),
    );
    files.push(name);
  }
  if (withPng) {
    await mkdir(join(dirs.staging, CHARTS_DIR));
    for (const [i, result] of (await settled).entries()) {
      if (result.status === 'rejected') throw result.reason;
      await writeNew(dirs, charts[i]!.name, result.value);
      files.push(charts[i]!.name);
    }
  }
  return presented === undefined ? { files } : { files, presented };
}
