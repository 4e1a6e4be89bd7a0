// `gpufit merge` reads shard files line by line from their bytes: the lines must be the text's, whatever the
// chunk boundaries cut (multi-byte characters, CRLF, empty lines, a last line without its break, bad bytes).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineReader } from '../src/merge/shardFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'gpufit-lines-'));

/** The lines as the text has them: split on LF, a CR before it dropped, no line after a final LF. */
function expected(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

async function read(bytes: Buffer): Promise<{ lines: string[]; numbers: number[] }> {
  const file = join(dir, 'f.jsonl');
  writeFileSync(file, bytes);
  const reader = new LineReader(file);
  const lines: string[] = [];
  const numbers: number[] = [];
  for (let l = await reader.next(); l !== null; l = await reader.next()) {
    lines.push(l);
    numbers.push(reader.line);
  }
  await reader.close();
  return { lines, numbers };
}

describe('LineReader', () => {
  test('lines across 64 KiB chunks: long lines, multi-byte characters, CRLF, empty lines, no final break', async () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('\n', '\r\n', '\r', '—€😀', 'x'.repeat(70_000), '£'.repeat(33_000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const bytes = Buffer.from(pieces.join(''), 'utf8');
        const { lines, numbers } = await read(bytes);
        expect(lines).toEqual(expected(bytes));
        expect(numbers).toEqual(lines.map((_, i) => i + 1));
      }),
      { numRuns: 150 },
    );
  });

  test('invalid UTF-8 bytes read as U+FFFD, as Buffer decodes them, and never merge two lines', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a'),
      Buffer.from([0xc3]),
      Buffer.from('\nb'),
      Buffer.from([0xff]),
    ]);
    expect((await read(bytes)).lines).toEqual(['a\uFFFD', 'b\uFFFD']);
  });

  test('an empty file has no lines', async () => {
    expect((await read(Buffer.alloc(0))).lines).toEqual([]);
  });

  test('a file that cannot be opened, read after another, is named as bad input, not an uncaught stream error', async () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '{"a":1}\n');
    // Opened together, as `gpufit merge` opens every shard; the missing one fails before anything reads it.
    const readers = [new LineReader(good), new LineReader(join(dir, 'missing.jsonl'))];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readers[0]!.next()).toBe('{"a":1}');
    await expect(readers[1]!.next()).rejects.toThrow(/missing\.jsonl: cannot be read \(ENOENT/);
    await Promise.all(readers.map((r) => r.close()));
  });
});
