/**
 * The horizon projection (DESIGN §5.8): expected monthly spend of the cloud and the DePIN option over
 * `scenario.horizonMonths` months from `scenario.startMonth` (formulas in spendPath.ts), their horizon
 * totals, and the subsidy cliff: the first month in which DePIN, having been cheaper, is no longer cheaper
 * than cloud. Either side may be missing (no feasible, priced option), not both.
 */
import type { Projection, ProjectionMonth } from '@gpufit/schema';
import { assert } from './assert.js';
import { addMonths } from './calendarMonth.js';
import type { CostBasis } from './costBasis.js';
import { type ProjectionScenario, type SpendPathOptions, spendPath } from './spendPath.js';

export interface ProjectionOptions {
  /** Null when no cloud offer is feasible and priced (a workload limited to decentralized markets). */
  readonly cloud: CostBasis | null;
  /** Null when no DePIN offer is feasible and priced. */
  readonly depin: CostBasis | null;
}

export const PROJECTION_NEEDS_A_SIDE = 'a projection needs a cloud or a decentralized cost basis';

export function projectSpend(
  options: ProjectionOptions,
  scenario: ProjectionScenario,
  pathOptions: SpendPathOptions = {},
): Projection {
  assert(options.cloud !== null || options.depin !== null, PROJECTION_NEEDS_A_SIDE);
  const cloud = options.cloud ? spendPath(options.cloud, scenario, pathOptions) : null;
  const depin = options.depin ? spendPath(options.depin, scenario, pathOptions) : null;
  // The side that sets the months, the demand factor and (DePIN first) the subsidy and token columns.
  const shown = (depin ?? cloud)!;
  const months: ProjectionMonth[] = [];
  let horizonCloudUsd = 0;
  let horizonDepinUsd = 0;
  let depinWasCheaper = false;
  let subsidyCliffMonth: string | null = null;
  for (let t = 0; t < shown.months; t++) {
    const month = addMonths(scenario.startMonth, t);
    const cloudUsd = cloud ? cloud.expectedUsd[t]! : null;
    const depinUsd = depin ? depin.expectedUsd[t]! : null;
    if (cloudUsd !== null) horizonCloudUsd += cloudUsd;
    if (depinUsd !== null) horizonDepinUsd += depinUsd;
    if (cloudUsd !== null && depinUsd !== null) {
      if (depinUsd < cloudUsd) depinWasCheaper = true;
      else if (depinWasCheaper && subsidyCliffMonth === null) subsidyCliffMonth = month;
    }
    months.push({
      month,
      index: t,
      demandFactor: shown.demandFactor[t]!,
      cloudUsd,
      depinUsd,
      subsidyShare: shown.subsidyShare[t]!,
      tokenPriceUsd: shown.tokenPriceUsd ? shown.tokenPriceUsd[t]! : null,
      cloudOfferId: cloud ? cloud.offerIds[t]! : null,
      depinOfferId: depin ? depin.offerIds[t]! : null,
      cloudSubsidyUsd: cloud ? cloud.subsidyUsd[t]! : null,
      depinSubsidyUsd: depin ? depin.subsidyUsd[t]! : null,
      depinPaidSubsidyShare: depin ? depin.paidSubsidyShare[t]! : null,
    });
  }
  return {
    months,
    horizonCloudUsd: cloud ? horizonCloudUsd : null,
    horizonDepinUsd: depin ? horizonDepinUsd : null,
    subsidyCliffMonth,
  };
}
