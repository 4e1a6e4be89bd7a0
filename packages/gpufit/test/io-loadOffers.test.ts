import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { OFFER_FIELDS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv, loadOffersOfGpu, streamOffers } from '../src/io/loadOffers.js';
import { REQUIRED_OFFER_COLUMNS } from '../src/io/offerTable.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'io', 'offers-small.csv');

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
    const bundled = path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '..',
      '..',
      '..',
      'datasets',
      'offers.csv',
    );
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
