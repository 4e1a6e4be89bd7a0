import { type GpuTier, gpuTierTable } from '@gpufit/pricing';
import { presentTotals } from '@gpufit/report';
import { type Analysis, type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeStream, STREAMED_NOTE, type TextSink, type WorkloadItem } from '../src/index.js';
import { offerOf, profileOf } from './support/builders.js';

/**
 * The pure core with no Node at all: a catalog, tiers and a portfolio built in code, sinks that collect strings.
 * Tier figures are the bundled datasets/gpu-tiers.csv rows (A100-80GB is the reference GPU).
 */
const tier = (
  gpu: string,
  memoryGiB: number,
  inference: number,
  training: number,
  fineTuning: number,
): GpuTier => ({
  gpu,
  vendor: 'NVIDIA',
  generation: gpu.startsWith('H') ? 'Hopper' : 'Ampere',
  memoryGiB,
  interconnect: 'nvlink',
  fp16Tflops: null,
  memoryBandwidthGBps: null,
  relThroughputInference: inference,
  relThroughputTraining: training,
  relThroughputFineTuning: fineTuning,
  consumer: false,
  source: 'datasets/gpu-tiers.csv',
  notes: '',
});
const tiers = gpuTierTable([tier('A100-80GB', 80, 1, 1, 1), tier('H100', 80, 1.643, 3.17, 2.282)]);

const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('analyzeStream test', input);
const offers = [
  offer({ id: 'aws:p5:us-east-1', market: 'hyperscaler', usdPerGpuHour: 6.88 }),
  offer({ id: 'lambda:h100:us-east-1', market: 'gpu-cloud', usdPerGpuHour: 2.99, gpusPerInstance: 1 }),
  offer({
    id: 'akash:h100:any',
    market: 'depin',
    usdPerGpuHour: 1.6,
    gpusPerInstance: 1,
  }),
];

const profile = profileOf;
const workloads = [
  profile({ id: 'w1', kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: 400 }),
  profile({ id: 'w2', kind: 'realtime-inference', gpuType: 'H100', gpuHoursPerMonth: 720 }),
  profile({ id: 'w3', kind: 'fine-tuning', gpuType: 'H100', gpuHoursPerMonth: 200, modelParamsBillions: 1 }),
];
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

/** A sink that keeps what it is given, and sometimes answers with a promise (a full buffer). */
function collector(): TextSink & { readonly text: () => string } {
  const parts: string[] = [];
  let calls = 0;
  return {
    write(text) {
      parts.push(text);
      return ++calls % 2 === 0 ? Promise.resolve() : undefined;
    },
    text: () => parts.join(''),
  };
}

async function* batches(
  items: readonly WorkloadItem[],
  size: number,
): AsyncGenerator<readonly WorkloadItem[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

describe('analyzeStream: the streamed analysis on any sink, with no Node', () => {
  it("writes report.json and report.csv text as batches arrive, with analyze()'s numbers", async () => {
    const inMemory = await analyze({ workloads, offers, tiers, scenario, monteCarlo: false });
    const json = collector();
    const csv = collector();
    const rejection = { file: 'plan.csv', row: 3, column: 'kind', reason: 'not a workload kind' };
    const items: WorkloadItem[] = [
      { ok: true, value: workloads[0]! },
      { ok: false, rejection },
      { ok: true, value: workloads[1]! },
      { ok: true, value: workloads[2]! },
    ];
    const streamed = await analyzeStream(batches(items, 2), { offers, tiers, scenario }, { json, csv });
    const written = JSON.parse(json.text()) as Analysis;
    expect(written.workloads.map((w) => w.id)).toEqual(['w1', 'w2', 'w3']);
    for (const [i, w] of written.workloads.entries()) {
      expect(w.decision.recommendedMonthlyUsd).toBe(inMemory.workloads[i]!.decision.recommendedMonthlyUsd);
    }
    expect(inMemory.totals.monthlyUsd.recommended).toBeGreaterThan(0);
    expect(streamed.totals.monthlyUsd).toEqual(inMemory.totals.monthlyUsd);
    expect(written.totals).toEqual(JSON.parse(JSON.stringify(streamed.totals)));
    expect(streamed.accounting).toEqual({
      read: 4,
      accepted: 3,
      rejected: 1,
      workloads: { read: 4, accepted: 3, rejected: 1 },
      offers: { read: 3, accepted: 3, rejected: 0 },
    });
    expect(streamed.rejected).toEqual([rejection]);
    expect(streamed.assumptions[0]).toBe(STREAMED_NOTE);
    // One header row, then each workload's rows.
    const lines = csv.text().split('\r\n');
    expect(lines.filter((line) => line === lines[0])).toHaveLength(1);
    expect(lines.some((line) => line.includes('w2'))).toBe(true);
  });

  it('writes a large read batch in steps of at most 64 analyses (what bounds its memory), the same text as small batches', async () => {
    const many: WorkloadItem[] = Array.from({ length: 150 }, (_, i) => ({
      ok: true as const,
      value: { ...workloads[i % 3]!, id: `w${i}` },
    }));
    const run = async (size: number) => {
      const json = collector();
      const sizes: number[] = [];
      const sink = {
        write(text: string) {
          sizes.push((text.match(/"id": ?"w\d+"/g) ?? []).length);
          return json.write(text);
        },
      };
      const progress: number[] = [];
      await analyzeStream(
        batches(many, size),
        { offers, tiers, scenario },
        { json: sink },
        {
          onProgress: (n) => progress.push(n),
        },
      );
      return { text: json.text(), sizes, progress };
    };
    const whole = await run(150);
    expect(Math.max(...whole.sizes)).toBeLessThanOrEqual(64);
    expect(whole.progress).toEqual([64, 128, 150]);
    expect(whole.text).toBe((await run(7)).text);
    expect((JSON.parse(whole.text) as Analysis).workloads).toHaveLength(150);
  });

  it("with interruption multipliers, streams analyze()'s numbers", async () => {
    const v = validateScenario({ analysisDate: '2026-12-01', interruptionRateMultipliers: { depin: 3 } });
    if (!v.ok) throw new Error('scenario');
    const inMemory = await analyze({ workloads, offers, tiers, scenario: v.value, monteCarlo: false });
    const plain = await analyze({ workloads, offers, tiers, scenario, monteCarlo: false });
    const items: WorkloadItem[] = workloads.map((w) => ({ ok: true, value: w }));
    const json = collector();
    const streamed = await analyzeStream(batches(items, 2), { offers, tiers, scenario: v.value }, { json });
    const depin = (a: Analysis) => a.workloads.map((w) => w.decision.depin?.cost.monthlyUsd ?? null);
    expect(depin(JSON.parse(json.text()) as Analysis)).toEqual(depin(inMemory));
    expect(depin(inMemory)).not.toEqual(depin(plain));
    expect(streamed.totals.monthlyUsd).toEqual(inMemory.totals.monthlyUsd);
  });

  it("takes the reader's accounting when given, and writes nothing but a valid report for an empty source", async () => {
    const json = collector();
    const accounting = { read: 2, accepted: 0, rejected: 2 };
    const streamed = await analyzeStream(
      batches([], 1),
      { offers, tiers, scenario },
      { json },
      {
        accounting: () => accounting,
      },
    );
    expect(streamed.accounting).toMatchObject({ ...accounting, workloads: accounting });
    expect((JSON.parse(json.text()) as Analysis).workloads).toEqual([]);
  });

  it('stops at the first sink write that fails', async () => {
    const failing: TextSink = {
      write() {
        throw new Error('disk full');
      },
    };
    await expect(
      analyzeStream(batches([], 1), { offers, tiers, scenario }, { json: failing }),
    ).rejects.toThrow('disk full');
  });
});

describe('analyze: the Monte Carlo runs on this thread unless a runner is given', () => {
  it('calls an injected runner once per workload it simulates, with the seeded trials, and keeps its answer', async () => {
    const inline = await analyze({ workloads, offers, tiers, scenario });
    const seeds: number[] = [];
    const injected = await analyze({
      workloads,
      offers,
      tiers,
      scenario,
      monteCarlo: async (bases, s, options) => {
        seeds.push(options.seed);
        const { monteCarlo } = await import('@gpufit/pricing');
        return monteCarlo(bases, s, options);
      },
    });
    expect(seeds.length).toBe(inline.workloads.filter((w) => w.distribution !== null).length);
    expect(seeds.length).toBeGreaterThan(0);
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(injected).toEqual(inline);
  });
});

describe('analyze(): the joint Monte Carlo of the plan (totals.distribution)', () => {
  it('covers every priced workload; its means are the deterministic horizon totals; P10 ≤ P50 ≤ P90', async () => {
    const a = await analyze({ workloads, offers, tiers, scenario });
    const d = a.totals.distribution!;
    expect(d.trials).toBe(scenario.monteCarlo.trials);
    const want = { recommended: a.totals.horizonUsd.recommended, allCloud: a.totals.horizonUsd.allCloud };
    for (const plan of ['recommended', 'allCloud'] as const) {
      // 10,000 trials of a horizon sum with a few % spread: the mean is within 1 % of the expectation.
      expect(Math.abs(d[plan].horizonMeanUsd - want[plan])).toBeLessThan(0.01 * want[plan]);
      expect(Math.abs(d[plan].horizon.p50 - want[plan])).toBeLessThan(0.05 * want[plan]);
    }
    for (const p of [d.recommended, d.allCloud, d.allDecentralized]) {
      for (const q of [p.horizon, ...p.months]) {
        expect(q.p10).toBeGreaterThan(0);
        expect(q.p10).toBeLessThanOrEqual(q.p50);
        expect(q.p50).toBeLessThanOrEqual(q.p90);
      }
      expect(p.months).toHaveLength(Math.max(...a.workloads.map((w) => w.projection?.months.length ?? 0)));
    }
    // Cloud-only workloads get their horizon percentiles here (their own Monte Carlo has no DePIN side).
    const noDepin = a.workloads.filter((w) => w.projection !== null && w.projection.horizonDepinUsd === null);
    expect(d.cloudOnlyWorkloads).toEqual(noDepin.map((w) => w.id));
    for (const w of noDepin) expect(d.workloads.find((x) => x.id === w.id)?.placement).toBe('cloud');
    // Same seed, same numbers; no Monte Carlo, no distribution.
    expect((await analyze({ workloads, offers, tiers, scenario })).totals.distribution).toEqual(d);
    expect(
      (await analyze({ workloads, offers, tiers, scenario, monteCarlo: false })).totals.distribution,
    ).toBe(undefined);
  });
});

describe('analyzeStream: the shown monthly totals (shownTotalsCents)', () => {
  // The plan line of a streamed run printed the float total rounded once ($155,645.28 on a 40-workload
  // portfolio) where the in-memory run printed the sum of the workloads' shown cents ($155,645.26).
  const shownOf = async (ws: readonly ReturnType<typeof profile>[]) => {
    const inMemory = await analyze({ workloads: ws, offers, tiers, scenario, monteCarlo: false });
    const streamed = await analyzeStream(
      batches(
        ws.map((value, i) => ({ ok: true as const, value, row: i + 2 })),
        2,
      ),
      { offers, tiers, scenario },
      {},
    );
    return { presented: presentTotals(inMemory), streamed: streamed.shownTotalsCents };
  };

  it('are the sums of the cents the in-memory report shows, for any hours', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 1, maxLength: 6 }),
        async (hundredths) => {
          const ws = hundredths.map((h, i) =>
            profile({ id: `w${i}`, kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: h / 100 + 1 }),
          );
          const { presented, streamed } = await shownOf(ws);
          expect(streamed).toEqual({
            recommended: presented.monthlyRecommendedCents,
            allCloud: presented.monthlyAllCloudCents,
            savings: presented.monthlySavingsCents,
          });
          expect(streamed.savings).toBe(streamed.allCloud - streamed.recommended);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it('follow the shown figures where the float total rounded once is a cent or more away', async () => {
    // Three-workload portfolios over a fixed grid of hours: at least one has a float total that rounds away from
    // the sum of its shown cents (what the streamed plan line printed before), and there the stream follows the
    // shown cents.
    let differing = 0;
    for (let k = 0; k < 40 && differing === 0; k++) {
      const ws = [101.13 + k * 7.77, 333.31 + k * 3.33, 57.07 + k * 1.11].map((h, i) =>
        profile({ id: `v${i}`, kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: h }),
      );
      const inMemory = await analyze({ workloads: ws, offers, tiers, scenario, monteCarlo: false });
      const { presented, streamed } = await shownOf(ws);
      if (Math.round(inMemory.totals.monthlyUsd.recommended * 100) === presented.monthlyRecommendedCents)
        continue;
      differing++;
      expect(streamed.recommended).toBe(presented.monthlyRecommendedCents);
    }
    expect(differing).toBe(1);
  });
});
