/**
 * Sets a V8 flag at run time (`v8.setFlagsFromString`) unless node was started with it, in either spelling
 * (`--heap-growing-percent` or `--heap_growing_percent`, with `=value` or the value as the next argument): the
 * user's own value wins. Returns whether it set the flag. Used by heapGrowth.ts and tierUpBudget.ts.
 */
export function setV8FlagUnlessGiven(
  name: string,
  value: number,
  execArgv: readonly string[],
  setFlags: (flags: string) => void,
): boolean {
  const given = new RegExp(`^--${name.replaceAll('-', '[-_]')}(=|$)`);
  if (execArgv.some((a) => given.test(a))) return false;
  setFlags(`--${name}=${value}`);
  return true;
}
