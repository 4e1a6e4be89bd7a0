import { open } from 'node:fs/promises';
import { createXXHash128, type IHasher } from 'hash-wasm';

/**
 * The content key of the catalog cache: XXH128 (xxHash's 128-bit XXH3 variant, hash-wasm's WebAssembly build)
 * of a file's bytes, as 32 hex digits. It names bytes, never a modification time, so an entry found by it holds
 * what those bytes load to: never stale. It is not a signature: it guards against accident (two different
 * catalogs share a key with probability about 2⁻¹²⁸ per pair), not against someone who crafts a second catalog
 * to collide with one you loaded — such a person can already write your catalog or your cache folder. For
 * that, on a 277 MiB catalog it took 45–55 ms of CPU against 150–170 ms for node:crypto's SHA-256 (SHA
 * extensions of the CPU in use) and needs no worker thread (2026-12-05, benchmarks/README.md).
 */
export const CONTENT_HASH = 'xxh128';

/** A fresh hasher: one per file, so two loads hashing at once never share one state. */
export function contentHasher(): Promise<IHasher> {
  return createXXHash128();
}

/** `CONTENT_HASH` of the file at `path`, read into one reused 1 MiB buffer (a read stream allocates a buffer a chunk). */
export async function contentHashOfFile(path: string): Promise<string> {
  const hasher = await contentHasher();
  hasher.init();
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hasher.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hasher.digest('hex');
}

/** `CONTENT_HASH` of bytes in memory (16 bytes): an entry's check of its own body. */
export async function contentHashOfBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const hasher = await contentHasher();
  return hasher.init().update(bytes).digest('binary');
}
