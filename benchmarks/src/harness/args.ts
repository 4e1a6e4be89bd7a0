export interface BenchArgs {
  /** Print one JSON array of results on stdout instead of a table. */
  readonly json: boolean;
  /** Case or result names to run (null: all). */
  readonly only: readonly string[] | null;
  /** Smaller inputs and one run: a smoke test of the harness, not figures to report. */
  readonly quick: boolean;
  readonly help: boolean;
  readonly list: boolean;
}

/** Reads `--json`, `--only a,b` (or `--only=a,b`), `--quick`, `--list`, `--help`; a bare `--` is ignored. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let json = false;
  let quick = false;
  let help = false;
  let list = false;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--json') json = true;
    else if (a === '--quick') quick = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--list') list = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (value === undefined || value.trim() === '')
        throw new Error('--only needs a comma-separated list of cases');
      only = [
        ...(only ?? []),
        ...value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ];
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  return { json, only, quick, help, list };
}
