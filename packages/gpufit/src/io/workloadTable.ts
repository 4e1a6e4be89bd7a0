import {
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadProfile,
  workloadProfileFromCsv,
} from '@gpufit/schema';
import type { CsvTableSpec, Decoded } from './csvTable.js';
import { fastWorkloadDecoder } from './fastWorkloadProfile.js';
import { type GpuNameIndex, unknownGpuReason } from './gpuNameIndex.js';
import { INPUT_LIMITS } from './inputLimits.js';

/** The demand a profile needs, as header columns (the schema's refinement, checked once per file). */
const DEMAND_SETS = [['gpuHoursPerMonth'], ['jobsPerMonth', 'hoursPerJob']] as const;

/** Replaces a profile's `gpuType` with its tier id, or rejects the row when the name is unknown. */
export function normalizeWorkloadGpu(value: WorkloadProfile, gpus: GpuNameIndex): Decoded<WorkloadProfile> {
  if (value.gpuType === null) return { ok: true, value };
  const match = gpus.resolve(value.gpuType);
  if (!match.ok) {
    return {
      ok: false,
      code: 'unknown-gpu',
      issues: [
        {
          code: 'unknown_gpu',
          path: ['gpuType'],
          message: unknownGpuReason('gpuType', value.gpuType, match.nearest),
        },
      ],
    };
  }
  if (match.gpu !== value.gpuType) value.gpuType = match.gpu;
  return { ok: true, value };
}

/**
 * Workloads CSV: columns are the profile's field names (`WORKLOAD_PROFILE_FIELDS`, plus the optional extras),
 * `id` and `kind` are required and so is one demand (gpuHoursPerMonth, or jobsPerMonth with hoursPerJob).
 */
export function workloadTable(gpus: GpuNameIndex): CsvTableSpec<WorkloadProfile> {
  return {
    header: {
      what: 'workloads',
      known: [...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS],
      required: ['id', 'kind'],
      oneOf: {
        sets: DEMAND_SETS,
        message:
          'the workloads header has no demand column: add gpuHoursPerMonth (GPU-hours a month), or jobsPerMonth and hoursPerJob',
      },
    },
    limit: INPUT_LIMITS.workloadsCsv,
    decoder(header) {
      const fast = fastWorkloadDecoder(header);
      return (cells) => {
        let value = fast?.(cells);
        if (value === undefined) {
          const slow = workloadProfileFromCsv(header, cells);
          if (!slow.ok) return { ok: false, code: 'invalid', issues: slow.issues };
          value = slow.value;
        }
        return normalizeWorkloadGpu(value, gpus);
      };
    },
    idOf: (v) => v.id,
  };
}
