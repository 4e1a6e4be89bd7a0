// `gpufit catalog merge` and the catalog checks of the other commands, as a user runs them (built CLI).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OfferInput, validateOffer } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { offersToCsv } from '../src/io/offersCsv.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dir = () => mkdtempSync(join(tmpdir(), 'gpufit-catalog-'));

function catalog(path: string, rows: readonly Partial<OfferInput>[]): string {
  const offers = rows.map((r) => {
    const v = validateOffer({
      id: 'lambda:gpu-1x-h100-pcie:us-east-1:standard',
      provider: 'lambda',
      market: 'gpu-cloud',
      gpu: 'H100-PCIe',
      gpuMemoryGiB: 80,
      gpusPerInstance: 1,
      region: 'us-east-1',
      pricingCategory: 'Standard',
      usdPerGpuHour: 2.49,
      source: 'test',
      asOf: '2026-11-24',
      ...r,
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return v.value;
  });
  writeFileSync(path, offersToCsv(offers));
  return path;
}

describe('gpufit catalog merge', () => {
  const d = dir();
  const old = catalog(join(d, 'old.csv'), [
    {},
    { id: 'lambda:gpu-1x-a10:us-east-1:standard', gpu: 'A10', gpuMemoryGiB: 24, usdPerGpuHour: 0.75 },
  ]);
  const fresh = catalog(join(d, 'new.csv'), [
    { usdPerGpuHour: 2.29, asOf: '2026-12-01' },
    {
      id: 'lambda:gpu-1x-a10:us-east-1:standard',
      gpu: 'A10',
      gpuMemoryGiB: 24,
      usdPerGpuHour: 0.8,
      asOf: '2026-11-24',
    },
    { id: 'lambda:gpu-1x-gh200:us-east-1:standard', gpu: 'GH200', gpuMemoryGiB: 96, usdPerGpuHour: 1.49 },
  ]);

  it('keeps the newest as-of per id, the later file on a tie, and reports every replacement on stderr', async () => {
    const out = join(d, 'merged.csv');
    const r = await runBuiltCli(['catalog', 'merge', old, fresh, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('merged 2 files → 3 offers');
    expect(r.stderr).toContain(
      `lambda:gpu-1x-h100-pcie:us-east-1:standard: 2026-11-24 $2.49/GPU-h (${old}) → 2026-12-01 $2.29/GPU-h (${fresh}) [newer as-of]`,
    );
    expect(r.stderr).toContain(
      `lambda:gpu-1x-a10:us-east-1:standard: 2026-11-24 $0.75/GPU-h (${old}) → 2026-11-24 $0.8/GPU-h (${fresh}) [same as-of day: the later file on the command line wins]`,
    );
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    const check = await runBuiltCli(['validate', out, '--as', 'offers']);
    expect(check.code, check.stdout).toBe(0);
  });

  it('--json reports the files, their books and the replacements', async () => {
    const out = join(d, 'merged2.csv');
    const r = await runBuiltCli(['catalog', 'merge', fresh, old, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.offers).toBe(3);
    expect(report.files.map((f: { accounting: unknown }) => f.accounting)).toEqual([
      { read: 3, accepted: 3, rejected: 0 },
      { read: 2, accepted: 2, rejected: 0 },
    ]);
    expect(report.replaced).toEqual([
      {
        id: 'lambda:gpu-1x-a10:us-east-1:standard',
        kept: { file: old, asOf: '2026-11-24', usdPerGpuHour: 0.75 },
        dropped: { file: fresh, asOf: '2026-11-24', usdPerGpuHour: 0.8 },
        reason: 'later-file',
      },
      {
        id: 'lambda:gpu-1x-h100-pcie:us-east-1:standard',
        kept: { file: fresh, asOf: '2026-12-01', usdPerGpuHour: 2.29 },
        dropped: { file: old, asOf: '2026-11-24', usdPerGpuHour: 2.49 },
        reason: 'newer',
      },
    ]);
    const noOut = await runBuiltCli(['catalog', 'merge', old, fresh, '--json']);
    expect(noOut.code).toBe(2);
  });

  it('--bundled starts from the bundled catalog', async () => {
    const out = join(d, 'with-bundled.csv');
    const r = await runBuiltCli(['catalog', 'merge', '--bundled', fresh, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/datasets\/offers\.csv: [\d,]+ rows read/);
    expect(r.stderr).toMatch(/merged 2 files → [\d,]+ offers/);
  });

  it('a file in another format is bad input naming the format and the importer', async () => {
    const r = await runBuiltCli(['catalog', 'merge', old, join(FIXTURES, 'import', 'akash-gpu-prices.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /akash-gpu-prices.json looks like an Akash Console API \/v1\/gpu-prices response \(JSON\), not an offer catalog: convert it with `gpufit import akash FILE --out offers.csv`/,
    );
  });
});
