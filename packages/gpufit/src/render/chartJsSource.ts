import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string> | undefined;

/** Path of chart.js's UMD build, found next to the package's CommonJS entry (the UMD file is not exported). */
export function chartJsUmdPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/** The text of `chart.js/dist/chart.umd.min.js`, read once, for inlining into the HTML report. */
export function readChartJsSource(): Promise<string> {
  cached ??= readFile(chartJsUmdPath(), 'utf8');
  return cached;
}
