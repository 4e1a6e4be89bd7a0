/**
 * docs/methodology.md quotes worked examples marked "(✓ name)" after a bold number. This test recomputes each one
 * with the code and checks the page shows it to the digits it prints — so the page and the code cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allocate } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import {
  breakEvenUtilization,
  checkpointGiB,
  costOptimalCheckpointInterval,
  dalyInterval,
  effectiveCommittedRate,
  effectivePrice,
  estimateCost,
  expectedRuntime,
  gpusForModel,
  modelMemoryGiB,
  replicasForAvailability,
  replicasForDemandAndAvailability,
  tieredEgressUsd,
  tokenPriceRatio,
  transferHours,
  withInterruptionMultiplier,
} from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_RATIOS } from './support/ratios.js';
import { TEST_TIERS } from './support/tiers.js';

const MIN = 1 / 60;
const usd = (p: ReturnType<typeof effectivePrice>) => (p.ok ? p.usd : Number.NaN);
const count = (r: ReturnType<typeof replicasForAvailability>) => (r.feasible ? r.replicas : Number.NaN);
const bounded = (r: ReturnType<typeof expectedRuntime>) => (r.bounded ? r.wallHours : Number.NaN);

const computed: Record<string, number> = {
  memInference8b: modelMemoryGiB(8, 'fp16', 'inference'),
  memTraining70b: modelMemoryGiB(70, 'bf16', 'training'),
  gpus70b: gpusForModel(modelMemoryGiB(70, 'bf16', 'training'), 80, 1),
  vastGpuHours:
    estimateCost(
      profile({ id: 'v', kind: 'batch-inference', gpuHoursPerMonth: 400 }),
      offer({ gpu: 'A100-80GB-PCIe', gpusPerInstance: 1 }),
      { tiers: TEST_TIERS, ratios: TEST_RATIOS },
    ).components[0]?.quantity ?? Number.NaN,
  separateJobs:
    estimateCost(
      profile({
        id: 'ft',
        kind: 'fine-tuning',
        gpuType: 'A100-80GB',
        gpusPerReplica: 2,
        jobsPerMonth: 4,
        hoursPerJob: 10,
        statelessRequests: true,
        interruptible: false,
        restartMinutes: 0,
      }),
      offer({ gpu: 'A100-80GB', gpusPerInstance: 8 }),
      { tiers: TEST_TIERS },
    ).components[0]?.quantity ?? Number.NaN,
  shardStartup:
    (estimateCost(
      profile({
        id: 'emb',
        kind: 'batch-inference',
        gpuType: 'A100-80GB',
        jobsPerMonth: 30,
        hoursPerJob: 0.75,
        restartMinutes: 3,
      }),
      offer({ gpu: 'A100-80GB', gpusPerInstance: 8, interruptionsPerHour: 0 }),
      { tiers: TEST_TIERS },
    ).components[0]?.quantity ?? Number.NaN) -
    30 * 0.75,
  statedStartup:
    (estimateCost(
      profile({
        id: 'voice',
        kind: 'fine-tuning',
        gpuType: 'A100-80GB',
        modelParamsBillions: 1,
        jobsPerMonth: 400,
        hoursPerJob: 0.5,
        restartMinutes: 10,
        startupMinutes: 2,
      }),
      offer({ gpu: 'A100-80GB', gpusPerInstance: 1, interruptionsPerHour: 0 }),
      { tiers: TEST_TIERS },
    ).components[0]?.quantity ?? Number.NaN) -
    400 * 0.5,
  busySweep:
    estimateCost(
      profile({
        id: 'sw',
        kind: 'experimentation',
        gpuType: 'A100-80GB',
        gpusPerReplica: 1,
        gpuHoursPerMonth: 1460,
        peakToMeanRatio: 4,
        statelessRequests: true,
      }),
      offer({ gpu: 'A100-80GB', gpusPerInstance: 8 }),
      { tiers: TEST_TIERS },
    ).components[0]?.quantity ?? Number.NaN,
  daly24: dalyInterval(5 * MIN, 24) * 60,
  daly6: dalyInterval(5 * MIN, 6) * 60,
  daly15m: dalyInterval(5 * MIN, 0.25) * 60,
  dalyWall: bounded(
    expectedRuntime({ workHours: 500, mtbfHours: 24, checkpointHours: 5 * MIN, restartHours: 10 * MIN }),
  ),
  scratchWall: bounded(
    expectedRuntime({
      workHours: 4 / (1935 / 2039),
      mtbfHours: 19,
      checkpointHours: 5 * MIN,
      restartHours: 10 * MIN,
      checkpointable: false,
    }),
  ),
  costTau: costOptimalCheckpointInterval(0.05, 19, 0.083, { usdPerHour: 0.32, usdPerCheckpoint: 0.51 }),
  irmRate: withInterruptionMultiplier(offer({ market: 'depin' }), 2).interruptionsPerHour!,
  irmAvail: withInterruptionMultiplier(offer({ market: 'depin' }), 2).availability!,
  replicas1: count(replicasForAvailability(0.999, 0.95)),
  replicas3: count(replicasForDemandAndAvailability({ needed: 3, target: 0.999, nodeAvailability: 0.95 })),
  ckpt7b: checkpointGiB(7, 'bf16'),
  ckptLora12b: checkpointGiB(12, 'fp8', 'lora'),
  memFull8b: modelMemoryGiB(8, 'bf16', 'training', 'full'),
  memLora8b: modelMemoryGiB(8, 'bf16', 'training', 'lora'),
  memQlora65b: modelMemoryGiB(65, 'bf16', 'training', 'qlora'),
  transfer600: transferHours(600, 1000),
  egressTiered: tieredEgressUsd(20_000, [
    { upToGiB: 100, usdPerGiB: 0 },
    { upToGiB: 10_340, usdPerGiB: 0.09 },
    { upToGiB: null, usdPerGiB: 0.085 },
  ]),
  committedRate: effectiveCommittedRate(1.5, 0.6),
  breakEven: breakEvenUtilization(1.5, 2.5),
  subsidized: usd(effectivePrice(offer({ usdPerGpuHour: 2 }), { subsidyShare: 0.3 })),
  token: 2 * tokenPriceRatio(2, 4),
};

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'methodology.md'), 'utf8');
const quoted = new Map<string, string>();
for (const m of doc.matchAll(/\*\*\$?([\d,]+(?:\.\d+)?)[^*]*\*\*[^✓*]{0,60}\(✓ (\w+)\)/g)) {
  quoted.set(m[2] ?? '', (m[1] ?? '').replaceAll(',', ''));
}

describe('docs/methodology.md worked examples match the code', () => {
  it('every checked example on the page has a computation, and every computation is on the page', () => {
    expect([...quoted.keys()].sort()).toEqual(Object.keys(computed).sort());
  });

  it.each(Object.entries(computed))('%s = %f', (name, value) => {
    const shown = quoted.get(name);
    expect(shown).toBeDefined();
    const decimals = shown?.split('.')[1]?.length ?? 0;
    expect(value.toFixed(decimals)).toBe(shown);
  });

  it('the allocation example: $1 in three equal parts', () => {
    expect(doc).toContain('0.34 + 0.33 + 0.33');
    // In cents: the schema's money module works in integer minor units.
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});
