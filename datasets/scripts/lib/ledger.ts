/** Per input file: every row read ends as used or dropped with a reason, and the counts must add up. */
export class RowLedger {
  read = 0;
  used = 0;
  readonly dropped = new Map<string, number>();

  constructor(readonly file: string) {}

  drop(reason: string): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  get droppedTotal(): number {
    let n = 0;
    for (const v of this.dropped.values()) n += v;
    return n;
  }

  /** Throws unless read = used + dropped. */
  checkBalanced(): void {
    if (this.read !== this.used + this.droppedTotal)
      throw new Error(`${this.file}: read ${this.read} != used ${this.used} + dropped ${this.droppedTotal}`);
  }
}
