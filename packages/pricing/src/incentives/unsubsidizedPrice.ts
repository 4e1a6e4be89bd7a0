import type { Offer } from '@gpufit/schema';

/**
 * A catalog price is what a tenant pays today, with the network's incentive subsidy already in it: the share the
 * offer states (`incentiveSubsidyShare`) is the part of the provider's revenue paid by token emissions at the
 * price's as-of date. The unsubsidized price — what the provider would have to charge without emissions — is
 * list ÷ (1 − share) (DESIGN §5.7, effective price = unsubsidized × (1 − share)). So month 0 of an analysis prices
 * at the list, and as the subsidy fades the tenant price rises toward the unsubsidized one (with the scenario's
 * pass-through).
 */
export function unsubsidizedUsdPerGpuHour(
  offer: Offer,
  listUsdPerGpuHour = offer.usdPerGpuHour ?? 0,
): number {
  const embedded = offer.incentive?.subsidyShare ?? 0;
  return listUsdPerGpuHour / (1 - embedded);
}
