/**
 * The horizon projection (DESIGN §5.8): expected monthly spend of the cloud and the DePIN option over
 * `scenario.horizonMonths` months from `scenario.startMonth` (formulas in spendPath.ts), their horizon
 * totals, and the subsidy cliff: the first month in which DePIN, having been cheaper, is no longer cheaper
 * than cloud.
 */
import type { Projection, ProjectionMonth } from '@gpufit/schema';
import { addMonths } from './calendarMonth.js';
import type { CostBasis } from './costBasis.js';
import { type ProjectionScenario, type SpendPathOptions, spendPath } from './spendPath.js';

export interface ProjectionOptions {
  readonly cloud: CostBasis;
  /** Null when no DePIN offer is feasible and priced. */
  readonly depin: CostBasis | null;
}

export function projectSpend(
  options: ProjectionOptions,
  scenario: ProjectionScenario,
  pathOptions: SpendPathOptions = {},
): Projection {
  const cloud = spendPath(options.cloud, scenario, pathOptions);
  const depin = options.depin ? spendPath(options.depin, scenario, pathOptions) : null;
  const months: ProjectionMonth[] = [];
  let horizonCloudUsd = 0;
  let horizonDepinUsd = 0;
  let depinWasCheaper = false;
  let subsidyCliffMonth: string | null = null;
  for (let t = 0; t < cloud.months; t++) {
    const month = addMonths(scenario.startMonth, t);
    const cloudUsd = cloud.expectedUsd[t]!;
    const depinUsd = depin ? depin.expectedUsd[t]! : null;
    horizonCloudUsd += cloudUsd;
    if (depinUsd !== null) {
      horizonDepinUsd += depinUsd;
      if (depinUsd < cloudUsd) depinWasCheaper = true;
      else if (depinWasCheaper && subsidyCliffMonth === null) subsidyCliffMonth = month;
    }
    const shown = depin ?? cloud;
    months.push({
      month,
      index: t,
      demandFactor: cloud.demandFactor[t]!,
      cloudUsd,
      depinUsd,
      subsidyShare: shown.subsidyShare[t]!,
      tokenPriceUsd: shown.tokenPriceUsd ? shown.tokenPriceUsd[t]! : null,
    });
  }
  return {
    months,
    horizonCloudUsd,
    horizonDepinUsd: depin ? horizonDepinUsd : null,
    subsidyCliffMonth,
  };
}
