import { breakEvenNumberText } from '@gpufit/pricing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakEvenValueText } from '../src/commands/breakeven.js';

/**
 * `gpufit breakeven` prints each value in a column and again in the note beside it (pricing's breakEven rounds the
 * note with toPrecision(4)). Found reading an eval batch on Vast H200 at USD 1.1175: the column read "1.118
 * USD/GPU-hour", the note "(now 1.117)".
 */
describe('breakEvenValueText', () => {
  it('rounds as the note does: Vast H200 at 1.1175 reads 1.117, thousands keep their separator', () => {
    expect(breakEvenValueText(1.1175, 'USD/GPU-hour')).toBe('1.117 USD/GPU-hour');
    expect(breakEvenValueText(2715.2855, 'GiB/month')).toBe('2,715 GiB/month');
    expect(breakEvenValueText(0.0943, 'per hour')).toBe('0.0943 per hour');
    expect(breakEvenValueText(0.15291, 'share')).toBe('15.29 %');
    expect(breakEvenValueText(null, 'share')).toBe('—');
  });

  it('below 0.001 the column and the note print the same text, not an exponent in one of them', () => {
    expect(breakEvenValueText(1.973e-5, 'per hour')).toBe('0.00001973 per hour');
    expect(breakEvenNumberText(1.973e-5)).toBe('0.00001973');
  });

  it('property: the column value is the note value, toPrecision(4) of the number', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), (x) => {
        const text = breakEvenValueText(x, 'USD/GPU-hour');
        expect(Number(text.replace(' USD/GPU-hour', '').replaceAll(',', ''))).toBe(Number(x.toPrecision(4)));
      }),
    );
    // Prices written to a tenth of a cent past four digits (1.1175, 2.0345): the ties a decimal rounding breaks
    // the other way.
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 3 }), (n, shift) => {
        const x = (n * 10 + 5) / 10 ** (4 - shift);
        const text = breakEvenValueText(x, 'USD/GPU-hour');
        expect(Number(text.replace(' USD/GPU-hour', '').replaceAll(',', ''))).toBe(Number(x.toPrecision(4)));
      }),
    );
  });
});
