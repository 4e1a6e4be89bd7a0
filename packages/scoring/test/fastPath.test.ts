import {
  APPROACHES,
  DATA_SENSITIVITIES,
  FIT_LEVELS,
  INTERCONNECTS,
  WORKLOAD_KINDS,
  type WorkloadProfile,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessFit,
  assessFitBatch,
  canonicalProfile,
  explainFit,
  FACTOR_IDS,
  type FrameworkOverride,
  reasonSentence,
  renderReasons,
  validateFrameworkOverride,
} from '../src/index.js';
import { expectBatchRow } from './expectBatchRow.js';
import { profile } from './profileArbitrary.js';
import { referenceFit } from './referenceFit.js';

const signal = fc.double({ min: -1, max: 1, noNaN: true });
const points = fc.double({ min: 0, max: 100, noNaN: true });
const toggle = fc.record({ enabled: fc.boolean(), partial: fc.boolean() }, { requiredKeys: [] });

/** Framework overrides a team could write: weights, base, levels, kinds, rules, constraints and some params. */
const overrideInput: fc.Arbitrary<unknown> = fc.record(
  {
    version: fc.constantFrom('2026.11.0-acme.1', 'team-7'),
    base: fc.record({ cloud: points, depin: points }, { requiredKeys: [] }),
    levels: fc
      .tuple(fc.double({ min: 0, max: 99, noNaN: true }), fc.double({ min: 0.5, max: 50, noNaN: true }))
      .map(([medium, gap]) => ({ medium, high: Math.min(100, medium + gap) })),
    kinds: fc.record(
      Object.fromEntries(WORKLOAD_KINDS.map((k) => [k, fc.record({ cloud: signal, depin: signal })])),
      {
        requiredKeys: [],
      },
    ),
    factors: fc.record(
      {
        ...Object.fromEntries(FACTOR_IDS.map((id) => [id, fc.record({ weight: points })])),
        latency: fc.record({
          weight: points,
          params: fc
            .tuple(
              fc.double({ min: 1, max: 1000, noNaN: true }),
              fc.double({ min: 1.5, max: 1000, noNaN: true }),
            )
            .map(([criticalMs, k]) => ({ criticalMs, tolerantMs: criticalMs * k })),
        }),
        'compliance-privacy': fc.record({
          params: fc.record({ perRequirement: fc.double({ min: 0, max: 1, noNaN: true }) }),
        }),
      },
      { requiredKeys: [] },
    ),
    approach: fc.record({
      rules: fc.array(
        fc.record({
          approach: fc.constantFrom(...APPROACHES),
          minLean: fc.double({ min: -100, max: 100, noNaN: true }),
          minDepinLevel: fc.constantFrom(...FIT_LEVELS),
        }),
        { maxLength: 6 },
      ),
    }),
    constraints: fc.record(
      {
        caps: fc
          .tuple(fc.nat({ max: APPROACHES.length - 1 }), fc.nat({ max: APPROACHES.length - 1 }))
          .map(([a, b]) => ({ all: APPROACHES[Math.min(a, b)]!, part: APPROACHES[Math.max(a, b)]! })),
        partialScope: fc.record({
          patterns: fc.subarray(['serving', 'batch'] as const),
          maxDataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
        }),
        'regulated-data': fc.record(
          {
            enabled: fc.boolean(),
            partial: fc.boolean(),
            minDataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
          },
          { requiredKeys: [] },
        ),
        certifications: toggle,
        residency: toggle,
        interconnect: fc.record({
          enabled: fc.boolean(),
          minInterconnect: fc.constantFrom(...INTERCONNECTS),
        }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Valid overrides only (a generated one may break a cross-field rule, e.g. a params check). */
const override: fc.Arbitrary<FrameworkOverride | undefined> = fc.option(
  overrideInput
    .map((o) => validateFrameworkOverride(o))
    .filter((r) => r.ok)
    .map((r) => (r.ok ? r.value.override : {})),
  { freq: 4, nil: undefined },
);

const options = (o: FrameworkOverride | undefined) => (o === undefined ? undefined : { framework: o });

describe('assessFit (fast path) against the reference implementation', () => {
  it('gives the same scores, levels, approach, constraints, reasons and sentences, with and without overrides', () => {
    fc.assert(
      fc.property(profile, override, (p, o) => {
        const fit = assessFit(p, options(o));
        expect(explainFit(fit, p, options(o))).toEqual(referenceFit(p, o));
      }),
      { numRuns: 600 },
    );
  });

  it('reports reasons as data: factor ids and numbers, no sentence until one is rendered', () => {
    const p = canonicalProfile('realtime-inference');
    const fit = assessFit(p);
    for (const r of fit.reasons) expect(Object.keys(r)).toEqual(['factor', 'cloud', 'depin']);
    for (const c of fit.constraints) expect(Object.keys(c)).toEqual(['side', 'code', 'scope']);
    const rendered = renderReasons(fit, p);
    expect(rendered.map((r) => r.sentence)).toEqual(fit.reasons.map((r) => reasonSentence(r, p)));
    expect(rendered).toEqual(referenceFit(p).reasons);
  });

  it('refuses to render sentences under another framework than the one assessed', () => {
    const p = canonicalProfile('batch-inference');
    const fit = assessFit(p, { framework: { factors: { uptime: { weight: 30 } } } });
    expect(() => explainFit(fit, p)).toThrow(
      /overrides: factors\.uptime\.weight.*pass the options assessFit/,
    );
    expect(() => renderReasons(assessFit(p), p, { framework: { version: 'other' } })).toThrow(
      /framework 2026/,
    );
  });

  it('renders the same text whatever was assessed in between (no shared scratch leaks into a result)', () => {
    const a = canonicalProfile('multi-node-training');
    const b = canonicalProfile('experimentation');
    const fitA = assessFit(a);
    const before = JSON.stringify(fitA);
    assessFit(b);
    expect(JSON.stringify(fitA)).toBe(before);
    expect(explainFit(fitA, a)).toEqual(referenceFit(a));
  });
});

describe('assessFitBatch (fast path) against the reference implementation', () => {
  it('gives the reference columns, with and without overrides', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 30 }), override, (profiles: WorkloadProfile[], o) => {
        const batch = assessFitBatch(profiles, options(o));
        profiles.forEach((p, i) => {
          expectBatchRow(batch, i, referenceFit(p, o));
        });
      }),
      { numRuns: 150 },
    );
  });
});
