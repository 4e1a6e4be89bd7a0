import {
  APPROACHES,
  COMPLIANCE_REQUIREMENTS,
  DATA_SENSITIVITIES,
  FIT_LEVELS,
  INTERCONNECTS,
  WORKLOAD_KINDS,
} from '@gpufit/schema';
import fc from 'fast-check';
import { FACTOR_IDS, type FrameworkOverride, validateFrameworkOverride } from '../src/index.js';

const signal = fc.double({ min: -1, max: 1, noNaN: true });
const points = fc.double({ min: 0, max: 100, noNaN: true });
const toggle = fc.record({ enabled: fc.boolean(), partial: fc.boolean() }, { requiredKeys: [] });

/** Two signals, ordered: `[low, high]` with low ≤ high. */
const orderedPair: fc.Arbitrary<[number, number]> = fc
  .tuple(signal, signal)
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]));
/** Three signals, ordered low ≤ mid ≤ high. */
const orderedTriple = fc
  .tuple(signal, signal, signal)
  .map((xs) => [...xs].sort((a, b) => a - b) as [number, number, number]);
/** `lo` and `hi = lo × k` with k > 1: a ramp's breakpoints. */
const ramp = (min: number, max: number) =>
  fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min: 1.5, max: 1000, noNaN: true }));

/**
 * Every factor's params as a team could set them, each within its `checkParams` (orders kept, ramps with
 * lo < hi), so that few generated overrides are refused; any field may be left out.
 */
const factorParams = {
  'model-size': fc
    .tuple(ramp(0.5, 200), fc.double({ min: 1.5, max: 100, noNaN: true }))
    .map(([[consumerCardGiB, k], j]) => ({
      consumerCardGiB,
      datacenterCardGiB: consumerCardGiB * k,
      clusterGiB: consumerCardGiB * k * j,
    })),
  interconnect: fc
    .tuple(
      orderedPair,
      orderedPair,
      fc.double({ min: -1, max: 0, noNaN: true }),
      fc.integer({ min: 2, max: 4096 }),
    )
    .map(
      ([[infinibandDepin, nvlinkDepin], [nvlinkCloud, infinibandCloud], coordinationDepin, manyNodes]) => ({
        nvlinkDepin: Math.min(0, nvlinkDepin),
        infinibandDepin: Math.min(0, infinibandDepin),
        nvlinkCloud: Math.max(0, nvlinkCloud),
        infinibandCloud: Math.max(0, infinibandCloud),
        coordinationDepin,
        manyNodes,
      }),
    ),
  'data-movement': ramp(0.1, 1e5).map(([smallGiB, k]) => ({ smallGiB, largeGiB: smallGiB * k })),
  uptime: fc
    .tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }))
    .map(([a, b]) => ({ relaxedAvailability: a, strictAvailability: a + (1 - a) * b })),
  latency: ramp(1, 1000).map(([criticalMs, k]) => ({ criticalMs, tolerantMs: criticalMs * k })),
  'compliance-privacy': fc
    .tuple(
      fc.tuple(signal, signal, signal, signal).map((xs) => [...xs].sort((a, b) => b - a)),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([[pub, internal, confidential, regulated], perRequirement, residency]) => ({
      public: pub!,
      internal: internal!,
      confidential: confidential!,
      regulated: regulated!,
      perRequirement,
      residency,
    })),
  'cost-sensitivity': fc
    .tuple(orderedTriple, orderedTriple)
    .map(([[lowDepin, mediumDepin, highDepin], [highCloud, mediumCloud, lowCloud]]) => ({
      lowDepin,
      mediumDepin,
      highDepin,
      lowCloud,
      mediumCloud,
      highCloud,
    })),
  'interruption-tolerance': fc
    .tuple(orderedPair, orderedPair)
    .map(([[intolerantDepin, tolerantDepin], [tolerantCloud, intolerantCloud]]) => ({
      tolerantDepin,
      intolerantDepin,
      tolerantCloud,
      intolerantCloud,
    })),
  checkpointability: ramp(0.01, 100).map(([shortJobHours, k]) => ({
    shortJobHours,
    longJobHours: shortJobHours * k,
  })),
  'stateless-requests': fc
    .tuple(orderedPair, orderedPair)
    .map(([[statefulDepin, statelessDepin], [statelessCloud, statefulCloud]]) => ({
      statelessDepin,
      statefulDepin,
      statelessCloud,
      statefulCloud,
    })),
} as const;

/** Framework overrides a team could write: weights, base, levels, kinds, every factor's params, rules, constraints. */
export const overrideInput: fc.Arbitrary<unknown> = fc.record(
  {
    version: fc.constantFrom('2026.11.0-acme.1', 'team-7'),
    base: fc.record({ cloud: points, depin: points }, { requiredKeys: [] }),
    levels: fc
      .tuple(fc.double({ min: 0, max: 99, noNaN: true }), fc.double({ min: 0.5, max: 50, noNaN: true }))
      .map(([medium, gap]) => ({ medium, high: Math.min(100, medium + gap) })),
    kinds: fc.record(
      Object.fromEntries(WORKLOAD_KINDS.map((k) => [k, fc.record({ cloud: signal, depin: signal })])),
      { requiredKeys: [] },
    ),
    factors: fc.record(
      Object.fromEntries(
        FACTOR_IDS.map((id) => {
          const params = (factorParams as Record<string, fc.Arbitrary<Record<string, number>>>)[id];
          return [
            id,
            params === undefined
              ? fc.record({ weight: points }, { requiredKeys: [] })
              : fc.record({ weight: points, params }, { requiredKeys: [] }),
          ];
        }),
      ),
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
        certifications: fc.record(
          {
            enabled: fc.boolean(),
            partial: fc.boolean(),
            requirements: fc.subarray([...COMPLIANCE_REQUIREMENTS]),
          },
          { requiredKeys: [] },
        ),
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

/** Valid overrides only (a generated one may still break a cross-field rule). */
export const override: fc.Arbitrary<FrameworkOverride | undefined> = fc.option(
  overrideInput
    .map((o) => validateFrameworkOverride(o))
    .filter((r) => r.ok)
    .map((r) => (r.ok ? r.value.override : {})),
  { freq: 4, nil: undefined },
);

/** A custom framework, never the default: what the batch-against-object property needs most. */
export const customFramework: fc.Arbitrary<FrameworkOverride> = overrideInput
  .map((o) => validateFrameworkOverride(o))
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.value.override : {}));

export const options = (o: FrameworkOverride | undefined) => (o === undefined ? undefined : { framework: o });
