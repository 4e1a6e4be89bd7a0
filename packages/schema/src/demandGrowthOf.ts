import type { WorkloadKind } from './vocabulary.js';
import { workloadKinds } from './workloadKinds.js';

/**
 * The monthly demand growth a workload of `kind` follows under a scenario's `demandGrowthMonthly`: the scenario's
 * for a kind that grows with demand (inference), 0 for one sized by its plan (training, fine-tuning,
 * experimentation). A gpufit assumption (`WorkloadKindSpec.growsWithDemand`).
 */
export function demandGrowthOf(kind: WorkloadKind, scenarioGrowthMonthly: number): number {
  return workloadKinds[kind].growsWithDemand ? scenarioGrowthMonthly : 0;
}
