import type { Offer, Scenario } from '@gpufit/schema';
import { initialSubsidyShare } from './subsidyScheduleFor.js';

/**
 * A catalog price is what a tenant pays today, with the network's incentive subsidy already in it. The share in it
 * is the one in force at month 0 (`initialSubsidyShare`): the scenario schedule's own `share` for the offer's
 * network, else the offer's `incentiveSubsidyShare` — the part of the provider's revenue paid by token emissions at
 * the price's as-of date. A scenario's share says how much of today's price the emissions carry (and would stop
 * carrying), never a further discount. The unsubsidized price — what the provider would have to charge without
 * emissions — is list ÷ (1 − that share) (DESIGN §5.7, effective price = unsubsidized × (1 − share)). So month 0 of
 * an analysis prices at the list whatever the share, and as the subsidy fades the tenant price rises toward the
 * unsubsidized one (with the scenario's pass-through). `initialShare` is that share when the caller has it already
 * (`effectivePrice`, once per estimate), so the scenario's subsidies are not searched twice.
 */
export function unsubsidizedUsdPerGpuHour(
  offer: Offer,
  scenario?: Scenario,
  listUsdPerGpuHour = offer.usdPerGpuHour ?? 0,
  initialShare = initialSubsidyShare(offer, scenario),
): number {
  return listUsdPerGpuHour / (1 - initialShare);
}
