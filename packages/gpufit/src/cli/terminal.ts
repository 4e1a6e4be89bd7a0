/** Colour only when stderr is a terminal and NO_COLOR is unset (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '');
}

const codes = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

export function paint(
  text: string,
  style: keyof typeof codes,
  stream: NodeJS.WriteStream = process.stderr,
): string {
  return useColor(stream) ? `\u001b[${codes[style]}m${text}\u001b[0m` : text;
}

/** Diagnostics go to stderr; results go to stdout. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`${paint('warning:', 'yellow')} ${message}\n`);
}

/** "1 row", "2 rows", "3,000 rows": a count with its noun, singular for exactly one. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
