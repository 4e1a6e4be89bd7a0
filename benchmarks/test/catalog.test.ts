import { join } from 'node:path';
import { type Offer, validateOffer } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { growCatalog } from '../src/generate/catalog.js';
import { bundledDatasetsDir, loadOffersCsv } from '../src/gpufitSource.js';

let real: Offer[];

beforeAll(async () => {
  real = (await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'))).rows;
});

describe('growCatalog', () => {
  it('keeps the real rows first, then copies with new ids, to the size asked', () => {
    const grown = growCatalog(real, 20_000, 1);
    expect(grown).toHaveLength(20_000);
    expect(grown.slice(0, real.length)).toEqual(real);
    expect(new Set(grown.map((o) => o.id)).size).toBe(grown.length);
  });

  it('is deterministic in its seed', () => {
    expect(growCatalog(real, 5000, 7)).toEqual(growCatalog(real, 5000, 7));
    expect(growCatalog(real, 5000, 7)).not.toEqual(growCatalog(real, 5000, 8));
  });

  it('moves only price (with its spread) and reliability, within what the schema accepts', () => {
    for (const o of growCatalog(real, 6000, 3).slice(real.length)) {
      const source = real.find((r) => r.id === o.id.split('#')[0])!;
      // The schema reads every grown offer back as it is (a price outside its spread would be refused).
      expect(validateOffer(o)).toEqual({ ok: true, value: o });
      const {
        id,
        usdPerGpuHour,
        usdPerGpuHourMin,
        usdPerGpuHourMax,
        availability,
        interruptionsPerHour,
        ...rest
      } = o;
      const {
        id: _i,
        usdPerGpuHour: _p,
        usdPerGpuHourMin: _lo,
        usdPerGpuHourMax: _hi,
        availability: _a,
        interruptionsPerHour: _r,
        ...same
      } = source;
      expect(rest).toEqual(same);
      expect(usdPerGpuHourMin === null).toBe(source.usdPerGpuHourMin === null);
      expect(usdPerGpuHourMax === null).toBe(source.usdPerGpuHourMax === null);
      expect(usdPerGpuHour === null).toBe(source.usdPerGpuHour === null);
      if (usdPerGpuHour !== null) {
        expect(usdPerGpuHour).toBeGreaterThan(0);
        expect(usdPerGpuHour).toBeLessThanOrEqual(1000);
        expect(usdPerGpuHour / source.usdPerGpuHour!).toBeGreaterThan(0.79);
        expect(usdPerGpuHour / source.usdPerGpuHour!).toBeLessThan(1.26);
      }
      expect(availability === null).toBe(source.availability === null);
      if (availability !== null) expect(availability >= 0.5 && availability <= 0.9999).toBe(true);
      expect(interruptionsPerHour === null).toBe(source.interruptionsPerHour === null);
      if (interruptionsPerHour !== null)
        expect(interruptionsPerHour >= 0 && interruptionsPerHour <= 60).toBe(true);
    }
  });
});
