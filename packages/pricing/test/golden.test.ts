/**
 * Golden test: one canonical workload priced on a small slice of the real reference catalog, with every expected
 * number worked out by hand below (arithmetic shown; 730 h a month).
 *
 * Catalog rows (../shared/reference, read 2026-11-24):
 *  1. aws p4de.24xlarge us-east-1, 8 × A100-80GB, on-demand $27.44705/h, spot $8.6505/h — skypilot-gpu-offers.csv,
 *     skypilot-org/skypilot-catalog@00148f2a…:catalogs/v8/aws/vms.csv. Per GPU: $3.43088125 and $1.0813125.
 *  2. lambda gpu_8x_a100_80gb_sxm4 us-east-1, $22.32/h for 8 — skypilot-gpu-offers.csv, catalogs/v8/lambda/vms.csv
 *     @0f407038…. Per GPU $2.79. Lambda charges no egress (Lambda docs "Billing", price-facts §4).
 *  3. vast 1x-A100_PCIE-32-65536 "Oklahoma US NA", 1 × A100 80GB PCIe, $0.87/h — skypilot-gpu-offers.csv,
 *     catalogs/v8/vast/vms.csv @01b8cdda…. Availability 0.95 (the common reliability ≥ 0.95 filter, price-facts §3).
 *  4. akash A100 80GB SXM4, "starting at" $1.71/GPU-h, Dynamic — extra-gpu-prices.csv (api-evangelist/akash
 *     @4301f93c…:plans/plans.yml, 2026-09-20). No reliability or egress figure: the model's labelled defaults apply.
 *
 * Workload: batch inference of an 8B fp16 model, 100 jobs a month of 4 h on one A100-80GB (400 GPU-hours), each job
 * a shard of stateless requests that restarts from scratch when interrupted (checkpointable: false), 200 GiB of
 * results out a month, a 600 GiB dataset uploaded once over a 12-month horizon (ingress $0 everywhere here).
 * Memory: 8e9 × 2 B × 1.2 = 17.9 GiB → one GPU per replica on every offer.
 * Shards and start-up: on an 8-GPU instance a job's requests split over its 8 GPUs, so a job runs 4/8 = 0.5 h and
 * starts 8 shards; every shard's start-up (image pull, weights load) is the restart time, 10 min by default (a gpufit
 * assumption): 100 × 8 × 1/6 = 133.33333 GPU-hours on 8-GPU offers, 100 × 1/6 = 16.66667 on one-GPU offers.
 * Throughput: the A100 80GB PCIe does the work of 0.764 A100 80GB SXM GPUs — the median of the two measured
 * MLPerf Inference v3.1 gptj-99 ratios (0.695 Offline, 0.833 Server; ../shared/reference/throughput), not the
 * datasheet bandwidth ratio 1,935/2,039 = 0.949.
 */

import { roundingModes, roundLineItems } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_RATIOS } from './support/ratios.js';
import { TEST_TIERS } from './support/tiers.js';

const workload = profile({
  id: 'batch-8b',
  kind: 'batch-inference',
  modelParamsBillions: 8,
  precision: 'fp16',
  jobsPerMonth: 100,
  hoursPerJob: 4,
  checkpointable: false,
  egressGiBPerMonth: 200,
  datasetGiB: 600,
  horizonMonths: 12,
});

const catalog = {
  awsOnDemand: offer({
    id: 'aws:p4de.24xlarge:us-east-1:Standard',
    provider: 'aws',
    market: 'hyperscaler',
    instanceType: 'p4de.24xlarge',
    gpusPerInstance: 8,
    region: 'us-east-1',
    usdPerGpuHour: 27.44705 / 8,
    egressUsdPerGiB: undefined,
    source: 'skypilot-org/skypilot-catalog@00148f2af3672e2229b4f7bf8157d5a3f36e3c35:catalogs/v8/aws/vms.csv',
  }),
  awsSpot: offer({
    id: 'aws:p4de.24xlarge:us-east-1:Dynamic',
    provider: 'aws',
    market: 'hyperscaler',
    gpusPerInstance: 8,
    region: 'us-east-1',
    pricingCategory: 'Dynamic',
    usdPerGpuHour: 8.6505 / 8,
    egressUsdPerGiB: undefined,
    source: 'skypilot-org/skypilot-catalog@00148f2af3672e2229b4f7bf8157d5a3f36e3c35:catalogs/v8/aws/vms.csv',
  }),
  lambda: offer({
    id: 'lambda:gpu_8x_a100_80gb_sxm4:us-east-1',
    provider: 'lambda',
    market: 'gpu-cloud',
    gpusPerInstance: 8,
    usdPerGpuHour: 22.32 / 8,
    egressUsdPerGiB: 0,
    source:
      'skypilot-org/skypilot-catalog@0f4070387edc953d7004cff197940e1918a1d6aa:catalogs/v8/lambda/vms.csv',
  }),
  vast: offer({
    id: 'vast:1x-A100_PCIE:oklahoma',
    provider: 'vast',
    market: 'marketplace',
    gpu: 'A100-80GB-PCIe',
    gpusPerInstance: 1,
    region: 'Oklahoma US NA',
    usdPerGpuHour: 0.87,
    availability: 0.95,
    egressUsdPerGiB: undefined,
    source: 'skypilot-org/skypilot-catalog@01b8cdda287814b30ff0acb49746cca19fbd4355:catalogs/v8/vast/vms.csv',
  }),
  akash: offer({
    id: 'akash:a100-80gb-sxm4',
    provider: 'akash',
    market: 'depin',
    gpusPerInstance: 1,
    region: 'marketplace (provider-dependent)',
    country: undefined,
    pricingCategory: 'Dynamic',
    usdPerGpuHour: 1.71,
    egressUsdPerGiB: undefined,
    source: 'api-evangelist/akash@4301f93c844dd5582b0756ffa1b02541b9ad9787:plans/plans.yml',
    asOf: '2026-09-20',
  }),
};

const price = (o: (typeof catalog)[keyof typeof catalog]) =>
  estimateCost(workload, o, { tiers: TEST_TIERS, ratios: TEST_RATIOS });
const line = (e: ReturnType<typeof price>, name: string) =>
  e.components.find((c) => c.name === name)?.usd ?? 0;

describe('golden: 8B batch inference on five real A100 offers', () => {
  it('AWS p4de on-demand: (400 + 133.33) h × $3.43088125 = $1,829.80; egress 200 GiB × $0.09 default = $18 → $1,847.80', () => {
    const e = price(catalog.awsOnDemand);
    expect(line(e, 'gpu-time')).toBeCloseTo(1829.803333, 6);
    expect(line(e, 'interruption-overhead')).toBe(0); // on-demand: no interruptions (assumption stated)
    expect(line(e, 'egress')).toBeCloseTo(18, 9);
    expect(e.monthlyUsd).toBeCloseTo(1847.803333, 6);
    expect(e.usdPerJob).toBeCloseTo(18.47803333, 8);
  });

  it('AWS p4de spot: λ = −ln(1 − 0.125)/24 = 5.5638e-3/h (M = 179.733 h); (M + R)(e^{0.5/M} − 1) = 0.5011604 h a run', () => {
    // the middle band over the assumed 24 h instance life (the offer states no rate; pricing/assumptions.ts)
    // a job's 8 shards run 0.5 h: inflation 0.5011604/0.5 = 1.00232084 → 0.928334 GPU-h of reruns × $1.0813125 = $1.003819
    // (400 + 133.33333) × $1.0813125 = $576.70; + $1.003819 + $18 egress = $595.703819 → $5.9570 a job
    const e = price(catalog.awsSpot);
    expect(line(e, 'gpu-time')).toBeCloseTo(576.7, 6);
    expect(line(e, 'interruption-overhead')).toBeCloseTo(1.003819, 5);
    expect(e.monthlyUsd).toBeCloseTo(595.703819, 5);
    expect(e.usdPerJob).toBeCloseTo(5.95703819, 7);
  });

  it('Lambda 8 × A100 SXM: (400 + 133.33) h × $2.79 = $1,488.00, no egress charge', () => {
    const e = price(catalog.lambda);
    expect(e.monthlyUsd).toBeCloseTo(1488, 9);
    expect(e.usdPerJob).toBeCloseTo(14.88, 9);
  });

  it('Vast A100 PCIe: slower for inference (measured), interrupted, pays a default egress', () => {
    // measured ratio 0.764 → 400/0.764 = 523.56021 GPU-h, jobs of 4/0.764 = 5.2356021 h
    // availability 0.95 with 1 h outages → λ = 0.05/0.95 = 0.0526/h, M = 19 h
    // (19 + 1/6)·(e^{5.2356021/19} − 1) = 19.16667 × 0.3172655 = 6.0809223 h → inflation 1.1614562
    // gpu-time (523.56021 + 16.66667 start-up) × $0.87 = $469.99738; reruns 523.56021 × 0.1614562 = 84.53202 h ×
    // $0.87 = $73.54286; egress 200 GiB × $0.03 (marketplace default, labelled) = $6 → $549.54024, $5.4954 a job
    const e = price(catalog.vast);
    expect(line(e, 'gpu-time')).toBeCloseTo(469.997382, 5);
    expect(line(e, 'interruption-overhead')).toBeCloseTo(73.542857, 5);
    expect(line(e, 'egress')).toBeCloseTo(6, 9);
    expect(e.monthlyUsd).toBeCloseTo(549.540239, 5);
    expect(e.throughput).toMatchObject({ basis: 'measured', ratio: 0.764 });
    expect(e.assumptions.join(' ')).toMatch(/marketplace default \$0.03\/GiB.*gpufit assumption/);
  });

  it('Akash A100 SXM, Dynamic with no reliability figure: the spot-band default, labelled', () => {
    // λ as AWS spot, one 4-h job on one GPU: inflation 1.01214832 → 400 × $1.71 × 1.01214832 = $692.30945; start-up
    // 16.66667 × $1.71 = $28.50; egress $6 (DePIN default) → $726.80945
    const e = price(catalog.akash);
    expect(e.monthlyUsd).toBeCloseTo(726.809453, 5);
    expect(e.assumptions.join(' ')).toMatch(/AWS Spot Advisor middle band.*gpufit assumption/);
  });

  it('ranks them by cost per successful job: Vast $5.50 < AWS spot $5.96 < Akash $7.27 < Lambda $14.88 < AWS on-demand $18.48', () => {
    const ranked = Object.entries(catalog)
      .map(([name, o]) => [name, price(o).usdPerJob ?? Number.POSITIVE_INFINITY] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([name]) => name);
    // The 8-GPU instances pay eight start-ups a job where the one-GPU offers pay one: Vast passes AWS spot.
    expect(ranked).toEqual(['vast', 'awsSpot', 'akash', 'lambda', 'awsOnDemand']);
  });

  it('shown to the cent, the line items add up to the shown total', () => {
    const e = price(catalog.vast);
    const { totalMinor, partsMinor } = roundLineItems(
      e.components.map((c) => c.usd),
      { mode: roundingModes.halfEven, scale: 2 },
    );
    expect(totalMinor).toBe(54954);
    expect(partsMinor.filter((p) => p !== 0)).toEqual([47000, 7354, 600]);
  });
});
