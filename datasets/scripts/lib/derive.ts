import { COMMITMENTS, VAST_INTERRUPTIBLE } from '../data/assumptions';
import type { Draft } from './offer';

/** The lowest interruptible price observed for a GPU: its figure and where it comes from. */
interface ObservedFloor {
  readonly usdPerGpuHour: number;
  readonly source: string;
  readonly asOf: string;
}

/**
 * The lowest observed Vast interruptible ("from") price per GPU: the third-party captures' Dynamic rows that are
 * floors (`tier` from), never the catalog rows derived from.
 */
function vastInterruptibleFloors(
  drafts: readonly Draft[],
  vastParentFile: string,
): Map<string, ObservedFloor> {
  const out = new Map<string, ObservedFloor>();
  for (const d of drafts) {
    if (d.provider !== 'vast' || d.pricingCategory !== 'Dynamic' || d.tier !== 'from') continue;
    if (d.origin.file === vastParentFile || d.derived || d.usdPerGpuHour === undefined) continue;
    const known = out.get(d.gpu);
    if (known === undefined || d.usdPerGpuHour < known.usdPerGpuHour)
      out.set(d.gpu, { usdPerGpuHour: d.usdPerGpuHour, source: d.source, asOf: d.asOf });
  }
  return out;
}

/**
 * A Vast interruptible price derived from an on-demand one: on-demand × (1 − discount), lifted to the GPU's
 * observed interruptible floor when it would sit below it; null when that floor is not below the on-demand price
 * (interruptible would save nothing, so no row).
 */
export function vastInterruptiblePrice(
  onDemand: number,
  floor: number | undefined,
): { readonly usdPerGpuHour: number; readonly lifted: boolean } | null {
  const halved = onDemand * (1 - VAST_INTERRUPTIBLE.discount);
  if (floor === undefined || halved >= floor) return { usdPerGpuHour: halved, lifted: false };
  if (floor >= onDemand) return null;
  return { usdPerGpuHour: floor, lifted: true };
}

/**
 * Rows computed from another row with a sourced discount. Every derived row says "DERIVED" in its notes,
 * names the discount source in `source`, and keeps the parent's provenance. Vast interruptible and reserved
 * prices are derived only from the SkyPilot catalog's Vast rows (`vastParentFile`): the third-party Vast
 * captures are floors or averages, and some come with their own interruptible figure — which bounds the derived
 * interruptible price of the same GPU from below (`vastInterruptiblePrice`). `withheld` counts the Vast rows
 * given no interruptible row because that floor is not below their on-demand price.
 */
export function deriveRows(
  drafts: readonly Draft[],
  vastParentFile: string,
): { rows: Draft[]; withheld: number } {
  const out: Draft[] = [];
  let withheld = 0;
  const floors = vastInterruptibleFloors(drafts, vastParentFile);
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
  const usd = (x: number) => Number(x.toFixed(6));
  for (const p of parents) {
    const price = p.usdPerGpuHour as number;
    const base = { ...p, usdPerGpuHourMin: undefined, usdPerGpuHourMax: undefined, derived: true };
    if (p.provider === 'vast' && p.origin.file !== vastParentFile) continue;
    if (p.provider === 'vast') {
      const floor = floors.get(p.gpu);
      const spot = vastInterruptiblePrice(price, floor?.usdPerGpuHour);
      if (spot === null) withheld++;
      else
        out.push({
          ...base,
          pricingCategory: 'Dynamic',
          usdPerGpuHour: spot.usdPerGpuHour,
          priceBasis: 'derived interruptible',
          source: `${p.source} + ${VAST_INTERRUPTIBLE.source}${spot.lifted && floor ? ` + ${floor.source}` : ''}`,
          notes: [
            spot.lifted && floor
              ? `DERIVED interruptible price = the observed interruptible floor $${usd(floor.usdPerGpuHour)}/GPU-h for ${p.gpu} (${floor.asOf}), not on-demand $${usd(price)}/GPU-h x ${1 - VAST_INTERRUPTIBLE.discount} = $${usd(price * (1 - VAST_INTERRUPTIBLE.discount))}: ${VAST_INTERRUPTIBLE.floorWhy}; a lower bound of the typical price; the catalog has no Vast spot price (SpotPrice 0 = none)`
              : `DERIVED interruptible price = on-demand $${usd(price)}/GPU-h x ${1 - VAST_INTERRUPTIBLE.discount}: ${VAST_INTERRUPTIBLE.why}${floor ? `; above the observed interruptible floor $${usd(floor.usdPerGpuHour)} (${floor.asOf})` : ''}; the catalog has no Vast spot price (SpotPrice 0 = none)`,
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
          `DERIVED committed price = on-demand $${usd(price)}/GPU-h x ${Number((1 - rule.discount).toFixed(4))} for a ${rule.termMonths}-month term: ${rule.why}`,
          ...strip(p.notes),
        ],
      });
    }
  }
  return { rows: out, withheld };
}
