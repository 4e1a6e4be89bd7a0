import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CostFunction,
  estimateCost,
  type PricedComparison,
  pricedInputs,
  sensitivity,
} from '../src/index.js';
import { analyticCost } from './support/analyticCost.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

function comparison(s = scenario()): PricedComparison {
  return {
    profile: profile({ id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 1000, egressGiBPerMonth: 2000 }),
    cloud: offer({ id: 'cloud', usdPerGpuHour: 2, egressUsdPerGiB: 0.09 }),
    depin: offer({
      id: 'depin',
      provider: 'akash',
      market: 'depin',
      usdPerGpuHour: 1.6,
      interruptionsPerHour: 0.1,
      egressUsdPerGiB: 0,
      incentiveSymbol: 'AKT',
      incentiveSubsidyShare: 0.2,
      incentiveDenomination: 'token',
    }),
    scenario: s,
  };
}

const pricedInputsSubsidy = (c: PricedComparison) => pricedInputs.subsidyShare.current(c, analyticCost).value;

describe('sensitivity (tornado, DESIGN §5.11)', () => {
  it('swings each input ±20 % by default and computes savings at both ends (analytic case)', () => {
    const s = sensitivity(
      comparison(scenario({ tokenPrices: { AKT: { spotUsd: 2, annualDrift: 0, annualVolatility: 1 } } })),
      analyticCost,
    )!;
    expect(s.swing).toBe(0.2);
    // Cloud $2,180; DePIN 1000 × 1.05 × 1.6 × 0.8 = $1,344 → savings $836.
    expect(s.baselineSavingsUsd).toBeCloseTo(836, 9);
    const depinPrice = s.rows.find((r) => r.input === 'DePIN price')!;
    expect([depinPrice.lowValue, depinPrice.highValue]).toEqual([1.6 * 0.8, 1.6 * 1.2]);
    expect(depinPrice.savingsAtLowUsd).toBeCloseTo(2180 - 1344 * 0.8, 9);
    expect(depinPrice.impactUsd).toBeCloseTo(1344 * 0.4, 9);
    // The token price moves a token-denominated price one for one.
    const token = s.rows.find((r) => r.input === 'incentive token price')!;
    expect(token.baseValue).toBe(2);
    expect(token.impactUsd).toBeCloseTo(depinPrice.impactUsd, 9);
    // Egress: the cloud pays $0.09/GiB, DePIN nothing.
    expect(s.rows.find((r) => r.input === 'egress volume')!.impactUsd).toBeCloseTo(0.4 * 2000 * 0.09, 9);
  });

  it('sorts rows by impact, largest first', () => {
    const s = sensitivity(comparison(), analyticCost)!;
    for (let i = 1; i < s.rows.length; i++)
      expect(s.rows[i - 1]!.impactUsd).toBeGreaterThanOrEqual(s.rows[i]!.impactUsd);
    expect(s.rows[0]!.input).toBe('cloud price');
  });

  it('takes the swing from the scenario, or from the options', () => {
    expect(sensitivity(comparison(scenario({ sensitivity: { swing: 0.5 } })), analyticCost)!.swing).toBe(0.5);
    const s = sensitivity(comparison(), analyticCost, { swing: 0.1, inputs: ['cloudUsdPerGpuHour'] })!;
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]!.highValue).toBeCloseTo(2.2, 12);
  });

  it('leaves out an input that is 0: no subsidy swung ±20 % is still no subsidy', () => {
    const withSubsidy = sensitivity(comparison(), analyticCost)!;
    expect(withSubsidy.rows.map((r) => r.input)).toContain('incentive subsidy share');
    const c = comparison();
    const unsubsidized = { ...c, depin: { ...c.depin, incentive: null } };
    expect(pricedInputsSubsidy(unsubsidized)).toBeNull(); // no incentive token: no subsidy to swing
    const s = sensitivity(unsubsidized, analyticCost)!;
    expect(s.rows.map((r) => r.input)).not.toContain('incentive subsidy share');
    expect(s.rows.map((r) => r.input)).toContain('DePIN price');
    for (const r of s.rows) expect(r.baseValue).not.toBe(0);
  });

  it('leaves out the token price when the scenario does not model the token', () => {
    const s = sensitivity(comparison(), analyticCost)!;
    expect(s.rows.map((r) => r.input)).not.toContain('incentive token price');
  });

  it('with the real cost model: finite rows, impact = |high − low|, ordered (property over swings)', () => {
    const costOf: CostFunction = (p, o, sc) => estimateCost(p, o, { tiers: TEST_TIERS, scenario: sc });
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9, noNaN: true }), (swing) => {
        const s = sensitivity(comparison(), costOf, { swing })!;
        expect(s.rows.length).toBeGreaterThan(3);
        for (const r of s.rows) {
          for (const v of [r.baseValue, r.lowValue, r.highValue, r.savingsAtLowUsd, r.savingsAtHighUsd]) {
            expect(Number.isFinite(v)).toBe(true);
          }
          expect(r.impactUsd).toBeCloseTo(Math.abs(r.savingsAtHighUsd - r.savingsAtLowUsd), 9);
        }
      }),
      { numRuns: 25 },
    );
  });
});
