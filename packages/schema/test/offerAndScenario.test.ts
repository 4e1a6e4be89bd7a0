import { describe, expect, it } from 'vitest';
import { OFFER_FIELDS, offerFromCsv, validateOffer, validateScenario } from '../src/index.js';

const offer = {
  id: 'akash:h100:us:Standard',
  provider: 'Akash',
  market: 'depin',
  gpu: 'H100',
  gpuMemoryGiB: 80,
  gpusPerInstance: 1,
  region: 'us-west',
  pricingCategory: 'Standard',
  usdPerGpuHour: 2.71,
  source: 'akash.network/pricing/gpus',
  asOf: '2026-09-20',
} as const;

describe('offer', () => {
  it('applies defaults and groups the incentive', () => {
    const r = validateOffer({ ...offer, incentiveSymbol: 'akt', incentiveSubsidyShare: 0.2 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.provider).toBe('akash');
    expect(r.value.hosting).toBe('community');
    expect(r.value.incentive).toEqual({ symbol: 'AKT', subsidyShare: 0.2, denomination: 'usd-pegged' });
    expect(r.value.egressUsdPerGiB).toBeNull();
  });

  it('keeps a missing price as unknown (null), never 0', () => {
    const { usdPerGpuHour: _drop, ...rest } = offer;
    const r = validateOffer(rest);
    expect(r.ok && r.value.usdPerGpuHour).toBeNull();
  });

  it.each([
    ['a zero price', { usdPerGpuHour: 0 }, 'usdPerGpuHour'],
    ['a negative price', { usdPerGpuHour: -1 }, 'usdPerGpuHour'],
    ['a committed offer without a term', { pricingCategory: 'Committed' }, 'termMonths'],
    ['a term on an on-demand offer', { termMonths: 12 }, 'termMonths'],
    ['a subsidy without a token symbol', { incentiveSubsidyShare: 0.3 }, 'incentiveSymbol'],
    ['fractional GPUs', { gpusPerInstance: 0.25 }, 'gpusPerInstance'],
    ['a bad asOf', { asOf: 'last week' }, 'asOf'],
    ['an unknown market', { market: 'cloud' }, 'market'],
  ])('rejects %s', (_label, patch, field) => {
    const r = validateOffer({ ...offer, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0])).toContain(field);
  });

  it('reads egress tiers from CSV and checks their order', () => {
    const header = [...OFFER_FIELDS];
    const cells = header.map((h) =>
      h === 'egressTiers'
        ? '100:0;10340:0.09;inf:0.05'
        : h in offer
          ? String(offer[h as keyof typeof offer])
          : '',
    );
    const r = offerFromCsv(header, cells);
    expect(r.ok && r.value.egressTiers).toEqual([
      { upToGiB: 100, usdPerGiB: 0 },
      { upToGiB: 10340, usdPerGiB: 0.09 },
      { upToGiB: null, usdPerGiB: 0.05 },
    ]);
    const bad = offerFromCsv(
      header,
      cells.map((c, i) => (header[i] === 'egressTiers' ? 'inf:0.05;100:0' : c)),
    );
    expect(bad.ok).toBe(false);
  });
});

describe('scenario', () => {
  it('is all defaults when empty', () => {
    const r = validateScenario({});
    expect(r.ok && r.value).toMatchObject({
      horizonMonths: 12,
      startMonth: '2027-01',
      monteCarlo: { seed: 42 },
    });
  });

  it('accepts every subsidy schedule kind', () => {
    const r = validateScenario({
      subsidies: {
        akash: { kind: 'step', steps: [{ month: '2027-12', share: 0 }] },
        ionet: { kind: 'exponential', halfLifeMonths: 67.6 },
        render: { kind: 'linear', monthsToZero: 24 },
        salad: { kind: 'none' },
        other: { kind: 'formula', expression: 's0 * exp(-t / 12)' },
      },
      tokenPrices: { AKT: { spotUsd: 1, annualDrift: 0, annualVolatility: 0.8 } },
    });
    expect(r.ok).toBe(true);
  });

  it.each([
    [{ startMonth: '2027-13' }, 'startMonth'],
    [{ subsidies: { akash: { kind: 'exponential' } } }, 'subsidies'],
    [{ subsidies: { akash: { kind: 'sometimes' } } }, 'subsidies'],
    [{ tokenPrices: { AKT: { spotUsd: -1, annualDrift: 0, annualVolatility: 0.5 } } }, 'tokenPrices'],
    [{ monteCarlo: { trials: 0 } }, 'monteCarlo'],
    [{ horizonMonths: 500 }, 'horizonMonths'],
  ])('rejects %j', (input, field) => {
    const r = validateScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path[0]).toBe(field);
  });
});
