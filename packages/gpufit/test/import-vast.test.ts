import path from 'node:path';
import { Readable } from 'node:stream';
import type { Offer } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { importVast } from '../src/import/importVast.js';
import { vastCountry } from '../src/import/vastGeolocation.js';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';
import { offersToCsv } from '../src/io/offersCsv.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'import', 'vast-offers.json');
const base = { asOf: '2026-12-01', source: 'Vast.ai offer search (test fixture)' };
const json = (value: unknown) => Readable.from([JSON.stringify(value)]);
const byId = (offers: readonly Offer[]) => new Map(offers.map((o) => [o.id, o]));

describe('importVast: buckets of offers priced at their median (fixtures/import/vast-offers.json)', () => {
  it('one row per (GPU, GPUs, country, rental type, hosting, verified): median price, min/max spread', async () => {
    const r = await importVast(FIXTURE, base);
    const rows = byId(r.offers);
    // Three 1×RTX 4090 offers in the US, community, verified: $0.35, $0.40, $0.45 → median $0.40.
    expect(rows.get('vast:1x-rtx4090:us:community-verified:standard')).toMatchObject({
      provider: 'vast',
      market: 'marketplace',
      gpu: 'RTX4090',
      gpusPerInstance: 1,
      country: 'US',
      hosting: 'community',
      verified: true,
      pricingCategory: 'Standard',
      usdPerGpuHour: 0.4,
      usdPerGpuHourMin: 0.35,
      usdPerGpuHourMax: 0.45,
      asOf: '2026-12-01',
    });
    // Interruptible from min_bid: $0.20, $0.25, $0.22 → median $0.22.
    expect(rows.get('vast:1x-rtx4090:us:community-verified:dynamic')).toMatchObject({
      pricingCategory: 'Dynamic',
      usdPerGpuHour: 0.22,
      usdPerGpuHourMin: 0.2,
      usdPerGpuHourMax: 0.25,
    });
    // Two 8×H100 offers, $16.00 and $17.60 for the machine: $2.00 and $2.20 per GPU, median $2.10.
    expect(rows.get('vast:8x-h100:us:datacenter-verified:standard')).toMatchObject({
      gpusPerInstance: 8,
      gpuMemoryGiB: 80,
      hosting: 'datacenter',
      usdPerGpuHour: 2.1,
      usdPerGpuHourMin: 2,
      usdPerGpuHourMax: 2.2,
    });
    expect(rows.get('vast:8x-h100:us:datacenter-verified:dynamic')?.usdPerGpuHour).toBe(1.1);
    // The unverified 4090 host's min_bid equals its price: no interruptible discount, no Dynamic row.
    expect(rows.get('vast:1x-rtx4090:us:community:standard')?.usdPerGpuHour).toBe(0.3);
    expect(rows.has('vast:1x-rtx4090:us:community:dynamic')).toBe(false);
    expect(r.offers).toHaveLength(12);
  });

  it('keeps reliability2 as the availability (the median of the bucket) and says so', async () => {
    const rows = byId((await importVast(FIXTURE, base)).offers);
    const us4090 = rows.get('vast:1x-rtx4090:us:community-verified:standard')!;
    expect(us4090.availability).toBe(0.97); // 0.99, 0.95, 0.97
    expect(us4090.reliabilitySource).toMatch(
      /Vast reliability2 .*median of 3 offers, kept as the availability/,
    );
    expect(rows.get('vast:8x-h100:us:datacenter-verified:standard')?.availability).toBeCloseTo(0.997, 12);
    expect(rows.get('vast:8x-h100:us:datacenter-verified:dynamic')?.reliabilitySource).toMatch(
      /being outbid is not in it/,
    );
    // No reliability2 in the offer: availability stays unknown rather than guessed.
    expect(rows.get('vast:2x-rtx4090:tw:community-verified:standard')?.availability).toBeNull();
  });

  it('counts the offers behind each row in its notes', async () => {
    const rows = byId((await importVast(FIXTURE, base)).offers);
    expect(rows.get('vast:1x-rtx4090:us:community-verified:standard')?.notes).toMatch(
      /^median of 3 Vast offers;/,
    );
    expect(rows.get('vast:1x-h100:de:datacenter-verified:standard')?.notes).toMatch(
      /^median of 1 Vast offer;/,
    );
    expect(rows.get('vast:2x-rtx4090:tw:community-verified:standard')?.notes).toMatch(
      /1 offer without hosting_type counted as community/,
    );
  });

  it('lets the measured memory pick the variant: A100 PCIE 80 GB and 40 GB are different tiers', async () => {
    const rows = byId((await importVast(FIXTURE, base)).offers);
    expect(rows.get('vast:1x-a100-80gb-pcie:ca:community-verified:standard')).toMatchObject({
      gpu: 'A100-80GB-PCIe',
      usdPerGpuHour: 0.87,
    });
    expect(rows.get('vast:1x-a100-40gb:ca:community-verified:standard')).toMatchObject({
      gpu: 'A100-40GB',
      gpuMemoryGiB: 40,
    });
  });

  it('accounts for every record: accepted + rejected = read, each rejection with its row and field', async () => {
    const r = await importVast(FIXTURE, base);
    expect(r.accounting).toEqual({ read: 16, accepted: 10, rejected: 6 });
    expect(r.rejected.map((x) => [x.row, x.code, x.column])).toEqual([
      [11, 'unknown-gpu', 'gpu_name'],
      [12, 'no-price', 'dph_total'],
      [13, 'invalid', 'num_gpus'],
      [14, 'invalid', 'reliability2'],
      [15, 'fractional-gpu', 'gpu_frac'],
      [16, 'invalid', null],
    ]);
    expect(r.rejected[0]!.reason).toMatch(/"RTX 9090" is not a known GPU \(closest known: RTX3090, RTX4090/);
    expect(r.rejected[3]!.reason).toMatch(/reliability2 must be a score from 0 to 1; got 97/);
  });

  it('buckets by continent on request (region = continent, no country)', async () => {
    const r = await importVast(FIXTURE, { ...base, regionBy: 'continent' });
    const rows = byId(r.offers);
    expect(rows.get('vast:1x-h100:europe:datacenter-verified:standard')).toMatchObject({
      region: 'europe',
      country: null,
    });
    expect(rows.get('vast:1x-rtx4090:north-america:community-verified:standard')?.usdPerGpuHour).toBe(0.4);
  });

  it('writes offers that load back unchanged', async () => {
    const r = await importVast(FIXTURE, base);
    const back = await loadOffersCsv(Readable.from([offersToCsv(r.offers)]));
    expect(back.accounting).toEqual({ read: 12, accepted: 12, rejected: 0 });
    expect(back.rows).toEqual(r.offers);
  });

  it('takes the bare array `vastai search offers --raw` prints, and geolocation with the CLI continent suffix', async () => {
    const r = await importVast(
      json([
        { gpu_name: 'RTX 4090', num_gpus: 1, gpu_ram: 24564, dph_total: 0.4, geolocation: 'Windhoek, NA' },
      ]),
      base,
    );
    expect(r.offers.map((o) => [o.id, o.country])).toEqual([['vast:1x-rtx4090:na:community:standard', 'NA']]);
  });

  it('refuses a file that is not an offer search, naming what it looks like', async () => {
    await expect(importVast(json({ models: [{ vendor: 'nvidia' }] }), base)).rejects.toThrow(
      /not a Vast.ai offer search.*it looks like an Akash Console API \/v1\/gpu-prices response/,
    );
    await expect(importVast(Readable.from(['{"offers": [']), base)).rejects.toMatchObject({
      code: 'invalid-json',
    });
  });

  it('strict stops at the first malformed record, not at a fractional GPU', async () => {
    const err = await importVast(FIXTURE, { ...base, strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect(err).toMatchObject({ row: 11, column: 'gpu_name', code: 'unknown-gpu' });
    const frac = await importVast(
      json([{ gpu_name: 'RTX 4090', num_gpus: 1, gpu_frac: 0.5, dph_total: 0.2 }]),
      { ...base, strict: true },
    );
    expect(frac.accounting).toEqual({ read: 1, accepted: 0, rejected: 1 });
  });
});

describe('vastCountry', () => {
  it.each([
    ['US', 'US'],
    ['Texas, US', 'US'],
    ['California, US, NA', 'US'], // NA = the CLI's North America suffix
    ['DE, EU', 'DE'],
    ['Windhoek, NA', 'NA'], // Namibia
    ['Somewhere', null],
    ['XX', null],
    ['', null],
  ])('%j → %j', (geo, country) => {
    expect(vastCountry(geo)).toBe(country);
  });
});
