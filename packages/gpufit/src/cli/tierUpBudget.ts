/**
 * How much bytecode V8 runs between its checks of whether a function is hot enough to optimize (V8's
 * `--interrupt-budget`, 67,584 in Node 20): gpufit's CLI sets 8× that, `TIER_UP_BUDGET` (issue 19).
 *
 * Why: a short command such as the README's main job (`gpufit analyze`, about 1.4 s of CPU) spent about a fifth of
 * its CPU in TurboFan, V8's optimizing compiler, on its background threads (a `perf` profile of the job,
 * 2026-12-05): with the default budget V8 optimizes hundreds of functions that run only a few more times —
 * chart.js's layout in the chart worker, the report renderers, the loaders. On two cores shared with other work
 * that CPU is wall time. With 8× the budget only code that stays hot is optimized: the main job took 1.19–1.23 s of
 * CPU against 1.36–1.53 s (alternating runs), with the same bytes in every report and chart, since optimization
 * never changes what code computes. A long run loses almost nothing: its hot loops reach TurboFan a few
 * milliseconds later (a 300-workload analysis took 4.3–5.0 s of user CPU with 4× and 16× the budget against
 * 4.5–5.3 s with V8's). benchmarks/README.md has the figures.
 *
 * Set at run time, before the commands' code is loaded and before any worker starts (workers read the flag when
 * their functions first run). A user who starts node with `--interrupt-budget` keeps their value.
 */
import { setFlagsFromString } from 'node:v8';
import { setV8FlagUnlessGiven } from './v8FlagUnlessGiven.js';

export const TIER_UP_BUDGET = 540_672;

/** Sets the budget unless node was started with one; returns whether it set it. */
export function raiseTierUpBudget(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  return setV8FlagUnlessGiven('interrupt-budget', TIER_UP_BUDGET, execArgv, setFlags);
}
