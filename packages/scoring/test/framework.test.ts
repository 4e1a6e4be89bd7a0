import { WORKLOAD_KINDS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import {
  assessFit,
  assessFitBatch,
  canonicalProfile,
  defaultFramework,
  FACTOR_IDS,
  type FrameworkOverride,
  FrameworkOverrideError,
  factors,
  frameworkConfigSchema,
  resolveFramework,
  validateFrameworkOverride,
} from '../src/index.js';

function issuesOf(override: unknown) {
  const r = validateFrameworkOverride(override);
  if (r.ok) throw new Error('expected the override to be rejected');
  return r.issues;
}

describe('the default framework', () => {
  it('is a valid, versioned config', () => {
    expect(frameworkConfigSchema.safeParse(defaultFramework).success).toBe(true);
    expect(defaultFramework.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it('is frozen, so no caller can change it for everyone', () => {
    expect(Object.isFrozen(defaultFramework)).toBe(true);
    expect(Object.isFrozen(defaultFramework.factors.uptime.params)).toBe(true);
  });

  it('has a base fit for every workload kind and an entry for every registered factor', () => {
    expect(Object.keys(defaultFramework.kinds).sort()).toEqual([...WORKLOAD_KINDS].sort());
    expect(Object.keys(defaultFramework.factors)).toEqual([...FACTOR_IDS]);
    expect(factors.map((f) => f.id)).toEqual([...FACTOR_IDS]);
  });

  it('names its version in every assessment, with no overrides', () => {
    const a = assessFit(canonicalProfile('batch-inference'));
    expect(a.frameworkVersion).toBe(defaultFramework.version);
    expect(a.overrides).toEqual([]);
  });
});

describe('overrides', () => {
  it('lays a deep-partial override over the defaults and lists the dotted paths it set', () => {
    const r = resolveFramework({
      factors: { uptime: { weight: 30 }, latency: { params: { criticalMs: 50 } } },
      levels: { high: 70 },
    });
    expect(r.overrides).toEqual([
      'factors.latency.params.criticalMs',
      'factors.uptime.weight',
      'levels.high',
    ]);
    expect(r.config.factors.uptime).toEqual({ weight: 30, params: defaultFramework.factors.uptime.params });
    expect(r.config.factors.latency.params).toEqual({
      ...defaultFramework.factors.latency.params,
      criticalMs: 50,
    });
    expect(r.config.levels).toEqual({ high: 70, medium: defaultFramework.levels.medium });
  });

  it('changes the assessment and says so', () => {
    const override: FrameworkOverride = {
      version: '2026.11.0-acme.1',
      kinds: { 'batch-inference': { depin: -1 } },
    };
    const p = canonicalProfile('batch-inference');
    const plain = assessFit(p);
    const a = assessFit(p, { framework: override });
    expect(a.depin.score).toBeLessThan(plain.depin.score);
    expect(a.frameworkVersion).toBe('2026.11.0-acme.1');
    expect(a.overrides).toEqual(['kinds.batch-inference.depin', 'version']);
  });

  it('replaces a list whole: approach rules are data a team can rewrite', () => {
    const cautious: FrameworkOverride = {
      approach: { rules: [{ approach: 'cloud-first', minLean: -100, minDepinLevel: 'medium' }] },
    };
    for (const kind of WORKLOAD_KINDS) {
      const a = assessFit(canonicalProfile(kind), { framework: cautious });
      expect(['traditional-cloud', 'cloud-first']).toContain(a.approach);
    }
    expect(assessFit(canonicalProfile('experimentation'), { framework: cautious }).overrides).toEqual([
      'approach.rules',
    ]);
  });

  it('lets a team switch a hard constraint off or widen it', () => {
    const p = canonicalProfile('multi-node-training');
    const off = assessFit(p, { framework: { constraints: { interconnect: { enabled: false } } } });
    expect(off.constraints).toEqual([]);
    const wider = assessFit(canonicalProfile('fine-tuning'), {
      framework: { constraints: { 'regulated-data': { minDataSensitivity: 'confidential' } } },
    });
    expect(wider.constraints.map((c) => c.code)).toEqual(['regulated-data']);
    expect(wider.approach).toBe('traditional-cloud');
  });

  it('gives the same answer for the same override object on every call (cached by identity)', () => {
    const override: FrameworkOverride = { factors: { 'cost-sensitivity': { weight: 12 } } };
    const p = canonicalProfile('fine-tuning');
    const first = assessFit(p, { framework: override });
    expect(assessFit(p, { framework: override })).toEqual(first);
    expect(assessFit(p, { framework: { factors: { 'cost-sensitivity': { weight: 12 } } } })).toEqual(first);
  });

  it('accepts untyped JSON (a scenario file) through validateFrameworkOverride', () => {
    const json: unknown = JSON.parse('{"factors":{"uptime":{"weight":25}}}');
    const r = validateFrameworkOverride(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = assessFit(canonicalProfile('realtime-inference'), { framework: r.value.override });
    expect(a.overrides).toEqual(['factors.uptime.weight']);
    expect(a.cloud.score).toBeGreaterThan(assessFit(canonicalProfile('realtime-inference')).cloud.score);
  });

  it('applies to the batch entry point too', () => {
    const override: FrameworkOverride = { base: { depin: 0 } };
    const p = canonicalProfile('experimentation');
    const batch = assessFitBatch([p], { framework: override });
    expect(batch.depinScore[0]).toBe(assessFit(p, { framework: override }).depin.score);
    expect(batch.overrides).toEqual(['base.depin']);
  });
});

describe('invalid overrides are typed errors with a path', () => {
  it.each([
    ['a negative weight', { factors: { uptime: { weight: -1 } } }, ['factors', 'uptime', 'weight']],
    [
      'a weight that is not a number',
      { factors: { uptime: { weight: '30' } } },
      ['factors', 'uptime', 'weight'],
    ],
    [
      'a kind signal outside −1..1',
      { kinds: { experimentation: { depin: 2 } } },
      ['kinds', 'experimentation', 'depin'],
    ],
    ['an unknown approach', { constraints: { caps: { all: 'cloud' } } }, ['constraints', 'caps', 'all']],
    ['thresholds out of order', { levels: { medium: 80 } }, ['levels', 'medium']],
    [
      'params out of order',
      { factors: { latency: { params: { criticalMs: 20_000 } } } },
      ['factors', 'latency', 'params', 'criticalMs'],
    ],
    [
      'unordered sensitivity values',
      { factors: { 'compliance-privacy': { params: { regulated: 1 } } } },
      ['factors', 'compliance-privacy', 'params', 'public'],
    ],
    [
      'a part cap stricter than the all cap',
      { constraints: { caps: { all: 'hybrid' } } },
      ['constraints', 'caps', 'part'],
    ],
  ])('rejects %s', (_label, override, path) => {
    expect(issuesOf(override).map((i) => i.path)).toContainEqual(path);
  });

  it('names an unknown key and suggests the one meant', () => {
    const [issue] = issuesOf({ factors: { uptime: { wieght: 3 } } });
    expect(issue).toMatchObject({ code: 'unknown_field', path: ['factors', 'uptime', 'wieght'] });
    expect(issue!.message).toMatch(/did you mean "weight"/);
    expect(issuesOf({ factors: { upTime: { weight: 3 } } })[0]!.path).toEqual(['factors', 'upTime']);
  });

  it('throws FrameworkOverrideError from assessFit, with the issues as data', () => {
    const p = canonicalProfile('batch-inference');
    let caught: unknown;
    try {
      assessFit(p, { framework: { levels: { high: 500 } } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FrameworkOverrideError);
    const error = caught as FrameworkOverrideError;
    expect(error.issues[0]!.path).toEqual(['levels', 'high']);
    expect(error.message).toMatch(/levels\.high/);
  });

  it('never leaves a bad override half-applied', () => {
    const p = canonicalProfile('batch-inference');
    const before = assessFit(p);
    expect(() => assessFit(p, { framework: { base: { cloud: Number.NaN } } })).toThrow(
      FrameworkOverrideError,
    );
    expect(assessFit(p)).toEqual(before);
  });
});
