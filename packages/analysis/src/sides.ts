import { MARKETS, type Market, SCENARIO_DEFAULTS, type Side } from '@gpufit/schema';

/**
 * Which side of the comparison each market is on. The seed compares traditional cloud with decentralized supply;
 * whether a centralized marketplace of community hosts (Vast.ai, RunPod Community, TensorDock) counts as the
 * decentralized side is a choice: by default it does (`SCENARIO_DEFAULTS.decentralizedMarkets`: marketplace and
 * depin), and a scenario's `decision.decentralizedMarkets` changes it. Every output names each provider as what it
 * is ("Vast.ai (marketplace, community hosts)"), whichever side it is counted on.
 */
export type SideOfMarket = Readonly<Record<Market, Side>>;

export function sidesOfMarkets(
  decentralizedMarkets: readonly Market[] = SCENARIO_DEFAULTS.decentralizedMarkets,
): SideOfMarket {
  const decentralized = new Set(decentralizedMarkets);
  const out = {} as Record<Market, Side>;
  for (const m of MARKETS) out[m] = decentralized.has(m) ? 'depin' : 'cloud';
  return out;
}

/** The markets on one side. */
export function marketsOfSide(sides: SideOfMarket, side: Side): ReadonlySet<Market> {
  return new Set(MARKETS.filter((m) => sides[m] === side));
}
