/**
 * A stated volume the billed GPU-hours cannot make even at the measured rate (sweep 5, the SaaS portfolio): a nightly
 * 8B summarizer priced at $103.30 a month on 62.3 H200 GPU-hours read "Your volume is 140.9 % of what the GPU-hours it
 * bills could output at the measured rate" and raised no risk. Figures below are that workload's.
 */
import type { UnitCost } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, riskRules, sayRisk } from '../src/risks.js';
import { profileOf, riskEvidence, statedUnitCost } from './support/builders.js';

const RATE = 1642.22 * 3.85; // tokens/s per H200: the L40S's MLPerf v5.1 Offline rate × the 3.85 it is priced at
const BILLED = 62.3; // H200 GPU-hours a month the AWS spot option bills
const PRICE = 1.6572;
const MONTHLY = 103.3;

const unitCost = (outputPerMonth: number, scenario: 'Offline' | 'vLLM serving' = 'Offline'): UnitCost =>
  statedUnitCost(outputPerMonth, {
    rate: RATE,
    billed: BILLED,
    monthlyUsd: MONTHLY,
    modelSizeBand: 'small',
    figure: {
      offerId: 'aws:p5en.48xlarge:us-west-1:dynamic',
      gpu: 'H200',
      usdPerGpuHour: PRICE,
      usd: 0.0728,
      scenario,
      benchmark: 'llama3.1-8b',
      convertedFrom: { gpu: 'L40S', ratio: 3.85 },
    },
  });

const evidence = (e: Partial<RiskEvidence>): RiskEvidence =>
  riskEvidence({
    profile: profileOf({
      id: 'nightly-summarizer',
      kind: 'batch-inference',
      jobsPerMonth: 30,
      hoursPerJob: 8,
    }),
    cloud: { offer: { gpu: 'H200' }, cost: { monthlyUsd: MONTHLY, billedGpuHoursPerMonth: BILLED } },
    recommendation: 'cloud',
    ...e,
  } as Partial<RiskEvidence>);

const rule = riskRules.find((r) => r.id === 'volume-above-capacity')!;
const below = riskRules.find((r) => r.id === 'volume-below-capacity')!;

describe('a stated volume above what the billed GPU-hours could output at the measured rate', () => {
  it('hand-computed: 2 B tokens at 6,322.5 tokens/s need 2e9 ÷ (6,322.5 × 3600) = 87.87 GPU-hours, 25.57 more than the 62.3 billed: 25.57 × $1.6572 = $42.37', () => {
    const s = sayRisk(rule, evidence({ unitCost: unitCost(2e9) }))!;
    expect(s.text).toBe(
      "The stated output, 2 billion tokens a month, is 141.0 % of what the 62.3 GPU-hours this option bills could output at the measured rate (6,320 tokens a second per H200, converted from the L40S's measured 1,640 at 3.85×: llama3.1-8b Offline, MLPerf's rate on a tuned benchmark system, a ceiling this workload will not beat): even at that rate it needs about 87.87 GPU-hours a month, 25.57 more, at least $42.37 a month more at $1.6572/GPU-hour. The plan prices the demand stated in GPU-hours ($103.30 a month). If the volume is the true demand, state at least 1.41× the GPU-hours (more jobs, longer jobs or more GPU-hours a month); if the GPU-hours are right, state the volume they produce.",
    );
    expect(s.usdPerMonth).toBe(42.37);
  });

  it('says the rate is a ceiling once, and names a vLLM run as a vLLM run', () => {
    const text = sayRisk(rule, evidence({ unitCost: unitCost(2e9) }))!.text;
    expect(text.match(/ceiling/g)).toHaveLength(1);
    const vllm = sayRisk(rule, evidence({ unitCost: unitCost(2e9, 'vLLM serving') }))!.text;
    expect(vllm).toContain(
      "llama3.1-8b, a vLLM serving benchmark's rate, a ceiling this workload will not beat",
    );
  });

  it('is said for a service too, with its figure: the replicas it bills still cannot make the volume', () => {
    const api = profileOf({ id: 'api', kind: 'realtime-inference', gpuHoursPerMonth: 62.3 });
    expect(sayRisk(rule, evidence({ profile: api, unitCost: unitCost(2e9) }))!.usdPerMonth).toBe(42.37);
  });

  it('is quiet at or below full capacity, for a hybrid plan, and without a stated volume or a rate', () => {
    const full = RATE * 3600 * BILLED;
    expect(sayRisk(rule, evidence({ unitCost: unitCost(full) }))).toBeNull();
    expect(sayRisk(rule, evidence({ unitCost: unitCost(full * 1.01) }))).not.toBeNull();
    expect(sayRisk(rule, evidence({ unitCost: unitCost(2e9), recommendation: 'hybrid' }))).toBeNull();
    const { atStatedVolume: _, ...none } = unitCost(2e9);
    expect(sayRisk(rule, evidence({ unitCost: none }))).toBeNull();
    expect(sayRisk(rule, evidence({ unitCost: { ...unitCost(2e9), figures: [] } }))).toBeNull();
  });

  it('property: above full capacity this rule speaks and the below-capacity one does not; the figure is the extra GPU-hours at the list price', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e6, max: 1e13, noNaN: true }), (volume) => {
        const u = unitCost(volume);
        const share = u.atStatedVolume!.capacityShare!;
        const above = sayRisk(rule, evidence({ unitCost: u }));
        const under = sayRisk(below, evidence({ unitCost: u }));
        expect(above !== null).toBe(share > 1 && (share - 1) * BILLED * PRICE >= 0.005);
        if (share > 1) expect(under).toBeNull();
        if (above !== null) {
          expect(above.usdPerMonth).toBeCloseTo((volume / (RATE * 3600) - BILLED) * PRICE, 2);
          // The extra GPU-hours printed × the price printed give the figure to within a hundredth of an hour's price.
          const more = Number(/, ([\d,.]+) more, at least/.exec(above.text)![1]!.replaceAll(',', ''));
          expect(Math.abs(more * PRICE - above.usdPerMonth!)).toBeLessThanOrEqual(0.005 * PRICE + 0.01);
          expect(above.text).toContain(
            `at least $${above.usdPerMonth!.toLocaleString('en-US', { minimumFractionDigits: 2 })} a month more`,
          );
        }
      }),
    );
  });
});
