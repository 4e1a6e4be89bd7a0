import { pricingLabel, providerLabel, rentedText } from '../present/offerLabel.js';
import type { ShownOption, ShownWorkload } from '../present/presentAnalysis.js';

/**
 * "Amazon Web Services (hyperscaler): 8 × 8 H100, us-east-1, on-demand" — what the provider is, what is rented,
 * where and how it is priced, or why there is no option. A committed base with on-demand bursts names both offers.
 */
export function optionText(w: ShownWorkload, option: ShownOption | null, side: 'cloud' | 'depin'): string {
  if (option === null) {
    const hard = w.workload.fit.constraints.find((c) => c.side === side && c.scope === 'all');
    if (hard !== undefined) return `ineligible: ${hard.reason}`;
    return w.workload.decision.unavailable?.[side] ?? 'none found';
  }
  const o = option.offer;
  const [committed, burst] = option.parts ?? [];
  if (committed !== undefined && burst !== undefined) {
    // A committed base with on-demand bursts: both offers, the base first, kept short for the summary table.
    const c = committed.offer;
    const b = burst.offer;
    const bursts =
      b.provider === c.provider
        ? `on-demand ${b.gpu} bursts`
        : `bursts on ${b.providerName} on-demand ${b.gpu}, ${b.region}`;
    return `${providerLabel(c)}: ${rentedText(c, committed.cost)}, ${c.region}, committed base + ${bursts}`;
  }
  const base = `${providerLabel(o)}: ${rentedText(o, option.cost, w.workload.kind)}, ${o.region}, ${pricingLabel(o)}`;
  return option.status === 'priced' ? base : `${base} (${option.status})`;
}
