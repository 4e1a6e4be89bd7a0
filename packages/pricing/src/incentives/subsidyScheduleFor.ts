import { namedEntry, type Offer, type Scenario, type SubsidySchedule } from '@gpufit/schema';

/**
 * The scenario's subsidy entry for a network: keyed by the network (`provider`, e.g. `akash`) first, then by its
 * incentive token symbol (e.g. `AKT`), in either case as the user wrote it ("Akash", "akt"); undefined when the
 * scenario has none. The one rule the estimate, the projection and the sensitivities share.
 */
export function subsidyEntryFor(
  provider: string,
  symbol: string | undefined,
  subsidies: Scenario['subsidies'],
): { readonly key: string; readonly value: SubsidySchedule } | undefined {
  return (
    namedEntry(subsidies, provider) ?? (symbol === undefined ? undefined : namedEntry(subsidies, symbol))
  );
}

/** The scenario's subsidy schedule for an offer (`subsidyEntryFor`); null when the scenario has none. */
export function subsidyScheduleFor(offer: Offer, scenario: Scenario | undefined): SubsidySchedule | null {
  if (scenario === undefined) return null;
  return subsidyEntryFor(offer.provider, offer.incentive?.symbol, scenario.subsidies)?.value ?? null;
}

/**
 * The subsidy share in month 0: the schedule's `share` when it gives one, else the offer's
 * `incentiveSubsidyShare`, else 0. Later months come from the schedule (`subsidyShareAt`, projection).
 */
export function initialSubsidyShare(offer: Offer, scenario: Scenario | undefined): number {
  return subsidyScheduleFor(offer, scenario)?.share ?? offer.incentive?.subsidyShare ?? 0;
}
