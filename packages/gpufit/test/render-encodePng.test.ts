import { inflateSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodePng } from '../src/render/encodePng.js';

/** CRC-32 (ISO 3309, as PNG §5.5 gives it) bit by bit: an implementation independent of zlib's. */
function crc32Reference(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

/** Splits a PNG into its chunks, checking the signature, each length and each CRC. */
function chunks(png: Buffer): Chunk[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      crc32Reference(png.subarray(at + 4, at + 8 + length)),
    );
    out.push({ type, data });
    at += 12 + length;
  }
  expect(at).toBe(png.length);
  return out;
}

/** The rows a decoder gets back: each row's filter byte (always 0 here) and its pixels. */
function decodeUnfiltered(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const parts = chunks(png);
  expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const ihdr = parts[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  // Bit depth 8, colour type 6 (RGBA), compression 0, filter method 0, no interlace.
  expect([...ihdr.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  expect(parts[2]!.data.length).toBe(0);
  const rows = inflateSync(parts[1]!.data);
  expect(rows.length).toBe((width * 4 + 1) * height);
  const pixels = Buffer.alloc(width * 4 * height);
  for (let y = 0; y < height; y++) {
    const at = y * (width * 4 + 1);
    expect(rows[at], `filter type of row ${y}`).toBe(0);
    rows.copy(pixels, y * width * 4, at + 1, at + 1 + width * 4);
  }
  return { width, height, pixels };
}

describe('encodePng: RGBA pixels to a PNG', () => {
  test('a 3 × 2 image: the chunks, the header and every byte of the rows', async () => {
    const pixels = Uint8Array.from([
      255,
      0,
      0,
      255,
      0,
      255,
      0,
      255,
      0,
      0,
      255,
      255, //
      0,
      0,
      0,
      0,
      255,
      255,
      255,
      128,
      12,
      34,
      56,
      78,
    ]);
    const png = await encodePng(pixels, 3, 2);
    const decoded = decodeUnfiltered(png);
    expect(decoded.width).toBe(3);
    expect(decoded.height).toBe(2);
    expect([...decoded.pixels]).toEqual([...pixels]);
  });

  test('any pixels come back exactly through zlib (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (width, height, seed) => {
          const pixels = new Uint8ClampedArray(width * height * 4);
          let s = seed;
          for (let i = 0; i < pixels.length; i++) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            pixels[i] = s >>> 24;
          }
          const decoded = decodeUnfiltered(await encodePng(pixels, width, height));
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          expect(decoded.pixels.equals(Buffer.from(pixels.buffer))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('an independent decoder (Skia, through @napi-rs/canvas) reads back a drawn canvas pixel for pixel', async () => {
    const canvas = createCanvas(301, 97);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 301, 97);
    ctx.fillStyle = '#1f77b4';
    ctx.fillRect(10, 10, 120, 40);
    ctx.strokeStyle = '#d62728';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(0, 90);
    ctx.lineTo(300, 5);
    ctx.stroke();
    ctx.fillStyle = '#000000';
    ctx.font = '16px sans-serif';
    ctx.fillText('gpufit 1,234 $', 140, 60);
    const drawn = ctx.getImageData(0, 0, 301, 97).data;
    const image = await loadImage(await encodePng(drawn, 301, 97));
    expect([image.width, image.height]).toEqual([301, 97]);
    const back = createCanvas(301, 97).getContext('2d');
    back.drawImage(image, 0, 0);
    expect(Buffer.from(back.getImageData(0, 0, 301, 97).data.buffer).equals(Buffer.from(drawn.buffer))).toBe(
      true,
    );
  });

  test('refuses sizes that do not describe the pixels', async () => {
    await expect(encodePng(new Uint8Array(8), 2, 2)).rejects.toThrow('2 × 2 RGBA pixels are 16 bytes, not 8');
    await expect(encodePng(new Uint8Array(0), 0, 1)).rejects.toThrow(
      'a positive whole width and height, not 0 × 1',
    );
    await expect(encodePng(new Uint8Array(4), 1.5, 1)).rejects.toThrow('not 1.5 × 1');
  });
});
