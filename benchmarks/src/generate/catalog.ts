import { MAX_LISTED_USD_PER_GPU_HOUR, MIN_USD_PER_GPU_HOUR, type Offer } from '@gpufit/schema';
import { Prng } from './prng.js';

/**
 * A catalog of `size` offers grown from the real one: copy 0 of every row is the row itself; copy k ≥ 1 gets
 * the id `<id>#k`, a list price moved by a factor in [0.8, 1.25] (rounded to 0.0001 USD, within the schema's
 * price limits) with its spread (min/max) moved by the same factor and still holding it, and a reliability figure
 * moved within its valid range. Every other field (GPU, memory, region,
 * certifications, incentives, provenance) is the real row's. Deterministic in (offers, size, seed).
 */
export function growCatalog(offers: readonly Offer[], size: number, seed: number): Offer[] {
  if (offers.length === 0) return [];
  const r = new Prng(seed);
  const out: Offer[] = [];
  for (let copy = 0; out.length < size; copy++) {
    for (const o of offers) {
      if (out.length >= size) break;
      if (copy === 0) {
        out.push(o);
        continue;
      }
      const factor = 0.8 + 0.45 * r.next();
      const price =
        o.usdPerGpuHour === null
          ? null
          : Math.min(
              MAX_LISTED_USD_PER_GPU_HOUR,
              Math.max(MIN_USD_PER_GPU_HOUR, Math.round(o.usdPerGpuHour * factor * 1e4) / 1e4),
            );
      out.push({
        ...o,
        id: `${o.id}#${copy}`,
        usdPerGpuHour: price,
        // The spread moves with the price and still holds it (the schema refuses a price outside its spread).
        usdPerGpuHourMin:
          o.usdPerGpuHourMin === null || price === null
            ? o.usdPerGpuHourMin
            : Math.max(
                MIN_USD_PER_GPU_HOUR,
                Math.min(price, Math.round(o.usdPerGpuHourMin * factor * 1e6) / 1e6),
              ),
        usdPerGpuHourMax:
          o.usdPerGpuHourMax === null || price === null
            ? o.usdPerGpuHourMax
            : Math.min(
                MAX_LISTED_USD_PER_GPU_HOUR,
                Math.max(price, Math.round(o.usdPerGpuHourMax * factor * 1e6) / 1e6),
              ),
        availability:
          o.availability === null
            ? null
            : Math.min(0.9999, Math.max(0.5, o.availability + 0.04 * (r.next() - 0.5))),
        interruptionsPerHour:
          o.interruptionsPerHour === null
            ? null
            : Math.min(60, o.interruptionsPerHour * (0.5 + 1.5 * r.next())),
      });
    }
  }
  return out;
}
