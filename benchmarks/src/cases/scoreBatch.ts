import { assessFitBatch } from '@gpufit/scoring';
import { generateProfiles } from '../generate/workloads.js';
import { progress, settleHeap, timePair } from '../harness/measure.js';
import { result } from '../harness/result.js';
import { allocateFloorOut, floorDisagreements, floorScore, scoreColumns } from './scoreFloor.js';
import { objectFloorScore } from './scoreObjectFloor.js';
import type { BenchCase } from './types.js';

const PROFILES = 1_000_000;
const SEED = 3;

export const scoreBatch: BenchCase = {
  name: 'score-batch',
  results: ['score-batch'],
  summary:
    'assessFitBatch (columnar, no reasons) over the score-object profiles, against the default framework written out as a bare loop over typed columns',
  async run(ctx) {
    const n = ctx.quick ? PROFILES / 20 : PROFILES;
    const profiles = generateProfiles(SEED, n);
    const columns = scoreColumns(profiles);
    progress(`score-batch: ${n} profiles generated`);
    const out = allocateFloorOut(n);
    floorScore(columns, out);
    const engine = assessFitBatch(profiles);
    const bad = floorDisagreements(out, engine);
    if (bad > 0)
      throw new Error(`score-batch: the floor disagrees with assessFitBatch on ${bad} of ${n} profiles`);
    const objectOut = allocateFloorOut(n);
    objectFloorScore(profiles, objectOut);
    const badObject = floorDisagreements(objectOut, engine);
    if (badObject > 0)
      throw new Error(
        `score-batch: the object floor disagrees with assessFitBatch on ${badObject} of ${n} profiles`,
      );
    let sink = 0;
    const t = await timePair({
      label: 'score-batch',
      warmup: ctx.quick ? 0 : 2,
      runs: ctx.quick ? 1 : 7,
      settle: settleHeap, // a million profiles: see settleHeap
      value: () => {
        sink += assessFitBatch(profiles).length;
      },
      floor: () => {
        const o = allocateFloorOut(n);
        floorScore(columns, o);
        sink += o.approach.length;
      },
    });
    // A diagnostic, not the floor: the same bare loop reading the profile objects, what any engine that takes
    // WorkloadProfile objects pays before its own structure.
    const objects = await timePair({
      label: 'score-batch object floor',
      warmup: ctx.quick ? 0 : 1,
      runs: ctx.quick ? 1 : 5,
      settle: settleHeap,
      value: () => {
        const o = allocateFloorOut(n);
        objectFloorScore(profiles, o);
        sink += o.approach.length;
      },
      floor: () => {
        const o = allocateFloorOut(n);
        floorScore(columns, o);
        sink += o.approach.length;
      },
    });
    if (sink === 0) throw new Error('score-batch: nothing scored');
    return [
      result({
        name: 'score-batch',
        unit: 'ms',
        value: t.value,
        floor: t.floor,
        target: { ratioAtMost: 2 },
        note: `${n} profiles; the floor gives the same columns (checked on every profile) and allocates its output like assessFitBatch; median of ${ctx.quick ? 1 : 7} alternating runs, a full GC before each; the same bare loop over the profile objects (the words ranked inline, src/cases/scoreObjectFloor.ts) took ${objects.value.toFixed(1)} ms against ${objects.floor.toFixed(1)}, ${(objects.value / objects.floor).toFixed(2)}× the floor (median of ${ctx.quick ? 1 : 5})`,
      }),
    ];
  },
};
