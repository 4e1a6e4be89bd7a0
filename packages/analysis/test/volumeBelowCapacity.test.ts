import type { UnitCost } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOW_CAPACITY_SHARE, type RiskEvidence, riskRules, sayRisk } from '../src/risks.js';
import { profileOf, riskEvidence, statedUnitCost } from './support/builders.js';

/** The README finance plan's 70B assistant, restated with 2 B tokens a month (a founder's portfolio). */
const RATE = 1726.9246239785957; // tokens/s per A100-80GB: the H100's MLPerf v5.1 Server rate × 0.452
const BILLED = 17301.8176; // GPU-hours a month the RunPod 2 × A100 option bills
const MONTHLY = 32700.435264;

/** The A100 has no MLPerf llama2-70b result: its rate is the H100's carried at 0.452× (`convertedFrom`). */
const unitCost = (outputPerMonth: number, converted = true): UnitCost =>
  statedUnitCost(outputPerMonth, {
    rate: RATE,
    billed: BILLED,
    monthlyUsd: MONTHLY,
    modelSizeBand: 'medium',
    figure: {
      offerId: 'runpod:2x-a100-80gb-sxm-secure:us:standard',
      gpu: 'A100-80GB',
      usdPerGpuHour: 1.89,
      usd: 0.304,
      scenario: 'Server',
      benchmark: 'llama2-70b-99',
      ...(converted && { convertedFrom: { gpu: 'H100', ratio: 0.452 } }),
    },
  });

const evidence = (e: Partial<RiskEvidence>): RiskEvidence =>
  riskEvidence({
    profile: profileOf({ id: 'assistant-70b', kind: 'realtime-inference', gpuHoursPerMonth: 5840 }),
    cloud: { offer: { gpu: 'A100-80GB' }, cost: { monthlyUsd: MONTHLY, billedGpuHoursPerMonth: BILLED } },
    ...e,
  } as Partial<RiskEvidence>);

const rule = riskRules.find((r) => r.id === 'volume-below-capacity')!;
/** The rule's sentence, or null. */
const said = (e: RiskEvidence) => sayRisk(rule, e)?.text ?? null;

describe('a stated volume far below what the billed GPU-hours could output', () => {
  it('hand-computed: 2 B tokens a month at 1,726.9 tokens/s fill 2e9 ÷ (1,726.9 × 3600) = 321.7 of 17,301.8 GPU-hours (1.9 %)', () => {
    expect(said(evidence({ unitCost: unitCost(2e9) }))).toBe(
      "The stated output, 2 billion tokens a month, is 1.9 % of what the 17,300 GPU-hours this option bills could output at the measured rate (1,730 tokens a second per A100-80GB, converted from the H100's measured 3,820 at 0.452×: llama2-70b-99 Server): at that rate it fills about 322 GPU-hours a month. The plan prices the demand stated in GPU-hours ($32,700.44 a month). If the volume is the true demand, state fewer GPU-hours (a service still keeps its always-up replicas); serving at low concurrency runs below a benchmark's rate, so the real need lies between the two figures.",
    );
  });

  it('a rate measured on the priced GPU itself is said as measured there, with no conversion', () => {
    expect(said(evidence({ unitCost: unitCost(2e9, false) }))).toContain(
      'at the measured rate (1,730 tokens a second per A100-80GB, llama2-70b-99 Server): at that rate it fills about 322 GPU-hours',
    );
  });

  it('property: a rate carried from another GPU is never said as measured on the priced one (the A100 has no llama2-70b result)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e6, max: 1e9, noNaN: true }),
        fc.constantFrom('H100', 'L40S', 'H200'),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (volume, from, ratio) => {
          const u = unitCost(volume);
          const figure = { ...u.figures[0]!, convertedFrom: { gpu: from, ratio } };
          const text = said(evidence({ unitCost: { ...u, figures: [figure] } }))!;
          expect(text).not.toContain('per A100-80GB, llama2-70b-99');
          expect(text).toContain(`per A100-80GB, converted from the ${from}'s measured `);
          expect(text).toContain(`at ${Number(ratio.toPrecision(3))}×: llama2-70b-99 Server)`);
        },
      ),
    );
  });

  it('puts no figure at stake for a service, which keeps its always-up replicas whatever its volume', () => {
    expect(sayRisk(rule, evidence({ unitCost: unitCost(2e9) }))!.usdPerMonth).toBeNull();
  });

  it('hand-computed: a batch job at 1.9 % of capacity puts up to $32,700.44 × (1 − 0.018594) = $32,092.42 at stake', () => {
    const batch = profileOf({ id: 'notes', kind: 'batch-inference', gpuHoursPerMonth: 730 });
    const u = unitCost(2e9);
    const s = sayRisk(rule, evidence({ profile: batch, unitCost: u }))!;
    const share = u.atStatedVolume!.capacityShare!;
    expect(share).toBeCloseTo(0.018594, 6);
    expect(s.usdPerMonth).toBe(32092.42);
    // The month and the share the sentence prints give the figure to within the share's rounding (0.05 %).
    const month = Number(/\(\$([\d,.]+) a month\)/.exec(s.text)![1]!.replaceAll(',', ''));
    const printed = Number(/is ([\d.]+) % of what/.exec(s.text)![1]!) / 100;
    expect(Math.abs(s.usdPerMonth! - month * (1 - printed))).toBeLessThanOrEqual(month * 0.0005 + 0.01);
  });

  it('a batch workload gets no always-up clause', () => {
    const batch = profileOf({ id: 'notes', kind: 'batch-inference', gpuHoursPerMonth: 730 });
    expect(said(evidence({ profile: batch, unitCost: unitCost(2e9) }))).not.toContain('always-up');
  });

  it('is quiet at a quarter of capacity or more, for a hybrid plan, and without a stated volume', () => {
    const atQuarter = LOW_CAPACITY_SHARE * RATE * 3600 * BILLED;
    expect(said(evidence({ unitCost: unitCost(atQuarter) }))).toBeNull();
    expect(said(evidence({ unitCost: unitCost(atQuarter * 0.99) }))).not.toBeNull();
    expect(said(evidence({ unitCost: unitCost(2e9), recommendation: 'hybrid' }))).toBeNull();
    const { atStatedVolume: _, ...none } = unitCost(2e9);
    expect(said(evidence({ unitCost: none }))).toBeNull();
    expect(said(evidence({}))).toBeNull();
  });

  it('property: said exactly when the share is below the threshold, and the hours it fills never exceed the billed ones', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e12, noNaN: true }), (volume) => {
        const u = unitCost(volume);
        const text = said(evidence({ unitCost: u }));
        expect(text !== null).toBe(u.atStatedVolume!.capacityShare! < LOW_CAPACITY_SHARE);
        if (text !== null) {
          const fills = Number(/fills about ([\d,.]+) GPU-hours/.exec(text)![1]!.replaceAll(',', ''));
          expect(fills).toBeLessThanOrEqual(BILLED * LOW_CAPACITY_SHARE * 1.01);
        }
      }),
    );
  });
});
