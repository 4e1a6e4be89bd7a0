import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demand } from '../src/estimate/notes.js';
import { readableHours } from '../src/estimate/readableNumber.js';

/**
 * The demand line of an estimate's assumptions reads the stated GPU-hours back as stated. Found reading a 3-month
 * pretraining run (1 job × 720 h × 16 H100): "demand is 11500 H100 GPU-hours a month" beside a cost table of 11,520.
 */
describe('readableHours', () => {
  it('keeps every digit of the integer part from 1,000 up, and 3 significant digits below', () => {
    expect(readableHours(11_520)).toBe('11,520');
    expect(readableHours(9_030.88)).toBe('9,031');
    expect(readableHours(1_000)).toBe('1,000');
    expect(readableHours(-1_234_567.4)).toBe('-1,234,567');
    expect(readableHours(999.6)).toBe('1000');
    expect(readableHours(120)).toBe('120');
    expect(readableHours(2.345_6)).toBe('2.35');
    expect(readableHours(0)).toBe('0');
  });

  it('property: within half an hour from 1,000 up, and within 3 significant digits below', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (x) => {
        const read = Number(readableHours(x).replaceAll(',', ''));
        if (x >= 1000) expect(Math.abs(read - x)).toBeLessThanOrEqual(0.5);
        else expect(Math.abs(read - x)).toBeLessThanOrEqual(0.005 * x * (1 + 1e-9));
      }),
    );
  });

  it('the demand note reads a stated 11,520 GPU-hours as 11,520, like the cost table, and the converted hours whole', () => {
    const same = { demandGpu: 'H100', offerGpu: 'H100', ratio: 1, basis: 'same', source: null } as const;
    expect(demand(same, 'training', 11_520, 11_520)).toBe(
      'demand is 11,520 H100 GPU-hours a month, priced on H100 itself',
    );
    const l40s = {
      demandGpu: 'H100',
      offerGpu: 'L40S',
      ratio: 0.3233,
      basis: 'measured',
      source: 'b',
    } as const;
    expect(demand(l40s, 'inference', 2_920, 2_920 / 0.3233)).toBe(
      'demand is 2,920 H100 GPU-hours a month; L40S runs inference work at 0.323× a H100 (measured: b), so it needs 9,032 L40S GPU-hours',
    );
  });
});
