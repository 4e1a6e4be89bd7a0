import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { optionAssumptions } from '../src/document/workloadSection.js';
import type { ShownOption } from '../src/present/presentAnalysis.js';

const option = (providerName: string, assumptions: readonly string[]): ShownOption =>
  ({ offer: { providerName }, cost: { assumptions } }) as unknown as ShownOption;

describe("optionAssumptions: a workload's assumptions, each said once and owned", () => {
  test('review hR1, research-exp: the cloud spot line and the marketplace line name their option', () => {
    const cloud = option('Nebius', [
      'interruptions: the job is short enough that rerunning beats checkpointing (M = 83.4 h)',
      'the 500 GiB dataset is uploaded once',
    ]);
    const depin = option('Vast.ai', [
      'the 500 GiB dataset is uploaded once',
      'interruptions: a 3 h job checkpoints every 0.819 h (M = 10.6 h)',
      'each job runs 2.52 h',
    ]);
    expect(optionAssumptions(cloud, depin)).toEqual([
      'Cloud (Nebius): interruptions: the job is short enough that rerunning beats checkpointing (M = 83.4 h)',
      'the 500 GiB dataset is uploaded once',
      'Decentralized (Vast.ai): interruptions: a 3 h job checkpoints every 0.819 h (M = 10.6 h)',
      'Decentralized (Vast.ai): each job runs 2.52 h',
    ]);
  });

  test('with one option (or one that states nothing: an ineligible side) nothing is labelled', () => {
    const cloud = option('Amazon Web Services', [
      'demand is 5,840 L4 GPU-hours a month',
      'serving: 9 instances',
    ]);
    expect(optionAssumptions(cloud, null)).toEqual([
      'demand is 5,840 L4 GPU-hours a month',
      'serving: 9 instances',
    ]);
    expect(optionAssumptions(cloud, option('Vast.ai', []))).toEqual([
      'demand is 5,840 L4 GPU-hours a month',
      'serving: 9 instances',
    ]);
    expect(optionAssumptions(null, null)).toEqual([]);
  });

  test('property: every line appears once; it is labelled exactly when both options state lines and only one states it', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    fc.assert(
      fc.property(lines, lines, (c, dp) => {
        const out = optionAssumptions(option('C', c), option('D', dp));
        const both = c.length > 0 && dp.length > 0;
        const expected = new Set([...c, ...dp]);
        expect(out.length).toBe(expected.size);
        for (const x of expected) {
          const only = c.includes(x) !== dp.includes(x);
          const want = !both || !only ? x : c.includes(x) ? `Cloud (C): ${x}` : `Decentralized (D): ${x}`;
          expect(out.filter((y) => y === want)).toHaveLength(1);
        }
      }),
    );
  });
});
