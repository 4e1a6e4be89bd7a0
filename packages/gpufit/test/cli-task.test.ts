/**
 * A workload's `task` picks the measured ratio of its kind of model: a Whisper transcription backlog (1.55 B, the
 * small band) is priced on another GPU only at MLPerf whisper's ratio, never at the band's text-generation one
 * (gptj-99 with Llama 3.1 8B), and its cost per unit is in audio hours, not tokens.
 */
import type { Analysis } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePortfolio } from './support/analyzePortfolio.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const HEAD =
  'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,dataSensitivity,availabilityTarget,interruptible,checkpointable,statelessRequests,task,model';
const PORTFOLIO = [
  HEAD,
  // Named on the A100-80GB: with no GPU named, a 1.55B model's hours are read as L4-hours (cli-referenceGpu.test.ts)
  'w-a100,Whisper backlog,batch-inference,1.55,fp16,A100-80GB,1,1,none,,3000,0.5,1.5,internal,0.95,true,true,true,speech-to-text,',
  'w-l4,Whisper on L4,batch-inference,1.55,fp16,L4,1,1,none,,3000,0.5,1.5,internal,0.95,true,true,true,speech-to-text,',
  'w-none,Whisper backlog without a task,batch-inference,1.55,fp16,A100-80GB,1,1,none,,3000,0.5,1.5,internal,0.95,true,true,true,,',
  // No task, but a Whisper model: the task is read from it (taskOfModel, @gpufit/schema), as w-a100 states it
  'w-model,Whisper backlog named by its model,batch-inference,1.55,fp16,A100-80GB,1,1,none,,3000,0.5,1.5,internal,0.95,true,true,true,,openai/whisper-large-v3',
].join('\n');

let analysis: Analysis;
let file: string;

beforeAll(async () => {
  ({ analysis, file } = await analyzePortfolio(PORTFOLIO));
}, 120_000);

const options = (id: string) => {
  const d = analysis.workloads.find((w) => w.id === id)!.decision;
  return [d.cloud, d.depin].filter((o) => o !== null);
};

describe('a speech-to-text workload', () => {
  it('stated in A100-80GB hours, is priced on A100-80GB itself: no whisper result measures A100 against another GPU', () => {
    const os = options('w-a100');
    expect(os.length).toBeGreaterThan(0);
    for (const o of os) expect(o.cost.throughput).toMatchObject({ basis: 'same', offerGpu: 'A100-80GB' });
  });

  it('named on an L4, is priced elsewhere only at a whisper ratio, and its assumptions cite whisper, not gptj', () => {
    const os = options('w-l4');
    expect(os.some((o) => o.cost.throughput?.basis === 'measured')).toBe(true);
    for (const o of os) {
      const t = o.cost.throughput!;
      if (t.basis === 'same') continue;
      expect(t.basis).toBe('measured');
      expect(t.source).toMatch(/whisper/);
      const said = o.cost.assumptions.find((a) => a.startsWith('demand is'))!;
      expect(said).toMatch(/runs speech-to-text work at [\d.]+× a L4 \(measured: .*whisper Offline/);
      expect(said).not.toMatch(/gptj|llama/i);
    }
  });

  it('is quoted per audio hour (none measured), never per token', () => {
    const u = analysis.workloads.find((w) => w.id === 'w-a100')!.unitCost!;
    expect(u.unit).toBe('audio-hours');
    expect(u.figures).toEqual([]);
  });

  it('without a task, keeps the band ratio pooled over tasks (gptj-99 with Llama 3.1 8B), as before', () => {
    const measured = options('w-none').filter((o) => o.cost.throughput?.basis === 'measured');
    expect(measured.length).toBeGreaterThan(0);
    for (const o of measured) expect(o.cost.throughput!.source).toMatch(/gptj-99/);
  });
});

describe('what stating the task costs', () => {
  const stake = (id: string, rule: string) => {
    const d = analysis.workloads.find((w) => w.id === id)!.decision;
    const i = d.riskStakes!.findIndex((s) => s.id === rule);
    return i < 0 ? null : { text: d.risks[i]!, usd: d.riskStakes![i]!.usdPerMonth };
  };

  it('names the cheaper GPU the pooled ratio would price it on, with the figure the workload without a task costs', () => {
    const said = stake('w-a100', 'task-narrows-gpus');
    expect(said).not.toBeNull();
    const d = analysis.workloads.find((w) => w.id === 'w-a100')!.decision;
    const withTask = d.cloud!.cost.monthlyUsd!;
    const without = analysis.workloads.find((w) => w.id === 'w-none')!.decision.cloud!.cost.monthlyUsd!;
    // The same profile without its task is the w-none row: the figure is what its cloud option saves against the
    // plan (which may already run cheaper on DePIN), at most what it saves against the task's cloud option.
    // Against the plan the amounts are taken as the sentence prints them, to the cent.
    const cents = (x: number) => Math.round(x * 100) / 100;
    expect(said!.usd).toBeCloseTo(
      Math.min(withTask - without, cents(d.recommendedMonthlyUsd!) - cents(without)),
      2,
    );
    expect(said!.text).toContain(
      'Stating task speech-to-text converts GPUs only at ratios measured on speech-to-text',
    );
    expect(said!.text).toMatch(
      /none measures \S+ against A100-80GB\. At the [\d.]+× measured on other tasks \(.*gptj-99/,
    );
  });

  it('a task read from the model costs the same and says so, asking for a benchmark rather than an empty task', () => {
    const said = stake('w-model', 'task-narrows-gpus');
    expect(said?.usd).toBe(stake('w-a100', 'task-narrows-gpus')!.usd);
    expect(said!.text).toMatch(
      /^Reading task speech-to-text from the model openai\/whisper-large-v3 converts GPUs only at ratios measured on speech-to-text/,
    );
    expect(said!.text).not.toContain('leave task empty');
    expect(stake('w-a100', 'task-narrows-gpus')!.text).toContain('or leave task empty');
  });

  it('says nothing for a workload without a task, or one whose task-measured ratios already reach the cheaper GPU', () => {
    expect(stake('w-none', 'task-narrows-gpus')).toBeNull();
    expect(stake('w-l4', 'task-narrows-gpus')).toBeNull();
  });
});

describe('the report says where the unit came from', () => {
  it('report.json carries the task, and report.md says the unit is the default for the task, not for the kind', async () => {
    expect(analysis.workloads.find((w) => w.id === 'w-a100')!.task).toBe('speech-to-text');
    expect(analysis.workloads.find((w) => w.id === 'w-none')!.task).toBeUndefined();
    const r = await runBuiltCli([
      'analyze',
      file,
      '--format',
      'md',
      '--trials',
      '200',
      '--analysis-date',
      '2026-12-01',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'audio hours (assumed: default for task speech-to-text; set outputUnit to tokens or images for other output)',
    );
  });
});

describe('a pair the task measures is not said to be unmeasured', () => {
  it('an 8B text generator named on H200, priced on H100 at text generation’s own 0.822×: no task risk', async () => {
    // The pooled small-band ratio, 0.945× (SDXL results among gptj-99 and Llama 3.1 8B), would price the same H100
    // cheaper; the review found the risk calling the pair unmeasured and offering that ratio as the better guess.
    const { analysis: a } = await analyzePortfolio(
      [
        'id,name,kind,modelParamsBillions,precision,gpuType,gpusPerReplica,nodes,interconnect,gpuHoursPerMonth,jobsPerMonth,hoursPerJob,peakToMeanRatio,dataSensitivity,availabilityTarget,interruptible,checkpointable,statelessRequests,task,allowedProviders',
        'tg-h200,8B batch generation named on H200,batch-inference,8,fp8,H200,1,1,none,2000,,,1,internal,0.95,false,false,true,text-generation,massedcompute',
      ].join('\n'),
    );
    const d = a.workloads[0]!.decision;
    expect(d.cloud!.cost.throughput).toMatchObject({
      basis: 'measured',
      demandGpu: 'H200',
      offerGpu: 'H100',
    });
    expect(d.cloud!.cost.throughput!.ratio).toBeCloseTo(0.8222, 4);
    expect(d.riskStakes!.map((s) => s.id)).not.toContain('task-narrows-gpus');
  }, 120_000);
});
