import type { WorkloadKind } from './vocabulary.js';
import { workloadKinds } from './workloadKinds.js';

/**
 * Whether a workload's demand follows a scenario's growth: as the workload states (`growsWithDemand`), else by its
 * kind — inference grows with customers; training, fine-tuning and experimentation are sized by their plan. The
 * kind rule is a gpufit assumption (`WorkloadKindSpec.growsWithDemand`).
 */
export function growsWithDemand(workload: {
  readonly kind: WorkloadKind;
  readonly growsWithDemand?: boolean | null;
}): boolean {
  return workload.growsWithDemand ?? workloadKinds[workload.kind].growsWithDemand;
}

/**
 * The monthly demand growth a workload follows under a scenario's `demandGrowthMonthly`: the scenario's when it
 * grows with demand (`growsWithDemand`: stated, or its kind's — inference), 0 when it is sized by its plan (by
 * default training, fine-tuning, experimentation).
 */
export function demandGrowthOf(
  workload: { readonly kind: WorkloadKind; readonly growsWithDemand?: boolean | null },
  scenarioGrowthMonthly: number,
): number {
  return growsWithDemand(workload) ? scenarioGrowthMonthly : 0;
}
