/**
 * The packing note's hint (notes.ts `togetherHint`): separate jobs spread over the month each rent a multi-GPU
 * instance of their own; the note says which peakToMeanRatio would put them side by side and what that bills.
 * The hint must be true: the stated peak, analyzed again, gives the jobs at once and the billed factor it names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

const tiers = TEST_TIERS;
const hintOf = (assumptions: readonly string[]): RegExpMatchArray | null =>
  assumptions
    .join('\n')
    .match(
      /if (\d+) of the jobs can be started together, state peakToMeanRatio ([\d.]+) \(\d+ at once at the busiest time\) and they share one instance, billed ([\d.]+)× the GPU-hours used/,
    );

describe('the packing hint for jobs that could start together', () => {
  const fineTunes = profile({
    id: 'ft',
    kind: 'fine-tuning',
    gpuType: 'A100-80GB',
    gpusPerReplica: 1,
    jobsPerMonth: 4,
    hoursPerJob: 10,
    statelessRequests: true,
  });
  const eight = offer({ gpusPerInstance: 8 });

  it('4 fine-tunes of 10 h a month on an 8-GPU instance: peak 73 puts the 4 side by side, billed 2×', () => {
    const alone = estimateCost(fineTunes, eight, { tiers });
    // 40 GPU-hours ÷ 730 h = 0.0548 jobs at once on average; 4 at once is 4 ÷ 0.0548 = 73 × the mean.
    const hint = hintOf(alone.assumptions);
    expect(hint?.slice(1)).toEqual(['4', '73', '2']);
    const together = estimateCost({ ...fineTunes, peakToMeanRatio: 73 }, eight, { tiers });
    expect(together.assumptions.join(' ')).toMatch(/4 of each 8-GPU instance's 8 slots are busy/);
    expect(hintOf(together.assumptions)).toBeNull();
  });

  it('is not said for one job a month, a GPU-hours demand, or a job that holds the whole instance', () => {
    expect(hintOf(estimateCost({ ...fineTunes, jobsPerMonth: 1 }, eight, { tiers }).assumptions)).toBeNull();
    const hours = profile({
      id: 'x',
      kind: 'experimentation',
      gpuType: 'A100-80GB',
      gpusPerReplica: 1,
      gpuHoursPerMonth: 40,
      statelessRequests: true,
    });
    expect(hintOf(estimateCost(hours, eight, { tiers }).assumptions)).toBeNull();
    const whole = estimateCost({ ...fineTunes, statelessRequests: false }, eight, { tiers });
    expect(whole.assumptions.join(' ')).toMatch(/holds a whole instance of 8/);
    expect(hintOf(whole.assumptions)).toBeNull();
  });

  it('property: the stated peak gives the jobs at once and the billed factor the hint names', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.double({ min: 0.25, max: 20, noNaN: true }),
        fc.constantFrom(2, 4, 8),
        fc.constantFrom(1, 2),
        (jobs, hours, perInstance, g) => {
          fc.pre(g < perInstance);
          const p = { ...fineTunes, jobsPerMonth: jobs, hoursPerJob: hours, gpusPerReplica: g };
          const o = offer({ gpusPerInstance: perInstance });
          const hint = hintOf(estimateCost(p, o, { tiers }).assumptions);
          if (hint === null) return;
          const k = Number(hint[1]);
          expect(k).toBeLessThanOrEqual(Math.min(jobs, perInstance / g));
          const peak = Number(hint[2]);
          fc.pre(peak >= 1 && peak <= 1000);
          const again = estimateCost({ ...p, peakToMeanRatio: peak }, o, { tiers });
          // The peak is printed rounded: the jobs at once it gives are k within that rounding.
          const m = again.assumptions
            .join(' ')
            .match(/so ([\d.]+) of each \d+-GPU instance's \d+ slots are busy/);
          const fill = m === null ? perInstance / g : Number(m[1]);
          expect(Math.abs(fill - k) / k).toBeLessThan(0.01);
          expect(Math.abs(perInstance / (fill * g) - Number(hint[3])) / Number(hint[3])).toBeLessThan(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * One job at a time on an instance with more GPUs than it states (a 4-GPU LoRA of a 70B on an 8-GPU Nebius H200 spot
 * instance, billed 2× the GPU-hours used: $213.69 a month where the same job on all 8 GPUs was $105.40): the note
 * says what to state if the job runs data-parallel on the whole instance, and restating it so bills 1×.
 */
const scaleHintOf = (assumptions: readonly string[]): RegExpMatchArray | null =>
  assumptions
    .join('\n')
    .match(
      /if a job can run data-parallel on all (\d+) GPUs of one instance \(its work scaling with the GPU count, a gpufit assumption\), state gpusPerReplica (\d+) and hoursPerJob ([\d.]+): billed 1× the GPU-hours used/,
    );

describe('the packing hint for one job that could use the whole instance', () => {
  const lora = profile({
    id: 'lora-70b',
    kind: 'fine-tuning',
    gpuType: 'A100-80GB',
    gpusPerReplica: 4,
    jobsPerMonth: 1,
    hoursPerJob: 20,
    statelessRequests: true,
  });
  const eight = offer({ gpusPerInstance: 8 });

  it('hand-computed: 1 job of 20 h on 4 GPUs on an 8-GPU instance: state gpusPerReplica 8 and hoursPerJob 10 (20 × 4 ÷ 8)', () => {
    const alone = estimateCost(lora, eight, { tiers });
    expect(alone.assumptions.join(' ')).toMatch(/billed GPU-hours are 2× the GPU-hours used/);
    expect(scaleHintOf(alone.assumptions)?.slice(1)).toEqual(['8', '8', '10']);
    const whole = estimateCost({ ...lora, gpusPerReplica: 8, hoursPerJob: 10 }, eight, { tiers });
    expect(whole.assumptions.join(' ')).not.toMatch(/whole instances are rented/);
    expect(whole.monthlyUsd!).toBeLessThan(alone.monthlyUsd! * 0.6);
  });

  it('is not said for inference, for a job on the whole instance already, or beside the hint to start jobs together', () => {
    expect(
      scaleHintOf(
        estimateCost({ ...lora, gpusPerReplica: 8, hoursPerJob: 10 }, eight, { tiers }).assumptions,
      ),
    ).toBeNull();
    const batch = { ...lora, kind: 'batch-inference' as const, trainingMethod: null };
    expect(scaleHintOf(estimateCost(batch, eight, { tiers }).assumptions)).toBeNull();
    const four = estimateCost({ ...lora, gpusPerReplica: 1, jobsPerMonth: 4, hoursPerJob: 10 }, eight, {
      tiers,
    });
    expect(hintOf(four.assumptions)).not.toBeNull();
    expect(scaleHintOf(four.assumptions)).toBeNull();
  });

  it('property: restating the job as the hint says bills 1× the GPU-hours used, and the work (GPU-hours) is unchanged', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.constantFrom(2, 4, 8),
        fc.constantFrom(1, 2, 4),
        (hours, perInstance, g) => {
          fc.pre(g < perInstance && perInstance % g === 0);
          const p = { ...lora, hoursPerJob: hours, gpusPerReplica: g };
          const o = offer({ gpusPerInstance: perInstance });
          const hint = scaleHintOf(estimateCost(p, o, { tiers }).assumptions);
          expect(hint).not.toBeNull();
          if (hint === null) return;
          expect(Number(hint[2])).toBe(perInstance);
          const restated = { ...p, gpusPerReplica: perInstance, hoursPerJob: Number(hint[3]) };
          const again = estimateCost(restated, o, { tiers });
          expect(again.assumptions.join(' ')).not.toMatch(/whole instances are rented/);
          // The hours are printed to 3 significant figures: the work restated is the same within that rounding.
          expect(Math.abs(Number(hint[3]) * perInstance - hours * g) / (hours * g)).toBeLessThan(0.006);
        },
      ),
      { numRuns: 200 },
    );
  });
});
