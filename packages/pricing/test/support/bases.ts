/** Cost bases and scenarios for the projection and Monte Carlo tests (resolved through the schema). */
import type { ScenarioInput } from '@gpufit/schema';
import { scenarioSchema } from '@gpufit/schema';
import type { CostBasis } from '../../src/index.js';

export function basis(overrides: Partial<CostBasis> = {}): CostBasis {
  return {
    offerId: 'test:cloud',
    provider: 'testcloud',
    market: 'hyperscaler',
    computeUsdPerMonth: 10_000,
    interruptionUsdPerMonth: 0,
    interruptionsPerMonth: 0,
    dataUsdPerMonth: 500,
    subsidyShare: 0,
    incentive: null,
    priceSigma: null,
    ...overrides,
  };
}

/** A DePIN basis: cheaper compute, some re-work from interruptions, a 30 % AKT subsidy. */
export function depinBasis(overrides: Partial<CostBasis> = {}): CostBasis {
  return basis({
    offerId: 'test:depin',
    provider: 'akash',
    market: 'depin',
    computeUsdPerMonth: 9_000,
    interruptionUsdPerMonth: 900,
    interruptionsPerMonth: 6,
    dataUsdPerMonth: 300,
    subsidyShare: 0.3,
    incentive: { symbol: 'AKT', denomination: 'usd-pegged' },
    ...overrides,
  });
}

export function scenario(input: ScenarioInput = {}) {
  return scenarioSchema.parse(input);
}
