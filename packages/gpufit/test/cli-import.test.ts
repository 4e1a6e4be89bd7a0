// The importers as a user runs them: the built CLI on the fixtures (see fixtures/import/README.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const VAST = join(FIXTURES, 'import', 'vast-offers.json');
const AKASH = join(FIXTURES, 'import', 'akash-gpu-prices.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'gpufit-import-'));

describe('gpufit import vast | akash | skypilot (built CLI)', () => {
  it('vast: writes the offers, lists every rejected record with its field on stderr, exit 0', async () => {
    const out = join(tmp(), 'vast.csv');
    const r = await runBuiltCli(['import', 'vast', VAST, '--as-of', '2026-12-01', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('16 offer records read, 10 accepted, 6 rejected → 12 offers');
    expect(r.stderr).toContain(
      'offer record 14, field reliability2: reliability2 must be a score from 0 to 1; got 97',
    );
    expect(r.stderr).not.toContain('no --as-of');
    expect(readFileSync(out, 'utf8')).toContain('vast:8x-h100:us:datacenter-verified:standard');
    const check = await runBuiltCli(['validate', out, '--as', 'offers']);
    expect(check.code, check.stdout).toBe(0);
  });

  it('akash: without --as-of the offers are dated today and stderr says so', async () => {
    const r = await runBuiltCli(['import', 'akash', AKASH]);
    expect(r.code, r.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(r.stderr).toContain(`no --as-of given: the offers are dated today, ${today}`);
    expect(r.stdout.split('\n')[0]).toMatch(/^id,provider,/);
    expect(r.stdout).toContain(`akash:h100-80gb-sxm5:any:standard,akash,`);
    expect(r.stdout).toContain(`,${today},`);
  });

  it('--json prints the books as JSON (and needs --out)', async () => {
    const out = join(tmp(), 'akash.csv');
    const r = await runBuiltCli(['import', 'akash', AKASH, '--as-of', '2026-12', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ offers: 5, accounting: { read: 10, accepted: 5, rejected: 5 } });
    expect(report.rejected[0]).toMatchObject({ row: 6, column: 'price', code: 'no-price' });
    const noOut = await runBuiltCli(['import', 'akash', AKASH, '--json']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain(
      '--json prints the import report on stdout, so the offers need --out FILE',
    );
  });

  it('bad input is exit 2 with file, row and field: the wrong payload, broken JSON, a bad date, --strict', async () => {
    const wrong = await runBuiltCli(['import', 'vast', AKASH]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/akash-gpu-prices.json: not a Vast.ai offer search.*gpufit import akash/);
    const broken = join(tmp(), 'broken.json');
    writeFileSync(broken, '{"offers": [ {"gpu_name": "RTX 4090",');
    const b = await runBuiltCli(['import', 'vast', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/broken.json: not valid JSON/);
    const date = await runBuiltCli(['import', 'vast', VAST, '--as-of', '1 Dec 2026']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--as-of "1 Dec 2026": write the date the prices were read as YYYY-MM-DD');
    const strict = await runBuiltCli(['import', 'vast', VAST, '--strict', '--as-of', '2026-12-01']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(
      /vast-offers.json, row 11, column gpu_name: gpu_name "RTX 9090" is not a known GPU/,
    );
  });

  it('validate on an API payload says to import it first (exit 2), not that it is a bad scenario', async () => {
    const r = await runBuiltCli(['validate', VAST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'looks like a Vast.ai offer search (JSON), which is imported, not validated: convert it with `gpufit import vast FILE --out offers.csv`, then validate the offers CSV it writes.',
    );
  });

  it('an import whose every record is rejected exits 2 and says so', async () => {
    const file = join(tmp(), 'none.json');
    writeFileSync(file, JSON.stringify({ offers: [{ gpu_name: 'RTX 4090', num_gpus: 1 }] }));
    const r = await runBuiltCli(['import', 'vast', file, '--as-of', '2026-12-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('none of its 1 offer record gave an offer; nothing was imported');
  });

  it('skypilot no longer needs --as-of; spot rows carry the per-zone spread', async () => {
    const r = await runBuiltCli([
      'import',
      'skypilot',
      join(FIXTURES, 'io', 'skypilot', 'aws-zones-vms.csv'),
      '--cloud',
      'aws',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('no --as-of given');
    const header = r.stdout.split('\n')[0]!.split(',');
    const row = r.stdout.split('\n').find((l) => l.startsWith('aws:g4dn.xlarge:ap-east-1:dynamic,'))!;
    const cell = (name: string) => row.split(',')[header.indexOf(name)];
    expect([
      cell('usdPerGpuHour'),
      cell('usdPerGpuHourMin'),
      cell('usdPerGpuHourMax'),
      cell('zonesWithSpot'),
    ]).toEqual(['0.1523', '0.1365', '0.1873', '3']);
  });
});
