import { boundedChunks } from './boundedChunks.js';
import type { InputLimit } from './inputLimits.js';
import { LoadError } from './loadError.js';
import type { LoadSource } from './loadTypes.js';
import { Utf8Scanner } from './utf8Scanner.js';

async function readAll(
  source: LoadSource,
  file: string,
  limit: InputLimit,
  maxBytes?: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of boundedChunks(source, file, limit, maxBytes)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** A JSON file as read: `empty` when it holds only whitespace (a warning, not an error), else its value. */
export type JsonDocument = { readonly empty: true } | { readonly empty: false; readonly data: unknown };

/**
 * Reads a whole JSON document (a UTF-8 BOM, as Windows editors write, is allowed) of at most `maxBytes`
 * (default `limit.bytes`). A path that cannot be read (`unreadable`), more bytes than the limit (`too-large`,
 * found before the whole file is read), bytes that are not UTF-8 (`invalid-utf8`) and text that is not JSON
 * (`invalid-json`) are file-level `LoadError`s at row 0.
 */
export async function readJsonDocument(
  source: LoadSource,
  file: string,
  limit: InputLimit,
  maxBytes?: number,
): Promise<JsonDocument> {
  const fail = (code: string, reason: string): never => {
    throw new LoadError({ code, file, row: 0, column: null, reason });
  };
  let bytes: Buffer;
  try {
    bytes = await readAll(source, file, limit, maxBytes);
  } catch (error) {
    if (error instanceof LoadError) throw error;
    return fail(
      'unreadable',
      `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const scanner = new Utf8Scanner();
  const bad = [...scanner.scan(bytes), ...scanner.finish()][0];
  if (bad) {
    fail(
      'invalid-utf8',
      `not UTF-8: byte 0x${bad.bytes} at byte offset ${bad.byteOffset} (line ${bad.line}); save the file as UTF-8`,
    );
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return { empty: true };
  try {
    return { empty: false, data: JSON.parse(text) };
  } catch (error) {
    return fail('invalid-json', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
