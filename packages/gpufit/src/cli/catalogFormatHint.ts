import { open } from 'node:fs/promises';
import { PAYLOAD_FORMATS, sniffFormat } from '../import/payloadFormat.js';

const HEAD_BYTES = 64 * 1024;

/**
 * When a file given as an offer catalog is another format gpufit knows (a SkyPilot vms.csv, a Vast or Akash
 * JSON response, a workloads file), the sentence that names it and the command that reads it; else null.
 * Reads only the first 64 KiB, and only after the catalog failed to load.
 */
export async function catalogFormatHint(path: string): Promise<string | null> {
  let head: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const format = sniffFormat(head);
  if (format === null || format === 'offers-csv') return null;
  const f = PAYLOAD_FORMATS[format];
  return `${path} looks like ${f.name}, not an offer catalog: ${f.use}.`;
}
