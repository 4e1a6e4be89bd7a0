import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMABLE_FIELDS_OF_KIND,
  ASSUMABLE_PROFILE_FIELDS,
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  DENOMINATIONS,
  GPU_POLICIES,
  INTERCONNECTS,
  MARKETS,
  OUTPUT_UNITS,
  offerSchema,
  PRECISIONS,
  PRICING_CATEGORIES,
  scenarioSchema,
  TRAINING_METHODS,
  taskOfModel,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  WORKLOAD_TASKS,
  workloadKinds,
  workloadProfileSchema,
} from '../src/index.js';

/** Optional fields of a profile, each with values the schema accepts. */
const optionalProfileFields = {
  name: fc.constantFrom('Chat', 'Nightly scoring', 'Ünïcode run'),
  modelParamsBillions: fc.constantFrom(0.5, 7, 8, 70, 405),
  precision: fc.constantFrom(...PRECISIONS),
  gpuType: fc.constantFrom('H100', 'A100-80GB', 'L4'),
  nodes: fc.integer({ min: 1, max: 64 }),
  interconnect: fc.constantFrom(...INTERCONNECTS),
  peakToMeanRatio: fc.double({ min: 1, max: 10, noNaN: true }),
  datasetGiB: fc.double({ min: 0, max: 1e5, noNaN: true }),
  egressGiBPerMonth: fc.double({ min: 0, max: 1e5, noNaN: true }),
  dataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
  compliance: fc.array(fc.constantFrom(...COMPLIANCE_REQUIREMENTS), { maxLength: 4 }),
  residency: fc.array(fc.constantFrom('EU', 'de', 'US', 'fr'), { maxLength: 3 }),
  availabilityTarget: fc.constantFrom(0.9, 0.99, 0.999),
  p99LatencyMs: fc.integer({ min: 1, max: 10_000 }),
  usersRegion: fc.constantFrom('global', 'EU', 'de', 'US'),
  interruptible: fc.boolean(),
  checkpointable: fc.boolean(),
  checkpointMinutes: fc.integer({ min: 0, max: 60 }),
  restartMinutes: fc.integer({ min: 0, max: 60 }),
  costSensitivity: fc.constantFrom(...COST_SENSITIVITIES),
  horizonMonths: fc.integer({ min: 1, max: 120 }),
  statelessRequests: fc.boolean(),
  gpuPolicy: fc.constantFrom(...GPU_POLICIES),
  allowedPricingCategories: fc.array(fc.constantFrom(...PRICING_CATEGORIES), { maxLength: 3 }),
  allowedMarkets: fc.array(fc.constantFrom(...MARKETS), { maxLength: 3 }),
  allowedProviders: fc.array(fc.constantFrom('AWS', 'vast', 'Akash'), { maxLength: 3 }),
  excludedProviders: fc.array(fc.constantFrom('gcp', 'RunPod'), { maxLength: 2 }),
  outputUnit: fc.constantFrom(...OUTPUT_UNITS),
  outputPerMonth: fc.constantFrom(0.5, 250_000, 2.5e9),
  trainingMethod: fc.constantFrom(...TRAINING_METHODS),
  growsWithDemand: fc.boolean(),
  startupMinutes: fc.constantFrom(0, 2, 12.5),
  // Known families (their task is read from them when task is left out) and an unknown name (it is not)
  model: fc.constantFrom('Llama 3.1 8B Instruct', 'openai/whisper-large-v3', 'our-model-v2'),
  task: fc.constantFrom(...WORKLOAD_TASKS),
};

/** The demand in each form the schema accepts (hours alone, jobs × hours, both with a replica size). */
const demand = fc.oneof(
  fc.record({ gpuHoursPerMonth: fc.double({ min: 0, max: 1e5, noNaN: true }) }),
  fc.record({ jobsPerMonth: fc.integer({ min: 0, max: 500 }), hoursPerJob: fc.constantFrom(0.5, 4, 24) }),
  fc.record({ gpuHoursPerMonth: fc.constantFrom(10, 100), jobsPerMonth: fc.constantFrom(1, 3) }),
);

const profileInput = fc
  .tuple(
    fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,12}$/),
      kind: fc.constantFrom(...WORKLOAD_KINDS),
    }),
    demand,
    fc.record(optionalProfileFields, { requiredKeys: [] }),
  )
  .map(([head, d, rest]) => {
    // The output fields describe inference workloads only, and a stated volume comes with its unit.
    // A training method describes training kinds only.
    const { outputUnit, outputPerMonth, trainingMethod, ...others } = rest;
    const training =
      workloadKinds[head.kind].defaults.trainingMethod === null || trainingMethod === undefined
        ? {}
        : { trainingMethod };
    const output =
      workloadKinds[head.kind].defaults.outputUnit === null
        ? {}
        : {
            ...(outputUnit !== undefined && { outputUnit }),
            ...(outputUnit !== undefined && outputPerMonth !== undefined && { outputPerMonth }),
          };
    return { ...head, ...d, ...others, ...output, ...training };
  });

/** A plain-data copy (what a JSON round trip gives), so a shared reference cannot hide a difference. */
const copy = <T>(x: T): T => structuredClone(x);

describe('the schemas read what they write (parse ∘ normalize is idempotent)', () => {
  it('workload profiles, over generated profiles of every kind and any optional fields', () => {
    fc.assert(
      fc.property(profileInput, (input) => {
        const first = validateWorkloadProfile(input);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const again = workloadProfileSchema.parse(copy(first.value));
        expect(again).toEqual(first.value);
        expect(workloadProfileSchema.parse(copy(again))).toEqual(first.value);
      }),
      { numRuns: 400 },
    );
  });

  it('the profile lists exactly the fields it defaulted', () => {
    fc.assert(
      fc.property(profileInput, (input) => {
        const r = workloadProfileSchema.parse(input);
        // `task` is assumed only when left out beside a model of a known family (taskOfModel)
        const taskRead = !Object.hasOwn(input, 'task') && taskOfModel(input.model) !== null;
        const left = ASSUMABLE_FIELDS_OF_KIND[input.kind].filter((f) =>
          f === 'task' ? taskRead : !Object.hasOwn(input, f),
        );
        expect(left).toEqual(
          ASSUMABLE_PROFILE_FIELDS.filter(
            (f) =>
              (f === 'task' ? taskRead : !Object.hasOwn(input, f)) &&
              (f !== 'outputUnit' || workloadKinds[input.kind].defaults.outputUnit !== null) &&
              (f !== 'trainingMethod' || workloadKinds[input.kind].defaults.trainingMethod !== null),
          ),
        );
        expect(r.assumed).toEqual(left);
      }),
      { numRuns: 200 },
    );
  });

  it('a value given equal to the default is not listed as assumed, and stays so when read back', () => {
    const given = workloadProfileSchema.parse({
      id: 'w',
      kind: 'realtime-inference',
      gpuHoursPerMonth: 10,
      modelParamsBillions: 8,
    });
    expect(given.assumed).not.toContain('modelParamsBillions');
    expect(workloadProfileSchema.parse(copy(given)).assumed).not.toContain('modelParamsBillions');
    const left = workloadProfileSchema.parse({ id: 'w', kind: 'realtime-inference', gpuHoursPerMonth: 10 });
    expect(left.modelParamsBillions).toBe(given.modelParamsBillions);
    expect(left.assumed).toContain('modelParamsBillions');
  });

  it('a user input still refuses null and an `assumed` list that names no assumable field', () => {
    expect(
      validateWorkloadProfile({ id: 'w', kind: 'fine-tuning', gpuHoursPerMonth: 1, gpuType: null }).ok,
    ).toBe(false);
    const bad = validateWorkloadProfile({
      id: 'w',
      kind: 'fine-tuning',
      gpuHoursPerMonth: 1,
      assumed: ['id'],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.message).join(' ')).toMatch(/assumed/);
  });

  it('offers, with any optional columns', () => {
    const offerInput = fc
      .tuple(
        fc.record({
          id: fc.constantFrom('o1', 'akash:h100'),
          provider: fc.constantFrom('Akash', 'aws'),
          market: fc.constantFrom(...MARKETS),
          gpu: fc.constantFrom('H100', 'L4'),
          gpuMemoryGiB: fc.constantFrom(24, 80),
          gpusPerInstance: fc.constantFrom(1, 8),
          region: fc.constantFrom('us-east-1', 'eu-west'),
          pricingCategory: fc.constantFrom('Standard', 'Dynamic'),
          source: fc.constant('example.com/pricing'),
          asOf: fc.constant('2026-09-20'),
        }),
        fc.record(
          {
            providerName: fc.constantFrom('Akash Network', 'AWS'),
            instanceType: fc.constantFrom('p5.48xlarge'),
            country: fc.constantFrom('US', 'DE'),
            usdPerGpuHour: fc.constantFrom(1.5, 2.71),
            availability: fc.constantFrom(0.95, 0.999),
            interruptionsPerHour: fc.constantFrom(0, 0.01),
            verified: fc.boolean(),
            certifications: fc.array(fc.constantFrom(...COMPLIANCE_REQUIREMENTS), { maxLength: 2 }),
            egressUsdPerGiB: fc.constantFrom(0, 0.09),
            ingressUsdPerGiB: fc.constantFrom(0, 0.01),
            billingIncrementSeconds: fc.constantFrom(1, 60),
            minimumBillableSeconds: fc.constantFrom(0, 60),
            notes: fc.constantFrom('', 'a note'),
          },
          { requiredKeys: [] },
        ),
        fc.option(
          fc.record(
            {
              incentiveSymbol: fc.constantFrom('AKT', 'rndr'),
              incentiveSubsidyShare: fc.constantFrom(0, 0.2),
              incentiveDenomination: fc.constantFrom(...DENOMINATIONS),
            },
            { requiredKeys: ['incentiveSymbol'] },
          ),
          { nil: undefined },
        ),
      )
      .map(([head, rest, incentive]) => ({ ...head, ...rest, ...incentive }));
    fc.assert(
      fc.property(offerInput, (input) => {
        const first = offerSchema.parse(input);
        expect(offerSchema.parse(copy(first))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('scenarios, with the fields that normalize to null set or not', () => {
    const scenarioInput = fc.record(
      {
        name: fc.constantFrom('base', 'growth'),
        horizonMonths: fc.integer({ min: 1, max: 36 }),
        committedUtilization: fc.constantFrom(0.5, 0.9),
        analysisDate: fc.constantFrom('2026-09-30', '2026-01-01'),
        decision: fc.record({ minSavingShare: fc.constantFrom(0, 0.1) }, { requiredKeys: [] }),
        placement: fc.record({ allowedMarkets: fc.array(fc.constantFrom(...MARKETS)) }, { requiredKeys: [] }),
        monteCarlo: fc.record(
          { trials: fc.constantFrom(100, 1000), seed: fc.nat(1000) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const first = scenarioSchema.parse(input);
        expect(scenarioSchema.parse(copy(first))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
