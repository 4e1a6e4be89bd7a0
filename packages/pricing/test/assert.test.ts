import { describe, expect, it } from 'vitest';
import { assert, finite, PricingAssertionError } from '../src/assert.js';
import { expectedRuntime, tieredEgressUsd } from '../src/index.js';

describe('assertion details are written only when an assertion fails', () => {
  it('formats a number, a string and a function into the message, and calls the function only on failure', () => {
    expect(() => assert(false, 'bad', 3.5)).toThrow('bad (3.5)');
    expect(() => assert(false, 'bad', 'at hand')).toThrow('bad (at hand)');
    let calls = 0;
    const detail = () => {
      calls++;
      return 'written';
    };
    assert(true, 'bad', detail);
    expect(finite(2, 'bad', detail)).toBe(2);
    expect(calls).toBe(0);
    expect(() => finite(Number.NaN, 'bad', detail)).toThrow(new PricingAssertionError('bad', 'written'));
    expect(calls).toBe(1);
  });

  it('keeps the details of the pricing functions that now write them lazily', () => {
    expect(() => tieredEgressUsd(-1, [{ upToGiB: null, usdPerGiB: 0.09 }])).toThrow(/\(-1\)/);
    expect(() =>
      tieredEgressUsd(5, [
        { upToGiB: 10, usdPerGiB: 0.09 },
        { upToGiB: 5, usdPerGiB: 0.08 },
        { upToGiB: null, usdPerGiB: 0.07 },
      ]),
    ).toThrow(/\(tier 2\)/);
    expect(() =>
      expectedRuntime({ workHours: Number.NaN, mtbfHours: 100, checkpointHours: 0.1, restartHours: 0.1 }),
    ).toThrow(/\(work NaN\)/);
  });
});
