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
import { validateScenario, validateWorkloadProfile } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';
import { analyzeOnBundled } from './support/analyzeBundled.js';

const dataset = (p: string) => fileURLToPath(new URL(`../../../datasets/${p}`, import.meta.url));
const CRASH = dataset('scenarios/token-crash.json');

/** The decentralized path's months of a presented workload. */
function depinMonths(analysis: Awaited<ReturnType<typeof analyze>>, id: string) {
  const w = presentAnalysis(analysis).workloads.find((x) => x.workload.id === id)!;
  return w.paths.find((p) => p.option === 'depin')!.months;
}

describe('the subsidy of a month the token floor holds', () => {
  it('bundled example under token-crash: the research sweeps on Nosana bill price + subsidy = the hosts’ $0.30 in 2027-05 and 2027-06, and say the share the emissions pay of it', async () => {
    const inputs = await loadInputs({ scenario: CRASH });
    const analysis = await analyzeOnBundled(inputs, inputs.workloads.rows);
    const sweeps = analysis.workloads.find((w) => w.decision.depin?.offer.id.startsWith('nosana:'))!;
    const months = depinMonths(analysis, sweeps.id);
    const byMonth = new Map(months.map((m) => [m.month, m]));
    // 1,201.5 GPU-hours at SaladCloud's $0.30 (the floor) and $0.60 of egress: the hosts' month is $360.45.
    const hours = sweeps.decision.depin!.cost.billedGpuHoursPerMonth!;
    expect(hours).toBeCloseTo(1201.5, 6);
    for (const month of ['2027-05', '2027-06']) {
      const m = byMonth.get(month)!;
      const gpuIncomeCents = hours * 0.3 * 100;
      // Price (less $0.60 egress) + subsidy = 1,201.5 × $0.30, to the cent of rounding.
      expect(Math.abs(m.cents - 60 + m.subsidyCents! - gpuIncomeCents)).toBeLessThanOrEqual(2);
      expect(m.subsidyShare!).toBeCloseTo(m.subsidyCents! / gpuIncomeCents, 4);
      expect(m.subsidyShare!).toBeLessThan(0.25);
    }
    // 2027-05: $80.37 of emissions (0.6271 × $0.10666 × 1,201.5), 22.3 % of the hosts' $360.45, not the schedule's 25 %.
    expect(byMonth.get('2027-05')!.subsidyCents).toBe(8037);
    expect(byMonth.get('2027-05')!.subsidyShare!).toBeCloseTo(0.223, 3);
    // A month the token passes through keeps the schedule's share; after the subsidy ends there is none.
    expect(byMonth.get('2027-04')!.subsidyShare!).toBeCloseTo(0.25, 12);
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
    const inputs = await loadInputs({});
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
