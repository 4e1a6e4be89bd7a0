import {
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  PRECISIONS,
  TRAINING_METHODS,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  type WorkloadProfile,
  type WorkloadProfileInput,
  workloadKinds,
} from '@gpufit/schema';
import fc from 'fast-check';

/**
 * Profile inputs as a user could write them: kind and demand always, every other field sometimes, each
 * within the schema's ranges (so the kind's defaults fill the rest, as in real CSVs).
 */
export const profileInput: fc.Arbitrary<WorkloadProfileInput> = fc
  .record(
    {
      id: fc.constant('w'),
      kind: fc.constantFrom(...WORKLOAD_KINDS),
      gpuHoursPerMonth: fc.double({ min: 0, max: 1e6, noNaN: true }),
      modelParamsBillions: fc.double({ min: 0.001, max: 5000, noNaN: true }),
      precision: fc.constantFrom(...PRECISIONS),
      nodes: fc.integer({ min: 1, max: 2048 }),
      interconnect: fc.constantFrom(...INTERCONNECTS),
      hoursPerJob: fc.double({ min: 0.001, max: 10_000, noNaN: true }),
      datasetGiB: fc.double({ min: 0, max: 1e7, noNaN: true }),
      egressGiBPerMonth: fc.double({ min: 0, max: 1e7, noNaN: true }),
      dataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
      compliance: fc.subarray([...COMPLIANCE_REQUIREMENTS]),
      residency: fc.subarray(['EU', 'US', 'DE', 'APAC']),
      availabilityTarget: fc.double({ min: 0, max: 0.99999, noNaN: true }),
      p99LatencyMs: fc.double({ min: 1, max: 1e6, noNaN: true }),
      interruptible: fc.boolean(),
      checkpointable: fc.boolean(),
      costSensitivity: fc.constantFrom(...COST_SENSITIVITIES),
      statelessRequests: fc.boolean(),
    },
    { requiredKeys: ['id', 'kind', 'gpuHoursPerMonth'] },
  )
  .chain((input) =>
    // A training method describes training kinds only (inference kinds refuse it): sometimes stated for them.
    workloadKinds[input.kind].defaults.trainingMethod === null
      ? fc.constant(input)
      : fc
          .option(fc.constantFrom(...TRAINING_METHODS), { nil: undefined })
          .map((trainingMethod) => (trainingMethod === undefined ? input : { ...input, trainingMethod })),
  );

/** Validate an input the way every caller must; the arbitraries only build valid inputs. */
export function validated(input: WorkloadProfileInput): WorkloadProfile {
  const r = validateWorkloadProfile(input);
  if (!r.ok) throw new Error(`generated an invalid profile: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** Valid, resolved profiles. */
export const profile: fc.Arbitrary<WorkloadProfile> = profileInput.map(validated);
