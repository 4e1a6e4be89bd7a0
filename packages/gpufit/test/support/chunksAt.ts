/** `bytes` cut at the given offsets (each taken modulo the length + 1; a cut may split a character or a record). */
export function chunksAt(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) chunks.push(bytes.subarray(from, c));
    from = c;
  }
  return chunks;
}
