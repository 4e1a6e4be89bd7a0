import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chartConfigs } from '@gpufit/report';
import { afterAll, describe, expect, test } from 'vitest';
import { buildAnalysis } from '../../report/test/fixtures/analysis.js';
import { startChartWorkers } from '../src/render/chartRenderer.js';
import { renderChartPng } from '../src/render/renderChartPng.js';
import { writeReportSet } from '../src/render/writeReport.js';

// The worker the CLI ships (dist/chartWorker.mjs), built once for every test by vitest.globalSetup.ts.
const url = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'chartWorker.mjs'));

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gpufit-chart-workers-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('chart workers', () => {
  test('draw every chart byte for byte as this thread does, on one worker and on two', async () => {
    const specs = chartConfigs(buildAnalysis());
    expect(specs.length).toBeGreaterThanOrEqual(10);
    const alone = await Promise.all(specs.map((s) => renderChartPng(s)));
    for (const threads of [1, 2]) {
      const workers = startChartWorkers({ url, threads })!;
      try {
        const drawn = await Promise.all(specs.map((s) => workers.render(s)));
        for (const [i, png] of drawn.entries()) expect(png.equals(alone[i]!), `${specs[i]!.id}`).toBe(true);
      } finally {
        await workers.close();
      }
    }
  });

  test('pass the drawing options through (scale)', async () => {
    const spec = chartConfigs(buildAnalysis())[0]!;
    const workers = startChartWorkers({ url })!;
    try {
      const png = await workers.render(spec, { scale: 1 });
      expect(png.readUInt32BE(16)).toBe(spec.widthPx);
      expect(png.equals(await renderChartPng(spec, { scale: 1 }))).toBe(true);
    } finally {
      await workers.close();
    }
  });

  test('are absent without a built worker, so the caller draws on its own thread', () => {
    expect(startChartWorkers({ url: null })).toBeNull();
  });

  test('a chart that cannot be drawn rejects with an error naming it; the workers go on', async () => {
    const [good] = chartConfigs(buildAnalysis());
    const bad = { ...good!, id: 'broken', config: { ...good!.config, type: 'no-such-chart-type' } };
    const workers = startChartWorkers({ url })!;
    try {
      await expect(workers.render(bad as typeof good & {})).rejects.toThrow(
        /chart broken could not be drawn/,
      );
      expect((await workers.render(good!)).equals(await renderChartPng(good!))).toBe(true);
    } finally {
      await workers.close();
    }
  });

  test('a worker that dies fails its charts and every later one, naming them', async () => {
    const dir = await tempDir();
    const dying = join(dir, 'dying.mjs');
    await writeFile(
      dying,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const [spec] = chartConfigs(buildAnalysis());
    const workers = startChartWorkers({ url: pathToFileURL(dying), threads: 1 })!;
    await expect(workers.render(spec!)).rejects.toThrow(
      `chart ${spec!.id}: a chart worker exited with code 3`,
    );
    await expect(workers.render(spec!)).rejects.toThrow(/exited with code 3/);
    await workers.close();
  });

  test('close fails the charts not yet drawn', async () => {
    const workers = startChartWorkers({ url })!;
    const [spec] = chartConfigs(buildAnalysis());
    const pending = expect(workers.render(spec!)).rejects.toThrow(/stopped/);
    await workers.close();
    await pending;
    await workers.close();
  });

  test('writeReportSet with failing workers writes nothing: no report folder, no staging folder', async () => {
    const dir = await tempDir();
    const broken = join(dir, 'broken.mjs');
    await writeFile(broken, "throw new Error('chart.js is missing');\n");
    const out = join(dir, 'out');
    const workers = startChartWorkers({ url: pathToFileURL(broken) })!;
    try {
      await expect(
        writeReportSet(buildAnalysis(), out, undefined, { renderChart: workers.render }),
      ).rejects.toThrow(/chart .*: a chart worker failed: chart\.js is missing/);
    } finally {
      await workers.close();
    }
    expect((await readdir(dir)).sort()).toEqual(['broken.mjs']);
  });

  test('writeReportSet with the workers writes the same files as without', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const workers = startChartWorkers({ url })!;
    try {
      const first = await writeReportSet(buildAnalysis(), a, undefined, { renderChart: workers.render });
      const second = await writeReportSet(buildAnalysis(), b);
      expect(first.files).toEqual(second.files);
      for (const f of first.files)
        expect((await readFile(join(a, f))).equals(await readFile(join(b, f))), f).toBe(true);
    } finally {
      await workers.close();
    }
  });
});
