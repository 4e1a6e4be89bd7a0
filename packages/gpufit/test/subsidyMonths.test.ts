/**
 * The subsidy a report shows for each month (report.json `projection.months[].depinSubsidyUsd`, the FOCUS
 * x_IncentiveSubsidyUsd and x_IncentiveSubsidyShare) agrees with the month's price: in a month the incentive-token
 * floor holds the price, the price plus the subsidy is the hosts' income and the share is the emissions' part of it;
 * under demand growth it follows the month's own GPU time (docs/projection-and-uncertainty.md, "Incentive-token
 * floor").
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '@gpufit/analysis';
import { presentAnalysis } from '@gpufit/report';
import { type Offer, validateScenario, validateWorkloadProfile } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';
import { analyzeOnBundled } from './support/analyzeBundled.js';

const dataset = (p: string) => fileURLToPath(new URL(`../../../datasets/${p}`, import.meta.url));
const CRASH = dataset('scenarios/token-crash.json');

/**
 * The bundled catalog with a 25 % incentive subsidy in Nosana's listed prices. The catalog's own Nosana share is 0 (no
 * emissions to Nosana hosts are documented, datasets/README.md "Incentives"); these tests are about how a subsidy in
 * a list price is billed, so they put one there, as a catalog of a network with a running programme would.
 */
function withNosanaSubsidy<T extends { offers: { rows: readonly Offer[] } }>(inputs: T): T {
  const rows = inputs.offers.rows.map((o) =>
    o.provider === 'nosana' && o.incentive !== null
      ? { ...o, incentive: { ...o.incentive, subsidyShare: 0.25 } }
      : o,
  );
  return { ...inputs, offers: { ...inputs.offers, rows } };
}

/** The decentralized path's months of a presented workload. */
function depinMonths(analysis: Awaited<ReturnType<typeof analyze>>, id: string) {
  const w = presentAnalysis(analysis).workloads.find((x) => x.workload.id === id)!;
  return w.paths.find((p) => p.option === 'depin')!.months;
}

describe('the subsidy of a month the token floor holds', () => {
  it('bundled example under token-crash: the research sweeps on Nosana (Vast excluded) bill price + subsidy = the hosts’ $0.30 from 2027-02, and say the share the emissions pay of it', async () => {
    const loaded = withNosanaSubsidy(await loadInputs({ scenario: CRASH }));
    // The sweeps run on Vast spot (no token) since checkpoints are priced into the interval; for a team that does not
    // rent on Vast they run on Nosana, whose NOS price the floor holds.
    const inputs = {
      ...loaded,
      scenario: {
        ...loaded.scenario,
        placement: { ...loaded.scenario.placement, excludedProviders: ['vast'] },
      },
    };
    const analysis = await analyzeOnBundled(inputs, inputs.workloads.rows);
    const sweeps = analysis.workloads.find((w) => w.id === 'research-sweeps')!;
    expect(sweeps.decision.depin!.offer.id).toMatch(/^nosana:/);
    const months = depinMonths(analysis, sweeps.id);
    const byMonth = new Map(months.map((m) => [m.month, m]));
    // 1,721.72 GPU-hours (1,200 and the re-runs of a community host that drops a sweep every 9 h) on Nosana's
    // community RTX 4090 (list $0.24 with its fee, emissions $0.08: the hosts earn $0.32 a GPU-hour while NOS holds).
    // Under the crash NOS falls to e^(−1.4/12) = 0.89 by month 2, below $0.30 ÷ $0.32 = 0.9375: from 2027-02 the floor
    // (SaladCloud's $0.30) holds the hosts' month at 1,721.72 × $0.30 and $0.60 of egress, $517.12.
    const hours = sweeps.decision.depin!.cost.billedGpuHoursPerMonth!;
    expect(hours).toBeCloseTo(1721.7222, 3);
    const gpuIncomeCents = hours * 0.3 * 100;
    let share = 0.25;
    for (const month of ['2027-02', '2027-03', '2027-04', '2027-05', '2027-06']) {
      const m = byMonth.get(month)!;
      // Price (less $0.60 egress) + subsidy = 1,721.72 × $0.30, to the cent of rounding.
      expect(Math.abs(m.cents - 60 + m.subsidyCents! - gpuIncomeCents)).toBeLessThanOrEqual(2);
      expect(m.subsidyShare!).toBeCloseTo(m.subsidyCents! / gpuIncomeCents, 4);
      // The emissions pay less of it every month NOS falls, and less than the schedule's 25 %.
      expect(m.subsidyShare!).toBeLessThan(share);
      share = m.subsidyShare!;
    }
    // 2027-05: $86.38 of emissions (measured), 16.7 % of the hosts' GPU income ($516.52), not the schedule's 25 %.
    expect(byMonth.get('2027-05')!.subsidyCents).toBe(8638);
    expect(byMonth.get('2027-05')!.subsidyShare!).toBeCloseTo(0.1672, 3);
    // A month the token passes through keeps the schedule's share; after the subsidy ends there is none.
    expect(byMonth.get('2027-01')!.subsidyShare!).toBeCloseTo(0.25, 12);
    expect(byMonth.get('2027-07')!.subsidyCents).toBe(0);
  });

  it('finance portfolio under token-crash: no option it uses is subsidized, and no month claims a subsidy', async () => {
    const inputs = await loadInputs({
      workloads: dataset('workloads/finance-12-month.csv'),
      scenario: CRASH,
    });
    const analysis = await analyzeOnBundled(inputs, inputs.workloads.rows);
    for (const w of presentAnalysis(analysis).workloads)
      for (const p of w.paths)
        for (const m of p.months) {
          expect(m.subsidyCents ?? 0).toBe(0);
          expect(m.subsidyShare ?? 0).toBe(0);
        }
  });
});

describe('the subsidy under demand growth follows the month’s own GPU time', () => {
  it('a service held on one always-up Nosana unit: its subsidy stays that unit’s while the demand triples', async () => {
    const inputs = withNosanaSubsidy(await loadInputs({}));
    const scenario = validateScenario({
      analysisDate: '2026-12-01',
      startMonth: '2027-01',
      horizonMonths: 24,
      demandGrowthMonthly: 0.05,
    });
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const profile = validateWorkloadProfile({
      id: 'nosana-service',
      name: 'A small service on Nosana',
      kind: 'realtime-inference',
      modelParamsBillions: 1,
      gpuType: 'RTX4090',
      gpuHoursPerMonth: 60,
      horizonMonths: 24,
      dataSensitivity: 'public',
      allowedMarkets: ['depin'],
      allowedProviders: ['nosana'],
    });
    if (!profile.ok) throw new Error(JSON.stringify(profile.issues));
    const analysis = await analyze({
      workloads: [profile.value],
      offers: inputs.offers.rows,
      tiers: inputs.tiers,
      ratios: inputs.throughputRatios,
      scenario: scenario.value,
      monteCarlo: false,
    });
    const w = analysis.workloads[0]!;
    expect(w.decision.depin?.offer.id.startsWith('nosana:')).toBe(true);
    const p = w.projection!.months;
    // One always-up unit carries month 1 and month 24 (60 × 1.05^23 = 184 GPU-hours): the same price …
    expect(p[23]!.depinUsd).toBeCloseTo(p[0]!.depinUsd!, 6);
    expect(p[23]!.demandFactor).toBeCloseTo(1.05 ** 23, 9);
    // … and the same subsidy ($175.21), not month 1's × 3.07 ($538.18, more than the month's $525.64 price).
    const months = depinMonths(analysis, w.id);
    expect(months[23]!.subsidyCents).toBe(months[0]!.subsidyCents);
    expect(months[0]!.subsidyCents!).toBeGreaterThan(0);
  });
});
