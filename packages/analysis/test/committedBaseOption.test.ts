import { demandShape, gpuTierTable } from '@gpufit/pricing';
import {
  COST_COMPONENT_NAMES,
  type CostEstimate,
  type Decision,
  HOURS_PER_MONTH,
  type Offer,
  validateScenario,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * The cloud option as a committed base with on-demand bursts (docs/methodology.md): the option takes the mix
 * committedBaseMix prices where it is cheaper (and, across two providers, clears the policy's bar), its cost the sum
 * of its parts line by line, its projection and Monte Carlo the mix's own month.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('committedBaseOption test', input);
const onDemand = (usd = 4, availability?: number) =>
  offer({
    ...(availability === undefined ? {} : { availability }),
    id: 'aws:p5:eu-central-1',
    market: 'hyperscaler',
    providerName: 'Amazon Web Services',
    usdPerGpuHour: usd,
    region: 'eu-central-1',
    country: 'DE',
  });
const committed = (usd: number, provider = 'aws', termMonths = 12, availability?: number) =>
  offer({
    ...(availability === undefined ? {} : { availability }),
    id: `${provider}:p5:eu-central-1:committed-${termMonths}mo`,
    market: provider === 'aws' ? 'hyperscaler' : 'gpu-cloud',
    providerName: provider === 'aws' ? 'Amazon Web Services' : 'Other Cloud',
    usdPerGpuHour: usd,
    region: 'eu-central-1',
    country: 'DE',
    pricingCategory: 'Committed',
    termMonths,
  });
/** AWS's on-demand p5 in another region than the commitment's (eu-west-1), at USD 3.90. */
const westAws = () =>
  offer({
    id: 'aws:p5:eu-west-1',
    market: 'hyperscaler',
    providerName: 'Amazon Web Services',
    usdPerGpuHour: 3.9,
    region: 'eu-west-1',
    country: 'IE',
  });
/** Another provider's on-demand H100 in the commitment's region, at USD 3.50 (20,440 a month for the service). */
const otherOnDemand = () =>
  offer({
    id: 'other:h100:eu-central-1',
    market: 'gpu-cloud',
    providerName: 'Other Cloud',
    usdPerGpuHour: 3.5,
    region: 'eu-central-1',
    country: 'DE',
  });
const scenarioOf = (extra: Record<string, unknown> = {}) => {
  const r = validateScenario({ analysisDate: '2026-12-01', ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const serviceOf = (
  gpuHoursPerMonth: number,
  peakToMeanRatio: number,
  horizonMonths = 12,
  availabilityTarget = 0.99,
) =>
  profileOf({
    id: 'w',
    kind: 'realtime-inference',
    modelParamsBillions: 70,
    precision: 'fp8',
    gpuType: 'H100',
    gpusPerReplica: 2,
    interconnect: 'nvlink',
    gpuHoursPerMonth,
    peakToMeanRatio,
    dataSensitivity: 'internal',
    availabilityTarget,
    p99LatencyMs: 2000,
    horizonMonths,
  });
async function decisionOf(
  offers: readonly Offer[],
  profile = serviceOf(5840, 2),
  scenario = scenarioOf(),
): Promise<{ decision: Decision; analysis: Awaited<ReturnType<typeof analyze>> }> {
  const analysis = await analyze({ workloads: [profile], offers, tiers, scenario, monteCarlo: false });
  return { decision: analysis.workloads[0]!.decision, analysis };
}

/** Each line of `total` is the sum of that line of the parts (USD and quantity), and usd = quantity × unit price. */
function expectLinesAddUp(total: CostEstimate, parts: readonly CostEstimate[]): void {
  for (const name of COST_COMPONENT_NAMES) {
    const of = (e: CostEstimate) => e.components.filter((c) => c.name === name);
    const sum = (e: CostEstimate, k: 'usd' | 'quantity') => of(e).reduce((a, c) => a + c[k], 0);
    const partsUsd = parts.reduce((a, e) => a + sum(e, 'usd'), 0);
    const partsQuantity = parts.reduce((a, e) => a + sum(e, 'quantity'), 0);
    expect(sum(total, 'usd')).toBeCloseTo(partsUsd, 6);
    expect(sum(total, 'quantity')).toBeCloseTo(partsQuantity, 6);
  }
  for (const e of [total, ...parts]) {
    for (const c of e.components) expect(c.usd).toBeCloseTo(c.quantity * c.unitPriceUsd, 6);
    expect(e.components.reduce((a, c) => a + c.usd, 0)).toBeCloseTo(e.monthlyUsd!, 6);
  }
  expect(parts.reduce((a, e) => a + e.monthlyUsd!, 0)).toBeCloseTo(total.monthlyUsd!, 6);
}

describe('the cloud option as a committed base with on-demand bursts', () => {
  it('takes the mix where it is cheaper: USD 19,321.11 against 23,360 on demand (the hand-checked vector of committedBase.test.ts)', async () => {
    const { decision: d, analysis } = await decisionOf([onDemand(), committed(2.8)]);
    const cloud = d.cloud!;
    expect(cloud.mix).toBeDefined();
    const m = cloud.mix!;
    expect(cloud.offer.id).toBe('aws:p5:eu-central-1:committed-12mo');
    expect(m.committed.offer.id).toBe('aws:p5:eu-central-1:committed-12mo');
    expect(m.burst.offer.id).toBe('aws:p5:eu-central-1');
    // One committed 8-GPU instance at USD 2.80 all month, USD 16,352; the bursts USD 2,969.11.
    expect(m.committed.instances).toBe(1);
    expect(m.committed.gpus).toBe(8);
    expect(m.committed.cost.monthlyUsd).toBeCloseTo(16_352, 6);
    expect(m.burst.cost.monthlyUsd).toBeCloseTo(2_969.11, 2);
    expect(cloud.cost.monthlyUsd).toBeCloseTo(19_321.11, 2);
    expect(d.recommendedMonthlyUsd).toBeCloseTo(19_321.11, 2);
    expect(analysis.totals.monthlyUsd.allCloud).toBeCloseTo(19_321.11, 2);
    expect(m.baseShare + m.burstShare).toBeCloseTo(1, 12);
    // The base's GPU-hours: its 8 GPUs all month, at the commitment's price.
    expect(m.committed.cost.billedGpuHoursPerMonth).toBeCloseTo(8 * 730, 6);
    expectLinesAddUp(cloud.cost, [m.committed.cost, m.burst.cost]);
    // The rationale names both offers and the single offer's month.
    expect(d.rationale).toContain('committed base with on-demand bursts');
    expect(d.rationale).toContain('against $23,360.00 on the cheapest single offer');
    // The projection: the same month every month (no growth), the option's total.
    const w = analysis.workloads[0]!;
    for (const month of w.projection!.months) expect(month.cloudUsd).toBeCloseTo(19_321.11, 2);
  });

  it("states each part's cost per useful GPU-hour over the work that part carries, not the whole workload's", async () => {
    // The hand-checked vector: 5,840 H100-hours of work; the bursts carry 2,969.11 ÷ 4 = 742.28 of them at USD 4 with
    // no other line, so USD 4.00 per useful GPU-hour (it read 2,969.11 ÷ 5,840 = 0.5084, under the on-demand list
    // price, a rate no GPU-hour of work costs); the base USD 16,352 over the other 5,097.72, 3.2077 (it read 2.80).
    const { decision: d } = await decisionOf([onDemand(), committed(2.8)]);
    const cloud = d.cloud!;
    const m = cloud.mix!;
    const burstWork = m.burst.cost.demandGpuHoursPerMonth!;
    const baseWork = m.committed.cost.demandGpuHoursPerMonth!;
    expect(burstWork).toBeCloseTo(2_969.11 / 4, 1);
    expect(baseWork + burstWork).toBeCloseTo(5_840, 6);
    expect(cloud.cost.usdPerJob!).toBeCloseTo(19_321.11 / 5_840, 4);
    expect(m.burst.cost.usdPerJob!).toBeCloseTo(4, 4);
    expect(m.committed.cost.usdPerJob!).toBeCloseTo(16_352 / baseWork, 4);
    expect(m.committed.cost.usdPerJob!).toBeCloseTo(3.2077, 4);
    // The parts' rates weighted by the work each carries are the option's rate.
    expect(m.committed.cost.usdPerJob! * m.baseShare + m.burst.cost.usdPerJob! * m.burstShare).toBeCloseTo(
      cloud.cost.usdPerJob!,
      9,
    );
  });

  it("says the mix's own serving and commitment, not the committed offer's priced alone (held at the peak)", async () => {
    // The committed offer priced alone holds the peak all month (4 × 8 H100 at a peak-to-mean of 2, at 2.80 over a
    // utilization of 0.4 or so); the mix holds one 8-GPU instance, 5,840 GPU-hours, carrying 5,097.72 of work:
    // utilization 0.873, USD 3.21 per used GPU-hour.
    const { decision: d } = await decisionOf([onDemand(), committed(2.8)]);
    const said = d.cloud!.cost.assumptions;
    expect(said.some((x) => x.includes('committed capacity is held at the peak all month'))).toBe(false);
    expect(said.filter((x) => x.startsWith('commitment: '))).toEqual([]);
    expect(said.some((x) => x.includes('with at least one instance always on'))).toBe(false);
    expect(said).toContain(
      "commitment (the base): every committed hour is paid; the base's utilization 0.873 (its 5,097.72 GPU-hours of work over the 5,840.00 it holds, spares included) makes the effective rate $3.21 per used GPU-hour",
    );
    const serving = said.filter((x) => x.startsWith('serving: '));
    expect(serving).toHaveLength(1);
    expect(serving[0]).toContain(
      'the committed base of 1 instance and its spares is held all month; the bursts above it follow the demand on on-demand capacity',
    );
  });

  it('takes no mix whose bursts run in another region than the base, even when they are the cheapest on-demand offer', async () => {
    // AWS's on-demand p5 in eu-west-1 at USD 3.90 is the cheapest on-demand offer, of the commitment's provider and
    // GPU: the cheapest commitment (eu-central-1, 2.80) and it would burst from another region (its latency and
    // transfer), which the partner search already refuses. The single offer stays (USD 22,776 a month).
    const alone = await decisionOf([westAws(), committed(2.8)]);
    expect(alone.decision.cloud?.mix).toBeUndefined();
    expect(alone.decision.cloud?.offer.id).toBe('aws:p5:eu-west-1');
    expect(alone.decision.cloud?.cost.monthlyUsd).toBeCloseTo(5_840 * 3.9, 6);
    // The refused mix is named as a risk: it spans two regions.
    const i = alone.decision.riskStakes!.findIndex((x) => x.id === 'committed-base');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(alone.decision.risks[i]).toContain('spans two regions');
    // With AWS's on-demand p5 in the commitment's region, the mix is the textbook one (the hand-checked vector).
    const { decision: d } = await decisionOf([westAws(), onDemand(), committed(2.8)]);
    expect(d.cloud?.mix?.burst.offer.id).toBe('aws:p5:eu-central-1');
    expect(d.cloud!.cost.monthlyUsd!).toBeCloseTo(19_321.11, 2);
  });

  it("solves the decentralized side's break-evens and swings against the mix's own month, not the single cloud offer's", async () => {
    const depin = offer({
      id: 'akash:h100',
      market: 'depin',
      usdPerGpuHour: 3.9,
      region: 'eu',
      country: 'DE',
    });
    const profile = serviceOf(5840, 2);
    const withMix = await analyze({
      workloads: [profile],
      offers: [onDemand(), committed(2.8), depin],
      tiers,
      scenario: scenarioOf(),
      monteCarlo: false,
    });
    const w = withMix.workloads[0]!;
    const mixUsd = w.decision.cloud!.cost.monthlyUsd!;
    expect(w.decision.cloud?.mix).toBeDefined();
    expect(mixUsd).toBeCloseTo(19_321.11, 2);
    const depinUsd = w.decision.depin!.cost.monthlyUsd!;
    // Only the decentralized offer's inputs: its price, its interruption rate (no incentive token: no subsidy row).
    expect(w.breakEvens.map((b) => b.variable)).toEqual(['depinUsdPerGpuHour', 'interruptionsPerHour']);
    const price = w.breakEvens.find((b) => b.variable === 'depinUsdPerGpuHour')!;
    expect(price.current).toBe(3.9);
    expect(price.value).not.toBeNull();
    // At the break-even price the decentralized option costs the mix's month: re-priced alone at that price, its month
    // is 19,321.11 (to a cent), and its cost is linear in its price here, so the price is 3.9 × mix ÷ its month.
    const at = await analyze({
      workloads: [profile],
      offers: [{ ...depin, usdPerGpuHour: price.value! }],
      tiers,
      scenario: scenarioOf(),
      monteCarlo: false,
    });
    expect(at.workloads[0]!.decision.depin!.cost.monthlyUsd!).toBeCloseTo(mixUsd, 2);
    expect(price.value!).toBeCloseTo((3.9 * mixUsd) / depinUsd, 6);
    // The tornado: baseline the mix less the decentralized month, and no cloud-side row.
    expect(w.sensitivity!.baselineSavingsUsd).toBeCloseTo(mixUsd - depinUsd, 6);
    expect(w.sensitivity!.rows.map((r) => r.input).sort()).toEqual([
      'DePIN interruption rate',
      'DePIN price',
    ]);
    // Without the commitment the single cloud offer stays, and every input applies.
    const single = await analyze({
      workloads: [profile],
      offers: [onDemand(), depin],
      tiers,
      scenario: scenarioOf(),
      monteCarlo: false,
    });
    expect(single.workloads[0]!.breakEvens.map((b) => b.variable)).toContain('egressGiBPerMonth');
    expect(single.workloads[0]!.sensitivity!.rows.map((r) => r.input)).toContain('cloud price');
  });

  it("property: against a mix, the decentralized price's break-even prices the decentralized option at the mix's month", async () => {
    let solved = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 1.2, max: 3, noNaN: true }),
        async (depinUsd, peakToMeanRatio) => {
          const depin = offer({
            id: 'akash:h100',
            market: 'depin',
            usdPerGpuHour: depinUsd,
            region: 'eu',
            country: 'DE',
          });
          const profile = serviceOf(5840, peakToMeanRatio);
          const run = (offers: readonly Offer[]) =>
            analyze({ workloads: [profile], offers, tiers, scenario: scenarioOf(), monteCarlo: false });
          const w = (await run([onDemand(), committed(2.8), depin])).workloads[0]!;
          if (w.decision.cloud?.mix === undefined) return;
          for (const b of w.breakEvens)
            expect(['subsidyShare', 'depinUsdPerGpuHour', 'interruptionsPerHour']).toContain(b.variable);
          const price = w.breakEvens.find((b) => b.variable === 'depinUsdPerGpuHour');
          if (price?.value == null) return;
          solved++;
          const at = (await run([{ ...depin, usdPerGpuHour: price.value }])).workloads[0]!;
          expect(at.decision.depin!.cost.monthlyUsd!).toBeCloseTo(w.decision.cloud.cost.monthlyUsd!, 2);
        },
      ),
      { numRuns: 15 },
    );
    expect(solved).toBeGreaterThan(0);
  });

  it('keeps one offer when a mix spans two providers, whatever it saves: that is a hybrid placement', async () => {
    // Another provider's commitment at 3.40: a base would save USD 534.89 (22,825.11); at 2.80, USD 4,038.89 (17 %).
    for (const usd of [3.4, 2.8]) {
      const { decision: d } = await decisionOf([onDemand(), committed(usd, 'other')]);
      expect(d.cloud?.mix).toBeUndefined();
      expect(d.cloud?.offer.id).toBe('aws:p5:eu-central-1');
    }
    // The same commitment from the same provider on the same GPU: the textbook mix, taken when it clears the bar.
    const same = await decisionOf([onDemand(), committed(2.8)]);
    expect(same.decision.cloud?.mix).toBeDefined();
    expect(same.decision.cloud!.cost.monthlyUsd!).toBeCloseTo(19_321.11, 2);
  });

  it('refuses a mix that saves less than the bar (5 % and USD 100 a month), and says so with the figure', async () => {
    // AWS's own commitment at 3.40: the mix costs 22,825.11 against 23,360 on demand, USD 534.89 (2.3 %) less —
    // over the bar's USD 100 but under its 5 %: not worth a 12-month commitment beside the on-demand bill.
    const { decision: d } = await decisionOf([onDemand(), committed(3.4)]);
    expect(d.cloud?.mix).toBeUndefined();
    expect(d.cloud?.offer.id).toBe('aws:p5:eu-central-1');
    expect(d.cloud!.cost.monthlyUsd!).toBeCloseTo(23_360, 6);
    expect(d.rationale).toContain(
      "A committed base with on-demand bursts (1 × 8 × H100 on Amazon Web Services's commitment in eu-central-1, the demand above it on Amazon Web Services's on-demand H100) would cost $22,825.11 a month, $534.89 (2.3 %) less than the single offer's $23,360.00: over the bar's USD 100 a month but under its 5 %, not worth a 12-month commitment beside an on-demand bill",
    );
    // A bar of 2 % takes it; a bar of USD 600 refuses it on the dollars.
    const low = await decisionOf(
      [onDemand(), committed(3.4)],
      serviceOf(5840, 2),
      scenarioOf({ decision: { minSavingShare: 0.02 } }),
    );
    expect(low.decision.cloud?.mix).toBeDefined();
    expect(low.decision.cloud!.cost.monthlyUsd!).toBeCloseTo(22_825.11, 2);
    expect(low.decision.rationale).not.toContain('not worth');
    const dollars = await decisionOf(
      [onDemand(), committed(3.4)],
      serviceOf(5840, 2),
      scenarioOf({ decision: { minSavingShare: 0.01, minMonthlySavingUsd: 600 } }),
    );
    expect(dollars.decision.cloud?.mix).toBeUndefined();
    expect(dollars.decision.rationale).toContain("over the bar's 1 % but under its USD 600 a month");
  });

  it("finds the commitment's own provider's on-demand offer of its GPU in its region when the cheapest on-demand is another provider's", async () => {
    // The cheapest on-demand H100 is another provider's at USD 3.50 (20,440 a month); AWS's commitment at 2.80 with
    // it would span two providers. AWS's on-demand p5 in eu-central-1 at USD 4 is the commitment's partner (the
    // hand-checked vector: 16,352 + 2,969.11 = 19,321.11, under 20,440); AWS's at 3.90 in eu-west-1 is another region.
    const other = otherOnDemand();
    const { decision: d } = await decisionOf([other, westAws(), onDemand(), committed(2.8)]);
    const m = d.cloud!.mix!;
    expect(m.committed.offer.id).toBe('aws:p5:eu-central-1:committed-12mo');
    expect(m.burst.offer.id).toBe('aws:p5:eu-central-1');
    expect(d.cloud!.cost.monthlyUsd!).toBeCloseTo(19_321.11, 2);
    expect(d.rationale).toContain('against $20,440.00 on the cheapest single offer');
    // Without AWS's on-demand offer in the commitment's region there is no textbook mix: the single offer stays.
    const alone = await decisionOf([other, westAws(), committed(2.8)]);
    expect(alone.decision.cloud?.mix).toBeUndefined();
    expect(alone.decision.cloud?.offer.id).toBe('other:h100:eu-central-1');
  });

  it('holds the spares on the commitment, whole: a 0.999 target adds one 8-GPU instance to the base, none to the bursts', async () => {
    // The same service at an availability target of 0.999 on instances available 0.995 of the time: the peak's 2
    // instances are both up 0.990025 of the time, 2 of 3 are 0.999925, so the single commitment holds 3 all month,
    // one a spare (its redundancy line, 5,840 GPU-hours): 3 × 5,840 × USD 2 = USD 35,040. The mix holds that spare on
    // the commitment beside its one base instance: 2 × 8 × 730 = 11,680 GPU-hours at USD 2 = USD 23,360, and the
    // demand above 8 GPUs on demand, 730 × E[(D − 8)⁺] = 730 × 1.0176 GPU-hours at USD 4 = USD 2,969.11
    // (committedBase.test.ts's hand vector): USD 26,329.11, no spare on the burst side.
    const { decision: d } = await decisionOf(
      [onDemand(4, 0.995), committed(2, 'aws', 12, 0.995)],
      serviceOf(5840, 2, 12, 0.999),
    );
    const m = d.cloud!.mix!;
    const line = (e: CostEstimate, name: string) => e.components.find((c) => c.name === name);
    expect(line(m.committed.cost, 'redundancy')!.quantity).toBeCloseTo(8 * HOURS_PER_MONTH, 6);
    expect(line(m.committed.cost, 'redundancy')!.note).toContain('1 8-GPU instance × 730 h held all month');
    expect(m.committed.cost.billedGpuHoursPerMonth).toBeCloseTo(2 * 8 * HOURS_PER_MONTH, 6);
    for (const name of ['redundancy', 'idle-capacity', 'commitment-waste'])
      expect(line(m.burst.cost, name)?.quantity ?? 0).toBe(0);
    // The held lines' reason is not given to the subsidy line (0 because a mix takes no incentive offer).
    expect(line(m.burst.cost, 'incentive-subsidy')?.note ?? '').not.toContain('burst instance');
    // The base's idle hours: (b − E[min(D, b)]) · H with b = 8 demand GPUs, mean 8, P99 16.
    const e = demandShape({ meanGpus: 8, peakToMeanRatio: 2 }).expectedExcess(8);
    expect(line(m.committed.cost, 'idle-capacity')!.quantity).toBeCloseTo((8 - (8 - e)) * HOURS_PER_MONTH, 6);
    expect(line(m.burst.cost, 'gpu-time')!.quantity).toBeCloseTo(e * HOURS_PER_MONTH, 6);
    // USD: 11,680 × 2 = 23,360 for the base; 730 × 1.0176 × 4 = 2,969.11 of bursts.
    expect(m.committed.cost.monthlyUsd!).toBeCloseTo(23_360, 6);
    expect(m.burst.cost.monthlyUsd!).toBeCloseTo(4 * e * HOURS_PER_MONTH, 6);
    expect(m.burst.cost.monthlyUsd!).toBeCloseTo(2_969.11, 2);
    expect(d.cloud!.cost.monthlyUsd!).toBeCloseTo(26_329.11, 2);
  });

  it('under demand growth, keeps the single offer when the mix costs more over the horizon', async () => {
    // 5 % a month for 24 months: the single offer's months are re-priced at their demand (and may move to the
    // commitment, which then holds the grown demand cheaper), the mix's base stays.
    const growth = scenarioOf({ demandGrowthMonthly: 0.05, horizonMonths: 24 });
    const profile = serviceOf(5840, 2, 24);
    const { analysis } = await decisionOf([onDemand(), committed(2.8)], profile, growth);
    const w = analysis.workloads[0]!;
    const single = await decisionOf([onDemand()], profile, growth);
    const horizon = (x: typeof analysis) => x.workloads[0]!.projection!.horizonCloudUsd!;
    // Whatever it chose, its horizon is no more than the on-demand offer's alone.
    expect(horizon(analysis)).toBeLessThanOrEqual(horizon(single.analysis) * (1 + 1e-12));
    if (w.decision.cloud?.mix !== undefined) {
      // The base is fixed, the bursts grow: month t − month 0 is the bursts' growth alone.
      const months = w.projection!.months;
      expect(months[23]!.cloudUsd!).toBeGreaterThan(months[0]!.cloudUsd!);
    }
  });

  it("under growth, refuses a mix whose horizon saving is under the bar on the months' average, and says which months cost more", async () => {
    // Another provider's on-demand H100 at 3.50 (20,440 a month) is the single offer; AWS's commitment at 2.80 and
    // AWS's on-demand at 4 make the mix, 19,321.11 in month one (1,118.89, 5.5 % less). At 4.5 % a month for 24 months
    // the bursts grow on AWS's USD 4 while the single offer grows on 3.50: over the horizon the mix saves 30,206.06,
    // 3.5 % (1,258.59 a month on average) — under the bar's 5 % — and costs more from 2028-09.
    const other = otherOnDemand();
    const growth = (g: number) => scenarioOf({ demandGrowthMonthly: g, horizonMonths: 24 });
    const refused = await decisionOf(
      [other, onDemand(), committed(2.8)],
      serviceOf(5840, 2, 24),
      growth(0.045),
    );
    expect(refused.decision.cloud?.mix).toBeUndefined();
    expect(refused.decision.cloud?.offer.id).toBe('other:h100:eu-central-1');
    expect(refused.decision.rationale).toContain(
      "Under demand growth of 4.5 % a month, a committed base with on-demand bursts (1 × 8 × H100 on Amazon Web Services's commitment in eu-central-1, the demand above it on demand) would cost $19,321.11 in month one against the single offer's $20,440.00, but its base is held while the demand above it grows on the on-demand rate: over the 24 months it saves $30,206.06 (3.5 %), $1,258.59 a month on average, over the bar's USD 100 a month but under its 5 %, and in 2028-09 to 2028-12 it costs more than the single offer",
    );
    // At 6 % a month a commitment at 2.40 saves enough over the horizon (63,209.24) and is taken, yet costs more than
    // the single offer in its last four months: the risk names them and the largest excess.
    const taken = await decisionOf([other, onDemand(), committed(2.4)], serviceOf(5840, 2, 24), growth(0.06));
    expect(taken.decision.cloud?.mix).toBeDefined();
    const at = taken.decision.riskStakes!.findIndex((r) => r.id === 'committed-base-growth');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(taken.decision.riskStakes![at]!.usdPerMonth).toBeCloseTo(1_809.71, 2);
    expect(taken.decision.risks[at]).toContain(
      "Under the scenario's demand growth of 6 % a month, the cloud option's committed base is sized on month one's demand and held for its term while the demand above it grows on the on-demand rate: in 2028-09 to 2028-12 it costs $65,575.12–$79,885.40 a month against the single offer's $65,553.85–$78,075.68, $21.27–$1,809.71 more ($3,592.35 in all); over the 24 months it still saves $63,209.24.",
    );
    // The projection says the same months: the option's month above the other offer's alone.
    const alone = await decisionOf([other], serviceOf(5840, 2, 24), growth(0.06));
    const months = taken.analysis.workloads[0]!.projection!.months;
    const single = alone.analysis.workloads[0]!.projection!.months;
    const dearer = months.filter(
      (m, t) => Math.round(m.cloudUsd! * 100) > Math.round(single[t]!.cloudUsd! * 100),
    );
    expect(dearer.map((m) => m.month)).toEqual(['2028-09', '2028-10', '2028-11', '2028-12']);
  });

  it('property: the option never costs more than the single offer, a mix saves at least the bar (a refused one is said), its parts add up line by line, the base bills what it holds, the bursts the expected excess, on one provider and one GPU', async () => {
    let mixes = 0;
    let spared = 0;
    let immaterial = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.3, max: 1.2, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.integer({ min: 500, max: 40_000 }),
        fc.constantFrom(12, 36),
        fc.constantFrom('aws', 'other'),
        fc.constantFrom(undefined, 0.995),
        async (share, peakToMeanRatio, gpuHours, term, provider, availability) => {
          const profile = serviceOf(gpuHours, peakToMeanRatio, 12, 0.999);
          const offers = [onDemand(4, availability), committed(4 * share, provider, term, availability)];
          const { decision: d } = await decisionOf(offers, profile);
          const alone = await Promise.all(offers.map((o) => decisionOf([o], profile)));
          const singles = alone.map((a) => a.decision.cloud?.cost.monthlyUsd ?? Number.POSITIVE_INFINITY);
          const single = Math.min(...singles);
          const usd = d.cloud!.cost.monthlyUsd!;
          expect(usd).toBeLessThanOrEqual(single * (1 + 1e-12));
          const m = d.cloud!.mix;
          // The bar (default 5 % and USD 100 a month): a mix refused under it is said with its saving, under the bar.
          const refused = /would cost \$([\d,.]+) a month, \$([\d,.]+) \(/.exec(d.rationale);
          if (m === undefined) {
            if (refused !== null) {
              const saving = Number(refused[2]!.replaceAll(',', ''));
              expect(saving < 100 || saving < 0.05 * single).toBe(true);
              immaterial++;
            }
            return;
          }
          expect(refused).toBeNull();
          mixes++;
          // One provider, one GPU type.
          expect(m.committed.offer.provider).toBe(m.burst.offer.provider);
          expect(m.committed.offer.gpu).toBe(m.burst.offer.gpu);
          expect(single - usd).toBeGreaterThanOrEqual(Math.max(100, 0.05 * single) * (1 - 1e-12));
          expectLinesAddUp(d.cloud!.cost, [m.committed.cost, m.burst.cost]);
          // The base bills exactly what it holds: its instances and its spares, all month (a term past the horizon
          // apart), and its spares are whole instances.
          const base = m.committed.cost.components;
          const hours = (name: string) =>
            base.filter((c) => c.name === name).reduce((a, c) => a + c.quantity, 0);
          const spares = hours('redundancy');
          if (spares > 0) spared++;
          const perInstance = HOURS_PER_MONTH * (m.committed.gpus / m.committed.instances);
          expect(Math.abs(spares / perInstance - Math.round(spares / perInstance))).toBeLessThan(1e-9);
          const held = base
            .filter((c) => c.unit === 'GPU-hour' && c.name !== 'commitment-waste')
            .reduce((a, c) => a + c.quantity, 0);
          expect(held).toBeCloseTo(m.committed.gpus * HOURS_PER_MONTH + spares, 6);
          // The bursts: the expected demand above the base, H · E[(D − b)⁺], and nothing held.
          const shape = demandShape({ meanGpus: gpuHours / HOURS_PER_MONTH, peakToMeanRatio });
          const burstTime = m.burst.cost.components.find((c) => c.name === 'gpu-time')!.quantity;
          expect(burstTime).toBeCloseTo(HOURS_PER_MONTH * shape.expectedExcess(m.committed.gpus), 6);
          for (const c of m.burst.cost.components)
            if (['redundancy', 'idle-capacity', 'commitment-waste'].includes(c.name))
              expect(c.quantity).toBe(0);
          expect(m.committed.cost.monthlyUsd!).toBeGreaterThan(0);
          expect(m.burst.cost.monthlyUsd!).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
    // Not vacuous: commitments from 30 % to 120 % of the on-demand price take the mix in some runs, some with spares.
    expect(mixes).toBeGreaterThan(0);
    expect(spared).toBeGreaterThan(0);
    expect(immaterial).toBeGreaterThan(0);
  });
});

describe('the committed base partner search, pruned by the cost floor', () => {
  // Many listings of one GPU type in one region (a grown or marketplace-like catalog): the search sorts them by
  // pricing's cost floor and stops at the first whose floor is above the cheapest found. An identity price
  // adjuster turns the pruning (and the index) off; the chosen option must be the same to the cent and the id.
  it('property: with or without the floor, the same cloud option, mix and month', async () => {
    const identity = (_o: Offer, usd: number) => usd;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 280, max: 520 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 140, max: 330 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0.95, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1460, max: 11_680 }),
        fc.double({ min: 1.2, max: 4, noNaN: true }),
        async (flex, commit, avail, hours, ratio) => {
          const offers = [
            ...flex.map((c, i) =>
              offer({
                id: `aws:p5:eu-central-1#${i}`,
                market: 'hyperscaler',
                providerName: 'Amazon Web Services',
                usdPerGpuHour: c / 100,
                region: 'eu-central-1',
                country: 'DE',
                availability: avail[i % avail.length]!,
              }),
            ),
            ...commit.map((c, i) =>
              offer({
                id: `aws:p5:eu-central-1:committed-12mo#${i}`,
                market: 'hyperscaler',
                providerName: 'Amazon Web Services',
                usdPerGpuHour: c / 100,
                region: 'eu-central-1',
                country: 'DE',
                pricingCategory: 'Committed',
                termMonths: 12,
                availability: avail[(i + 1) % avail.length]!,
              }),
            ),
          ];
          const profile = serviceOf(hours, ratio);
          const scenario = scenarioOf();
          const pruned = await analyze({ workloads: [profile], offers, tiers, scenario, monteCarlo: false });
          const full = await analyze({
            workloads: [profile],
            offers,
            tiers,
            scenario,
            monteCarlo: false,
            priceAdjuster: identity,
          });
          const a = pruned.workloads[0]!.decision.cloud;
          const b = full.workloads[0]!.decision.cloud;
          expect(a?.offer.id).toBe(b?.offer.id);
          expect(a?.mix?.committed.offer.id).toBe(b?.mix?.committed.offer.id);
          expect(a?.mix?.burst.offer.id).toBe(b?.mix?.burst.offer.id);
          expect(a?.cost.monthlyUsd).toBe(b?.cost.monthlyUsd);
        },
      ),
      { numRuns: 60, seed: 46 },
    );
  });
});
