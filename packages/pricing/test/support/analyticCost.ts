/**
 * A cost function simple enough to solve by hand, for break-even and sensitivity tests: GPU-hours × price,
 * re-work of 0.5 h per interruption-hour of exposure, commitment waste at the scenario's utilization (0.5 by
 * default), flat egress, and the incentive subsidy on all compute.
 */
import type { CostComponent, CostEstimate, Offer, Scenario, WorkloadProfile } from '@gpufit/schema';
import { initialSubsidyShare } from '../../src/index.js';

const line = (name: CostComponent['name'], quantity: number, unitPriceUsd: number): CostComponent => ({
  name,
  unit: name === 'egress' ? 'GiB' : 'GPU-hour',
  quantity,
  unitPriceUsd,
  usd: quantity * unitPriceUsd,
});

export function analyticCost(profile: WorkloadProfile, offer: Offer, scenario: Scenario): CostEstimate {
  const hours = profile.gpuHoursPerMonth ?? 0;
  const price = offer.usdPerGpuHour ?? 0;
  const rework = hours * (offer.interruptionsPerHour ?? 0) * 0.5;
  const u = offer.pricingCategory === 'Committed' ? (scenario.committedUtilization ?? 0.5) : 1;
  const waste = (hours + rework) / u - (hours + rework);
  const share = initialSubsidyShare(offer, scenario);
  const components = [
    line('gpu-time', hours, price),
    line('interruption-overhead', rework, price),
    line('commitment-waste', waste, price),
    line('egress', profile.egressGiBPerMonth, offer.egressUsdPerGiB ?? 0),
    line('incentive-subsidy', hours + rework + waste, -share * price),
  ];
  return {
    offerId: offer.id,
    feasible: true,
    rejections: [],
    monthlyUsd: components.reduce((s, c) => s + c.usd, 0),
    usdPerJob: null,
    jobUnit: 'gpu-hour',
    components,
    assumptions: [],
    gpusPerReplica: 1,
    replicas: 1,
    billedGpuHoursPerMonth: hours + rework + waste,
  };
}
