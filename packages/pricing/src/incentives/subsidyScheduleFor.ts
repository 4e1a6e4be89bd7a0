import type { Offer, Scenario, SubsidySchedule } from '@gpufit/schema';

/**
 * The scenario's subsidy schedule for an offer: keyed by the offer's network (`provider`, e.g. `akash`) first,
 * then by its incentive token symbol (e.g. `AKT`); null when the scenario has none.
 */
export function subsidyScheduleFor(offer: Offer, scenario: Scenario | undefined): SubsidySchedule | null {
  if (scenario === undefined) return null;
  const subsidies = scenario.subsidies;
  const byProvider = subsidies[offer.provider];
  if (byProvider !== undefined) return byProvider;
  const symbol = offer.incentive?.symbol;
  return symbol === undefined ? null : (subsidies[symbol] ?? null);
}

/**
 * The subsidy share in month 0: the schedule's `share` when it gives one, else the offer's
 * `incentiveSubsidyShare`, else 0. Later months come from the schedule (`subsidyShareAt`, projection).
 */
export function initialSubsidyShare(offer: Offer, scenario: Scenario | undefined): number {
  return subsidyScheduleFor(offer, scenario)?.share ?? offer.incentive?.subsidyShare ?? 0;
}
