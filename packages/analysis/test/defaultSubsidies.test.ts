import { validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import type { NetworkInfo } from '../src/datasetTypes.js';
import { defaultSubsidies, withDefaultSubsidies } from '../src/index.js';

/**
 * A network's subsidy step ends in the calendar month its source dates (networks.csv `scheduleEndMonth`), not
 * at "month 12 of the plan": an Akash cliff moved with the plan's start (2027-12 for a plan starting 2026-12,
 * 2028-07 for one starting 2027-07) for pilots that had ended in 2025.
 */
const network = (over: Partial<NetworkInfo>): NetworkInfo => ({
  provider: 'akash',
  networkName: 'Akash Network',
  incentiveSymbol: 'AKT',
  settlement: '',
  defaultSubsidyShare: 0.25,
  scheduleKind: 'step',
  scheduleParam: null,
  scheduleEndMonth: '2027-03',
  scheduleNote: '',
  source: 'test',
  asOf: '2026-11-24',
  ...over,
});

const scenarioStarting = (startMonth: string) => {
  const r = validateScenario({ analysisDate: '2026-12-05', startMonth });
  if (!r.ok) throw new Error('scenario');
  return r.value;
};

describe('default subsidy schedules (networks.csv)', () => {
  it('a step ends in its calendar month whatever month the plan starts; once passed, no share from month 0', () => {
    for (const start of ['2026-12', '2027-01', '2027-02']) {
      const s = withDefaultSubsidies(scenarioStarting(start), [network({})]);
      expect(s.subsidies.akash).toEqual({ kind: 'step', steps: [{ month: '2027-03', share: 0 }] });
    }
    for (const start of ['2027-03', '2027-07', '2030-01']) {
      const s = withDefaultSubsidies(scenarioStarting(start), [network({})]);
      expect(s.subsidies.akash).toEqual({ kind: 'none', share: 0 });
    }
    // the bundled Akash row: pilots ended by 2025-11, before any plan gpufit accepts starts
    expect(defaultSubsidies([network({ scheduleEndMonth: '2025-11' })], '2026-12')).toEqual({
      akash: { kind: 'none', share: 0 },
    });
  });

  it('a halving counts from the plan (the same fraction from any month); none stays none', () => {
    expect(
      defaultSubsidies(
        [
          network({
            provider: 'render',
            scheduleKind: 'exponential',
            scheduleParam: 19.05,
            scheduleEndMonth: null,
          }),
          network({ provider: 'nosana', scheduleKind: 'none', scheduleParam: null, scheduleEndMonth: null }),
        ],
        '2027-01',
      ),
    ).toEqual({ render: { kind: 'exponential', halfLifeMonths: 19.05 }, nosana: { kind: 'none' } });
  });

  it("a scenario's own entry keeps the network's default out", () => {
    const base = scenarioStarting('2026-12');
    const own = { ...base, subsidies: { Akash: { kind: 'none' as const, share: 0.1 } } };
    expect(withDefaultSubsidies(own, [network({})]).subsidies).toEqual({
      Akash: { kind: 'none', share: 0.1 },
    });
  });
});
