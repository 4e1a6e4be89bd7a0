import { CHART_LOCALE, type ChartSpec } from '@gpufit/report';
import { encodePng } from './encodePng.js';

export interface RenderChartPngOptions {
  /** Pixel density: 2 gives crisp slides (a 960 × 540 chart becomes a 1920 × 1080 PNG). Default 2. */
  readonly scale?: number;
  /** Painted under the chart so the PNG pastes cleanly onto any slide. Default white. */
  readonly background?: string;
}

type ChartModules = [typeof import('@napi-rs/canvas'), typeof import('chart.js/auto')];
let modules: Promise<ChartModules> | undefined;

/**
 * Imports the canvas (a native module) and chart.js, once. The chart worker calls it as it starts, so the
 * ≈ 0.3 s of loading overlaps the main thread's catalog load and analysis.
 */
export function loadChartModules(): Promise<ChartModules> {
  modules ??= Promise.all([import('@napi-rs/canvas'), import('chart.js/auto')]);
  return modules;
}

/**
 * Draw one chart.js configuration to a PNG with @napi-rs/canvas (chart.js 4 runs on its 2D context through
 * its BasicPlatform). Animation and responsiveness are switched off so the chart is drawn once, at its size. The
 * pixels are encoded by `encodePng` (Node's zlib on libuv's thread pool), not the canvas's slower encoder.
 */
export async function renderChartPng(spec: ChartSpec, options: RenderChartPngOptions = {}): Promise<Buffer> {
  const [{ createCanvas }, { Chart }] = await loadChartModules();
  const scale = options.scale ?? 2;
  const background = options.background ?? '#ffffff';
  const canvas = createCanvas(spec.widthPx, spec.heightPx);
  const config = spec.config as ConstructorParameters<typeof Chart>[1];
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], {
    ...config,
    // The locale is pinned here too, so no configuration can make a PNG's bytes depend on LANG or LC_ALL.
    options: {
      ...config.options,
      locale: CHART_LOCALE,
      animation: false,
      responsive: false,
      devicePixelRatio: scale,
    },
    plugins: [
      ...(config.plugins ?? []),
      {
        id: 'gpufitBackground',
        beforeDraw: (c) => {
          const ctx = c.ctx;
          ctx.save();
          ctx.globalCompositeOperation = 'destination-over';
          ctx.fillStyle = background;
          ctx.fillRect(0, 0, c.width, c.height);
          ctx.restore();
        },
      },
    ],
  });
  let pixels: Uint8ClampedArray;
  try {
    // chart.js sized the canvas by the pixel density: read it back at that size.
    pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  } finally {
    chart.destroy();
  }
  return encodePng(pixels, canvas.width, canvas.height);
}
