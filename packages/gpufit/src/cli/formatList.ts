import { InvalidArgumentError } from 'commander';

/**
 * `--format` of `gpufit analyze`: one format or several, comma-separated (`json,md`) or repeated (`--format json
 * --format md`), each one of `choices`, kept in the order first asked. A repeated option used to keep only its
 * last value, so `--format json --format md` wrote no JSON without a word.
 */
export function formatList<T extends string>(choices: readonly T[]) {
  return (value: string, previous: readonly T[] | undefined): T[] => {
    const asked = value.split(',').map((f) => f.trim());
    const unknown = asked.filter((f) => !(choices as readonly string[]).includes(f));
    if (unknown.length > 0)
      throw new InvalidArgumentError(
        `${unknown.map((f) => JSON.stringify(f)).join(', ')} is not a report format; choose from ${choices.join(', ')} (several: comma-separated, e.g. json,md).`,
      );
    return [...new Set([...(previous ?? []), ...(asked as T[])])];
  };
}
