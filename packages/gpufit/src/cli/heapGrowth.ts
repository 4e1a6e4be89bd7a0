/**
 * How far V8 lets its old generation grow past what the last full collection kept, for `gpufit analyze`
 * (issue 19). V8 picks the factor from how fast it collects against how fast the program allocates, up to 4×
 * on a machine with memory to spare; an analysis holds every workload's result while it keeps allocating, so it
 * got about 2.4×: a 10,000-workload analysis kept 121 MB live after a full collection and then grew its heap to
 * 294 MB of garbage-laden pages before the next one (peak RSS 375–455 MB from run to run).
 *
 * 1.5× (V8's `--heap-growing-percent=50`) keeps the same run at 330 MB peak, in the same CPU time within noise
 * (71.5 against 71.1 s, alternating; benchmarks/README). A user who sets the flag on node's command line or in
 * NODE_OPTIONS keeps their own value. V8 reads the flag when it next sizes the heap, so setting it at run time
 * takes effect from the next full collection on (Node documents run-time flags as use-with-care: this one only
 * moves the point at which V8 collects).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

const GIVEN = /^--heap[-_]growing[-_]percent(=|$)/;

/** Sets the factor unless node was started with one; returns whether it set it. */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env.NODE_OPTIONS,
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((a) => GIVEN.test(a));
  if (given) return false;
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
