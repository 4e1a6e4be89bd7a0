import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { OFFER_FIELDS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv, loadOffersOfGpu, streamOffers } from '../src/io/loadOffers.js';
import { REQUIRED_OFFER_COLUMNS } from '../src/io/offerTable.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'io', 'offers-small.csv');
const bundled = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'datasets',
  'offers.csv',
);

describe('loadOffersCsv (bundled GPU aliases and regions)', () => {
  it('normalizes GPU names and fills country from regions.csv; rejects a negative price and an unknown GPU', async () => {
    const r = await loadOffersCsv(fixture);
    expect(r.accounting).toEqual({ read: 5, accepted: 3, rejected: 2 });
    expect(r.rows.map((o) => [o.id, o.provider, o.gpu, o.country])).toEqual([
      ['aws:p5:us-east-1', 'aws', 'H100', 'US'],
      ['lambda:a10', 'lambda', 'A10', 'US'],
      ['nowhere:h100', 'nowhere', 'H100', null],
    ]);
    const [negative, unknown] = r.rejected;
    expect(negative).toMatchObject({ row: 3, column: 'usdPerGpuHour', code: 'invalid' });
    expect(negative!.reason).toMatch(/usdPerGpuHour must be at least 0\.001 USD per GPU-hour/);
    expect(unknown).toMatchObject({ row: 4, column: 'gpu', code: 'unknown-gpu' });
    expect(unknown!.reason).toMatch(/gpu "RTX 9090" is not a known GPU \(closest known: RTX[0-9]/);
  });

  it('strict mode stops at the negative price', async () => {
    await expect(loadOffersCsv(fixture, { strict: true })).rejects.toMatchObject({
      name: 'LoadError',
      row: 3,
      column: 'usdPerGpuHour',
    });
  });

  it('requires the columns the schema requires, read from the schema', async () => {
    expect(REQUIRED_OFFER_COLUMNS).toEqual([
      'id',
      'provider',
      'market',
      'gpu',
      'gpuMemoryGiB',
      'gpusPerInstance',
      'region',
      'pricingCategory',
      'source',
      'asOf',
    ]);
    const header = OFFER_FIELDS.filter((f) => f !== 'gpuMemoryGiB' && f !== 'asOf').join(',');
    const error = await loadOffersCsv(Readable.from([`${header}\n`])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).reason).toMatch(/lacks the required columns gpuMemoryGiB, asOf/);
  });

  it('an unknown offer column is a file-level error with a suggestion', async () => {
    const error = await loadOffersCsv(Readable.from(['id,provider,usdPerGPUHour\n'])).catch(
      (e: unknown) => e,
    );
    expect((error as LoadError).reason).toMatch(/"usdPerGPUHour" \(did you mean "usdPerGpuHour"\?\)/);
  });

  it('streams the same offers', async () => {
    const ids: string[] = [];
    for await (const item of streamOffers(fixture)) if (item.ok) ids.push(item.value.id);
    expect(ids).toEqual(['aws:p5:us-east-1', 'lambda:a10', 'nowhere:h100']);
  });
});

describe('loadOffersOfGpu', () => {
  it('validates and counts every row but keeps only the offers keep accepts', async () => {
    for (const source of [fixture, bundled]) {
      const whole = await loadOffersCsv(source);
      const gpus = [...new Set(whole.rows.map((o) => o.gpu)), 'none-such'];
      for (const gpu of gpus) {
        const kept = await loadOffersOfGpu(source, {}, gpu);
        expect(kept.rows).toEqual(whole.rows.filter((o) => o.gpu === gpu));
        expect(kept.accounting).toEqual(whole.accounting);
        expect(kept.rejected).toEqual(whole.rejected);
        expect(kept.warnings).toEqual(whole.warnings);
        expect(kept.blankRows).toBe(whole.blankRows);
      }
    }
  });
});

/**
 * `regionListing` (how the source lists the type's regions: `every-region` for SkyPilot's Lambda catalog) is an
 * optional column: a catalog written before it loads as before, every row "not stated" (null), by the full loader,
 * the one-GPU loader (its raw byte check) and the stream alike.
 */
describe('the optional regionListing column', () => {
  const cells = (listing: string | null) => {
    const head = 'id,provider,market,gpu,gpuMemoryGiB,gpusPerInstance,region,country,';
    const rest = 'pricingCategory,usdPerGpuHour,source,asOf';
    const header = `${head}${listing === null ? '' : 'regionListing,'}${rest}`;
    const row = (id: string, gpu: string, value: string) =>
      `${id},lambda,gpu-cloud,${gpu},80,1,asia-northeast-1,JP,${listing === null ? '' : `${value},`}Standard,4.29,fixture,2026-11-24`;
    return [
      header,
      row('lambda:h100:tokyo', 'H100', 'every-region'),
      row('lambda:a100:tokyo', 'A100-80GB', 'per-type'),
      row('lambda:l4:tokyo', 'L4', ''),
    ].join('\n');
  };

  it('with the column: each row carries its listing; empty is null; a word outside the vocabulary is refused', async () => {
    const r = await loadOffersCsv(Readable.from([`${cells('x')}\n`]));
    expect(r.rows.map((o) => [o.id, o.regionListing])).toEqual([
      ['lambda:h100:tokyo', 'every-region'],
      ['lambda:a100:tokyo', 'per-type'],
      ['lambda:l4:tokyo', null],
    ]);
    const bad = await loadOffersCsv(
      Readable.from([
        `${cells('x').split('\n').slice(0, 2).join('\n').replace('every-region', 'everywhere')}\n`,
      ]),
    );
    expect(bad.rows).toEqual([]);
    expect(bad.rejected[0]).toMatchObject({ row: 2, column: 'regionListing' });
  });

  it('without the column (an older catalog): the same offers, regionListing null, by every loader', async () => {
    const old = await loadOffersCsv(Readable.from([`${cells(null)}\n`]));
    expect(old.accounting).toEqual({ read: 3, accepted: 3, rejected: 0 });
    expect(old.rows.map((o) => o.regionListing)).toEqual([null, null, null]);
    const withColumn = await loadOffersCsv(Readable.from([`${cells('x')}\n`]));
    expect(old.rows).toEqual(withColumn.rows.map((o) => ({ ...o, regionListing: null })));
    for (const text of [cells(null), cells('x')]) {
      const whole = await loadOffersCsv(Readable.from([`${text}\n`]));
      const kept = await loadOffersOfGpu(Readable.from([`${text}\n`]), {}, 'H100');
      expect(kept.rows).toEqual(whole.rows.filter((o) => o.gpu === 'H100'));
      expect(kept.accounting).toEqual(whole.accounting);
      const streamed: unknown[] = [];
      for await (const item of streamOffers(Readable.from([`${text}\n`])))
        if (item.ok) streamed.push(item.value);
      expect(streamed).toEqual(whole.rows);
    }
  });

  it('the bundled catalog marks exactly the rows from SkyPilot’s Lambda catalog every-region', async () => {
    const r = await loadOffersCsv(bundled);
    const marked = r.rows.filter((o) => o.regionListing === 'every-region');
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((o) => o.provider === 'lambda' && o.source.includes('skypilot'))).toBe(true);
    expect(r.rows.filter((o) => o.notes.includes('live availability not encoded'))).toEqual(marked);
    expect(r.rows.some((o) => o.regionListing === 'per-type')).toBe(false);
  });
});
