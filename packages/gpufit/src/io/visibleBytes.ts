/**
 * Whether the UTF-8 bytes `bytes[from … to)` hold no hidden character as the schema defines them
 * (`hiddenCharacterProblem`: C0 controls but tab, LF and CR, DEL, C1 controls U+0080–U+009F, U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069), judged on the bytes, without making the string. Returns 0 for printable ASCII
 * only, 1 for visible text with other characters, and -1 when the bytes may hold a hidden character or hold a
 * tab or line break (allowed, but rare enough to leave to the string check). The bytes must be valid UTF-8.
 * Four bytes are tested at a time, and only a word with a byte outside 0x20–0x7E is looked at byte by byte.
 */
export function visibleBytes(bytes: Uint8Array, from: number, to: number): -1 | 0 | 1 {
  const base = bytes.byteOffset;
  // The aligned words inside the span, as indexes into a view of the whole ArrayBuffer.
  const firstWord = (base + from + 3) >> 2;
  const endWord = (base + to) >> 2;
  if (endWord <= firstWord) return visibleByteRun(bytes, from, to);
  const head = (firstWord << 2) - base;
  let seen = visibleByteRun(bytes, from, head);
  if (seen < 0) return -1;
  const words = wordsOf(bytes);
  for (let w = firstWord; w < endWord; w++) {
    const x = words[w]!;
    // A byte ≥ 0x80 (x), < 0x20 (its subtraction borrows into bit 7), or 0x7F (zero after the xor, then
    // borrowing): the word is looked at again byte by byte, which also clears the borrows' false alarms.
    if (((x - 0x20202020) | x | ((x ^ 0x7f7f7f7f) - 0x01010101)) & 0x80808080) {
      const at = (w << 2) - base;
      const r = visibleByteRun(bytes, at, at + 4);
      if (r < 0) return -1;
      seen |= r;
    }
  }
  const tail = visibleByteRun(bytes, (endWord << 2) - base, to);
  return tail < 0 ? -1 : ((seen | tail) as 0 | 1);
}

/** `visibleBytes` one byte at a time; a character that starts here may end after `to` (it is read whole). */
function visibleByteRun(bytes: Uint8Array, from: number, to: number): -1 | 0 | 1 {
  let wide: 0 | 1 = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 && b < 0x7f) continue;
    if (b < 0x80) return -1;
    wide = 1;
    // Only these lead bytes begin a hidden character: U+0080–U+009F (C2 80–9F), U+061C (D8 9C),
    // U+200E–U+200F and U+202A–U+202E (E2 80 8E–8F, AA–AE), U+2066–U+2069 (E2 81 A6–A9).
    if (b === 0xc2) {
      if (bytes[i + 1]! < 0xa0) return -1;
    } else if (b === 0xd8) {
      if (bytes[i + 1] === 0x9c) return -1;
    } else if (b === 0xe2) {
      const b2 = bytes[i + 1];
      const b3 = bytes[i + 2]!;
      if (b2 === 0x80 && (b3 === 0x8e || b3 === 0x8f || (b3 >= 0xaa && b3 <= 0xae))) return -1;
      if (b2 === 0x81 && b3 >= 0xa6 && b3 <= 0xa9) return -1;
    }
  }
  return wide;
}

/** A 32-bit view of the whole memory under `bytes` (the last one made is kept: a chunk has many cells). */
let lastBytes: Uint8Array | null = null;
let lastWords: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
function wordsOf(bytes: Uint8Array): Uint32Array<ArrayBufferLike> {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    lastWords = new Uint32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2);
  }
  return lastWords;
}
