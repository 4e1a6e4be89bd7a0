import type { CostEstimate } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pricingLabel, rentedText } from '../src/present/offerLabel.js';

// The README main job's chat API as AWS priced it (before RunPod's SOC 2 was on record): 8 L40S carry the peak,
// 9 reach 99.9 %, and on-demand capacity follows the demand, so 2,920 GPU-hours are billed a month (4 GPUs on
// average), $5,434.12 at $1.861, not 9 × 730 h.
const cost = (instances: number, billed: number | null, per = 1) =>
  ({
    instances,
    gpusPerInstance: per,
    billedGpuHoursPerMonth: billed,
    throughput: null,
  }) as unknown as CostEstimate;
const l40s = { gpu: 'L40S', gpusPerInstance: 1, pricingCategory: 'Standard' } as const;

describe('rentedText: what is rented, and what a serving peak is billed for', () => {
  test('serving on demand: the peak and the billed average', () => {
    expect(rentedText(l40s, cost(9, 2920), 'realtime-inference')).toBe('9 × 1 L40S at peak, 4 on average');
  });

  test('committed capacity is held at the peak, so no average is said', () => {
    expect(
      rentedText({ ...l40s, pricingCategory: 'Committed' }, cost(9, 9 * 730), 'realtime-inference'),
    ).toBe('9 × 1 L40S');
  });

  test('batch work rents its instances per job: no average', () => {
    expect(rentedText({ ...l40s, gpusPerInstance: 8 }, cost(1, 120, 8), 'fine-tuning')).toBe('1 × 8 L40S');
  });

  test('a GPU listed with other than its usual memory says it (a 48 GB modified RTX 4090 holding a 14B at bf16)', () => {
    const modified = {
      gpu: 'RTX4090',
      gpusPerInstance: 1,
      pricingCategory: 'Standard',
      gpuMemoryGiB: 48,
    } as const;
    expect(rentedText(modified, cost(5, 1533), 'realtime-inference')).toBe(
      '5 × 1 RTX4090 (48 GB) at peak, 2.1 on average',
    );
    expect(
      rentedText(
        { gpu: 'RTX4090', gpusPerInstance: 1, pricingCategory: 'Standard' },
        cost(5, 1533),
        'realtime-inference',
      ),
    ).toBe('5 × 1 RTX4090 at peak, 2.1 on average');
  });

  test('without the kind the text is as before', () => {
    expect(rentedText(l40s, cost(9, 2920))).toBe('9 × 1 L40S');
  });

  test('property: the average said is never above the peak, and is the billed hours over whole months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const text = rentedText(l40s, cost(n, n * 730 * share), 'realtime-inference');
        const m = /at peak, ([\d.]+) on average$/.exec(text);
        if (m === null) return n * share >= n - 0.05;
        const avg = Number(m[1]);
        return avg <= n && Math.abs(avg - n * share) <= 0.05 + 1e-9;
      }),
    );
  });
});

describe('rentedText: a GPU substituted at a measured ratio', () => {
  // credibility-cases' 70B chat API: Massed Compute's A100s for H100 at Lambda's vLLM 0.452× (fp8 on both GPUs).
  const a100 = { gpu: 'A100-80GB', gpusPerInstance: 2, pricingCategory: 'Standard' } as const;
  const converted = (measuredFormat?: NonNullable<CostEstimate['throughput']>['measuredFormat']) =>
    ({
      instances: 11,
      gpusPerInstance: 2,
      billedGpuHoursPerMonth: null,
      throughput: {
        demandGpu: 'H100',
        offerGpu: 'A100-80GB',
        ratio: 0.45195,
        basis: 'measured',
        source: 'Lambda vLLM benchmark',
        ...(measuredFormat !== undefined && { measuredFormat }),
      },
    }) as unknown as CostEstimate;

  test('says the format the ratio was measured at where the source records one', () => {
    expect(rentedText(a100, converted({ kind: 'one', recorded: 'fp8', work: 'fp8' }))).toBe(
      '11 × 2 A100-80GB (for H100: 0.452× measured at fp8)',
    );
  });

  test('says no format where the source records none, in part only, or pools several (the report says that once)', () => {
    for (const kind of ['unrecorded', 'part', 'mixed'] as const)
      expect(
        rentedText(a100, converted({ kind, recorded: 'H100 fp8; A100-80GB not recorded', work: 'bf16' })),
      ).toBe('11 × 2 A100-80GB (for H100: 0.452× measured)');
    expect(rentedText(a100, converted())).toBe('11 × 2 A100-80GB (for H100: 0.452× measured)');
  });
});

describe('pricingLabel: how the capacity is bought', () => {
  test('FOCUS categories by their plain names, a commitment with its term', () => {
    expect(pricingLabel({ pricingCategory: 'Standard' })).toBe('on-demand');
    expect(pricingLabel({ pricingCategory: 'Dynamic' })).toBe('spot / interruptible');
    expect(pricingLabel({ pricingCategory: 'Committed' }, 12)).toBe('committed 12 mo');
  });

  test('capacity booked ahead in whole days is a capacity block, never "on-demand" (AWS p5 Capacity Blocks)', () => {
    expect(pricingLabel({ pricingCategory: 'Standard', bookedAhead: { minimumDays: 1 } })).toBe(
      'capacity block, booked by the day',
    );
    expect(pricingLabel({ pricingCategory: 'Standard', bookedAhead: { minimumDays: 7 } })).toBe(
      'capacity block, booked 7 days at a time',
    );
  });
});
