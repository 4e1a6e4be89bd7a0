import { validateWorkloadProfile, type WorkloadProfileInput } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessFit,
  canonicalProfile,
  defaultFramework,
  explainFit,
  FACTOR_IDS,
  factors,
} from '../src/index.js';
import { profile } from './profileArbitrary.js';

const RUNS = { numRuns: 300 };

function resolve(input: WorkloadProfileInput) {
  const r = validateWorkloadProfile(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('reasons', () => {
  it('list every factor exactly once, largest contribution first', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const { reasons } = assessFit(p);
        expect(reasons.map((r) => r.factor).sort()).toEqual([...FACTOR_IDS].sort());
        const sizes = reasons.map((r) => Math.abs(r.cloud) + Math.abs(r.depin));
        for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]!);
      }),
      RUNS,
    );
  });

  it('carry a finished sentence with no placeholder leaking through', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const a = explainFit(assessFit(p), p);
        for (const text of [...a.reasons.map((r) => r.sentence), ...a.constraints.map((c) => c.reason)]) {
          expect(text).toMatch(/^[A-Z0-9"].*[.)]$/s);
          expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
        }
      }),
      RUNS,
    );
  });

  it("are each factor's own pure function, weighted", () => {
    fc.assert(
      fc.property(profile, (p) => {
        const { reasons } = explainFit(assessFit(p), p);
        for (const f of factors) {
          const r = reasons.find((x) => x.factor === f.id)!;
          const direct = f.evaluate(p, defaultFramework);
          expect(direct.cloud).toBeCloseTo(r.cloud, 12);
          expect(direct.depin).toBeCloseTo(r.depin, 12);
          expect(direct.sentence).toBe(r.sentence);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('quote the seed for the canonical rows', () => {
    const p = canonicalProfile('batch-inference');
    const a = explainFit(assessFit(p), p);
    const kind = a.reasons.find((r) => r.factor === 'workload-kind')!;
    expect(kind.sentence).toMatch(
      /batch inference … and overnight processing can often run well on decentralized capacity/,
    );
  });
});

describe('assessFit', () => {
  it('never mutates its input and gives the same answer twice', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const copy = structuredClone(p);
        const a = assessFit(Object.freeze(p));
        expect(p).toEqual(copy);
        expect(assessFit(copy)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('returns results independent of earlier calls (no scratch leaks into results)', () => {
    const first = assessFit(canonicalProfile('realtime-inference'));
    const snapshot = structuredClone(first);
    assessFit(canonicalProfile('multi-node-training'));
    expect(first).toEqual(snapshot);
  });
});

/** Factor signal vectors: inputs from the seed's own examples, expected points from the documented curves. */
describe('factor curves', () => {
  const base = { id: 'v', kind: 'batch-inference', gpuHoursPerMonth: 100 } as const;
  const points = (id: (typeof FACTOR_IDS)[number], input: WorkloadProfileInput) =>
    assessFit(resolve(input)).reasons.find((r) => r.factor === id)!;
  const w = (id: (typeof FACTOR_IDS)[number]) => defaultFramework.factors[id].weight;

  it.each([
    [0.9, 0],
    [0.99, -0.5],
    [0.999, -1],
    [0.9999, -1],
  ])('uptime: %s availability → %s × weight on DePIN, half the opposite on cloud', (a, s) => {
    const r = points('uptime', { ...base, availabilityTarget: a });
    expect(r.depin).toBeCloseTo(s * w('uptime'), 9);
    expect(r.cloud).toBeCloseTo(-0.5 * s * w('uptime'), 9);
  });

  it.each([
    [undefined, 0],
    [50, -1],
    [100, -1],
    [1000, -0.5],
    [10_000, 0],
  ])('latency: p99 %s ms → %s × weight on DePIN', (ms, s) => {
    const r = points('latency', ms === undefined ? base : { ...base, p99LatencyMs: ms });
    expect(r.depin).toBeCloseTo(s * w('latency'), 9);
  });

  it.each([
    [7, 'fp16', 1],
    [8, 'fp16', 1],
    // 42.95B × 2 bytes = exactly 80 GiB: a full datacenter card, neither bonus nor penalty.
    [(80 * 2 ** 30) / 2 / 1e9, 'fp16', 0],
    [70, 'bf16', -Math.log((70e9 * 2) / 2 ** 30 / 80) / Math.log(640 / 80)],
    [405, 'bf16', -1],
  ] as const)('model size: %sB at %s → %s × weight on DePIN', (b, precision, s) => {
    const r = points('model-size', { ...base, modelParamsBillions: b, precision });
    expect(r.depin).toBeCloseTo(s * w('model-size'), 9);
  });

  it.each([
    ['none', 1, 0],
    ['none', 128, -0.25],
    ['nvlink', 1, -0.5],
    ['infiniband', 1, -1],
  ] as const)('interconnect %s on %s nodes → %s × weight on DePIN', (interconnect, nodes, s) => {
    const r = points('interconnect', { ...base, interconnect, nodes });
    expect(r.depin).toBeCloseTo(s * w('interconnect'), 9);
  });

  it.each([
    [0, 0],
    [100, 0],
    [1000, -0.5],
    [10_000, -1],
  ])('data movement: %s GiB → %s × weight on DePIN', (gib, s) => {
    const r = points('data-movement', { ...base, datasetGiB: gib });
    expect(r.depin).toBeCloseTo(s * w('data-movement'), 9);
  });

  it('checkpointability: a stateful 24 h job with no checkpoints loses the most; stateless shards lose nothing', () => {
    const stateful = { ...base, checkpointable: false, statelessRequests: false };
    expect(points('checkpointability', { ...stateful, hoursPerJob: 24 }).depin).toBeCloseTo(
      -w('checkpointability'),
      9,
    );
    expect(points('checkpointability', { ...stateful, hoursPerJob: 0.25 }).depin).toBe(0);
    expect(points('checkpointability', { ...stateful, statelessRequests: true, hoursPerJob: 24 }).depin).toBe(
      0,
    );
    expect(points('checkpointability', { ...base, checkpointable: true }).depin).toBe(w('checkpointability'));
  });
});

describe('reasons say which values were assumed (issue 17, honest defaults)', () => {
  const sentenceOf = (input: WorkloadProfileInput, factor: string) => {
    const p = resolve(input);
    return explainFit(assessFit(p), p).reasons.find((r) => r.factor === factor)!.sentence;
  };
  const bare = { id: 'chat', kind: 'realtime-inference', gpuHoursPerMonth: 730 } as const;

  it('a workload with no modelParamsBillions gets "assumed 8B (default for this kind)" and lists it', () => {
    const p = resolve(bare);
    expect(p.modelParamsBillions).toBe(8);
    expect(p.assumed).toContain('modelParamsBillions');
    expect(sentenceOf(bare, 'model-size')).toMatch(
      /^Assumed 8B parameters \(default for this kind; none given\)/,
    );
  });

  it('one that gives its model size (even the default value) is not called assumed', () => {
    const given = { ...bare, modelParamsBillions: 8 };
    expect(resolve(given).assumed).not.toContain('modelParamsBillions');
    const sentence = sentenceOf(given, 'model-size');
    // The precision was left out, so only it is marked.
    expect(sentence).toMatch(/^8B parameters at fp16 \(assumed: default for this kind\) take about/);
    expect(sentenceOf({ ...given, precision: 'fp16' }, 'model-size')).not.toMatch(/assumed/i);
  });

  it('the model-size sentence names the card that holds the weights: 24 GB, 32–48 GB, 80 GB, several', () => {
    const at = (b: number) =>
      sentenceOf({ ...bare, modelParamsBillions: b, precision: 'bf16' }, 'model-size');
    // bf16: 2 bytes a parameter. 8B = 14.9 GiB; 12B = 22.4 GiB (past a 24 GB card's 22.35 GiB of weights and
    // the 20 GiB threshold); 30B = 55.9 GiB; 70B = 130 GiB.
    expect(at(8)).toMatch(/one 24 GB consumer card holds them/);
    expect(at(12)).toMatch(
      /about 22\.4 GiB of weights: more than one 24 GB consumer card holds, but a 32–48 GB card/,
    );
    expect(at(30)).toMatch(/needs an 80 GB datacenter card/);
    expect(at(70)).toMatch(/more than one 80 GB GPU per replica/);
  });

  it('a training kind is sized by its method: full holds 16 bytes a parameter, LoRA the frozen weights + adapters', () => {
    const ft = {
      id: 'ft',
      kind: 'fine-tuning',
      gpuHoursPerMonth: 100,
      modelParamsBillions: 8,
      precision: 'bf16',
    } as const;
    // Full: 8e9 × (2 + 2 + 12) B / 2³⁰ = 119.2 GiB, more than one 80 GB card.
    expect(sentenceOf({ ...ft, trainingMethod: 'full' }, 'model-size')).toBe(
      '8B parameters at bf16, trained fully, hold about 119 GiB (weights, gradients and Adam state, 16 bytes a parameter): more than one 80 GB GPU per replica, and "bigger models may require specific GPU memory, multi-node coordination, or high-speed interconnects that are harder to guarantee outside major cloud providers".',
    );
    // LoRA: 8e9 × (2 + 0.01 × 16) B / 2³⁰ = 16.09 GiB: one 24 GB card.
    expect(sentenceOf({ ...ft, trainingMethod: 'lora' }, 'model-size')).toMatch(
      /^8B parameters at bf16, fine-tuned with LoRA, hold about 16\.1 GiB \(frozen weights plus adapters with their gradients and Adam state, 2\.16 bytes a parameter\): one 24 GB consumer card holds them/,
    );
    // QLoRA of 65B: embeddings and head (3.15 %) at bf16, the rest NF4: 65e9 × 0.7226 B / 2³⁰ = 43.7 GiB: a 48 GB card.
    expect(sentenceOf({ ...ft, modelParamsBillions: 65, trainingMethod: 'qlora' }, 'model-size')).toMatch(
      /^65B parameters at bf16, fine-tuned with QLoRA, hold about 43\.7 GiB \(frozen weights in 4-bit NF4 \(embeddings and LM head unquantized\) .*0\.72 bytes a parameter\): more than one 24 GB consumer card holds, but a 32–48 GB card/,
    );
    // Left out, the method is said to be assumed, with a full fine-tune's footprint beside it.
    expect(sentenceOf(ft, 'model-size')).toMatch(
      /^8B parameters at bf16, fine-tuned with LoRA \(assumed: default for this kind; a full fine-tune would hold about 119 GiB: set trainingMethod to full if every weight trains\), hold about 16\.1 GiB/,
    );
    const full = assessFit(resolve({ ...ft, trainingMethod: 'full' }));
    const lora = assessFit(resolve({ ...ft, trainingMethod: 'lora' }));
    expect(full.depin.score).toBeLessThan(lora.depin.score);
  });

  it('interruptibility and cost sensitivity say "assumed" only when defaulted', () => {
    expect(sentenceOf(bare, 'interruption-tolerance')).toMatch(
      /^Assumed not interruptible \(default for this kind/,
    );
    expect(sentenceOf(bare, 'cost-sensitivity')).toMatch(
      /^Assumed cost sensitivity \w+ \(default for this kind/,
    );
    const given = { ...bare, interruptible: false, costSensitivity: 'medium' } as const;
    expect(sentenceOf(given, 'interruption-tolerance')).not.toMatch(/assumed/i);
    expect(sentenceOf(given, 'cost-sensitivity')).not.toMatch(/assumed/i);
  });

  it('over generated profiles, a factor sentence says "assumed" exactly when its field was defaulted', () => {
    const FIELD = {
      'model-size': 'modelParamsBillions',
      'interruption-tolerance': 'interruptible',
      'cost-sensitivity': 'costSensitivity',
    } as const;
    fc.assert(
      fc.property(profile, (p) => {
        const { reasons } = explainFit(assessFit(p), p);
        for (const [factor, field] of Object.entries(FIELD)) {
          const sentence = reasons.find((r) => r.factor === factor)!.sentence;
          expect(sentence.startsWith('Assumed ')).toBe(p.assumed.includes(field));
        }
      }),
      RUNS,
    );
  });
});
