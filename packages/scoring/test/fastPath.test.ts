import type { WorkloadProfile } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessFit,
  assessFitBatch,
  canonicalProfile,
  explainFit,
  reasonSentence,
  renderReasons,
} from '../src/index.js';
import { expectBatchRow } from './expectBatchRow.js';
import { options, override } from './frameworkArbitrary.js';
import { profile } from './profileArbitrary.js';
import { referenceFit } from './referenceFit.js';

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
