/** Exit codes of the gpufit CLI: 0 ok, 1 failure, 2 bad input. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/**
 * An error the CLI reports as one message (no stack) with its exit code. `hint` says what to do.
 * Bad input names the file, row and column where it can.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function badInput(message: string, hint?: string): CliError {
  return new CliError(message, EXIT.badInput, hint);
}
