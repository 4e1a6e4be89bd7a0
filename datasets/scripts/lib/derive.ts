import { COMMITMENTS, VAST_INTERRUPTIBLE } from '../data/assumptions';
import type { Draft } from './offer';

/**
 * Rows computed from another row with a sourced discount. Every derived row says "DERIVED" in its notes,
 * names the discount source in `source`, and keeps the parent's provenance. Vast interruptible and reserved
 * prices are derived only from the SkyPilot catalog's Vast rows (`vastParentFile`): the third-party Vast
 * captures are floors or averages, and some come with their own interruptible figure.
 */
export function deriveRows(drafts: readonly Draft[], vastParentFile: string): Draft[] {
  const out: Draft[] = [];
  // A Capacity Block (its own billing terms) is already a reservation: no discount is derived from it.
  const parents = drafts.filter(
    (d) =>
      d.pricingCategory === 'Standard' &&
      !d.derived &&
      d.usdPerGpuHour !== undefined &&
      d.billing === undefined,
  );
  const strip = (notes: readonly string[]) =>
    notes.filter((n) => !n.startsWith('on-demand $') && !n.startsWith('replaces '));
  for (const p of parents) {
    const price = p.usdPerGpuHour as number;
    const base = { ...p, usdPerGpuHourMin: undefined, usdPerGpuHourMax: undefined, derived: true };
    if (p.provider === 'vast' && p.origin.file !== vastParentFile) continue;
    if (p.provider === 'vast') {
      out.push({
        ...base,
        pricingCategory: 'Dynamic',
        usdPerGpuHour: price * (1 - VAST_INTERRUPTIBLE.discount),
        priceBasis: 'derived interruptible',
        source: `${p.source} + ${VAST_INTERRUPTIBLE.source}`,
        notes: [
          `DERIVED interruptible price = on-demand $${Number(price.toFixed(6))}/GPU-h x ${1 - VAST_INTERRUPTIBLE.discount}: ${VAST_INTERRUPTIBLE.why}; the catalog has no Vast spot price (SpotPrice 0 = none)`,
          ...strip(p.notes),
        ],
      });
    }
    for (const rule of COMMITMENTS) {
      if (rule.provider !== p.provider) continue;
      if (rule.regions && !rule.regions.includes(p.region)) continue;
      out.push({
        ...base,
        pricingCategory: 'Committed',
        termMonths: rule.termMonths,
        usdPerGpuHour: price * (1 - rule.discount),
        priceBasis: 'derived committed',
        source: `${p.source} + ${rule.source}`,
        notes: [
          `DERIVED committed price = on-demand $${Number(price.toFixed(6))}/GPU-h x ${Number((1 - rule.discount).toFixed(4))} for a ${rule.termMonths}-month term: ${rule.why}`,
          ...strip(p.notes),
        ],
      });
    }
  }
  return out;
}
