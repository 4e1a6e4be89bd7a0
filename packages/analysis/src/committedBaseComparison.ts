import type { BreakEvenOptions, CostFunction, PricedInputId, SensitivityOptions } from '@gpufit/pricing';
import type { BreakEvenVariable, CostEstimate, Offer } from '@gpufit/schema';

/**
 * The break-even variables solved against a cloud option that is a committed base with on-demand bursts: those of
 * the decentralized offer alone (its price, its network's subsidy share, its interruption rate). Egress moves both
 * sides, and the committed utilization is the base's newsvendor size, not an input: the cost model prices no mix, so
 * they are left out rather than solved against a cloud cost that is not the plan's.
 */
export const MIX_BREAK_EVEN_VARIABLES: readonly BreakEvenVariable[] = [
  'subsidyShare',
  'depinUsdPerGpuHour',
  'interruptionsPerHour',
];

/** The sensitivity inputs swung against a mix: the decentralized offer's (as MIX_BREAK_EVEN_VARIABLES), and its token price. */
export const MIX_SENSITIVITY_INPUTS: readonly PricedInputId[] = [
  'depinUsdPerGpuHour',
  'subsidyShare',
  'interruptionsPerHour',
  'tokenPriceUsd',
];

/**
 * Break-even and sensitivity (pricing's breakEven.ts, sensitivity.ts) against a cloud option that is a mix: the cost
 * function prices the committed offer (the comparison's cloud offer) as the mix's own month, `mixCost`, whatever the
 * decentralized side's inputs, and every other offer as `costOf` does; only the decentralized side's inputs are
 * solved for and swung, so the cloud side is the plan's at every value. (A workload whose cloud option is a mix read
 * no break-even at all: a founder weighing a DePIN option against it had no price at which it flips.)
 */
export function committedBaseComparison(
  costOf: CostFunction,
  committed: Offer,
  mixCost: CostEstimate,
): { costOf: CostFunction; breakEven: BreakEvenOptions; sensitivity: SensitivityOptions } {
  return {
    costOf: (p, o, s) => (o.id === committed.id ? mixCost : costOf(p, o, s)),
    breakEven: { variables: MIX_BREAK_EVEN_VARIABLES },
    sensitivity: { inputs: MIX_SENSITIVITY_INPUTS },
  };
}
