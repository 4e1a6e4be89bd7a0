// The cloud option as a committed base with on-demand bursts (docs/methodology.md), end to end through the built
// CLI: the R4 review's fallback-seg-us (a US L40S segmentation service, peak-to-mean 2, 24 months) and the bundled
// finance plan's support-copilot-8b (its mix found by the same-provider partner search, committedBasePartners.ts). Every output states the same figures: stdout, report.json, report.csv (the
// cloud row naming both offers, a row per part adding up to it) and forecast-focus.csv (rows per part × charge,
// ListCost = ListUnitPrice × PricingQuantity on every row, each month adding up to the option's month).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '@gpufit/schema';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FALLBACK_SEG_US = join(import.meta.dirname, 'fixtures', 'committed-base', 'fallback-seg-us.csv');
const FINANCE = join(ROOT, 'datasets', 'workloads', 'finance-12-month.csv');
const FIXTURES = join(import.meta.dirname, 'fixtures', 'committed-base');

type Row = Record<string, string>;
async function run(workloads: string, scenario?: string, catalog?: string) {
  const out = mkdtempSync(join(tmpdir(), 'gpufit-committed-base-'));
  const r = await runBuiltCli(
    [
      'analyze',
      workloads,
      '--analysis-date',
      '2026-12-05',
      ...(scenario === undefined ? [] : ['--scenario', scenario]),
      ...(catalog === undefined ? [] : ['--catalog', catalog]),
      '--format',
      'json,csv,focus,md',
      '--out',
      out,
    ],
    { timeoutMs: 240_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  const read = (f: string): Row[] =>
    parse(readFileSync(join(out, f), 'utf8'), { columns: true, bom: true }) as Row[];
  return {
    stdout: r.stdout,
    json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Analysis,
    md: readFileSync(join(out, 'report.md'), 'utf8'),
    csv: read('report.csv'),
    focus: read('forecast-focus.csv'),
  };
}

const cents = (x: string) => Math.round(Number(x) * 100);

/** The report.csv and FOCUS rows of a workload's mix agree with each other and with its cloud option. */
function expectConsistent(
  o: Awaited<ReturnType<typeof run>>,
  id: string,
  monthly: string,
  base: { offer: string; usd: string },
  burst: { offer: string; usd: string },
) {
  const rows = o.csv.filter((r) => r.workloadId === id);
  const cloud = rows.find((r) => r.option === 'cloud')!;
  expect(cloud.monthlyUsd).toBe(monthly);
  expect(cloud.offerId).toBe(`${base.offer} + ${burst.offer}`);
  const parts = rows.filter((r) => r.rowType === 'option-part');
  expect(parts.map((r) => [r.option, r.offerId, r.monthlyUsd, r.isRecommended])).toEqual([
    ['cloud-base', base.offer, base.usd, 'false'],
    ['cloud-burst', burst.offer, burst.usd, 'false'],
  ]);
  expect(cents(parts[0]!.monthlyUsd!) + cents(parts[1]!.monthlyUsd!)).toBe(cents(monthly));
  expect(cents(parts[0]!.horizonUsd!) + cents(parts[1]!.horizonUsd!)).toBe(cents(cloud.horizonUsd!));
  // FOCUS: every row's ListCost is its ListUnitPrice × PricingQuantity; each month's rows of the cloud option add up
  // to its month, and name the part's own offer.
  const focus = o.focus.filter((r) => r.x_WorkloadId === id && r.x_Option === 'cloud');
  expect(new Set(focus.map((r) => r.x_OfferId))).toEqual(new Set([base.offer, burst.offer]));
  for (const r of focus)
    expect(Math.abs(Number(r.ListUnitPrice) * Number(r.PricingQuantity) - Number(r.ListCost))).toBeLessThan(
      0.005,
    );
  const byMonth = new Map<string, number>();
  for (const r of focus)
    byMonth.set(r.ChargePeriodStart!, (byMonth.get(r.ChargePeriodStart!) ?? 0) + cents(r.BilledCost!));
  expect([...byMonth.values()].every((c) => c === cents(monthly))).toBe(true);
  const total = [...byMonth.values()].reduce((a, c) => a + c, 0);
  expect(total).toBe(cents(cloud.horizonUsd!));
  // report.json: the option's cost is its parts' (the same figure as every output).
  const w = o.json.workloads.find((x) => x.id === id)!;
  const m = w.decision.cloud!.mix!;
  expect(m.committed.offer.id).toBe(base.offer);
  expect(m.burst.offer.id).toBe(burst.offer);
  expect(w.decision.cloud!.cost.monthlyUsd!).toBeCloseTo(
    m.committed.cost.monthlyUsd! + m.burst.cost.monthlyUsd!,
    9,
  );
}

describe('the cloud option as a committed base with on-demand bursts, in every output', () => {
  it("R4's fallback-seg-us: USD 4,084.59 on AWS on-demand → 3,207.26 with 2 × L40S committed for 12 months, its spare on the commitment, and AWS on-demand bursts", async () => {
    // By hand. 1,460 L40S-hours a month: a mean of 2 GPUs, peak-to-mean 2, lognormal (demandShape.ts) with
    // σ = z − √(z² − 2 ln 2), z = Φ⁻¹(0.99) = 2.326348: √(5.411894 − 1.386294) = 2.006390, σ = 0.319958.
    // The base b = 2 1-GPU g6e.xlarge instances = the mean, so E[(D − 2)⁺] = 2 (Φ(σ/2) − Φ(−σ/2))
    // = 2 (2 × 0.563551 − 1) = 0.254204 GPUs: the bursts' work 730 × 0.254204 = 185.57 GPU-hours (12.71 %), the
    // base's 1,460 − 185.57 = 1,274.43. The peak's 4 instances are all up 0.98015 of the time, under 0.999: one
    // spare, held all month on the commitment. So the base holds 2 + 1 = 3 instances × 730 h = 2,190 GPU-hours at
    // the 12-month rate of USD 1.3027: 1,274.43 of work, 730 spare, (2 − E[min(D, 2)]) × 730 = 185.57 idle
    // (= the bursts' work, as b is the mean): USD 2,852.91, and its 87.29 % of the 100 GiB of egress at USD 0.09
    // (7.86): USD 2,860.77. The bursts: 185.57 GPU-hours on demand at USD 1.861 = 345.34, no spare or idle hours,
    // and 12.71 % of the egress (1.14): USD 346.49. The option: USD 3,207.26 a month (3,381.07 when the bursts
    // carried 92.78 GPU-hours of a spare the base already held and the base's spare was scaled by its work share).
    const o = await run(FALLBACK_SEG_US);
    expect(o.stdout).toContain('Recommended plan: $3,207.26/month against $3,207.26 all-cloud');
    const d = o.json.workloads[0]!.decision;
    const m = d.cloud!.mix!;
    expect(m.committed.instances).toBe(2);
    expect(m.burstShare).toBeCloseTo(0.254204 / 2, 5);
    const line = (e: typeof m.burst.cost, name: string) => e.components.find((c) => c.name === name)!;
    expect(m.committed.cost.billedGpuHoursPerMonth!).toBeCloseTo(3 * 730, 6);
    expect(line(m.committed.cost, 'gpu-time').quantity).toBeCloseTo(1_274.43, 2);
    expect(line(m.committed.cost, 'redundancy').quantity).toBeCloseTo(730, 6);
    expect(line(m.committed.cost, 'idle-capacity').quantity).toBeCloseTo(185.57, 2);
    expect(line(m.burst.cost, 'gpu-time').quantity).toBeCloseTo(185.57, 2);
    expect(line(m.burst.cost, 'redundancy').quantity).toBe(0);
    expect(line(m.burst.cost, 'idle-capacity').quantity).toBe(0);
    expect(d.rationale).toContain('against $4,084.59 on the cheapest single offer');
    expectConsistent(
      o,
      'fallback-seg-us',
      '3207.26',
      { offer: 'aws:g6e.xlarge:us-east-1:committed-12mo', usd: '2860.77' },
      { offer: 'aws:g6e.xlarge:us-east-1:standard', usd: '346.49' },
    );
    // 24 months, no growth: every month the same, the horizon 24 × the month.
    expect(o.json.workloads[0]!.projection!.horizonCloudUsd!).toBeCloseTo(24 * 3207.26, 0);
  }, 300_000);

  it("the finance plan's support-copilot-8b: USD 1,591.40 on RunPod L40S → 1,419.69 on AWS g6.xlarge (L4) 12-month + AWS g6.xlarge on demand, one provider, one GPU, one region; the plan USD 40,690.25 → 40,518.54", async () => {
    // The cheapest commitment (AWS g6.xlarge us-east-1, 12 months, USD 0.5634) and the cheapest on-demand offer
    // (RunPod L40S) are two providers and two GPU types: not a mix. Its own provider's on-demand g6.xlarge in
    // us-east-1 (USD 0.8048) is: 1,460 L4-hours, a mean of 2 GPUs at peak-to-mean 2; a base of 1 instance and its
    // spare held all month, 1,460 GPU-hours at 0.5634 = 822.56 + egress 0.67 = 823.17; the bursts E[(D − 1)⁺] × 730 =
    // 740.35 GPU-hours at 0.8048 = 595.84 + egress 0.68 = 596.52.
    const o = await run(FINANCE);
    expect(o.stdout).toContain('Recommended plan: $40,518.54/month against $41,252.31 all-cloud');
    const w = o.json.workloads.find((x) => x.id === 'support-copilot-8b')!;
    const m = w.decision.cloud!.mix!;
    expect(m.committed.cost.billedGpuHoursPerMonth!).toBeCloseTo(2 * 730, 6);
    expect(m.burst.cost.components.find((c) => c.name === 'gpu-time')!.quantity).toBeCloseTo(740.35, 2);
    expect(w.decision.rationale).toContain('against $1,591.40 on the cheapest single offer');
    expectConsistent(
      o,
      'support-copilot-8b',
      '1419.69',
      { offer: 'aws:g6.xlarge:us-east-1:committed-12mo', usd: '823.17' },
      { offer: 'aws:g6.xlarge:us-east-1:standard', usd: '596.52' },
    );
  }, 300_000);

  it("the same workload under 2 % a month of demand growth: the mix saves USD 439.06 over 12 months (36.59 a month, 2.3 %), under the bar, and costs more from month 9, so RunPod's USD 1,591.40 stays and the rationale says why", async () => {
    const o = await run(join(FIXTURES, 'support-copilot-8b.csv'), join(FIXTURES, 'growth-2pct.json'));
    const w = o.json.workloads.find((x) => x.id === 'support-copilot-8b')!;
    expect(w.decision.cloud!.mix).toBeUndefined();
    expect(w.decision.cloud!.cost.monthlyUsd!).toBeCloseTo(1_591.4, 2);
    expect(w.decision.rationale).toContain(
      "would cost $1,419.69 in month one against the single offer's $1,591.40, but its base is held while the demand above it grows on the on-demand rate: over the 12 months it saves $439.06 (2.3 %), $36.59 a month on average, under both the bar's 5 % and its USD 100 a month, and in 2027-09 to 2027-12 it costs more than the single offer ($1,616.91–$1,700.23 a month against $1,591.40); so the single offer stays.",
    );
    for (const m of w.projection!.months) expect(m.cloudUsd!).toBeCloseTo(1_591.4, 2);
  }, 300_000);

  it("a hybrid whose cloud option is a mix: FOCUS bills the hybrid's cloud side as the commitment (its price, its 1,460 GPU-hours) and on-demand rows at AWS's price, every month adding up to the hybrid's", async () => {
    // The copilot on internal data with a synthetic DePIN L4 at USD 0.30 (test fixture), under a bar of 2 % and USD
    // 10: the cloud option is the mix (1,419.69 against AWS on demand alone at 1,763.86), and the split that keeps its
    // base, leaves the demand up to the mean load on AWS on demand and moves the rest to DePIN, USD 1,368.04 a month,
    // is the plan (committedBaseHybrid.ts; pricing's split at the single offers' rates found 1,385.75). Before, its
    // cloud side was one "Committed" row at the mix's blended USD 0.6926 a GPU-hour.
    const o = await run(
      join(FIXTURES, 'copilot-hybrid.csv'),
      join(FIXTURES, 'low-bar.json'),
      join(FIXTURES, 'hybrid-catalog.csv'),
    );
    const w = o.json.workloads.find((x) => x.id === 'copilot-hybrid')!;
    expect(w.decision.recommendation).toBe('hybrid');
    expect(w.decision.cloud!.mix).toBeDefined();
    const blended = w.decision.hybrid!.blendedMonthlyUsd;
    expect(blended).toBeCloseTo(1_368.04, 2);
    const hybrid = o.focus.filter((r) => r.x_Option === 'hybrid');
    const gpu = hybrid.filter((r) => r.x_Charge === 'gpu-hours' && r.x_HybridSide === 'cloud');
    const byCategory = (c: string) => gpu.filter((r) => r.PricingCategory === c);
    for (const r of byCategory('Committed')) {
      expect(r.x_OfferId).toBe('aws:g6.xlarge:us-east-1:committed-12mo');
      expect(Number(r.ListUnitPrice)).toBeCloseTo(0.56336, 4);
      expect(Number(r.PricingQuantity)).toBeCloseTo(1_460, 3);
      expect(r.ChargeDescription).toContain('(hybrid, cloud side, committed base)');
    }
    for (const r of byCategory('Standard')) {
      expect(r.x_OfferId).toBe('aws:g6.xlarge:us-east-1:standard');
      expect(Number(r.ListUnitPrice)).toBeCloseTo(0.8048, 3);
      expect(r.ChargeDescription).toContain('(hybrid, cloud side, on-demand bursts)');
    }
    expect(byCategory('Committed').length).toBe(12);
    expect(byCategory('Standard').length).toBe(12);
    // Each month: the hybrid's rows add up to its month, and the parts' shares to the side's.
    const months = new Map<string, number>();
    for (const r of hybrid)
      months.set(r.ChargePeriodStart!, (months.get(r.ChargePeriodStart!) ?? 0) + cents(r.BilledCost!));
    for (const c of months.values()) expect(Math.abs(c - Math.round(blended * 100))).toBeLessThanOrEqual(1);
    const shares = new Set(gpu.map((r) => r.x_HybridShare));
    const side = [...shares].reduce((a, x) => a + Number(x), 0);
    expect(side).toBeCloseTo(w.decision.hybrid!.cloudShare, 3);
    // report.md names the split and its cloud option's two parts.
    expect(o.md).toContain('Recommendation: Hybrid (cloud base + decentralized burst)');
    expect(o.md).toContain('| Cloud: committed base   | Amazon Web Services (hyperscaler)');
  }, 300_000);
});
