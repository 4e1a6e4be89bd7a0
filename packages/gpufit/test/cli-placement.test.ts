// The run's placement, GPU-policy and freshness options through the built CLI, on the bundled catalog, and the
// rules the issue "credible placements" names as golden cases on a portfolio of our own.
import type { Analysis } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePortfolio } from './support/analyzePortfolio.js';
import { gdprMetBy } from './support/bundledOfferRow.js';
import { runBuiltCli as gpufit } from './support/runBuiltCli.js';

/** A founder's own portfolio: the cases the issue names, one workload each. */
const PORTFOLIO = [
  'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,dataSensitivity,availabilityTarget,p99LatencyMs,interruptible,checkpointable,statelessRequests,compliance,residency',
  'chat-70b,70B chat API,realtime-inference,70,fp8,H100,2,1,nvlink,2920,,,2,internal,0.999,800,false,false,true,,',
  'pretrain-32,32-GPU pretrain,multi-node-training,13,bf16,H100,8,4,infiniband,,1,200,1,confidential,0.99,,false,true,false,,',
  'whisper,Whisper transcription,batch-inference,1.55,fp16,L4,1,1,none,,50,10,1,internal,0.95,,true,true,true,,',
  'sweeps,Sweeps on 1B models,experimentation,1.3,bf16,RTX4090,1,1,none,1200,,,3,internal,0.9,,true,true,true,,',
  'eu-lora,EU customer LoRA,fine-tuning,12,bf16,H100,1,1,none,,300,0.5,3,confidential,0.95,,false,true,false,gdpr,EU',
  'judge-405b,Weekly eval with a 405B judge,batch-inference,405,fp8,H100,8,1,nvlink,,4,3,1,internal,0.95,,true,true,true,,',
].join('\n');

let file: string;
let analysis: Analysis;

beforeAll(async () => {
  ({ file, analysis } = await analyzePortfolio(PORTFOLIO));
}, 120_000);

const workload = (id: string) => analysis.workloads.find((w) => w.id === id)!;

describe('credible placements on a founder’s portfolio', () => {
  it('a non-interruptible production API is never priced on spot', () => {
    const d = workload('chat-70b').decision;
    for (const o of [d.cloud, d.depin]) if (o !== null) expect(o.offer.pricingCategory).not.toBe('Dynamic');
  });

  it('a 32-GPU InfiniBand pretrain is priced on on-demand or committed capacity, as 4 × 8 GPUs', () => {
    const cloud = workload('pretrain-32').decision.cloud!;
    expect(['Standard', 'Committed']).toContain(cloud.offer.pricingCategory);
    expect([cloud.cost.instances, cloud.cost.gpusPerInstance]).toEqual([4, 8]);
  });

  it('Whisper named on an L4 is priced on an L4, or on another GPU only at a measured ratio', () => {
    const d = workload('whisper').decision;
    for (const o of [d.cloud, d.depin]) {
      if (o === null) continue;
      const t = o.cost.throughput!;
      if (o.offer.gpu === 'L4') expect(t.basis).toBe('same');
      else {
        expect(t.basis).toBe('measured');
        expect(t.source).toMatch(/MLPerf|benchmark/i);
        // never the datasheet bandwidth ratio of a B200 over an L4 (26.7×)
        expect(t.ratio).toBeLessThan(20);
      }
    }
  });

  it('a GDPR workload whose data stays in the EU runs on a single GPU inside the EEA, on the record or with the agreement named', () => {
    // GDPR is a regulation, not a certificate: a French or Finnish GPU cloud meets it in place (or by the record of
    // its own statement, datasets/scripts/data/certifications.ts). Until it did, this 150 GPU-hour LoRA was put on a
    // whole 8 × H100 AWS instance at $8,838.83 a month.
    const cloud = workload('eu-lora').decision.cloud!;
    expect(['AT', 'BE', 'DE', 'FI', 'FR', 'NL', 'NO', 'PL', 'SE', 'CZ', 'IS', 'ES', 'IT']).toContain(
      cloud.offer.country,
    );
    expect(cloud.cost.gpusPerInstance).toBe(1);
    expect(cloud.cost.monthlyUsd!).toBeLessThan(150 * 4);
    if (cloud.offer.market !== 'hyperscaler')
      expect(gdprMetBy(cloud.offer.id, cloud.cost.assumptions)).not.toBe('neither');
  });

  it('a 405B judge at fp8 is not priced on a Blackwell GPU at the fp4 rate MLPerf measured it at', () => {
    // MLPerf v5.1 ran every Blackwell LLM result at fp4 and every Hopper one at fp8: B200 "4.39 × H100" is
    // partly FP4. Until that gap was kept apart, this judge was priced on AWS B200 spot at 4.39 × H100.
    const d = workload('judge-405b').decision;
    expect(d.cloud).not.toBeNull();
    for (const o of [d.cloud, d.depin]) {
      if (o === null) continue;
      expect(['B200', 'B300', 'GB200', 'GB300', 'RTXPRO6000']).not.toContain(o.offer.gpu);
    }
  });

  it('a "hybrid" carries at least 10 % on each side; every saving that moves work is material', () => {
    for (const w of analysis.workloads) {
      const d = w.decision;
      if (d.recommendation === 'hybrid') {
        expect(Math.min(d.hybrid!.cloudShare, d.hybrid!.depinShare)).toBeGreaterThanOrEqual(0.1);
      }
      if (d.recommendation !== 'cloud' && d.cloud !== null) {
        expect(d.monthlySavingsUsd!).toBeGreaterThanOrEqual(
          Math.max(0.05 * d.cloud.cost.monthlyUsd!, 100) - 1e-9,
        );
      }
      if (d.hybrid !== null)
        expect(d.hybrid.blendedMonthlyUsd).toBeLessThanOrEqual(d.hybrid.allCloudMonthlyUsd);
    }
  });

  it('states the decision policy and the catalog it priced from', () => {
    expect(analysis.policy).toEqual({
      minSavingShare: 0.05,
      minMonthlySavingUsd: 100,
      hybridMinShare: 0.1,
      decentralizedMarkets: ['marketplace', 'depin'],
    });
    expect(analysis.catalog?.analysisDate).toBe('2026-12-01');
    expect(analysis.catalog?.offers).toBeGreaterThan(1000);
  });
});

describe('narrowing the choice per run', () => {
  const json = async (...extra: string[]) => {
    const r = await gpufit(['analyze', file, '--format', 'json', '--trials', '50', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Analysis;
  };
  const options = (a: Analysis) =>
    a.workloads.flatMap((w) => [w.decision.cloud, w.decision.depin]).filter((o) => o !== null);

  it('--allow-category keeps every option in the allowed categories', async () => {
    const a = await json('--allow-category', 'Standard,Committed');
    expect(options(a).length).toBeGreaterThan(0);
    for (const o of options(a)) expect(['Standard', 'Committed']).toContain(o!.offer.pricingCategory);
  });

  it('--exclude-provider and --allow-market', async () => {
    const noAws = await json('--exclude-provider', 'aws');
    for (const o of options(noAws)) expect(o!.offer.provider).not.toBe('aws');
    const onlyDepin = await json('--allow-market', 'depin,hyperscaler');
    for (const o of options(onlyDepin)) expect(['depin', 'hyperscaler']).toContain(o!.offer.market);
  });

  it('--gpu-policy exact prices only the named GPU', async () => {
    const a = await json('--gpu-policy', 'exact');
    for (const w of a.workloads)
      for (const o of [w.decision.cloud, w.decision.depin])
        if (o !== null) expect(o.cost.throughput!.basis).toBe('same');
  });

  it('--analysis-date and --max-offer-age flag options priced from old offers', async () => {
    const a = await json('--analysis-date', '2028-01-01', '--max-offer-age', '30');
    const risks = a.workloads.flatMap((w) => w.decision.risks);
    expect(risks.some((r) => /older than 30 days; refresh the catalog/.test(r))).toBe(true);
  });

  it('bad values are bad input (exit 2) naming the option', async () => {
    for (const [args, message] of [
      [['--allow-category', 'Spot'], /--allow-category "Spot" is not one of Standard, Dynamic, Committed/],
      [['--allow-market', 'cloud'], /--allow-market "cloud" is not one of/],
      [['--analysis-date', '2026-13-01'], /--analysis-date "2026-13-01" must be written YYYY-MM-DD/],
    ] as const) {
      const r = await gpufit(['analyze', file, '--format', 'json', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
