import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSV_COLUMNS, chartConfigs, FOCUS_COLUMNS } from '@gpufit/report';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { buildAnalysis, FORMULA_NAME, XSS_NAME } from '../../report/test/fixtures/analysis.js';
import { chartJsUmdPath, readChartJsSource } from '../src/render/chartJsSource.js';
import { renderChartPng } from '../src/render/renderChartPng.js';
import { writeReportSet } from '../src/render/writeReport.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gpufit-report-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const EXPECTED_TEXT_FILES = ['report.md', 'report.html', 'report.json', 'report.csv', 'forecast-focus.csv'];

describe('writeReportSet', () => {
  test('writes the whole report set by default, and is byte-for-byte deterministic', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const first = await writeReportSet(buildAnalysis(), a);
    const second = await writeReportSet(buildAnalysis(), b);
    expect(first.files.slice(0, 5)).toEqual(EXPECTED_TEXT_FILES);
    expect(first.files.filter((f) => f.startsWith('charts/')).length).toBeGreaterThanOrEqual(10);
    expect(second.files).toEqual(first.files);
    for (const f of first.files) {
      const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
      expect(createHash('sha256').update(x).digest('hex'), f).toBe(
        createHash('sha256').update(y).digest('hex'),
      );
    }
    expect((await readdir(join(a, 'charts'))).sort()).toEqual(
      first.files
        .filter((f) => f.startsWith('charts/'))
        .map((f) => f.slice(7))
        .sort(),
    );
  });

  test('charts encoded side by side are byte for byte what each chart gives when rendered alone', async () => {
    const dir = await tempDir();
    const analysis = buildAnalysis();
    await writeReportSet(analysis, dir, ['png']);
    const specs = chartConfigs(analysis);
    expect(specs.length).toBeGreaterThanOrEqual(10);
    for (const spec of specs) {
      const alone = await renderChartPng(spec);
      expect((await readFile(join(dir, 'charts', `${spec.id}.png`))).equals(alone), spec.id).toBe(true);
    }
  });

  test('writes only the formats asked for', async () => {
    const dir = await tempDir();
    const { files } = await writeReportSet(buildAnalysis(), dir, ['json', 'focus']);
    expect(files).toEqual(['report.json', 'forecast-focus.csv']);
    expect((await readdir(dir)).sort()).toEqual(['forecast-focus.csv', 'report.json']);
  });

  test('the Markdown embeds chart images that exist when PNGs are written, and none otherwise', async () => {
    const dir = await tempDir();
    await writeReportSet(buildAnalysis(), dir, ['md', 'png']);
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    const images = [...md.matchAll(/!\[[^\]]*\]\((charts\/[a-z0-9-]+\.png)\)/g)].map((m) => m[1] ?? '');
    expect(images.length).toBeGreaterThanOrEqual(10);
    const present = new Set((await readdir(join(dir, 'charts'))).map((f) => `charts/${f}`));
    for (const img of images) expect(present.has(img), img).toBe(true);
    const bare = await tempDir();
    await writeReportSet(buildAnalysis(), bare, ['md']);
    expect(await readFile(join(bare, 'report.md'), 'utf8')).not.toContain('![');
  });

  test('chart file names never carry input text, however hostile the workload names', async () => {
    const dir = await tempDir();
    const hostile = buildAnalysis({ renameWorkloads: (_, i) => `../../etc/passwd${i} ${XSS_NAME}` });
    const { files } = await writeReportSet(hostile, dir, ['png']);
    for (const f of files) expect(f).toMatch(/^charts\/[a-z0-9-]+\.png$/);
  });

  test('report.csv opens cleanly with csv-parse: BOM, header, equal-length records, neutralized formula', async () => {
    const dir = await tempDir();
    await writeReportSet(buildAnalysis(), dir, ['csv', 'focus']);
    const raw = await readFile(join(dir, 'report.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(raw, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0] ?? {})).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows.filter((r) => r.workloadName === `'${FORMULA_NAME}`)).toHaveLength(4);
    const focus = parse(await readFile(join(dir, 'forecast-focus.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(focus[0] ?? {})).toEqual(FOCUS_COLUMNS.map((c) => c.name));
    expect(focus.every((r) => r.x_ForecastRow === 'true')).toBe(true);
  });

  test('the HTML report inlines the installed chart.js UMD build', async () => {
    const dir = await tempDir();
    await writeReportSet(buildAnalysis(), dir, ['html']);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    const source = await readChartJsSource();
    expect(source.startsWith('/*!\n * Chart.js v4')).toBe(true);
    expect(chartJsUmdPath()).toMatch(/chart\.js[\\/]dist[\\/]chart\.umd\.min\.js$/);
    expect(html).toContain(`<script>${source}</script>`);
  });
});
