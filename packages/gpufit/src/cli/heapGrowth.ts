/**
 * How far V8 lets its old generation grow past what the last full collection kept, for a `gpufit analyze` held in
 * memory (issue 19; not streamed, sharded or JSON Lines). V8 picks the factor from how fast it collects against
 * how fast the program allocates, up to 4× on a machine with memory to spare; an analysis holds every workload's
 * result while it keeps allocating, so it got about 2.4×: a 10,000-workload analysis kept 121 MB live after a full
 * collection and then grew its heap to 294 MB of garbage-laden pages before the next one (peak RSS 375–455 MB from
 * run to run).
 *
 * 1.25× (V8's `--heap-growing-percent=25`; 1.5× until 2026-12-05): with equal leaf objects shared, a 10,000-row
 * run peaked at 381.6 MB against 402.0 MB at 1.5× and 442.3 MB before it shared equal leaf objects, user CPU 105.2
 * against 107.2 s side by side (an earlier pair: 408.1 against 429.2 MB, 104.9 against 103.0 s; benchmarks/README,
 * "Full analysis, issue 19 item 1, second pass"); on a quieter host 98.5 against 94.1 s: a few percent at most. The heap may grow a
 * quarter past the last full collection's live size, and the joint simulation that follows the per-workload loop
 * allocates almost nothing, so the heap stays at its high-water mark through that long phase.
 *
 * Earlier, 1.5× (`--heap-growing-percent=50`) kept the same run at 330–344 MB peak. It costs CPU, as more full
 * collections must: alternating runs took 86.2 and 86.3 s against 71.1 and 78.0 s with V8's choice (an earlier
 * pair, 71.5 against 71.1 s; the host's speed moved by a fifth within the hour; benchmarks/README). gpufit takes
 * the memory, as issue 19 asks; a user who starts node with the flag (`node --heap-growing-percent=0
 * node_modules/gpufit/dist/cli.mjs analyze …` gives V8's choice back; node refuses it in NODE_OPTIONS) keeps their
 * value. V8 reads the flag when it next sizes the heap, so setting it at run time takes effect from the next full
 * collection on (Node documents run-time flags as use-with-care: this one only moves the point at which V8
 * collects).
 *
 * Not for a streamed run: its memory is already bounded (the results leave every 64 workloads), and there the flag
 * cost CPU for little use — 50,000 streamed rows took 25.5–30.8 s of user CPU against 19.9–21.5 s (peak 154–158 MB
 * against 242–254 MB), three alternating runs each.
 */
import { setFlagsFromString } from 'node:v8';
import { setV8FlagUnlessGiven } from './v8FlagUnlessGiven.js';

export const HEAP_GROWING_PERCENT = 25;

/** Sets the factor unless node was started with one; returns whether it set it. */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  return setV8FlagUnlessGiven('heap-growing-percent', HEAP_GROWING_PERCENT, execArgv, setFlags);
}
