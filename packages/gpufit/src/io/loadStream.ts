import type { Accounting } from '@gpufit/schema';
import type { LoadItem, LoadWarning } from './loadTypes.js';
import type { RowLedger } from './rowLedger.js';

/**
 * A load you iterate row by row without holding the rows: `for await (const item of stream)`. The books are
 * live; read `accounting`, `warnings` and `blankRows` after the loop. It can be iterated once.
 */
export class LoadStream<T> implements AsyncIterable<LoadItem<T>> {
  private used = false;

  constructor(
    private readonly batches: AsyncGenerator<LoadItem<T>[], void, undefined>,
    private readonly ledger: RowLedger,
  ) {}

  get file(): string {
    return this.ledger.file;
  }

  get accounting(): Accounting {
    return this.ledger.accounting();
  }

  get warnings(): readonly LoadWarning[] {
    return this.ledger.warnings;
  }

  get blankRows(): number {
    return this.ledger.blankRows;
  }

  /** Batches as they are decoded (one per input chunk): the cheapest way to consume a huge file. */
  async *inBatches(): AsyncGenerator<LoadItem<T>[], void, undefined> {
    this.claim();
    yield* this.batches;
  }

  /**
   * Row by row. A hand-written iterator rather than `yield*` over each batch: an async generator costs
   * several promises per row, which at millions of rows shows in both time and peak memory.
   */
  [Symbol.asyncIterator](): AsyncIterator<LoadItem<T>, undefined> {
    this.claim();
    const source = this.batches;
    let batch: LoadItem<T>[] = [];
    let at = 0;
    const pull = async (): Promise<IteratorResult<LoadItem<T>, undefined>> => {
      for (;;) {
        const next = await source.next();
        if (next.done) return { done: true, value: undefined };
        if (next.value.length > 0) {
          batch = next.value;
          at = 1;
          return { done: false, value: batch[0]! };
        }
      }
    };
    return {
      next: () => (at < batch.length ? Promise.resolve({ done: false, value: batch[at++]! }) : pull()),
      return: async () => {
        await source.return(undefined);
        return { done: true, value: undefined };
      },
    };
  }

  private claim(): void {
    if (this.used) throw new Error('a LoadStream can be iterated only once');
    this.used = true;
  }
}
