import { chartConfigs } from '@gpufit/report';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import { buildAnalysis } from '../../report/test/fixtures/analysis.js';
import { renderChartPng } from '../src/render/renderChartPng.js';

/** Width and height from the PNG's IHDR chunk (bytes 16–23), read without any image library. */
function ihdrSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Decode with @napi-rs/canvas and count pixels that differ from the white background. */
async function inkedPixels(
  png: Buffer,
): Promise<{ width: number; height: number; inked: number; colors: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let inked = 0;
  const colors = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (r < 245 || g < 245 || b < 245) inked += 1;
    if (i % 64 === 0) colors.add((r << 16) | (g << 8) | b);
  }
  return { width: image.width, height: image.height, inked, colors: colors.size };
}

const specs = chartConfigs(buildAnalysis());

describe('renderChartPng: chart.js on @napi-rs/canvas', () => {
  test.each(specs.map((s) => [s.id, s] as const))(
    '%s decodes to a drawn PNG at twice its size',
    async (_, spec) => {
      const png = await renderChartPng(spec);
      expect(ihdrSize(png)).toEqual({ width: spec.widthPx * 2, height: spec.heightPx * 2 });
      const decoded = await inkedPixels(png);
      expect(decoded.width).toBe(spec.widthPx * 2);
      expect(decoded.height).toBe(spec.heightPx * 2);
      // Title, axes, legend and data: far more than a blank or a title-only canvas.
      expect(decoded.inked / (decoded.width * decoded.height)).toBeGreaterThan(0.02);
      expect(decoded.colors).toBeGreaterThan(8);
    },
  );

  test('scale 1 renders at the chart’s own size, on an opaque background', async () => {
    const spec = specs[0];
    if (spec === undefined) throw new Error('no chart');
    const png = await renderChartPng(spec, { scale: 1 });
    expect(ihdrSize(png)).toEqual({ width: spec.widthPx, height: spec.heightPx });
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    expect(ctx.getImageData(0, 0, 1, 1).data[3]).toBe(255);
  });

  test('the same chart gives the same bytes', async () => {
    const spec = specs[3];
    if (spec === undefined) throw new Error('no chart');
    expect((await renderChartPng(spec)).equals(await renderChartPng(spec))).toBe(true);
  });
});
