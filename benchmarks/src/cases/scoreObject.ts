import { assessFit } from '@gpufit/scoring';
import { generateProfiles } from '../generate/workloads.js';
import { progress, settleHeap, timePair } from '../harness/measure.js';
import { result } from '../harness/result.js';
import { allocateFloorOut, floorScore, scoreColumns } from './scoreFloor.js';
import type { BenchCase } from './types.js';

const PROFILES = 1_000_000;
const SEED = 3;

export const scoreObject: BenchCase = {
  name: 'score-object',
  results: ['score-object'],
  summary:
    'assessFit (scores, levels, approach, hard constraints and all eleven reasons as data, no sentences) over 1,000,000 generated profiles; floor: the bare typed-array loop of score-batch',
  async run(ctx) {
    const n = ctx.quick ? PROFILES / 20 : PROFILES;
    const profiles = generateProfiles(SEED, n);
    const columns = scoreColumns(profiles);
    progress(`score-object: ${n} profiles generated`);
    let sink = 0;
    const t = await timePair({
      label: 'score-object',
      warmup: ctx.quick ? 0 : 2,
      runs: ctx.quick ? 1 : 7,
      settle: settleHeap, // a million profiles: see settleHeap
      value: () => {
        for (let i = 0; i < n; i++) sink += assessFit(profiles[i]!).reasons.length;
      },
      floor: () => floorScore(columns, allocateFloorOut(n)),
    });
    if (sink === 0) throw new Error('score-object: no reasons produced');
    // Throughput: profiles a second (higher is better), value and floor alike.
    const perSecond = (ms: number) => n / (ms / 1000);
    return [
      result({
        name: 'score-object',
        unit: 'profiles/s',
        value: perSecond(t.value),
        floor: perSecond(t.floor),
        target: { valueAtLeast: 2_000_000 },
        note: `${n} profiles, one assessFit call each, all eleven reasons as data (sentences are rendered by explainFit where shown); ratio = value ÷ floor throughput (1 = as fast as the bare loop); median of ${ctx.quick ? 1 : 7} runs`,
      }),
    ];
  },
};
