import { subsidyEntryFor } from '@gpufit/pricing';
import type { Scenario, SubsidySchedule } from '@gpufit/schema';
import type { NetworkInfo } from './datasetTypes.js';

/**
 * The subsidy schedule of each DePIN network from `datasets/networks.csv` (sourced decay evidence: Akash
 * pilots on fixed-term contracts that ended by a calendar month, io.net emissions −1.02 % a month, Render ≈ −35 %
 * a year), keyed by network. The share at month 0 stays the offer's own; a step ends in the calendar month the
 * source dates (`scheduleEndMonth`), whatever month the plan starts — and when that month is not after the plan's
 * start the programme is over: no share from month 0 (`none` at share 0, so a share set on top of it holds, as it
 * would not under a step already passed). A halving counts from the plan's start: the same curve from any month.
 */
export function defaultSubsidies(
  networks: readonly NetworkInfo[],
  startMonth: string,
): Record<string, SubsidySchedule> {
  const out: Record<string, SubsidySchedule> = {};
  for (const n of networks) {
    const p = n.scheduleParam;
    const end = n.scheduleEndMonth;
    if (n.scheduleKind === 'step' && end !== null)
      out[n.provider] =
        end > startMonth ? { kind: 'step', steps: [{ month: end, share: 0 }] } : { kind: 'none', share: 0 };
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
