import { offerInPlace, offerMatches, placeKind } from '@gpufit/analysis';
import { describe, expect, it } from 'vitest';
import {
  cheapestRegionPerInstance,
  cheapestRowPerGroup,
  cheapestRowReason,
  offerRows,
} from '../src/catalog/offerRows.js';
import { TEST_CATALOG, testOffer } from './support/testOffers.js';

const ids = (offers: readonly { id: string }[]) => offers.map((o) => o.id);
const key = (r: ReturnType<typeof offerRows>[number]) => `${r.provider} ${r.instanceType} ${r.region}`;

describe('offerRows: on-demand and spot of one instance and region side by side', () => {
  const rows = offerRows(TEST_CATALOG);

  it('pairs Standard with Dynamic, gives a commitment its own row, ranks by the on-demand price', () => {
    const usw2 = rows.find((r) => r.region === 'us-west-2')!;
    expect(usw2.onDemand).toMatchObject({ usdPerGpuHour: 6.5, usdPerInstanceHour: 52 });
    expect(usw2.spot).toMatchObject({ usdPerGpuHour: 2.1 });
    expect(usw2.spot!.usdPerInstanceHour).toBeCloseTo(16.8, 12);
    expect(usw2.rankUsdPerGpuHour).toBe(6.5);
    const committed = rows.find((r) => r.termMonths === 12)!;
    expect(committed).toMatchObject({ region: 'us-east-1', spot: null });
    expect(committed.onDemand!.offer.pricingCategory).toBe('Committed');
    expect(rows.filter((r) => r.instanceType === 'p5.48xlarge')).toHaveLength(5);
  });

  it('a spot-only row ranks by its spot price as a tenant pays it (the subsidy is already in the list)', () => {
    const akash = rows.find((r) => r.provider === 'akash')!;
    expect(akash.onDemand).toBeNull();
    expect(akash.rankUsdPerGpuHour).toBeCloseTo(2.71, 12);
  });

  it('lists rows cheapest first, unknown prices last', () => {
    const prices = rows.map((r) => r.rankUsdPerGpuHour ?? Number.POSITIVE_INFINITY);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(key(rows[0]!)).toBe('vast 1x RTX4090 de');
  });

  it('cheapestRegionPerInstance keeps the cheapest region of each instance type and counts the others', () => {
    const one = cheapestRegionPerInstance(rows);
    const p5 = one.filter((r) => r.instanceType === 'p5.48xlarge' && r.termMonths === null);
    expect(p5.map((r) => [r.region, r.otherRegions])).toEqual([['us-west-2', 3]]);
    expect(one).toHaveLength(rows.length - 3);
  });

  it('cheapestRowPerGroup keeps the cheapest row of each GPU', () => {
    const byGpu = cheapestRowPerGroup(rows, 'gpu');
    expect(byGpu.map((r) => [r.gpu, r.provider])).toEqual([
      ['RTX4090', 'vast'],
      ['H100', 'akash'],
      ['H100-PCIe', 'lambda'],
    ]);
    expect(cheapestRowReason(byGpu, 'gpu group')).toMatch(/^lowest price per GPU-hour of 3 gpu groups;/);
  });

  it('two offers of the same slot make two rows rather than one hiding the other', () => {
    const twin = testOffer({
      id: 'aws:p5.48xlarge:us-west-2:standard-2',
      instanceType: 'p5.48xlarge',
      region: 'us-west-2',
      usdPerGpuHour: 7,
    });
    const more = offerRows([...TEST_CATALOG, twin]).filter((r) => r.region === 'us-west-2');
    expect(more.map((r) => [r.onDemand?.usdPerGpuHour ?? null, r.spot?.usdPerGpuHour ?? null])).toEqual([
      [6.5, 2.1],
      [7, null],
    ]);
  });
});

describe('the region filter takes regions, countries, blocs and continents', () => {
  const inPlace = (place: string) => ids(TEST_CATALOG.filter((o) => offerInPlace(o, place)));

  it.each([
    [
      'europe',
      [
        'aws:p5.48xlarge:eu-central-1:standard',
        'gcp:a3-highgpu-8g:europe-west4:standard',
        'nebius:gpu-h100-sxm:eu-north1:standard',
        'vast:1x-rtx4090:de:community-verified:standard',
        'vast:1x-rtx4090:de:community-verified:dynamic',
      ],
    ],
    ['EUROPE', 5],
    ['Europe', 5],
    ['EU', 5],
    ['north america', 8],
    ['North_America', 8],
    ['US', 8],
    ['us-west-2', 2],
    ['US-WEST-2', 2],
    ['DE', 3],
    ['asia', 0],
    ['any', 1], // the region id of the Akash row, which has no country and so is on no continent
  ])('%s', (place, want) => {
    const got = inPlace(place);
    if (typeof want === 'number') expect(got).toHaveLength(want);
    else expect(got).toEqual(want);
  });

  it('names what a place is, for messages', () => {
    expect([placeKind('europe'), placeKind('EEA'), placeKind('de'), placeKind('us-east-1')]).toEqual([
      'continent',
      'bloc',
      'country',
      null,
    ]);
  });
});

describe('--max-age: offers older than DAYS before today are left out', () => {
  it('counts whole days from the as-of (a month as its first day) to the given today', () => {
    const fresh = TEST_CATALOG.filter((o) => offerMatches(o, { maxAgeDays: 30, today: '2026-12-01' }));
    expect(fresh).toHaveLength(TEST_CATALOG.length - 1);
    expect(ids(fresh)).not.toContain('nebius:gpu-h100-sxm:eu-north1:standard');
    expect(
      offerMatches(testOffer({ id: 'x:1', asOf: '2026-11' }), { maxAgeDays: 30, today: '2026-12-01' }),
    ).toBe(true);
    expect(
      offerMatches(testOffer({ id: 'x:1', asOf: '2026-11' }), { maxAgeDays: 29, today: '2026-12-01' }),
    ).toBe(false);
  });

  it('refuses to guess today', () => {
    expect(() => offerMatches(TEST_CATALOG[0]!, { maxAgeDays: 1 })).toThrow(/needs today/);
  });
});
