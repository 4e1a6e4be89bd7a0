import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PricingAssertionError,
  UNIT_RATE_MAX_SIZE_RATIO,
  type UnitThroughputRow,
  unitRateFitsModel,
  unitThroughputTable,
  usdPerUnits,
} from '../src/index.js';

/** Rows shaped like datasets/unit-throughput.csv; rates are MLPerf Inference v5.1 llama3.1-8b per GPU. */
const row = (over: Partial<UnitThroughputRow>): UnitThroughputRow => ({
  unit: 'tokens',
  modelSizeBand: 'small',
  gpu: 'L40S',
  scenario: 'Server',
  perGpuPerSecond: 1207.14,
  benchmark: 'llama3.1-8b',
  modelParamsBillions: 8,
  version: 'v5.1',
  precision: 'fp8',
  acceleratorsPerSystem: 1,
  system: 'IBM Cloud gx3 (2x L40S, vLLM)',
  source: 'github.com/mlcommons/inference_results_v5.1@965182b',
  notes: '',
  ...over,
});
const ROWS = [
  row({}),
  row({ scenario: 'Offline', perGpuPerSecond: 1642.22 }),
  row({ gpu: 'H100', perGpuPerSecond: 5103.99 }),
  row({ gpu: 'H100', scenario: 'Offline', perGpuPerSecond: 5777.08 }),
  row({ gpu: 'A100-80GB', scenario: 'vLLM serving', perGpuPerSecond: 1517.54, version: 'vLLM v0.5.4' }),
];

describe('usdPerUnits: USD per GPU-hour ÷ (units per second × 3600) × quote size', () => {
  it('test vectors', () => {
    // $1.861 per L40S-hour at 1,207.14 tokens/s = 4,345,704 tokens an hour → $0.428239 per 1M tokens.
    expect(usdPerUnits(1.861, 1207.14, 1e6)).toBeCloseTo(0.4282390149, 9);
    // $2.50 per H100-hour at 5,103.99 tokens/s (MLPerf Server) → $0.1360594 per 1M tokens.
    expect(usdPerUnits(2.5, 5103.99, 1e6)).toBeCloseTo(2.5 / 18.374364, 6);
    // $0.75 per L40S-hour at 0.7378 SDXL images/s → $0.000282 per image.
    expect(usdPerUnits(0.75, 0.7378, 1)).toBeCloseTo(0.75 / 2656.08, 9);
    expect(usdPerUnits(0, 1000, 1e6)).toBe(0);
  });
  it('refuses a rate of 0, a negative price or a non-finite input (never NaN or Infinity)', () => {
    expect(() => usdPerUnits(1, 0, 1e6)).toThrow(PricingAssertionError);
    expect(() => usdPerUnits(-1, 100, 1e6)).toThrow(PricingAssertionError);
    expect(() => usdPerUnits(Number.NaN, 100, 1e6)).toThrow(PricingAssertionError);
    expect(() => usdPerUnits(1, Number.POSITIVE_INFINITY, 1e6)).toThrow(PricingAssertionError);
  });
  const price = fc.double({ min: 0.01, max: 100, noNaN: true });
  const rate = fc.double({ min: 0.01, max: 100_000, noNaN: true });
  const k = fc.double({ min: 1.01, max: 100, noNaN: true });
  it('is positive and finite, proportional to the price and inverse to the throughput', () => {
    fc.assert(
      fc.property(price, rate, k, (p, r, m) => {
        const base = usdPerUnits(p, r, 1e6);
        expect(base).toBeGreaterThan(0);
        expect(Number.isFinite(base)).toBe(true);
        expect(Math.abs(usdPerUnits(p * m, r, 1e6) / (base * m) - 1)).toBeLessThan(1e-12);
        expect(Math.abs((usdPerUnits(p, r * m, 1e6) * m) / base - 1)).toBeLessThan(1e-12);
        // faster GPU at the same price: strictly cheaper per unit; dearer GPU at the same rate: strictly dearer
        expect(usdPerUnits(p, r * m, 1e6)).toBeLessThan(base);
        expect(usdPerUnits(p * m, r, 1e6)).toBeGreaterThan(base);
        // deterministic
        expect(usdPerUnits(p, r, 1e6)).toBe(base);
      }),
    );
  });
});

describe('unitThroughputTable', () => {
  const table = unitThroughputTable(ROWS);
  it('serving takes the Server rate, batch the Offline rate; GPU ids are case-insensitive', () => {
    expect(table.lookup('tokens', 'small', 'l40s', 'serving')?.perGpuPerSecond).toBe(1207.14);
    expect(table.lookup('tokens', 'small', 'L40S', 'batch')?.perGpuPerSecond).toBe(1642.22);
  });
  it('falls back to the labelled vLLM serving run, and never gives serving an Offline rate', () => {
    expect(table.lookup('tokens', 'small', 'A100-80GB', 'serving')?.scenario).toBe('vLLM serving');
    expect(table.lookup('tokens', 'small', 'A100-80GB', 'batch')?.scenario).toBe('vLLM serving');
    const offlineOnly = unitThroughputTable([row({ scenario: 'Offline' })]);
    expect(offlineOnly.lookup('tokens', 'small', 'L40S', 'serving')).toBeUndefined();
    expect(offlineOnly.lookup('tokens', 'small', 'L40S', 'batch')?.scenario).toBe('Offline');
  });
  it('has no figure where nothing was measured (no estimate)', () => {
    expect(table.lookup('tokens', 'small', 'L4', 'serving')).toBeUndefined();
    expect(table.lookup('tokens', 'medium', 'L40S', 'serving')).toBeUndefined();
    expect(table.lookup('images', 'small', 'L40S', 'serving')).toBeUndefined();
  });
  it('refuses a duplicate key, a rate of 0 and an unknown scenario', () => {
    expect(() => unitThroughputTable([row({}), row({ gpu: 'l40s' })])).toThrow(/twice/);
    expect(() => unitThroughputTable([row({ perGpuPerSecond: 0 })])).toThrow(PricingAssertionError);
    expect(() => unitThroughputTable([row({ scenario: 'SingleStream' as 'Server' })])).toThrow(
      PricingAssertionError,
    );
  });
});

describe('unitRateFitsModel: a measured rate stands only for a model at most 2× apart in size', () => {
  it.each([
    [8, 8, true],
    [8, 14, true],
    [8, 16, true],
    [8, 16.1, false],
    [8, 4, true],
    [8, 3.9, false],
    [3.5, 11.9, false], // SDXL for Flux.1
    [70, 46.7, true], // Llama 2 70B for Mixtral 8x7B
    [8, 70, false],
    [405, 671, true],
    [8, 0, false],
  ])('measured %s B, model %s B: %s', (measured, model, fits) => {
    expect(unitRateFitsModel(measured, model)).toBe(fits);
  });
  it('the lookup skips a row too far from the model size it is given, and keeps it without one', () => {
    const t = unitThroughputTable(ROWS);
    expect(UNIT_RATE_MAX_SIZE_RATIO).toBe(2);
    expect(t.lookup('tokens', 'small', 'L40S', 'serving', { modelParamsBillions: 12 })?.perGpuPerSecond).toBe(
      1207.14,
    );
    expect(t.lookup('tokens', 'small', 'L40S', 'serving', { modelParamsBillions: 1.5 })).toBeUndefined();
    expect(t.lookup('tokens', 'small', 'L40S', 'serving')?.perGpuPerSecond).toBe(1207.14);
    // The scenario order goes on past a skipped row: an Offline row of a nearer model is taken.
    const mixed = unitThroughputTable([
      row({ scenario: 'Offline', modelParamsBillions: 2, benchmark: 'small-model', perGpuPerSecond: 9000 }),
      row({ scenario: 'Server' }),
    ]);
    expect(mixed.lookup('tokens', 'small', 'L40S', 'batch', { modelParamsBillions: 8 })?.scenario).toBe(
      'Server',
    );
    expect(mixed.lookup('tokens', 'small', 'L40S', 'batch', { modelParamsBillions: 2 })?.scenario).toBe(
      'Offline',
    );
  });
});
