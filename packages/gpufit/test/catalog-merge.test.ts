import { asOfDay, daysBetween } from '@gpufit/analysis';
import { type Offer, type OfferInput, validateOffer } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from '../src/catalog/mergeCatalogs.js';

function offer(id: string, asOf: string, usdPerGpuHour: number, extra: Partial<OfferInput> = {}): Offer {
  const v = validateOffer({
    id,
    provider: id.split(':')[0]!,
    market: 'gpu-cloud',
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 1,
    region: 'us-east-1',
    pricingCategory: 'Standard',
    usdPerGpuHour,
    source: 'test',
    asOf,
    ...extra,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}

describe('mergeCatalogs: one offer per id, the newest as-of kept', () => {
  it('keeps the newer offer whichever file it is in, and reports each replacement old → new', () => {
    const a = { file: 'a.csv', offers: [offer('x:1', '2026-09-20', 2.71), offer('x:2', '2026-12-01', 1.5)] };
    const b = { file: 'b.csv', offers: [offer('x:1', '2026-12-01', 2.2), offer('x:2', '2026-10-01', 1.9)] };
    const m = mergeCatalogs([a, b]);
    expect(m.offers.map((o) => [o.id, o.usdPerGpuHour])).toEqual([
      ['x:1', 2.2],
      ['x:2', 1.5],
    ]);
    expect(m.collisions).toEqual([
      {
        id: 'x:1',
        kept: { file: 'b.csv', asOf: '2026-12-01', usdPerGpuHour: 2.2 },
        dropped: { file: 'a.csv', asOf: '2026-09-20', usdPerGpuHour: 2.71 },
        reason: 'newer',
      },
      {
        id: 'x:2',
        kept: { file: 'a.csv', asOf: '2026-12-01', usdPerGpuHour: 1.5 },
        dropped: { file: 'b.csv', asOf: '2026-10-01', usdPerGpuHour: 1.9 },
        reason: 'newer',
      },
    ]);
  });

  it('on the same as-of day the later file wins, and says so; a month counts as its first day', () => {
    const m = mergeCatalogs([
      { file: 'a.csv', offers: [offer('x:1', '2026-12-01', 3), offer('x:2', '2026-11', 4)] },
      { file: 'b.csv', offers: [offer('x:1', '2026-12-01', 2), offer('x:2', '2026-11-01', 5)] },
      { file: 'c.csv', offers: [offer('x:2', '2026-10-31', 6)] },
    ]);
    expect(m.offers.map((o) => o.usdPerGpuHour)).toEqual([2, 5]);
    expect(m.collisions.map((c) => [c.id, c.kept.file, c.dropped.file, c.reason])).toEqual([
      ['x:1', 'b.csv', 'a.csv', 'later-file'],
      ['x:2', 'b.csv', 'a.csv', 'later-file'],
      ['x:2', 'b.csv', 'c.csv', 'newer'],
    ]);
  });

  it('keeps every id that is in one file only, sorted by id, and reports nothing for them', () => {
    const m = mergeCatalogs([
      { file: 'a.csv', offers: [offer('z:1', '2026-01-01', 1)] },
      { file: 'b.csv', offers: [offer('a:1', '2026-01-01', 1)] },
    ]);
    expect(m.offers.map((o) => o.id)).toEqual(['a:1', 'z:1']);
    expect(m.collisions).toEqual([]);
  });

  it('does not mutate its inputs', () => {
    const parts = [{ file: 'a.csv', offers: [offer('x:1', '2026-01-01', 1), offer('a:1', '2026-01-01', 1)] }];
    const copy = structuredClone(parts);
    mergeCatalogs(parts);
    expect(parts).toEqual(copy);
  });
});

describe('asOfDay and daysBetween', () => {
  it.each([
    ['2026-11', '2026-11-01'],
    ['2026-11-05', '2026-11-05'],
  ])('%s → %s', (asOf, day) => {
    expect(asOfDay(asOf)).toBe(day);
  });

  it.each([
    ['2026-11-01', '2026-12-01', 30],
    ['2026-11', '2026-12-01', 30],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-12-01', '2026-11-30', -1],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
