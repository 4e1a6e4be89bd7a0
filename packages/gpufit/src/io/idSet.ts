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
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === 0) break;
      const k = e - 1;
      if (this.hashes[k] === h && this.lengthOf(k) === n && this.sameChars(k, id)) return this.rows[k]!;
      s = (s + 1) & mask;
    }
    const k = this.count;
    if (k === this.hashes.length) this.growEntries();
    const wide = bits > 0xff;
    if (this.used + n > this.chars.length || (wide && this.chars instanceof Uint8Array))
      this.growChars(this.used + n, wide);
    for (let i = 0; i < n; i++) this.chars[this.used + i] = id.charCodeAt(i);
    this.hashes[k] = h;
    this.starts[k] = this.used;
    this.rows[k] = row;
    this.used += n;
    this.slots[s] = k + 1;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    return 0;
  }

  /** Entries' characters are appended in order, so an entry ends where the next one starts. */
  private lengthOf(k: number): number {
    return (k + 1 < this.count ? this.starts[k + 1]! : this.used) - this.starts[k]!;
  }

  private sameChars(k: number, id: string): boolean {
    const start = this.starts[k]!;
    for (let i = 0; i < id.length; i++) if (this.chars[start + i] !== id.charCodeAt(i)) return false;
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
