import { addMonths, subsidyEntryFor } from '@gpufit/pricing';
import type { Scenario, SubsidySchedule } from '@gpufit/schema';
import type { NetworkInfo } from './datasetTypes.js';

/**
 * The subsidy schedule of each DePIN network from `datasets/networks.csv` (sourced decay evidence: Akash
 * pilots on 12-month contracts, io.net emissions −1.02 % a month, Render ≈ −35 % a year), keyed by network.
 * The share at month 0 stays the offer's own; the schedule says how it fades from the scenario's start.
 */
export function defaultSubsidies(
  networks: readonly NetworkInfo[],
  startMonth: string,
): Record<string, SubsidySchedule> {
  const out: Record<string, SubsidySchedule> = {};
  for (const n of networks) {
    const p = n.scheduleParam;
    if (n.scheduleKind === 'step' && p !== null)
      out[n.provider] = { kind: 'step', steps: [{ month: addMonths(startMonth, p), share: 0 }] };
    else if (n.scheduleKind === 'exponential' && p !== null)
      out[n.provider] = { kind: 'exponential', halfLifeMonths: p };
    else if (n.scheduleKind === 'linear' && p !== null) out[n.provider] = { kind: 'linear', monthsToZero: p };
    else out[n.provider] = { kind: 'none' };
  }
  return out;
}

/** The scenario with each network's default schedule filled in where the scenario gives none. */
export function withDefaultSubsidies(scenario: Scenario, networks: readonly NetworkInfo[]): Scenario {
  const defaults = defaultSubsidies(networks, scenario.startMonth);
  const subsidies = { ...scenario.subsidies };
  for (const [provider, schedule] of Object.entries(defaults)) {
    const symbol = networks.find((n) => n.provider === provider)?.incentiveSymbol ?? undefined;
    // The scenario's own entry, as the user spelled it ("Akash", "akt"), keeps the network's default out.
    if (subsidyEntryFor(provider, symbol, scenario.subsidies) === undefined) subsidies[provider] = schedule;
  }
  return { ...scenario, subsidies };
}
