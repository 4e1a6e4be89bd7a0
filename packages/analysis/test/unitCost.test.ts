/**
 * Cost per unit of output beyond tokens (issue 18 item 6): the workload's outputUnit picks the measured rate
 * (images: MLPerf SDXL), audio has none, and a stated monthly volume gives the true unit cost beside the
 * capacity figure. Rates below are rows of datasets/unit-throughput.csv (MLPerf Inference v5.1).
 */
import { type UnitThroughputRow, unitThroughputTable, usdPerUnits } from '@gpufit/pricing';
import { type PricedOption, type WorkloadProfile, workloadProfileSchema } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityShare, unitCostFor, usdAtStatedVolume } from '../src/unitCost.js';

const row = (
  unit: 'tokens' | 'images',
  gpu: string,
  scenario: 'Server' | 'Offline',
  perGpuPerSecond: number,
): UnitThroughputRow => ({
  unit,
  modelSizeBand: 'small',
  gpu,
  scenario,
  perGpuPerSecond,
  benchmark: unit === 'images' ? 'stable-diffusion-xl' : 'llama3.1-8b',
  modelParamsBillions: unit === 'images' ? 3.5 : 8,
  version: 'v5.1',
  precision: 'fp8',
  acceleratorsPerSystem: 8,
  system: 'test system',
  source: 'MLPerf Inference v5.1 (datasets/unit-throughput.csv)',
  notes: '',
});
const table = unitThroughputTable([
  row('images', 'L40S', 'Server', 0.7378),
  row('images', 'L40S', 'Offline', 0.6901),
  row('tokens', 'L40S', 'Server', 1207.14),
]);

/** Only the fields unitCostFor reads: the offer's id, GPU and list price, and the billed GPU-hours. */
const option = (gpu: string, usdPerGpuHour: number | null, billed: number | null): PricedOption =>
  ({
    offer: { id: `x:${gpu}`, gpu, usdPerGpuHour },
    cost: { billedGpuHoursPerMonth: billed },
  }) as unknown as PricedOption;

const profile = (extra: Record<string, unknown>): WorkloadProfile =>
  workloadProfileSchema.parse({
    id: 'w',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 730,
    modelParamsBillions: 3.5,
    ...extra,
  });

describe('usdAtStatedVolume and capacityShare: the formulas', () => {
  it('vectors: $1,000 a month for 2.5B tokens is $0.40 per 1M; $450 for 50,000 images is $0.009 per image', () => {
    expect(usdAtStatedVolume(1000, 2.5e9, 1e6)).toBeCloseTo(0.4, 12);
    expect(usdAtStatedVolume(450, 50_000, 1)).toBeCloseTo(0.009, 12);
    expect(usdAtStatedVolume(0, 10, 1)).toBe(0);
    // 50,000 images on 730 L40S-hours at 0.7378 images/s: 50,000 ÷ 1,938,938.4 = 2.58 %
    expect(capacityShare(50_000, 0.7378, 730)).toBeCloseTo(50_000 / 1_938_938.4, 12);
    expect(capacityShare(1, 0.7378, 0)).toBeNull();
  });

  it('refuses a volume of 0, NaN or a negative cost with a clear error (never NaN, never a silent $0)', () => {
    expect(() => usdAtStatedVolume(100, 0, 1)).toThrow(/stated output a month must be a positive number/);
    expect(() => usdAtStatedVolume(Number.NaN, 10, 1)).toThrow(/monthly cost/);
    expect(() => usdAtStatedVolume(-1, 10, 1)).toThrow(/monthly cost/);
    expect(() => usdAtStatedVolume(1, 10, 0)).toThrow(/units per quote/);
  });

  it('properties: non-negative, linear in the cost, falling in the volume, and it gives the cost back', () => {
    const money = fc.double({ min: 0, max: 1e7, noNaN: true });
    const volume = fc.double({ min: 1e-3, max: 1e15, noNaN: true });
    const per = fc.constantFrom(1, 1e6);
    fc.assert(
      fc.property(money, volume, volume, per, (m, v, w, p) => {
        const u = usdAtStatedVolume(m, v, p);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(u)).toBe(true);
        expect((u * v) / p).toBeCloseTo(m, 6 - Math.max(0, Math.log10(m + 1)));
        expect(usdAtStatedVolume(2 * m, v, p)).toBeCloseTo(2 * u, 9);
        if (v < w) expect(usdAtStatedVolume(m, w, p)).toBeLessThanOrEqual(u);
        expect(usdAtStatedVolume(m, v, p)).toBe(u);
      }),
    );
  });

  it('property: at full capacity the stated-volume cost of the GPU-hours alone equals the capacity figure', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (price, rate, hours) => {
          const full = rate * 3600 * hours;
          expect(capacityShare(full, rate, hours)).toBeCloseTo(1, 9);
          expect(usdAtStatedVolume(price * hours, full, 1)).toBeCloseTo(usdPerUnits(price, rate, 1), 9);
        },
      ),
    );
  });
});

describe('unitCostFor: the unit the workload outputs', () => {
  it('images on an L40S: the MLPerf SDXL Server rate, a fraction of a cent per image', () => {
    const u = unitCostFor(
      profile({ outputUnit: 'images' }),
      { cloud: option('L40S', 1.861, 730), depin: null },
      table,
    )!;
    expect([u.unit, u.per]).toEqual(['images', 1]);
    const f = u.figures[0]!;
    expect([f.scenario, f.benchmark, f.unitsPerGpuSecond]).toEqual(['Server', 'stable-diffusion-xl', 0.7378]);
    // $1.861 ÷ (0.7378 × 3,600) = $0.000701 per image
    expect(f.usd).toBeCloseTo(1.861 / (0.7378 * 3600), 12);
    expect(f.usd).toBeLessThan(0.01);
    expect(u.atStatedVolume).toBeUndefined();
  });

  it('a batch image job takes the Offline rate', () => {
    const u = unitCostFor(
      profile({ kind: 'batch-inference', outputUnit: 'images', gpuHoursPerMonth: 100 }),
      { cloud: option('L40S', 1.861, 100), depin: null },
      table,
    )!;
    expect(u.figures[0]?.unitsPerGpuSecond).toBe(0.6901);
  });

  it('an image workload on a GPU without an SDXL result says "image rate", never "token rate"', () => {
    const u = unitCostFor(
      profile({ outputUnit: 'images' }),
      { cloud: option('RTX4090', 0.35, 730), depin: option('RTX4090', 0.3, 730) },
      table,
    )!;
    expect(u.figures).toEqual([]);
    expect(u.gaps).toHaveLength(2);
    for (const g of u.gaps) expect(g).toMatch(/^no measured image rate for RTX4090/);
  });

  it('a 12 B Flux.1 image API takes no SDXL (3.5 B) rate: a gap sentence, no figure, no share of capacity', () => {
    // The genmedia report priced 1.5 M Flux images a month at SDXL's 0.738 images/s per L40S: "12.9 % of what the
    // 4,380 GPU-hours this option bills could output at the measured rate … state fewer GPU-hours".
    const u = unitCostFor(
      profile({ outputUnit: 'images', modelParamsBillions: 12, outputPerMonth: 1_500_000 }),
      { cloud: option('L40S', 1.861, 4380), depin: null },
      table,
      { recommendation: 'cloud', recommendedMonthlyUsd: 8151.18 },
    )!;
    expect(u.figures).toEqual([]);
    expect(u.gaps).toEqual([
      "no measured image rate for L40S with a model near 12 B parameters (cloud option): the rate measured is stable-diffusion-xl's (3.5 B parameters, 3.4× smaller), and a rate stands only for a model at most 2× apart in size: no cost per unit shown, and the stated volume is not checked against it",
    ]);
    expect(u.atStatedVolume?.capacityShare).toBeNull();
    // Without a stated volume the sentence does not speak of one.
    const none = unitCostFor(
      profile({ outputUnit: 'images', modelParamsBillions: 12 }),
      { cloud: option('L40S', 1.861, 4380), depin: null },
      table,
    )!;
    expect(none.gaps[0]).toMatch(/2× apart in size: no cost per unit shown$/);
  });

  it.each([
    // [workload B, unit, rate's model B, a figure?] — within UNIT_RATE_MAX_SIZE_RATIO (2×) either way
    [3.5, 'images', 3.5, true],
    [6, 'images', 3.5, true],
    [7.5, 'images', 3.5, false],
    [12, 'images', 3.5, false],
    [8, 'tokens', 8, true],
    [14, 'tokens', 8, true],
    [4, 'tokens', 8, true],
    [1.5, 'tokens', 8, false],
    [70, 'tokens', 8, false],
  ] as const)(
    'a %s B model and %s measured on a %s B model: figure %s',
    (params, unit, _measured, figure) => {
      const u = unitCostFor(
        profile({ outputUnit: unit, modelParamsBillions: params }),
        { cloud: option('L40S', 1.861, 730), depin: null },
        // The small band's rows; a 70 B model is looked up in the medium band, where a small-band row is not found.
        unitThroughputTable([
          { ...row(unit, 'L40S', 'Server', 1), modelSizeBand: params >= 15 ? 'medium' : 'small' },
        ]),
      )!;
      expect(u.figures.length).toBe(figure ? 1 : 0);
      if (!figure) expect(u.gaps[0]).toMatch(/^no measured (image|token) rate for L40S with a model near/);
    },
  );

  it('a rate measured at fewer bits than the work runs at stays, said to be a lower bound', () => {
    // MLPerf Inference v5.1 llama3.1-8b Server: B200 16,099.25 tokens/s per GPU at fp4; L40S 1,207.14 at fp8.
    const rates = unitThroughputTable([
      { ...row('tokens', 'B200', 'Server', 16099.25), precision: 'fp4' },
      row('tokens', 'L40S', 'Server', 1207.14),
    ]);
    const at = (precision: string) =>
      unitCostFor(
        profile({ modelParamsBillions: 8, precision }),
        { cloud: option('L40S', 1.861, 730), depin: option('B200', 2.5, 730) },
        rates,
      )!;
    const fp8 = at('fp8');
    expect(fp8.figures.map((f) => f.unitsPerGpuSecond)).toEqual([1207.14, 16099.25]);
    expect(fp8.gaps).toEqual([
      "the DePIN option's token rate (B200, measured at fp4) is faster than this fp8 work will run: its cost per unit is a lower bound",
    ]);
    expect(at('bf16').gaps).toEqual([
      "the cloud option's token rate (L40S, measured at fp8) is faster than this bf16 work will run: its cost per unit is a lower bound",
      "the DePIN option's token rate (B200, measured at fp4) is faster than this bf16 work will run: its cost per unit is a lower bound",
    ]);
    expect(at('int4').gaps).toEqual([]);
  });

  it('left out, the unit is tokens and the profile lists outputUnit as assumed', () => {
    const p = profile({ modelParamsBillions: 8 });
    expect(p.assumed).toContain('outputUnit');
    const u = unitCostFor(p, { cloud: option('L40S', 1.861, 730), depin: null }, table)!;
    expect(u.unit).toBe('tokens');
    expect(u.figures[0]?.usd).toBeCloseTo((1.861 / (1207.14 * 3600)) * 1e6, 12);
    expect(profile({ outputUnit: 'tokens' }).assumed).not.toContain('outputUnit');
  });

  it('audio-hours: no measured rate (a gap, no figure), but a stated volume is priced', () => {
    const p = profile({ kind: 'batch-inference', outputUnit: 'audio-hours', outputPerMonth: 2000 });
    const u = unitCostFor(p, { cloud: option('L40S', 1.861, 300), depin: null }, table, {
      recommendation: 'cloud',
      recommendedMonthlyUsd: 600,
    })!;
    expect(u.figures).toEqual([]);
    expect(u.gaps).toEqual([expect.stringMatching(/^no measured audio rate for any GPU/)]);
    // $600 a month ÷ 2,000 audio hours = $0.30 per audio hour; no rate, so no capacity share
    expect(u.atStatedVolume).toEqual({
      outputPerMonth: 2000,
      recommendation: 'cloud',
      monthlyUsd: 600,
      usd: 0.3,
      capacityShare: null,
    });
  });
});

describe('unitCostFor: the true unit cost at the stated volume', () => {
  const cloud = option('L40S', 1.861, 730);

  it('a volume far below capacity costs far more per image than the capacity figure, and says how far', () => {
    const p = profile({ outputUnit: 'images', outputPerMonth: 50_000 });
    const u = unitCostFor(p, { cloud, depin: null }, table, {
      recommendation: 'cloud',
      recommendedMonthlyUsd: 1.861 * 730,
    })!;
    const s = u.atStatedVolume!;
    expect(s.usd).toBeCloseTo((1.861 * 730) / 50_000, 12); // $0.0272 per image
    expect(s.capacityShare).toBeCloseTo(50_000 / (0.7378 * 3600 * 730), 12); // 2.6 %
    expect(s.usd / u.figures[0]!.usd).toBeCloseTo(1 / s.capacityShare!, 9); // ≈ 39×
    expect(s.usd).toBeGreaterThan(10 * u.figures[0]!.usd);
  });

  it('a hybrid placement has a true unit cost but no single GPU capacity', () => {
    const p = profile({ outputUnit: 'tokens', outputPerMonth: 1e9, modelParamsBillions: 8 });
    const u = unitCostFor(p, { cloud, depin: option('L40S', 1.2, 500) }, table, {
      recommendation: 'hybrid',
      recommendedMonthlyUsd: 900,
    })!;
    expect(u.atStatedVolume).toMatchObject({ recommendation: 'hybrid', capacityShare: null });
    expect(u.atStatedVolume?.usd).toBeCloseTo(0.9, 12); // $900 ÷ 1e9 tokens × 1e6
  });

  it('an unpriced recommendation is a gap, not $0', () => {
    const p = profile({ outputUnit: 'images', outputPerMonth: 1000 });
    const u = unitCostFor(p, { cloud, depin: null }, table, {
      recommendation: 'cloud',
      recommendedMonthlyUsd: null,
    })!;
    expect(u.atStatedVolume).toBeUndefined();
    expect(u.gaps).toContain('the recommendation has no monthly cost: no cost at your stated volume');
  });

  it('property: for any priced plan and volume, usd × volume ÷ per is the monthly cost; more volume never costs more per unit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tokens', 'images', 'audio-hours'),
        fc.double({ min: 0.001, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (unit, volume, monthly) => {
          const at = (v: number) =>
            unitCostFor(
              profile({ outputUnit: unit, outputPerMonth: v, modelParamsBillions: 8 }),
              { cloud, depin: null },
              table,
              { recommendation: 'cloud', recommendedMonthlyUsd: monthly },
            )!.atStatedVolume!;
          const s = at(volume);
          expect(s.usd).toBeGreaterThanOrEqual(0);
          expect((s.usd * volume) / (unit === 'tokens' ? 1e6 : 1)).toBeCloseTo(monthly, 3);
          expect(at(volume * 2).usd).toBeLessThanOrEqual(s.usd);
          if (s.capacityShare !== null) expect(s.capacityShare).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('training and fine-tuning workloads have no unit cost', () => {
    const p = workloadProfileSchema.parse({ id: 't', kind: 'fine-tuning', gpuHoursPerMonth: 10 });
    expect(p.outputUnit).toBeNull();
    expect(p.assumed).not.toContain('outputUnit');
    expect(unitCostFor(p, { cloud, depin: null }, table)).toBeUndefined();
  });
});

describe('an option priced on another GPU: the named GPU’s rate × the ratio its GPU-hours are priced at', () => {
  // Two benchmarks of very different scale: an MLPerf rate for the named H100, a vLLM-like rate for the A100.
  const mixed = unitThroughputTable([
    row('tokens', 'H100', 'Server', 3821.0625),
    row('tokens', 'A100-80GB', 'Server', 145.347),
  ]);
  const priced = (gpu: string, usd: number, throughput: Record<string, unknown> | null): PricedOption =>
    ({
      offer: { id: `x:${gpu}`, gpu, usdPerGpuHour: usd },
      cost: { billedGpuHoursPerMonth: 730, throughput },
    }) as unknown as PricedOption;
  const p = profile({ modelParamsBillions: 8, gpuType: 'H100' });

  it('an A100 priced at 0.452× an H100 reads 0.452 × 3,821 tokens/s, not its own 145', () => {
    const a100 = priced('A100-80GB', 3.4309, {
      demandGpu: 'H100',
      offerGpu: 'A100-80GB',
      ratio: 0.452,
      basis: 'measured',
      source: 'test',
    });
    const u = unitCostFor(p, { cloud: a100, depin: null }, mixed)!;
    const f = u.figures[0]!;
    expect(f.unitsPerGpuSecond).toBeCloseTo(3821.0625 * 0.452, 9);
    expect(f.usd).toBeCloseTo(usdPerUnits(3.4309, 3821.0625 * 0.452, 1e6), 12);
    expect(f.convertedFrom).toEqual({ gpu: 'H100', ratio: 0.452 });
    expect(f.gpu).toBe('A100-80GB');
  });

  it('the named GPU itself, or a GPU whose named one has no rate, reads its own rate', () => {
    const h100 = priced('H100', 2.95, {
      demandGpu: 'H100',
      offerGpu: 'H100',
      ratio: 1,
      basis: 'same',
      source: null,
    });
    const own = unitCostFor(p, { cloud: h100, depin: null }, mixed)!.figures[0]!;
    expect(own.unitsPerGpuSecond).toBe(3821.0625);
    expect(own.convertedFrom).toBeUndefined();
    const forL4 = priced('A100-80GB', 3.4309, {
      demandGpu: 'L4',
      offerGpu: 'A100-80GB',
      ratio: 3,
      basis: 'measured',
      source: 't',
    });
    const fallback = unitCostFor(
      profile({ modelParamsBillions: 8, gpuType: 'L4' }),
      { cloud: forL4, depin: null },
      mixed,
    )!;
    expect(fallback.figures[0]!.unitsPerGpuSecond).toBe(145.347);
    expect(fallback.figures[0]!.convertedFrom).toBeUndefined();
  });
});
