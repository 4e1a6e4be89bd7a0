import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
  /**
   * Called and awaited, untimed, before every timed run of either side (e.g. `settleHeap`): for a case whose
   * process holds a large heap, so that a full collection of it lands before a run rather than inside whichever
   * run happens to cross the collector's threshold.
   */
  readonly settle?: () => unknown;
}

export interface PairTiming {
  /** Median milliseconds. */
  readonly value: number;
  readonly floor: number;
}

let gc: (() => void) | undefined;

/** How long `settleHeap` leaves the collector's background threads after a full collection. */
const SWEEP_MS = 200;

/**
 * A full garbage collection (V8's `gc`, exposed for this process on first use: the flag must be set before the
 * function can be fetched from a new context), then `SWEEP_MS` of rest: the collection sweeps concurrently, and
 * on two vCPUs its threads slowed a typed-array loop run right after it by a third (floor of `score-batch`:
 * 390–595 ms after a bare `gc()`, 249–329 ms after a rest of 200 ms, 246–385 ms with neither). The scoring cases
 * hold a million profiles (0.5–0.85 GB of heap): without it, a full collection of them (about a second) fell inside
 * whichever timed run crossed the collector's threshold, mostly the value's (1.4–1.8 s runs among 0.7 s ones).
 */
export async function settleHeap(): Promise<void> {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  await new Promise((resolve) => setTimeout(resolve, SWEEP_MS));
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
    await options.settle?.();
    floorSamples.push(await timeOnce(options.floor));
    await options.settle?.();
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
