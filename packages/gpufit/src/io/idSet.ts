/**
 * A set of ids with the row each was first seen on, in flat typed arrays instead of a `Map<string, number>`:
 * a 2,000,000-row stream keeps about 20 bytes an id plus one a character (two once an id is not Latin-1) outside
 * the garbage-collected heap, instead of two heap objects per id that every major GC must trace again. Open
 * addressing, linear probing, FNV-1a over UTF-16 code units; an entry's length is where the next one starts.
 */
export class IdSet {
  private slots = new Int32Array(1 << 12); // entry index + 1; 0 = empty
  private hashes = new Int32Array(1 << 11);
  private starts = new Uint32Array(1 << 11);
  private rows = new Uint32Array(1 << 11);
  private chars: Uint8Array | Uint16Array = new Uint8Array(1 << 14);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `id` first seen on `row` (≥ 1) and returns 0, or returns the row it was first seen on. */
  addOrGet(id: string, row: number): number {
    const n = id.length;
    let h = 0x811c9dc5 | 0;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      bits |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    return this.addOrGetHashed(h, n, bits > 0xff, row, id, 0);
  }

  /**
   * `addOrGet` of the id whose characters are the ASCII bytes `bytes[from … to)` (each byte one character, so
   * the same id as a string and as bytes is one entry), without making its string.
   */
  addOrGetAscii(bytes: Uint8Array, from: number, to: number, row: number): number {
    return this.addOrGetHashed(hashBytes(bytes, from, to), to - from, false, row, bytes, from);
  }

  /** The row the id of bytes `bytes[from … to)` (one a character) was first seen on, or 0: it is not added. */
  rowOfAscii(bytes: Uint8Array, from: number, to: number): number {
    const e = this.slots[this.slotOf(hashBytes(bytes, from, to), to - from, bytes, from)]!;
    return e === 0 ? 0 : this.rows[e - 1]!;
  }

  /** The id is `id` (a string), or `id[from …]` (bytes, one a character). */
  private addOrGetHashed(
    h: number,
    n: number,
    wide: boolean,
    row: number,
    id: string | Uint8Array,
    from: number,
  ): number {
    const s = this.slotOf(h, n, id, from);
    const e = this.slots[s]!;
    if (e !== 0) return this.rows[e - 1]!;
    const k = this.count;
    if (k === this.hashes.length) this.growEntries();
    if (this.used + n > this.chars.length || (wide && this.chars instanceof Uint8Array))
      this.growChars(this.used + n, wide);
    const chars = this.chars;
    if (typeof id === 'string') for (let i = 0; i < n; i++) chars[this.used + i] = id.charCodeAt(i);
    else for (let i = 0; i < n; i++) chars[this.used + i] = id[from + i]!;
    this.hashes[k] = h;
    this.starts[k] = this.used;
    this.rows[k] = row;
    this.used += n;
    this.slots[s] = k + 1;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    return 0;
  }

  /** The slot holding the id (hash `h`, `n` characters), or the empty slot where it would go. */
  private slotOf(h: number, n: number, id: string | Uint8Array, from: number): number {
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === 0) return s;
      const k = e - 1;
      if (this.hashes[k] === h && this.lengthOf(k) === n && this.sameChars(k, n, id, from)) return s;
      s = (s + 1) & mask;
    }
  }

  /** Entries' characters are appended in order, so an entry ends where the next one starts. */
  private lengthOf(k: number): number {
    return (k + 1 < this.count ? this.starts[k + 1]! : this.used) - this.starts[k]!;
  }

  private sameChars(k: number, n: number, id: string | Uint8Array, from: number): boolean {
    const start = this.starts[k]!;
    if (typeof id === 'string') {
      for (let i = 0; i < n; i++) if (this.chars[start + i] !== id.charCodeAt(i)) return false;
    } else {
      for (let i = 0; i < n; i++) if (this.chars[start + i] !== id[from + i]) return false;
    }
    return true;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    const grow = <A extends Int32Array | Uint32Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes, (n) => new Int32Array(n));
    this.starts = grow(this.starts, (n) => new Uint32Array(n));
    this.rows = grow(this.rows, (n) => new Uint32Array(n));
  }

  /** Room for `need` characters, two bytes each from the first id that is not Latin-1 on. */
  private growChars(need: number, wide: boolean): void {
    let size = this.chars.length;
    while (size < need) size *= 2;
    const b = wide || this.chars instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
    b.set(this.chars.subarray(0, this.used));
    this.chars = b;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let s = this.hashes[k]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = k + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a of bytes, as `addOrGet` hashes the same characters of a string. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}
