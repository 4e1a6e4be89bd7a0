// A scenario's subsidy share for a network is the share of today's listed price its emissions carry, not a further
// discount (datasets/README.md, "Override a share in a scenario"). A reviewer gave Nosana a 25 % share ending
// 2027-07 and saw an SDXL API's month 0 fall from $715.76 to $548.07 (a −$167.69 subsidy line under GPU time at
// $0.24), then return to $715.76 from 2027-07. Now month 0 is $715.76 with or without the share, GPU time is billed
// at $0.24 ÷ 0.75 = $0.32 with a −$223.59 subsidy line, and from 2027-07 the price rises to the unsubsidized one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

const HEADER =
  'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,datasetGiB,egressGiBPerMonth,dataSensitivity,compliance,residency,availabilityTarget,p99LatencyMs,usersRegion,interruptible,checkpointable,checkpointMinutes,restartMinutes,costSensitivity,horizonMonths,statelessRequests,task,trainingMethod,outputUnit,outputPerMonth';
const SDXL =
  'sdxl-nft,SDXL image API for NFT tooling,realtime-inference,3.5,fp16,RTX4090,1,1,none,1460,,,4,20,1500,public,,,0.98,20000,global,true,false,,3,high,,true,image-generation,,images,2500000';
const NOS25 = {
  name: 'nos25',
  startMonth: '2027-01',
  horizonMonths: 12,
  subsidies: { nosana: { kind: 'step', share: 0.25, steps: [{ month: '2027-07', share: 0 }] } },
  subsidyPassThrough: 1,
};

interface Depin {
  offer: { id: string; usdPerGpuHour: number };
  cost: { monthlyUsd: number; components: { name: string; unitPriceUsd: number; usd: number }[] };
}

async function analyze(dir: string, scenario: string | null) {
  const out = join(dir, scenario === null ? 'plain' : 'nos25');
  const args = ['analyze', join(dir, 'sdxl.csv'), '--analysis-date', '2026-12-05', '--trials', '200'];
  if (scenario !== null) args.push('--scenario', scenario);
  const r = await runBuiltCli([...args, '--format', 'json', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const w = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).workloads[0];
  return {
    depin: w.decision.depin as Depin,
    months: w.projection.months as { month: string; depinUsd: number; subsidyShare: number }[],
  };
}

describe("a scenario's subsidy share (built CLI)", () => {
  it("the reviewer's SDXL API on Nosana: month 0 bills the list; the subsidy's end raises the price", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-nos25-'));
    writeFileSync(join(dir, 'sdxl.csv'), `${HEADER}\n${SDXL}\n`);
    writeFileSync(join(dir, 'nos25.json'), JSON.stringify(NOS25));
    const plain = await analyze(dir, null);
    const nos25 = await analyze(dir, join(dir, 'nos25.json'));
    expect(nos25.depin.offer.id).toMatch(/^nosana:/);
    const list = nos25.depin.offer.usdPerGpuHour; // $0.24002 (NOS per second at the reference price)
    expect(list.toFixed(2)).toBe('0.24');
    expect(plain.depin.cost.monthlyUsd.toFixed(2)).toBe('715.76');
    expect(nos25.depin.cost.monthlyUsd.toFixed(2)).toBe('715.76');
    const line = (name: string) => nos25.depin.cost.components.find((c) => c.name === name)!;
    expect(line('gpu-time').unitPriceUsd).toBeCloseTo(list / 0.75, 12);
    expect(line('incentive-subsidy').usd.toFixed(2)).toBe('-223.59');
    expect(line('incentive-subsidy').unitPriceUsd).toBeCloseTo((-0.25 * list) / 0.75, 12);
    // Months 2027-01 … 2027-06 at the list's $715.76; from 2027-07 the 25 % is gone: $939.35, never below the list.
    expect(nos25.months.slice(0, 6).map((m) => m.depinUsd.toFixed(2))).toEqual(Array(6).fill('715.76'));
    expect(nos25.months.slice(6).map((m) => m.depinUsd.toFixed(2))).toEqual(Array(6).fill('939.35'));
    expect(nos25.months[6]!.month).toBe('2027-07');
    for (const m of nos25.months) expect(m.depinUsd).toBeGreaterThanOrEqual(plain.months[0]!.depinUsd - 1e-9);
  }, 120_000);
});
