// Two cases a reviewer found in a sweep, run through the built CLI on the bundled catalog: an 8 × H100 NVLink
// pretraining run keeps its 8-GPU replica on every GPU it is priced on (docs/methodology.md, "A replica's width"),
// and a 70B assistant held on one committed p5 shows its idle half as its own line ("Hours held idle").
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.mjs');

const HEADER =
  'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,datasetGiB,egressGiBPerMonth,dataSensitivity,compliance,residency,availabilityTarget,p99LatencyMs,usersRegion,interruptible,checkpointable,checkpointMinutes,restartMinutes,costSensitivity,horizonMonths,statelessRequests,outputUnit,outputPerMonth,model,inputTokensPerMonth,task';
const PRETRAIN =
  'pretrain-8xh100,8×H100 pretraining run (1.5B from scratch),multi-node-training,1.5,bf16,H100,8,1,nvlink,,1,400,1,3000,50,internal,,,0.95,,,true,true,10,15,high,3,,,,,,';
const ASSISTANT =
  'assistant-70b,Internal analyst assistant (Llama 3.3 70B at fp8),realtime-inference,70,fp8,H100,2,1,nvlink,2920,,,2,140,20,confidential,soc2;iso27001,US,0.995,2500,US,false,false,,10,low,36,true,tokens,300000000,Llama 3.3 70B,1500000000,text-generation';

interface Component {
  name: string;
  quantity: number;
  usd: number;
}
interface Option {
  offer: { id: string };
  cost: {
    gpusPerReplica: number;
    replicas: number;
    monthlyUsd: number;
    components: Component[];
    assumptions: string[];
  };
}

interface Report {
  workloads: { decision: { cloud: Option | null; depin: Option | null } }[];
}

async function analyze(row: string): Promise<{ json: Report; md: string; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-width-'));
  const csv = join(dir, 'w.csv');
  writeFileSync(csv, `${HEADER}\n${row}\n`);
  const out = join(dir, 'out');
  const args = [
    'analyze',
    csv,
    '--analysis-date',
    '2026-12-05',
    '--threads',
    '1',
    '--trials',
    '200',
    '--out',
    out,
  ];
  const { stdout } = await run(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    json: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report,
    md: readFileSync(join(out, 'report.md'), 'utf8'),
    stdout,
  };
}

const hours = (o: Option, name: string) => o.cost.components.find((c) => c.name === name)!.quantity;

describe('a replica keeps its stated width; a held unit shows its idle hours (built CLI)', () => {
  it('8 × H100 NVLink pretraining: every option runs 8 GPUs a replica on one instance, no one-GPU 2,658 h job', async () => {
    const { json, md } = await analyze(PRETRAIN);
    const d = json.workloads[0]!.decision;
    for (const side of ['cloud', 'depin'] as const) {
      const o = d[side]!;
      expect(o.cost.gpusPerReplica, side).toBe(8);
      expect(o.cost.replicas, side).toBe(1);
      // The job's wall time is 400 h ÷ the measured ratio on the option's GPU: within the 3-month horizon.
      const job = o.cost.assumptions.find((a) => a.startsWith('interruptions: a '));
      if (job !== undefined)
        expect(Number(/^interruptions: a ([\d.]+) h job/.exec(job)![1])).toBeLessThanOrEqual(400);
    }
    expect(md).not.toMatch(/1 GPU\(s\) per node here instead of 8/);
    expect(md).not.toMatch(/4 × 1 H200|2 × 1 B200/);
  }, 300_000);

  it('70B assistant on one committed p5: 5,840 GPU-hours held = 2,920 of work + 2,920 held idle, and no spare said plainly', async () => {
    const { json, md } = await analyze(ASSISTANT);
    const cloud = json.workloads[0]!.decision.cloud!;
    expect(cloud.offer.id).toBe('aws:p5.48xlarge:us-east-1:committed-36mo');
    // 5,840 GPU-hours at $3.44 = $20,089.60, and its 20 GiB of results at $0.09: AWS's free 100 GiB a month is the
    // account's, taken as used by the rest of it (docs/methodology.md §5).
    expect(cloud.cost.monthlyUsd).toBeCloseTo(20_089.6 + 20 * 0.09, 6);
    expect(hours(cloud, 'gpu-time')).toBeCloseTo(2920, 6);
    expect(hours(cloud, 'idle-capacity')).toBeCloseTo(2920, 6);
    expect(hours(cloud, 'commitment-waste')).toBeCloseTo(0, 6);
    expect(hours(cloud, 'redundancy')).toBe(0);
    let sum = 0;
    for (const c of cloud.cost.components) sum += c.usd;
    expect(sum).toBeCloseTo(cloud.cost.monthlyUsd, 6);
    expect(md).toMatch(/\| Always-on hours held idle \(beyond the work\) +\| +2,920 \| GPU-hour/);
    expect(md).toMatch(/\| GPU time +\| +2,920 \| GPU-hour/);
    expect(md).toContain('the demand itself is 50 % of the hours held');
    expect(md).toContain('no spare unit: availability 0.995 is met only on paper, by one unit');
  }, 300_000);
});
