import { loadavg } from 'node:os';
import { median } from './stats.js';

export type Work = () => unknown;

export interface PairOptions {
  /** Untimed runs of each side first (JIT, caches, page cache). */
  readonly warmup: number;
  /** Timed runs of each side; the median is reported. */
  readonly runs: number;
  readonly value: Work;
  readonly floor: Work;
  /** Label for progress lines on stderr. */
  readonly label: string;
}

export interface PairTiming {
  /** Median milliseconds. */
  readonly value: number;
  readonly floor: number;
}

/** Milliseconds one call of `work` takes (awaited if it returns a promise). */
export async function timeOnce(work: Work): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/**
 * Times `value` and `floor` in this process, alternating floor and value on every run so that drift (thermal,
 * other tenants, GC state) lands on both sides, after `warmup` untimed runs of each. Reports medians.
 */
export async function timePair(options: PairOptions): Promise<PairTiming> {
  for (let i = 0; i < options.warmup; i++) {
    await options.floor();
    await options.value();
  }
  const floorSamples: number[] = [];
  const valueSamples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    floorSamples.push(await timeOnce(options.floor));
    valueSamples.push(await timeOnce(options.value));
    progress(
      `${options.label}: run ${i + 1}/${options.runs} value ${valueSamples[i]!.toFixed(1)} ms, floor ${floorSamples[i]!.toFixed(1)} ms`,
    );
  }
  return { value: median(valueSamples), floor: median(floorSamples) };
}

/** Progress and diagnostics go to stderr; stdout carries results only. */
export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** The 1-, 5- and 15-minute load averages, for a case's note. */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
}

/** CPU time (user + system, ms) of this process while `work` runs. */
export async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
