import {
  APPROACHES,
  type Approach,
  type FitLevel,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  type WorkloadKind,
  type WorkloadProfileInput,
  workloadProfileSchema,
} from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { assessFit, CANONICAL_PROFILE_INPUTS, canonicalProfile, explainFit } from '../src/index.js';

/** The seed's table ("A practical framework for choosing between cloud and DePIN"), row by row. */
const SEED_TABLE: readonly [WorkloadKind, string, FitLevel, FitLevel, Approach][] = [
  ['realtime-inference', 'Real-time production inference', 'high', 'medium', 'cloud-first'],
  ['batch-inference', 'Batch inference', 'medium', 'high', 'depin-or-hybrid'],
  ['experimentation', 'Model experimentation', 'medium', 'high', 'depin-first'],
  ['multi-node-training', 'Large multi-node training', 'high', 'low', 'traditional-cloud'],
  ['fine-tuning', 'Fine-tuning smaller models', 'medium', 'high', 'hybrid'],
];

const rank = (a: Approach) => APPROACHES.indexOf(a);

function assess(input: WorkloadProfileInput) {
  const r = validateWorkloadProfile(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return explainFit(assessFit(r.value), r.value);
}

describe("the seed's table", () => {
  it('has one canonical profile per workload kind', () => {
    expect(SEED_TABLE.map(([k]) => k).sort()).toEqual([...WORKLOAD_KINDS].sort());
  });

  it.each(SEED_TABLE)('%s (%s): cloud %s, DePIN %s, %s', (kind, label, cloud, depin, approach) => {
    const p = canonicalProfile(kind);
    expect(p.name).toBe(label);
    const a = assessFit(p);
    expect(a.cloud.level).toBe(cloud);
    expect(a.depin.level).toBe(depin);
    expect(a.approach).toBe(approach);
  });

  it.each(WORKLOAD_KINDS)('the canonical %s profile is a validated, complete profile', (kind) => {
    const p = canonicalProfile(kind);
    const again = validateWorkloadProfile(CANONICAL_PROFILE_INPUTS[kind]);
    expect(again).toEqual({ ok: true, value: p });
    expect(p.kind).toBe(kind);
  });

  it('keeps multi-node training off DePIN by a hard constraint, not only by score', () => {
    const a = assessFit(canonicalProfile('multi-node-training'));
    expect(a.constraints).toEqual([
      expect.objectContaining({ side: 'depin', code: 'interconnect', scope: 'all' }),
    ]);
  });

  it('has no hard constraint on the other canonical rows', () => {
    for (const kind of WORKLOAD_KINDS.filter((k) => k !== 'multi-node-training'))
      expect(assessFit(canonicalProfile(kind)).constraints).toEqual([]);
  });
});

describe('fine-tuning: "hybrid, based on data sensitivity"', () => {
  const base = CANONICAL_PROFILE_INPUTS['fine-tuning'];

  it('leans DePIN on public data', () => {
    const pub = assess({ ...base, dataSensitivity: 'public' });
    const canonical = assessFit(canonicalProfile('fine-tuning'));
    expect(rank(pub.approach)).toBeGreaterThan(rank('hybrid'));
    expect(pub.depin.score).toBeGreaterThan(canonical.depin.score);
    expect(pub.depin.score - pub.cloud.score).toBeGreaterThan(0);
    expect(pub.constraints).toEqual([]);
  });

  it('leans cloud on regulated data, whatever the saving', () => {
    const reg = assess({ ...base, dataSensitivity: 'regulated', costSensitivity: 'high' });
    expect(rank(reg.approach)).toBeLessThan(rank('hybrid'));
    expect(reg.approach).toBe('traditional-cloud');
    expect(reg.constraints.map((c) => [c.code, c.side, c.scope])).toEqual([
      ['regulated-data', 'depin', 'all'],
    ]);
    expect(reg.constraints[0]!.reason).toMatch(/unless an offer holds the certifications/);
  });

  it('moves step by step from DePIN-first to traditional cloud as the data gets more sensitive', () => {
    const approaches = (['public', 'internal', 'confidential', 'regulated'] as const).map(
      (dataSensitivity) => assess({ ...base, dataSensitivity }).approach,
    );
    expect(approaches).toEqual(['depin-first', 'depin-or-hybrid', 'hybrid', 'traditional-cloud']);
  });
});

describe('serving is not one class (DESIGN §4)', () => {
  const serving = { id: 's', kind: 'realtime-inference', gpuHoursPerMonth: 2000 } as const;

  it('stateless, seconds-tolerant generation on a 24 GB card fits DePIN well', () => {
    const a = assess({
      ...serving,
      modelParamsBillions: 8,
      precision: 'fp16',
      p99LatencyMs: 8000,
      statelessRequests: true,
      interruptible: true,
      availabilityTarget: 0.99,
      costSensitivity: 'high',
    });
    expect(a.depin.level).toBe('high');
    expect(rank(a.approach)).toBeGreaterThanOrEqual(rank('hybrid'));
  });

  it('latency-critical, stateful serving of a large model does not', () => {
    const a = assess({
      ...serving,
      modelParamsBillions: 70,
      p99LatencyMs: 150,
      statelessRequests: false,
      availabilityTarget: 0.9999,
    });
    expect(a.depin.level).toBe('low');
    expect(a.approach).toBe('traditional-cloud');
  });

  it('a certification the serving stack must hold binds only its stateful part when requests are stateless', () => {
    const a = assess({ ...CANONICAL_PROFILE_INPUTS['realtime-inference'], compliance: ['hipaa'] });
    expect(a.constraints.map((c) => [c.code, c.scope])).toEqual([['certifications', 'part']]);
    expect(a.approach).toBe('cloud-first');
    expect(a.constraints[0]!.reason).toMatch(/may still overflow/);
  });

  it('the same certification binds all of it when requests keep state', () => {
    const a = assess({
      ...CANONICAL_PROFILE_INPUTS['realtime-inference'],
      compliance: ['hipaa'],
      statelessRequests: false,
    });
    expect(a.constraints.map((c) => [c.code, c.scope])).toEqual([['certifications', 'all']]);
    expect(a.approach).toBe('traditional-cloud');
  });
});

describe('multi-node is about communication, not node count (DESIGN §4)', () => {
  const training = { id: 't', kind: 'multi-node-training', gpuHoursPerMonth: 20_000 } as const;

  it('many nodes with no fast interconnect are not a hard constraint', () => {
    const a = assess({
      ...training,
      nodes: 64,
      interconnect: 'none',
      interruptible: true,
      checkpointable: true,
      dataSensitivity: 'public',
      costSensitivity: 'high',
    });
    expect(a.constraints).toEqual([]);
    expect(a.depin.level).not.toBe('low');
    expect(a.approach).not.toBe('traditional-cloud');
  });

  it('an InfiniBand need is a hard constraint even on one node', () => {
    const a = assess({ ...training, nodes: 1, interconnect: 'infiniband' });
    expect(a.constraints.map((c) => c.code)).toEqual(['interconnect']);
    expect(a.approach).toBe('traditional-cloud');
  });
});

describe('hard constraints', () => {
  const cases: [string, Partial<WorkloadProfileInput>, string, RegExp][] = [
    ['residency-bound data', { residency: ['EU'] }, 'residency', /must stay in EU/],
    ['a required PCI DSS certification', { compliance: ['pci-dss'] }, 'certifications', /pci-dss/],
    ['a required FedRAMP certification', { compliance: ['fedramp'] }, 'certifications', /fedramp/],
    ['regulated data', { dataSensitivity: 'regulated' }, 'regulated-data', /Regulated data/],
    ['an InfiniBand-class interconnect', { interconnect: 'infiniband' }, 'interconnect', /InfiniBand/],
  ];
  it.each(cases)('%s makes DePIN ineligible for all of a batch job', (_label, patch, code, reason) => {
    const a = assess({ ...CANONICAL_PROFILE_INPUTS['experimentation'], ...patch });
    expect(a.constraints).toEqual([
      { side: 'depin', code, scope: 'all', reason: expect.stringMatching(reason) },
    ]);
    expect(a.approach).toBe('traditional-cloud');
    // The soft scores still tell the truth about fit; the constraint is reported apart from them.
    expect(a.depin.level).not.toBe('low');
  });

  it('soft requirements (SOC 2, ISO 27001, GDPR) lower DePIN fit without a hard verdict', () => {
    const plain = assess(CANONICAL_PROFILE_INPUTS['experimentation']);
    const soft = assess({
      ...CANONICAL_PROFILE_INPUTS['experimentation'],
      compliance: ['soc2', 'iso27001', 'gdpr'],
    });
    expect(soft.constraints).toEqual([]);
    expect(soft.depin.score).toBeLessThan(plain.depin.score);
  });
});

describe('the canonical profiles read back', () => {
  it('workloadProfileSchema.parse(canonicalProfile(kind)) gives the same profile (issue 17)', () => {
    for (const kind of WORKLOAD_KINDS) {
      const p = canonicalProfile(kind);
      expect(workloadProfileSchema.parse(structuredClone(p))).toEqual(p);
    }
  });
});
