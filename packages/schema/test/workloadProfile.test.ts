import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  WORKLOAD_PROFILE_FIELDS,
  workloadKinds,
  workloadProfileFromCsv,
} from '../src/index.js';

const minimal = { id: 'chat', kind: 'realtime-inference', gpuHoursPerMonth: 1460 } as const;

function issuesOf(input: unknown) {
  const r = validateWorkloadProfile(input);
  if (r.ok) throw new Error('expected a rejection');
  return r.issues;
}

describe('workload profile', () => {
  it('fills documented defaults from the kind registry', () => {
    for (const kind of WORKLOAD_KINDS) {
      const r = validateWorkloadProfile({ ...minimal, kind });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const d = workloadKinds[kind].defaults;
      expect(r.value).toMatchObject({
        name: 'chat',
        nodes: 1,
        availabilityTarget: d.availabilityTarget,
        p99LatencyMs: d.p99LatencyMs,
        interruptible: d.interruptible,
        checkpointable: d.checkpointable,
        costSensitivity: d.costSensitivity,
        precision: d.precision,
        interconnect: d.interconnect,
        checkpointMinutes: 5,
        restartMinutes: 10,
        horizonMonths: 12,
        compliance: [],
        residency: [],
        gpuType: null,
      });
    }
  });

  it('round-trips: a resolved profile validates to itself', () => {
    const first = validateWorkloadProfile({ ...minimal, compliance: ['soc2'], residency: ['eu', 'DE'] });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const { gpuType, gpusPerReplica, jobsPerMonth, p99LatencyMs, usersRegion, ...rest } = first.value;
    const input = Object.fromEntries(
      Object.entries({ ...rest, gpuType, gpusPerReplica, jobsPerMonth, p99LatencyMs, usersRegion }).filter(
        ([, v]) => v !== null,
      ),
    );
    const second = validateWorkloadProfile(input);
    expect(second).toEqual(first);
    expect(first.value.residency).toEqual(['EU', 'DE']);
  });

  it('does not mutate its input', () => {
    const input = { ...minimal, compliance: ['soc2', 'soc2'] };
    const copy = structuredClone(input);
    validateWorkloadProfile(input);
    expect(input).toEqual(copy);
  });

  it('accepts jobs × hours as the demand', () => {
    const r = validateWorkloadProfile({ id: 'ft', kind: 'fine-tuning', jobsPerMonth: 4, hoursPerJob: 6 });
    expect(r.ok && r.value.gpuHoursPerMonth === null && r.value.jobsPerMonth === 4).toBe(true);
  });

  const rejections: [string, Record<string, unknown>, string, string][] = [
    ['no demand at all', { id: 'a', kind: 'batch-inference' }, 'missing_demand', 'gpuHoursPerMonth'],
    [
      'jobs without hours',
      { id: 'a', kind: 'batch-inference', jobsPerMonth: 3 },
      'missing_demand',
      'hoursPerJob',
    ],
    [
      'hours without jobs',
      { id: 'a', kind: 'batch-inference', hoursPerJob: 3 },
      'missing_demand',
      'jobsPerMonth',
    ],
    [
      'demand that disagrees with itself',
      { ...minimal, jobsPerMonth: 10, hoursPerJob: 2, gpusPerReplica: 1 },
      'inconsistent_demand',
      'gpuHoursPerMonth',
    ],
    ['availability above 1', { ...minimal, availabilityTarget: 1.5 }, 'too_big', 'availabilityTarget'],
    ['availability of exactly 1', { ...minimal, availabilityTarget: 1 }, 'too_big', 'availabilityTarget'],
    ['negative availability', { ...minimal, availabilityTarget: -0.1 }, 'too_small', 'availabilityTarget'],
    ['negative dataset', { ...minimal, datasetGiB: -1 }, 'too_small', 'datasetGiB'],
    ['negative GPU-hours', { ...minimal, gpuHoursPerMonth: -5 }, 'too_small', 'gpuHoursPerMonth'],
    ['absurd GPU-hours', { ...minimal, gpuHoursPerMonth: 1e308 }, 'too_big', 'gpuHoursPerMonth'],
    ['NaN', { ...minimal, modelParamsBillions: Number.NaN }, 'invalid_type', 'modelParamsBillions'],
    ['Infinity', { ...minimal, datasetGiB: Number.POSITIVE_INFINITY }, 'invalid_type', 'datasetGiB'],
    ['fractional GPUs per replica', { ...minimal, gpusPerReplica: 1.5 }, 'invalid_type', 'gpusPerReplica'],
    ['peak below mean', { ...minimal, peakToMeanRatio: 0.5 }, 'too_small', 'peakToMeanRatio'],
    ['unknown kind', { ...minimal, kind: 'training' }, 'invalid_value', 'kind'],
    ['unknown compliance', { ...minimal, compliance: ['iso9001'] }, 'invalid_value', 'compliance'],
    ['bad residency code', { ...minimal, residency: ['Europe'] }, 'custom', 'residency'],
    ['unknown field', { ...minimal, gpuHours: 3 }, 'unknown_field', 'gpuHours'],
    ['empty id', { ...minimal, id: '  ' }, 'too_small', 'id'],
    ['horizon of 0 months', { ...minimal, horizonMonths: 0 }, 'too_small', 'horizonMonths'],
  ];

  it.each(rejections)('rejects %s with a path and a message', (_label, input, code, field) => {
    const issues = issuesOf(input);
    const hit = issues.find((i) => i.path[0] === field);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.code).toBe(code);
    expect(hit!.message.length).toBeGreaterThan(10);
  });

  it.each([
    ['global', 'global'],
    ['Global', 'global'],
    ['Europe', 'europe'],
    ['north america', 'north-america'],
    ['de', 'DE'],
    ['EEA', 'EEA'],
  ])('takes usersRegion %j as %j (countries, blocs, continents, global)', (usersRegion, want) => {
    const r = validateWorkloadProfile({ ...minimal, usersRegion });
    expect(r.ok && r.value.usersRegion).toBe(want);
  });

  it('refuses a usersRegion that is no place, naming what it may be', () => {
    const [issue] = issuesOf({ ...minimal, usersRegion: 'world' });
    expect(issue).toMatchObject({ code: 'custom', path: ['usersRegion'] });
    expect(issue!.message).toMatch(/"world" is not .*a continent \(africa, .*\) or global/);
  });

  it('keeps residency to countries and blocs, and says so for a continent', () => {
    const [issue] = issuesOf({ ...minimal, residency: ['europe'] });
    expect(issue).toMatchObject({ code: 'custom', path: ['residency', 0] });
    expect(issue!.message).toMatch(
      /a continent \(europe\) is not a jurisdiction: write the countries or a bloc/,
    );
  });

  it('explains a percentage written as availability', () => {
    const [issue] = issuesOf({ ...minimal, availabilityTarget: 99.9 });
    expect(issue!.message).toContain('0.999');
  });

  it('suggests the field an unknown column was meant to be', () => {
    const issues = issuesOf({ ...minimal, egresGiBPerMonth: 5 });
    expect(issues[0]!.message).toContain('egressGiBPerMonth');
  });
});

describe('workload profile from CSV cells', () => {
  const header = [...WORKLOAD_PROFILE_FIELDS];
  const row = (values: Partial<Record<(typeof WORKLOAD_PROFILE_FIELDS)[number], string>>) =>
    header.map((h) => values[h] ?? '');

  it('decodes numbers, booleans and ;-separated lists, leaving empty cells to defaults', () => {
    const r = workloadProfileFromCsv(
      header,
      row({
        id: 'emb',
        kind: 'batch-inference',
        gpuHoursPerMonth: '120.5',
        compliance: 'soc2; gdpr',
        residency: 'EU;',
        interruptible: 'yes',
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.gpuHoursPerMonth).toBe(120.5);
      expect(r.value.compliance).toEqual(['soc2', 'gdpr']);
      expect(r.value.residency).toEqual(['EU']);
      expect(r.value.interruptible).toBe(true);
      expect(r.value.checkpointable).toBe(true);
    }
  });

  it.each([
    ['1,5', 'decimal point: 1.5'],
    // A comma before three digits may be a thousands separator: "use 2.190" would be a 1,000× error.
    ['2,190', 'Write it without thousands separators: 2190 (or 2.190 if the comma is a decimal comma).'],
    ['1,234,567', 'Write it without thousands separators: 1234567.'],
    ['2,190.5', 'Write it without thousands separators: 2190.5.'],
    ['NaN', 'Leave the cell empty'],
    ['Infinity', 'Leave the cell empty'],
    ['$3', 'must be a number'],
    ['1e999', 'too large'],
  ])('rejects the cell %s with a message naming the column', (cell, hint) => {
    const r = workloadProfileFromCsv(
      header,
      row({ id: 'x', kind: 'experimentation', gpuHoursPerMonth: cell }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.path).toEqual(['gpuHoursPerMonth']);
      expect(r.issues[0]!.message).toContain(hint);
      expect(formatIssue(r.issues[0]!, { file: 'w.csv', row: 3 })).toMatch(
        /^w\.csv, row 3, column gpuHoursPerMonth: /,
      );
    }
  });

  it('rejects a boolean it cannot read', () => {
    const r = workloadProfileFromCsv(
      header,
      row({ id: 'x', kind: 'experimentation', gpuHoursPerMonth: '5', interruptible: 'maybe' }),
    );
    expect(!r.ok && r.issues[0]!.code).toBe('invalid_boolean');
  });
});
