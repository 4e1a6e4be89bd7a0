import { describe, expect, it } from 'vitest';
import {
  OFFER_FIELDS,
  offerFromCsv,
  validateOffer,
  validateScenario,
  validateWorkloadProfile,
} from '../src/index.js';

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
    ['an asOf in year 0', { asOf: '0000-01-01' }, 'asOf'],
    ['an asOf before 2000', { asOf: '1999-12' }, 'asOf'],
    ['an asOf after 2099', { asOf: '2100-01-01' }, 'asOf'],
    ['an asOf that is no calendar day', { asOf: '2026-02-30' }, 'asOf'],
    ['a country code that is no country', { country: 'XX' }, 'country'],
    ['UK, which ISO-3166 writes GB', { country: 'UK' }, 'country'],
    ['an unknown market', { market: 'cloud' }, 'market'],
  ])('rejects %s', (_label, patch, field) => {
    const r = validateOffer({ ...offer, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0])).toContain(field);
  });

  it('accepts real countries, blocs and Kosovo, and dates in range', () => {
    for (const country of ['DE', 'gb', 'NA', 'EU', 'XK', 'AQ'])
      expect(validateOffer({ ...offer, country }).ok, country).toBe(true);
    for (const asOf of ['2000-01-01', '2000-01', '2024-02-29', '2099-12-31'])
      expect(validateOffer({ ...offer, asOf }).ok, asOf).toBe(true);
    const uk = validateOffer({ ...offer, country: 'UK' });
    expect(!uk.ok && uk.issues[0]!.message).toMatch(/did you mean GB \(the United Kingdom\)\?/);
    const year0 = validateOffer({ ...offer, asOf: '0000-01-01' });
    expect(!year0.ok && year0.issues[0]!.message).toBe(
      'asOf 0000-01-01 is before 2000-01-01; check the year',
    );
  });

  it('refuses an unknown country in a residency rule and a users region as well', () => {
    const base = { id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 10 };
    expect(validateWorkloadProfile({ ...base, residency: ['XX'] }).ok).toBe(false);
    expect(validateWorkloadProfile({ ...base, usersRegion: 'QQ' }).ok).toBe(false);
    expect(validateWorkloadProfile({ ...base, residency: ['DE', 'EU'], usersRegion: 'fr' }).ok).toBe(true);
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

  it.each(['2026-02-30', '0000-01-01', '2100-01-01', '2026-1-1'])(
    'refuses the analysisDate %s',
    (analysisDate) => {
      const r = validateScenario({ analysisDate });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.path).toEqual(['analysisDate']);
    },
  );

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

  it('interruptionRateMultipliers: per market, 0–20, an unknown market named with the nearest ones', () => {
    const ok = validateScenario({ interruptionRateMultipliers: { marketplace: 2, depin: 0 } });
    expect(ok.ok && ok.value.interruptionRateMultipliers).toEqual({ marketplace: 2, depin: 0 });
    const none = validateScenario({});
    expect(none.ok && none.value.interruptionRateMultipliers).toEqual({});
    const typo = validateScenario({ interruptionRateMultipliers: { 'gpu-clod': 2 } });
    expect(typo.ok).toBe(false);
    if (!typo.ok) {
      expect(typo.issues[0]!.path).toEqual(['interruptionRateMultipliers', 'gpu-clod']);
      expect(typo.issues[0]!.message).toBe(
        'interruptionRateMultipliers: "gpu-clod" is no market; markets are hyperscaler, gpu-cloud, marketplace, depin; did you mean "gpu-cloud"?',
      );
    }
    for (const k of [-0.1, 20.5, '2', null]) {
      const r = validateScenario({ interruptionRateMultipliers: { depin: k } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.path).toEqual(['interruptionRateMultipliers', 'depin']);
    }
  });
});
