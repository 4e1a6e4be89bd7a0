import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { InputLimit } from './inputLimits.js';
import { LoadError } from './loadError.js';
import type { LoadSource } from './loadTypes.js';

const CHUNK_BYTES = 1 << 18;

/** Bytes as a message shows them: `64 MiB (67108864 bytes)`. */
function sizeText(bytes: number): string {
  const units: [number, string][] = [
    [1 << 30, 'GiB'],
    [1 << 20, 'MiB'],
    [1 << 10, 'KiB'],
  ];
  const [unit, name] = units.find(([u]) => bytes >= u) ?? [1, 'bytes'];
  const scaled = unit === 1 ? `${bytes}` : `${Number((bytes / unit).toFixed(1))} ${name}`;
  return unit === 1 ? `${bytes} bytes` : `${scaled} (${bytes} bytes)`;
}

function tooLarge(file: string, limit: InputLimit, maxBytes: number, size: number | null): LoadError {
  const found = size === null ? 'not a regular file: reading stopped there' : `it is ${sizeText(size)}`;
  return new LoadError({
    code: 'too-large',
    file,
    row: 0,
    column: null,
    reason: `the file is larger than ${sizeText(maxBytes)}, the limit for ${limit.what} (${found}); ${limit.instead}`,
  });
}

/**
 * The bytes of a source in chunks (256 KiB from a path), never more than `maxBytes` (default `limit.bytes`)
 * in all: a regular file over the limit is refused before it is read, and any other source (a FIFO,
 * `/dev/zero`, a stream) when its count passes the limit. Both are a file-level `too-large` `LoadError`.
 *
 * With `reuse`, a regular file is read into two buffers in turn instead of a new one a chunk (a read stream
 * allocates 256 KiB for every chunk: on a 400 MiB catalog, fresh memory to fault in and external memory that
 * sets off scavenges): a chunk's bytes are then overwritten when the chunk after the next is read, so the caller
 * must copy whatever it keeps longer than that.
 */
export async function* boundedChunks(
  source: LoadSource,
  file: string,
  limit: InputLimit,
  maxBytes: number = limit.bytes,
  reuse = false,
): AsyncGenerator<Buffer, void, undefined> {
  if (typeof source === 'string') {
    // A path that cannot be read fails below, when it is opened, with the error a reader reports.
    const info = await stat(source).catch(() => null);
    if (info?.isFile() && info.size > maxBytes) throw tooLarge(file, limit, maxBytes, info.size);
    if (info?.isDirectory()) {
      const reason = 'cannot read the file: EISDIR: it is a directory, not a file';
      throw new LoadError({ code: 'unreadable', file, row: 0, column: null, reason });
    }
    if (reuse && info?.isFile()) {
      yield* reusedChunks(source, file, limit, maxBytes);
      return;
    }
  }
  const input: Readable =
    typeof source === 'string' ? createReadStream(source, { highWaterMark: CHUNK_BYTES }) : source;
  let total = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string | Uint8Array>) {
      const bytes =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk);
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(file, limit, maxBytes, null);
      yield bytes;
    }
  } finally {
    input.destroy();
  }
}

/** A regular file's bytes read into two buffers in turn (see `boundedChunks`'s `reuse`), with the same limit. */
async function* reusedChunks(
  path: string,
  file: string,
  limit: InputLimit,
  maxBytes: number,
): AsyncGenerator<Buffer, void, undefined> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
    let total = 0;
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn]!;
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      // The file grew past the limit after it was measured.
      if (total > maxBytes) throw tooLarge(file, limit, maxBytes, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
