import type { Offer, Scenario, SubsidySchedule } from '@gpufit/schema';

/**
 * The scenario's subsidy schedule for an offer: keyed by the offer's network (`provider`, e.g. `akash`) first,
 * then by its incentive token symbol (e.g. `AKT`), in either case; null when the scenario has none.
 */
export function subsidyScheduleFor(offer: Offer, scenario: Scenario | undefined): SubsidySchedule | null {
  if (scenario === undefined) return null;
  const subsidies = scenario.subsidies;
  const symbol = offer.incentive?.symbol;
  const direct = subsidies[offer.provider] ?? (symbol === undefined ? undefined : subsidies[symbol]);
  if (direct !== undefined) return direct;
  // Scenario keys are as the user wrote them ("Akash", "akt"): match without case, the network first.
  const keys = Object.keys(subsidies);
  for (const wanted of symbol === undefined ? [offer.provider] : [offer.provider, symbol.toLowerCase()]) {
    const key = keys.find((k) => k.toLowerCase() === wanted);
    if (key !== undefined) return subsidies[key] ?? null;
  }
  return null;
}

/**
 * The subsidy share in month 0: the schedule's `share` when it gives one, else the offer's
 * `incentiveSubsidyShare`, else 0. Later months come from the schedule (`subsidyShareAt`, projection).
 */
export function initialSubsidyShare(offer: Offer, scenario: Scenario | undefined): number {
  return subsidyScheduleFor(offer, scenario)?.share ?? offer.incentive?.subsidyShare ?? 0;
}
