/**
 * A workload's `task` picks the ratio measured on that task's benchmarks (`lookup(…, { task })`); a pair measured
 * only on other tasks is unmeasured for it (`throughputConversion`), and a workload without a task keeps the ratio
 * pooled over the band. Figures: MLPerf Inference v5.1 whisper Offline, samples/s per GPU (reference README):
 * H100-NVL 2766.7, L4 349.2525; the small band's pooled A100-80GB → H100 ratio 2.45 (gptj-99 with Lambda's vLLM
 * Llama 3.1 8B, datasets/throughput-ratios.csv).
 */
import { WORKLOAD_TASKS } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ThroughputRatioRow, throughputConversion, throughputRatioTable } from '../src/index.js';
import { TEST_TIERS as tiers } from './support/tiers.js';

const GPTJ = 'MLPerf Inference v3.1: gptj-99 Offline | gptj-99 Server; Lambda vLLM: Llama-3.1-8B-FP8 serving';
const WHISPER = 'MLPerf Inference v5.1: whisper Offline';
const row = (over: Partial<ThroughputRatioRow>): ThroughputRatioRow => ({
  throughputClass: 'inference',
  modelSizeBand: 'small',
  gpuA: 'A100-80GB',
  gpuB: 'H100',
  ratio: 2.45,
  min: 2.21,
  max: 2.7,
  results: 3,
  source: GPTJ,
  notes: 'source classes: llm-inference',
  ...over,
});
const L4_TO_NVL = 2766.7 / 349.2525;
const ROWS = [
  row({}),
  row({ task: 'text-generation' }),
  row({ gpuA: 'H100-NVL', gpuB: 'L4', ratio: 1 / L4_TO_NVL, min: 1 / L4_TO_NVL, max: 1 / L4_TO_NVL }),
  row({
    gpuA: 'H100-NVL',
    gpuB: 'L4',
    ratio: 1 / L4_TO_NVL,
    min: 1 / L4_TO_NVL,
    max: 1 / L4_TO_NVL,
    results: 1,
    source: WHISPER,
    notes: 'source classes: speech-to-text',
    task: 'speech-to-text',
  }),
];
const table = throughputRatioTable(ROWS);

describe('lookup with a task', () => {
  it('takes the ratio measured on the task: L4 → H100-NVL whisper = 2766.7 ÷ 349.25 = 7.92', () => {
    const r = table.lookup('inference', 'small', 'L4', 'H100-NVL', 16, { task: 'speech-to-text' });
    expect(r?.ratio).toBeCloseTo(L4_TO_NVL, 12);
    expect(r?.source).toBe(WHISPER);
  });

  it('has no answer where only other tasks measured the pair (never the pooled row)', () => {
    expect(
      table.lookup('inference', 'small', 'A100-80GB', 'H100', 16, { task: 'speech-to-text' }),
    ).toBeUndefined();
    expect(table.lookup('inference', 'small', 'A100-80GB', 'H100', 16, { task: 'other' })).toBeUndefined();
  });

  it('without a task, answers with the pooled row as before', () => {
    expect(table.lookup('inference', 'small', 'A100-80GB', 'H100', 16)).toMatchObject({
      ratio: 2.45,
      source: GPTJ,
    });
  });
});

describe('throughputConversion with a task', () => {
  const base = {
    policy: 'measured' as const,
    throughputClass: 'inference' as const,
    modelParamsBillions: 1.55,
    precision: 'fp16' as const,
    // named: `measured` keeps a named GPU to measured ratios (with none named, any GPU may price the hours)
    named: true,
    ratios: table,
  };
  const a100ToH100 = { ...base, demandTier: tiers.get('A100-80GB')!, offerTier: tiers.get('H100')! };

  it('a speech-to-text workload is not priced on H100 at the text-generation ratio; the reason names both', () => {
    const c = throughputConversion({ ...a100ToH100, task: 'speech-to-text' });
    expect(c.ok).toBe(false);
    const reason = c.ok ? '' : c.reason;
    expect(reason).toContain(
      'no published benchmark measures H100 against A100-80GB on speech-to-text models',
    );
    expect(reason).toContain(`the small-band ratio of 2.45× was measured on other tasks (${GPTJ})`);
  });

  it('a text-generation workload and one without a task convert at 2.45 (the same measurement)', () => {
    for (const task of ['text-generation', null] as const) {
      const c = throughputConversion({ ...a100ToH100, task });
      expect(throughputConversion(a100ToH100)).toEqual(c);
      expect(c.ok && c.value).toMatchObject({ ratio: 2.45, basis: 'measured', source: GPTJ });
    }
  });

  it('under gpuPolicy any, an unmeasured task pair gets no speed-up (at most 1)', () => {
    const c = throughputConversion({ ...a100ToH100, policy: 'any', task: 'speech-to-text' });
    expect(c.ok && c.value.basis).toBe('unmeasured');
    expect(c.ok && c.value.ratio).toBeLessThanOrEqual(1);
  });

  it('property: a task-specific answer is always a row of that task, never another task’s nor the pooled one', () => {
    const gpus = ['A100-80GB', 'H100', 'H100-NVL', 'L4'];
    const rowsArb = fc.uniqueArray(
      fc.record({
        pair: fc.constantFrom(...gpus.flatMap((a, i) => gpus.slice(i + 1).map((b) => [a, b] as const))),
        task: fc.constantFrom('', ...WORKLOAD_TASKS),
        ratio: fc.double({ min: 0.05, max: 20, noNaN: true }),
      }),
      { selector: (r) => `${r.pair.join('|')}|${r.task}` },
    );
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom(...WORKLOAD_TASKS),
        fc.constantFrom(...gpus),
        fc.constantFrom(...gpus),
        (rs, task, from, to) => {
          const t = throughputRatioTable(
            rs.map((r) =>
              row({
                gpuA: r.pair[0],
                gpuB: r.pair[1],
                ratio: r.ratio,
                min: r.ratio,
                max: r.ratio,
                task: r.task,
                source: `task:${r.task}`,
              }),
            ),
          );
          const got = t.lookup('inference', 'small', from, to, 16, { task });
          if (from === to) return got?.ratio === 1;
          const own = rs.find((r) => r.task === task && r.pair.includes(from) && r.pair.includes(to));
          if (own === undefined) return got === undefined;
          const expected = own.pair[0] === from ? own.ratio : 1 / own.ratio;
          return got?.source === `task:${task}` && got.ratio === expected;
        },
      ),
    );
  });
});
