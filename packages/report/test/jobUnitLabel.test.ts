import type { Analysis } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../src/markdown/renderMarkdown.js';
import { JOB_UNIT_LABELS, jobUnitLabel } from '../src/present/labels.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { cells } from './helpers/markdownTables.js';
import { mutableCopy } from './helpers/mutable.js';
import { through } from './helpers/throughput.js';

describe('jobUnitLabel: the unit of a cost per successful job', () => {
  test('an option on another GPU names the GPU the demand is counted in (review hR1: $0.7934 beside a $1.861 L40S)', () => {
    // dictation-asr, review/series-a.csv: 5,840 L4-hours priced on AWS L40S at 3.32×; $4,633.56 ÷ 5,840 = $0.7934.
    expect(jobUnitLabel({ jobUnit: 'gpu-hour', throughput: through('L4', 'L40S', 3.32) })).toBe(
      'useful L4 GPU-hour',
    );
    expect(jobUnitLabel({ jobUnit: 'gpu-hour', throughput: through('H100', 'A100-80GB', 0.452) })).toBe(
      'useful H100 GPU-hour',
    );
  });

  test('on the demand’s own GPU, or without a conversion, the label stays as it was', () => {
    expect(jobUnitLabel({ jobUnit: 'gpu-hour', throughput: through('H100', 'H100') })).toBe(
      'useful GPU-hour',
    );
    expect(jobUnitLabel({ jobUnit: 'gpu-hour', throughput: null })).toBe('useful GPU-hour');
    expect(jobUnitLabel({ jobUnit: 'gpu-hour' })).toBe('useful GPU-hour');
    expect(jobUnitLabel({ jobUnit: 'job', throughput: through('L4', 'L40S') })).toBe('job');
  });

  test('property: a GPU-hour unit names the demand GPU exactly when the option prices another one', () => {
    const gpu = fc.constantFrom('L4', 'L40S', 'H100', 'H200', 'A100-80GB', 'B200', 'RTX4090');
    fc.assert(
      fc.property(gpu, gpu, fc.constantFrom<'job' | 'gpu-hour'>('job', 'gpu-hour'), (d, o, unit) => {
        const label = jobUnitLabel({ jobUnit: unit, throughput: through(d, o) });
        if (unit === 'job') return label === JOB_UNIT_LABELS.job;
        return d === o ? label === JOB_UNIT_LABELS['gpu-hour'] : label === `useful ${d} GPU-hour`;
      }),
    );
  });

  test('the options table says it: an option converted from another GPU reads per useful <demand GPU> GPU-hour', () => {
    const a = mutableCopy(buildAnalysis());
    // Workload 3's options count GPU-hours (no job count): price its cloud option as if converted from an H100.
    const cost = a.workloads[2]?.decision.cloud?.cost;
    if (cost === undefined || cost.jobUnit !== 'gpu-hour') throw new Error('fixture changed');
    cost.throughput = {
      demandGpu: 'H100',
      offerGpu: 'A100-80GB',
      ratio: 0.452,
      basis: 'measured',
      source: null,
    };
    const md = renderMarkdown(a as Analysis);
    const section = md.slice(md.indexOf('### 3. '), md.indexOf('### 4. '));
    const row = section.split('\n').find((l) => l.startsWith('| Cloud '));
    expect(cells(row ?? '').at(-1)).toMatch(/^[\d.,]+ per useful H100 GPU-hour$/);
    const depinRow = section.split('\n').find((l) => l.startsWith('| Decentralized '));
    expect(cells(depinRow ?? '').at(-1)).toMatch(/^[\d.,]+ per useful GPU-hour$/);
  });
});
