import { COMMITMENTS, VAST_INTERRUPTIBLE } from '../data/assumptions';
import type { Draft } from './offer';

/**
 * Rows computed from another row with a sourced discount. Every derived row says "DERIVED" in its notes,
 * names the discount source in `source`, and keeps the parent's provenance.
 */
export function deriveRows(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const parents = drafts.filter(
    (d) => d.pricingCategory === 'Standard' && !d.derived && d.usdPerGpuHour !== undefined,
  );
  for (const p of parents) {
    const price = p.usdPerGpuHour as number;
    if (p.provider === 'vast') {
      out.push({
        ...p,
        pricingCategory: 'Dynamic',
        usdPerGpuHour: price * (1 - VAST_INTERRUPTIBLE.discount),
        reliability: 'vastInterruptible',
        source: `${p.source} + ${VAST_INTERRUPTIBLE.source}`,
        notes: [
          `DERIVED interruptible price = on-demand $${Number(price.toFixed(6))}/GPU-h x ${1 - VAST_INTERRUPTIBLE.discount}: ${VAST_INTERRUPTIBLE.why}; the catalog has no Vast spot price (SpotPrice 0 = none)`,
          ...p.notes.filter((n) => !n.startsWith('on-demand $')),
        ],
        derived: true,
      });
    }
    for (const rule of COMMITMENTS) {
      if (rule.provider !== p.provider) continue;
      if (rule.regions && !rule.regions.includes(p.region)) continue;
      out.push({
        ...p,
        pricingCategory: 'Committed',
        termMonths: rule.termMonths,
        usdPerGpuHour: price * (1 - rule.discount),
        source: `${p.source} + ${rule.source}`,
        notes: [
          `DERIVED committed price = on-demand $${Number(price.toFixed(6))}/GPU-h x ${Number((1 - rule.discount).toFixed(4))} for a ${rule.termMonths}-month term: ${rule.why}`,
          ...p.notes.filter((n) => !n.startsWith('on-demand $')),
        ],
        derived: true,
      });
    }
  }
  return out;
}
