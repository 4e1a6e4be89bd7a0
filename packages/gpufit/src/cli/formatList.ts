import { InvalidArgumentError } from 'commander';

/** What a list option calls one of its values, and an example of several. */
export interface ChoiceListOptions {
  /** "a report format", "a compliance requirement". */
  readonly what: string;
  /** Several, comma-separated: "json,md". */
  readonly example: string;
  /** Read a value as the vocabulary writes it (lower-cased, say); default: as typed. */
  readonly normalize?: (value: string) => string;
}

/**
 * A list option: one value or several, comma-separated (`json,md`) or repeated (`--format json --format md`), each
 * one of `choices`, kept in the order first asked. A repeated option used to keep only its last value, so
 * `--format json --format md` wrote no JSON without a word.
 */
export function choiceList<T extends string>(choices: readonly T[], options: ChoiceListOptions) {
  const normalize = options.normalize ?? ((v: string) => v);
  return (value: string, previous: readonly T[] | undefined): T[] => {
    const asked = value.split(',').map((f) => normalize(f.trim()));
    const unknown = asked.filter((f) => !(choices as readonly string[]).includes(f));
    if (unknown.length > 0)
      throw new InvalidArgumentError(
        `${unknown.map((f) => JSON.stringify(f)).join(', ')} is not ${options.what}; choose from ${choices.join(', ')} (several: comma-separated, e.g. ${options.example}).`,
      );
    return [...new Set([...(previous ?? []), ...(asked as T[])])];
  };
}

/** `--format` of `gpufit analyze`. */
export function formatList<T extends string>(choices: readonly T[]) {
  return choiceList(choices, { what: 'a report format', example: 'json,md' });
}
