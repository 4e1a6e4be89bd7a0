import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../src/cli/heapGrowth.js';

describe('limitHeapGrowth (V8 heap growing factor for analyze)', () => {
  const run = (execArgv: string[]) => {
    const set: string[] = [];
    const done = limitHeapGrowth(execArgv, (f) => set.push(f));
    return { done, set };
  };

  it('sets --heap-growing-percent=25 (1.25×) when node was started without one', () => {
    expect(HEAP_GROWING_PERCENT).toBe(25);
    expect(run([])).toEqual({ done: true, set: ['--heap-growing-percent=25'] });
    expect(run(['--enable-source-maps', '--max-old-space-size=4096'])).toEqual({
      done: true,
      set: ['--heap-growing-percent=25'],
    });
  });

  it('keeps a value the user gave on node’s command line (either spelling; node refuses it in NODE_OPTIONS)', () => {
    expect(run(['--heap-growing-percent=200'])).toEqual({ done: false, set: [] });
    expect(run(['--trace-gc', '--heap_growing_percent=10'])).toEqual({ done: false, set: [] });
    expect(run(['--heap-growing-percent', '30'])).toEqual({ done: false, set: [] });
    // A different flag that merely starts the same way is not the user's choice of this one.
    expect(run(['--heap-growing-percentage=5']).done).toBe(true);
  });
});
