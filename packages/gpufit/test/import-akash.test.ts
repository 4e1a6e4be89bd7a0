import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importAkash } from '../src/import/importAkash.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';
import { offersToCsv } from '../src/io/offersCsv.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'import', 'akash-gpu-prices.json');
const base = { asOf: '2026-12-01', source: 'Akash Console API /v1/gpu-prices (test fixture)' };

describe('importAkash: one offer per GPU model at its median price (fixtures/import/akash-gpu-prices.json)', () => {
  it('prices each model at price.med with price.min/max as the spread, on Akash terms', async () => {
    const r = await importAkash(FIXTURE, base);
    const h100 = r.offers.find((o) => o.id === 'akash:h100-80gb-sxm5:any:standard');
    expect(h100).toMatchObject({
      provider: 'akash',
      market: 'depin',
      instanceType: 'H100 80GB SXM5',
      gpu: 'H100',
      gpuMemoryGiB: 80,
      gpusPerInstance: 1,
      region: 'any',
      country: null,
      pricingCategory: 'Standard', // a won lease keeps its rate until the tenant closes it: not spot
      usdPerGpuHour: 2.2,
      usdPerGpuHourMin: 1.6,
      usdPerGpuHourMax: 3.1,
      hosting: 'community',
      verified: false,
      incentive: { symbol: 'AKT', subsidyShare: 0, denomination: 'either' },
      asOf: '2026-12-01',
    });
    expect(h100!.notes).toMatch(
      /40 of 312 GPUs free on 6 of 14 providers when read \(capacity, not uptime\)/,
    );
    expect(h100!.availability).toBeNull(); // the API gives capacity, not an uptime: not turned into one
  });

  it('resolves the API spellings to tiers, the interface picking the variant', async () => {
    const r = await importAkash(FIXTURE, base);
    expect(r.offers.map((o) => [o.instanceType, o.gpu])).toEqual([
      ['H100 80GB SXM5', 'H100'],
      ['A100 80GB SXM4', 'A100-80GB'],
      ['A100 80GB PCIe', 'A100-80GB-PCIe'],
      ['RTX 4090 24GB PCIe', 'RTX4090'],
      ['H200 141GB SXM5', 'H200'],
    ]);
  });

  it('accounts for every model, rejecting with the field and reason', async () => {
    const r = await importAkash(FIXTURE, base);
    expect(r.accounting).toEqual({ read: 10, accepted: 5, rejected: 5 });
    expect(r.rejected.map((x) => [x.row, x.code, x.column])).toEqual([
      [6, 'no-price', 'price'],
      [7, 'unknown-gpu', 'model'],
      [8, 'invalid', 'price.med'],
      [9, 'invalid', 'ram'],
      [10, 'duplicate-id', 'model'],
    ]);
    expect(r.rejected[0]!.reason).toMatch(/no recent single-GPU bid/);
    expect(r.rejected[2]!.reason).toBe('price.med 0.45 must lie between price.min 0.3 and price.max 0.4');
  });

  it('writes offers that load back unchanged', async () => {
    const r = await importAkash(FIXTURE, base);
    const back = await loadOffersCsv(Readable.from([offersToCsv(r.offers)]));
    expect(back.rows).toEqual(r.offers);
  });

  it('refuses another payload as a whole file, naming it', async () => {
    await expect(importAkash(Readable.from([JSON.stringify({ offers: [] })]), base)).rejects.toThrow(
      /not an Akash Console API GPU price list.*it looks like a Vast.ai offer search/,
    );
    await expect(importAkash(Readable.from(['[1, 2]']), base)).rejects.toMatchObject({
      code: 'invalid-shape',
    });
  });

  it('strict stops at a malformed model but not at one without a price', async () => {
    await expect(importAkash(FIXTURE, { ...base, strict: true })).rejects.toMatchObject({
      row: 7,
      column: 'model',
      code: 'unknown-gpu',
    });
  });
});
