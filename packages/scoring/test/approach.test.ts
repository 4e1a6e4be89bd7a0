import { APPROACHES, FIT_LEVELS } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseApproach, levelOf } from '../src/chooseApproach.js';
import { compile } from '../src/compileFramework.js';
import { defaultFramework, type FrameworkOverride, resolveFramework } from '../src/index.js';

const score = fc.double({ min: 0, max: 100, noNaN: true });

const rule = fc.record({
  approach: fc.constantFrom(...APPROACHES),
  minLean: fc.double({ min: -100, max: 100, noNaN: true }),
  minDepinLevel: fc.constantFrom(...FIT_LEVELS),
});

/** Any rule set a team could configure, with any valid thresholds. */
const framework = fc
  .record({
    rules: fc.array(rule, { maxLength: 8 }),
    thresholds: fc.tuple(score, score).filter(([a, b]) => a !== b),
  })
  .map(({ rules, thresholds: [a, b] }) => {
    const override: FrameworkOverride = {
      approach: { rules },
      levels: { medium: Math.min(a, b), high: Math.max(a, b) },
    };
    const r = resolveFramework(override);
    return compile(r.config, r.overrides);
  });

const approachAt = (fw: ReturnType<typeof compile>, cloud: number, depin: number) =>
  chooseApproach(cloud, depin, levelOf(depin, fw), fw);

describe('the approach rules', () => {
  it('are monotone for every configurable rule set: more DePIN fit or less cloud fit never moves toward cloud', () => {
    fc.assert(
      fc.property(framework, score, score, score, score, (fw, c1, c2, d1, d2) => {
        const [cloudLow, cloudHigh] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const [depinLow, depinHigh] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(approachAt(fw, cloudLow, depinHigh)).toBeGreaterThanOrEqual(
          approachAt(fw, cloudHigh, depinLow),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('fall back to traditional cloud when no rule passes', () => {
    const fw = compile(defaultFramework, []);
    expect(APPROACHES[approachAt(fw, 90, 10)]).toBe('traditional-cloud');
  });

  it.each([
    [90, 50, 'cloud-first'],
    [50, 60, 'hybrid'],
    [50, 80, 'depin-or-hybrid'],
    [40, 90, 'depin-first'],
    [20, 30, 'traditional-cloud'],
  ] as const)('default rules: cloud %s, DePIN %s → %s', (cloud, depin, expected) => {
    const fw = compile(defaultFramework, []);
    expect(APPROACHES[approachAt(fw, cloud, depin)]).toBe(expected);
  });
});
