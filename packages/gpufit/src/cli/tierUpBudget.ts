/**
 * How much bytecode V8 runs between its checks of whether a function is hot enough to optimize (V8's
 * `--interrupt-budget`, 67,584 in Node 20): gpufit's CLI sets 8× that, `TIER_UP_BUDGET` (issue 19).
 *
 * Why: a short command such as the README's main job (`gpufit analyze`, about 1.5 s of CPU) spent about a fifth of
 * its CPU in TurboFan, V8's optimizing compiler, on its background threads (22 % of the samples of a `perf` profile
 * of the job, 2026-12-05), optimizing functions that then ran only a few more times — chart.js's layout in the chart
 * worker, the report renderers, the loaders. On two cores shared with other work that CPU is wall time. With a larger
 * budget only code that stays hot is optimized. The main job's CPU in six alternating rounds: V8's default
 * 1.36–1.53 s, 4× 1.20–1.32 s, 16× 1.13–1.26 s; 8× against 4× in four pairs, 1.06–1.31 s against 1.15–1.53 s. The
 * bytes of every report and chart are the same, as optimization never changes what code computes. A long run loses
 * nothing measurable: its hot loops still reach TurboFan, a little later (300 generated workloads took 4.3–4.9 s
 * of user CPU at 16× and 4.4–5.0 s at 4× against 4.5–5.3 s with V8's default). benchmarks/README.md has the figures.
 *
 * Set at run time, before the commands' code is loaded and before any worker starts (set so, it measured the same
 * as the command-line flag: 1.12–1.28 s against 1.07–1.21 s, six pairs). A user who starts node with
 * `--interrupt-budget` keeps their value.
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
