// Names users write in a scenario (issue 16): a subsidy or token price keyed "Akash" / "akt" applies to akash /
// AKT in the estimate, the projection and the sensitivities alike; a network or token called `constructor`,
// `toString` or `hasOwnProperty` is a name like any other, never a member of Object.prototype.
import { describe, expect, it } from 'vitest';
import {
  estimateCost,
  initialSubsidyShare,
  scheduleFor,
  spendPath,
  subsidyEntryFor,
  subsidyScheduleFor,
} from '../src/index.js';
import { depinBasis, scenario as projectionScenario } from './support/bases.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const LINEAR = { kind: 'linear', monthsToZero: 6, share: 0.5 } as const;
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('subsidy keys match the network or token ignoring case, in every stage', () => {
  const akash = offer({
    provider: 'akash',
    market: 'depin',
    incentiveSymbol: 'AKT',
    incentiveSubsidyShare: 0.25,
  });

  it.each(['akash', 'Akash', 'AKASH', 'AKT', 'akt'])('%s', (key) => {
    const s = scenario({ subsidies: { [key]: LINEAR } });
    expect(subsidyScheduleFor(akash, s)).toEqual(LINEAR);
    expect(initialSubsidyShare(akash, s)).toBe(0.5);
    const basis = depinBasis({ provider: 'akash', incentive: { symbol: 'AKT', denomination: 'usd-pegged' } });
    expect(scheduleFor(basis, s.subsidies)).toEqual(LINEAR);
    // The projection reads the same schedule: half the share is gone after 3 of 6 months.
    const path = spendPath(basis, projectionScenario({ horizonMonths: 4, subsidies: { [key]: LINEAR } }));
    expect(path.subsidyShare[0]).toBeCloseTo(0.5, 12);
    expect(path.subsidyShare[3]).toBeCloseTo(0.25, 12);
  });

  it('the network wins over the token, and an exact spelling over another case', () => {
    const none = { kind: 'none' } as const;
    expect(subsidyEntryFor('akash', 'AKT', { AKT: none, Akash: LINEAR })?.key).toBe('Akash');
    expect(subsidyEntryFor('akash', 'AKT', { AKASH: none, akash: LINEAR })?.key).toBe('akash');
    expect(subsidyEntryFor('akash', 'AKT', { akt: LINEAR })?.key).toBe('akt');
    expect(subsidyEntryFor('akash', 'AKT', { ionet: LINEAR })).toBeUndefined();
  });

  it('a token price model keyed "akt" or "Akt" moves an AKT-denominated price as "AKT" does', () => {
    const o = offer({ market: 'depin', incentiveSymbol: 'AKT', incentiveDenomination: 'token' });
    const monthly = (key: string) =>
      estimateCost(profile({ id: 's', kind: 'batch-inference', gpuHoursPerMonth: 100 }), o, {
        tiers: TEST_TIERS,
        scenario: scenario({ tokenPrices: { [key]: { spotUsd: 4, annualDrift: 0, annualVolatility: 1 } } }),
        tokenPriceUsd: 1,
      }).monthlyUsd!;
    expect(monthly('akt')).toBe(monthly('AKT'));
    expect(monthly('Akt')).toBe(monthly('AKT'));
    expect(monthly('AKT')).toBeLessThan(monthly('ionet'));
  });
});

describe('names that are members of Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('an offer of provider %s with no scenario entry has no schedule', (name) => {
    const o = offer({
      provider: name,
      market: 'depin',
      interruptionsPerHour: 0,
      incentiveSymbol: name,
      incentiveDenomination: 'token',
    });
    const s = scenario({});
    expect(subsidyScheduleFor(o, s)).toBeNull();
    expect(scheduleFor(depinBasis({ provider: name, incentive: null }), s.subsidies)).toEqual({
      kind: 'none',
    });
    const p = profile({ id: 's', kind: 'batch-inference', gpuHoursPerMonth: 100 });
    const e = estimateCost(p, o, { tiers: TEST_TIERS, scenario: s });
    expect(e.monthlyUsd).toBeCloseTo(200, 9);
    expect(e.assumptions.join(' ')).toMatch(/no price model/);
  });

  it.each(PROTOTYPE_NAMES)('a scenario entry for %s applies to that provider only', (name) => {
    const s = scenario({ subsidies: { [name]: LINEAR } });
    expect(subsidyScheduleFor(offer({ provider: name, market: 'depin' }), s)).toEqual(LINEAR);
    expect(subsidyScheduleFor(offer({ provider: 'akash', market: 'depin' }), s)).toBeNull();
  });
});
