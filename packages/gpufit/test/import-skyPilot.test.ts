import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Offer } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { importSkyPilot, type SkyPilotHostPrice } from '../src/import/importSkyPilot.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'io', 'skypilot');
const fixture = (name: string) => path.join(dir, name);
const SOURCE = 'skypilot-org/skypilot-catalog (re-shaped reference rows; see fixtures/io/README.md)';
const base = { source: SOURCE, asOf: '2026-11-24' };

/** Price per GPU-hour of each offer, keyed `instanceType region category`. */
function prices(offers: readonly Offer[]): Record<string, number | null> {
  return Object.fromEntries(
    offers.map((o) => [`${o.instanceType} ${o.region} ${o.pricingCategory}`, o.usdPerGpuHour]),
  );
}

describe('importSkyPilot: AWS (re-shaped reference rows)', () => {
  it('per-GPU = Price ÷ AcceleratorCount, no Dynamic when spot is empty or equals on-demand, no fractional GPUs', async () => {
    const r = await importSkyPilot(fixture('aws-vms.csv'), { cloud: 'aws', ...base });
    const got = prices(r.offers);
    const want: Record<string, number> = {
      'g4dn.xlarge eu-central-1 Standard': 0.658,
      'g4dn.xlarge eu-central-1 Dynamic': 0.267,
      'g4dn.xlarge eu-north-1 Standard': 0.558,
      'g4dn.xlarge eu-north-1 Dynamic': 0.1822,
      'p4d.24xlarge ap-northeast-1 Standard': 30.09784 / 8,
      'p4d.24xlarge ap-northeast-1 Dynamic': 7.5205 / 8,
      'p4d.24xlarge ap-south-1 Standard': 26.3444 / 8,
      'p5.48xlarge ap-northeast-2 Standard': 75.9552 / 8,
    };
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [k, v] of Object.entries(want)) expect(got[k]).toBeCloseTo(v, 9);
    expect(r.accounting).toEqual({ read: 6, accepted: 5, rejected: 1 });
    expect(r.rejected[0]).toMatchObject({ row: 7, code: 'fractional-gpu', column: 'AcceleratorCount' });
    expect(r.rejected[0]!.reason).toMatch(/fractional GPU \(AcceleratorCount 0.25\), not a per-GPU price/);
  });

  it('normalizes GPU names, reads memory from GpuInfo, fills country, stamps provenance', async () => {
    const r = await importSkyPilot(fixture('aws-vms.csv'), { cloud: 'aws', ...base });
    const p4d = r.offers.find((o) => o.id === 'aws:p4d.24xlarge:ap-northeast-1:standard')!;
    expect(p4d).toMatchObject({
      provider: 'aws',
      market: 'hyperscaler',
      gpu: 'A100-40GB',
      gpuMemoryGiB: 40,
      gpusPerInstance: 8,
      country: 'JP',
      pricingCategory: 'Standard',
      source: SOURCE,
      asOf: '2026-11-24',
    });
    expect(p4d.notes).toMatch(/on-demand \$30.09784\/h per instance ÷ 8 GPU/);
  });

  it('merges zone rows: spot is the median over standard zones, local zones left out (synthetic zones)', async () => {
    const [header, g4dn] = readFileSync(fixture('aws-vms.csv'), 'utf8').split('\n');
    // Synthetic: the eu-central-1 g4dn row copied into a second zone with a higher spot price, and into an
    // AWS local zone with a lower one, to exercise the merge.
    const higher = g4dn!.replace(',0.267,', ',0.3,').replace('euc1-az2', 'euc1-az3');
    const local = g4dn!.replace(',0.267,', ',0.1,').replace('euc1-az2', 'euc1-ham1-az1');
    const cpu = 'c5.xlarge,,,4.0,8.0,,0.194,0.0812,eu-central-1,euc1-az2,x86_64';
    const r = await importSkyPilot(Readable.from([[header, g4dn, higher, local, cpu, ''].join('\n')]), {
      cloud: 'aws',
      ...base,
    });
    const got = prices(r.offers);
    expect(Object.keys(got).sort()).toEqual([
      'g4dn.xlarge eu-central-1 Dynamic',
      'g4dn.xlarge eu-central-1 Standard',
    ]);
    expect(got['g4dn.xlarge eu-central-1 Standard']).toBe(0.658);
    expect(got['g4dn.xlarge eu-central-1 Dynamic']).toBeCloseTo((0.267 + 0.3) / 2, 12);
    expect(r.accounting).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(r.rejected[0]).toMatchObject({ row: 5, code: 'no-accelerator' });
    const dynamic = r.offers.find((o) => o.pricingCategory === 'Dynamic')!;
    expect(dynamic).toMatchObject({ usdPerGpuHourMin: 0.267, usdPerGpuHourMax: 0.3, zonesWithSpot: 2 });
    expect(dynamic.notes).toMatch(/1 local-zone spot rows left out/);
  });
});

describe('importSkyPilot: spot per region from per-zone rows (re-shaped spot-by-zone.csv rows)', () => {
  const offersOf = async () =>
    (await importSkyPilot(fixture('aws-zones-vms.csv'), { cloud: 'aws', ...base })).offers;
  const find = (offers: readonly Offer[], id: string) => offers.find((o) => o.id === id);

  it('the median over the zones that list a spot price, with the lowest and highest as the spread', async () => {
    const offers = await offersOf();
    expect(find(offers, 'aws:g4dn.xlarge:ap-east-1:dynamic')).toMatchObject({
      usdPerGpuHour: 0.1523,
      usdPerGpuHourMin: 0.1365,
      usdPerGpuHourMax: 0.1873,
      zonesWithSpot: 3,
    });
    const p5en = find(offers, 'aws:p5en.48xlarge:ap-southeast-3:dynamic')!;
    expect(p5en.usdPerGpuHour).toBeCloseTo(12.9837 / 8, 12); // two zones: the mean of the two
    expect(p5en).toMatchObject({
      usdPerGpuHourMin: 11.4635 / 8,
      usdPerGpuHourMax: 14.5039 / 8,
      zonesWithSpot: 2,
    });
    expect(p5en.notes).toMatch(
      /spot = median over 2 zones listing a spot price \(\$11.4635–\$14.5039\/h per instance\)/,
    );
  });

  it('a zone with spot equal to on-demand or without spot does not count; none left means no Dynamic row', async () => {
    const offers = await offersOf();
    const p5tokyo = find(offers, 'aws:p5.48xlarge:ap-northeast-1:dynamic')!;
    expect(p5tokyo).toMatchObject({ usdPerGpuHour: 24.2602 / 8, zonesWithSpot: 1 });
    expect(p5tokyo.notes).toMatch(/1 zone rows with spot equal to on-demand left out/);
    expect(find(offers, 'aws:p5.48xlarge:eu-north-1:dynamic')).toMatchObject({
      usdPerGpuHour: 32.012 / 8,
      zonesWithSpot: 1,
    });
    expect(find(offers, 'aws:p5en.48xlarge:ap-south-1:dynamic')).toBeUndefined();
    expect(find(offers, 'aws:p5en.48xlarge:ap-south-1:standard')?.usdPerGpuHour).toBe(75.9552 / 8);
  });

  it('on-demand rows carry no spread; every Dynamic row lies inside its own', async () => {
    const offers = await offersOf();
    for (const o of offers) {
      if (o.pricingCategory === 'Standard') expect(o.usdPerGpuHourMin).toBeNull();
      else
        expect(o.usdPerGpuHourMin! <= o.usdPerGpuHour! && o.usdPerGpuHour! <= o.usdPerGpuHourMax!).toBe(true);
    }
  });
});

describe('importSkyPilot: GCP accelerator-only rows need their host VM', () => {
  const a2: SkyPilotHostPrice = {
    accelerator: 'A100',
    count: 1,
    region: 'us-central1',
    instanceType: 'a2-highgpu-1g',
    usdPerHour: 0.73948,
    spotUsdPerHour: 0.36975,
  };

  it('adds the host price: A100 40GB us-central1 2.93391 + 0.73948 = 3.67339 per GPU (spot 1.4341 + 0.36975)', async () => {
    const r = await importSkyPilot(fixture('gcp-vms.csv'), { cloud: 'gcp', ...base, hostPrices: [a2] });
    expect(r.offers.map((o) => [o.id, o.instanceType, o.gpu, o.gpuMemoryGiB, o.country])).toEqual([
      ['gcp:a2-highgpu-1g:us-central1:standard', 'a2-highgpu-1g', 'A100-40GB', 40, 'US'],
      ['gcp:a2-highgpu-1g:us-central1:dynamic', 'a2-highgpu-1g', 'A100-40GB', 40, 'US'],
    ]);
    expect(r.offers[0]!.usdPerGpuHour).toBeCloseTo(3.67339, 9);
    expect(r.offers[1]!.usdPerGpuHour).toBeCloseTo(1.80385, 9);
    expect(r.offers[0]!.notes).toMatch(
      /\(on-demand accelerators \$2.93391\/h \+ host a2-highgpu-1g \$0.73948\/h\) ÷ 1 GPU/,
    );
  });

  it('rejects rows with no host (and the host VM row itself) with a reason, never pricing the GPU alone', async () => {
    const r = await importSkyPilot(fixture('gcp-vms.csv'), { cloud: 'gcp', ...base, hostPrices: [a2] });
    expect(r.accounting).toEqual({ read: 6, accepted: 1, rejected: 5 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [2, 'no-accelerator'],
      [4, 'no-host-price'],
      [5, 'no-host-price'],
      [6, 'no-host-price'],
      [7, 'no-host-price'],
    ]);
    expect(r.rejected[1]!.reason).toMatch(
      /no host price was given for A100 × 2 in us-central1; pass it in hostPrices/,
    );
  });

  /** The reference README's a2-ultragpu-1g host in us-central1 (no spot price). */
  const ULTRA_HOST: SkyPilotHostPrice = {
    accelerator: 'A100-80GB',
    count: 1,
    region: 'us-central1',
    instanceType: 'a2-ultragpu-1g',
    usdPerHour: 1.09962,
  };

  it('with the README host prices for a2-ultragpu-1g and a3-highgpu-1g (no spot given: no Dynamic offer)', async () => {
    const hosts: SkyPilotHostPrice[] = [
      ULTRA_HOST,
      {
        accelerator: 'H100',
        count: 1,
        region: 'us-central1',
        instanceType: 'a3-highgpu-1g',
        usdPerHour: 1.18251,
      },
    ];
    const r = await importSkyPilot(fixture('gcp-vms.csv'), { cloud: 'gcp', ...base, hostPrices: hosts });
    const got = prices(r.offers);
    // A100-80GB lists on-demand $1.8462 below its spot $1.964: another SKU, not written (and no host spot price
    // was given, so no spot offer either: the row is rejected, saying both).
    expect(Object.keys(got)).toEqual(['a3-highgpu-1g us-central1 Standard']);
    expect(got['a3-highgpu-1g us-central1 Standard']).toBeCloseTo(4.20076 + 1.18251, 9);
    const a100 = r.rejected.find((x) => x.reason.includes('within 5 % of the spot price'));
    expect(a100?.code).toBe('no-price');
    expect(r.warnings).toEqual([
      {
        code: 'doubted-price',
        file: expect.stringContaining('gcp-vms.csv'),
        message: expect.stringMatching(
          /1 accelerator-only price list on-demand within 5 % of spot or below it, .*: no on-demand offer written for a2-ultragpu-1g us-central1 \(\$1\.8462\/h, spot \$1\.964\/h\)$/,
        ),
      },
    ]);
  });

  it('an accelerator-only on-demand price with a real spot discount is kept, its spot offer too', async () => {
    const hosts: SkyPilotHostPrice[] = [a2, { ...ULTRA_HOST, spotUsdPerHour: 0.54982 }];
    const r = await importSkyPilot(fixture('gcp-vms.csv'), { cloud: 'gcp', ...base, hostPrices: hosts });
    const got = prices(r.offers);
    // A100 40GB: spot $1.4341 is 49 % of on-demand $2.93391 — both written
    expect(got['a2-highgpu-1g us-central1 Standard']).toBeCloseTo(2.93391 + 0.73948, 9);
    expect(got['a2-highgpu-1g us-central1 Dynamic']).toBeCloseTo(1.4341 + 0.36975, 9);
    // A100-80GB: only its spot offer
    expect(got['a2-ultragpu-1g us-central1 Standard']).toBeUndefined();
    expect(got['a2-ultragpu-1g us-central1 Dynamic']).toBeCloseTo(1.964 + 0.54982, 9);
    expect(r.warnings.map((w) => w.code)).toEqual(['doubted-price']);
  });
});

describe('importSkyPilot: marketplaces and GPU clouds', () => {
  it('Vast: spot 0.00 is no spot price; "place, CC, continent" gives the country; memory is total ÷ count', async () => {
    const r = await importSkyPilot(fixture('vast-vms.csv'), { cloud: 'vast', ...base });
    expect(
      r.offers.map((o) => [o.region, o.country, o.gpu, o.pricingCategory, o.usdPerGpuHour, o.market]),
    ).toEqual([
      ['france-fr-eu', 'FR', 'H200', 'Standard', 2.65, 'marketplace'],
      ['michigan-us-na', 'US', 'H200', 'Standard', 2.59, 'marketplace'],
      ['bulgaria-bg-eu', 'BG', 'H100-NVL', 'Standard', 2.08, 'marketplace'],
    ]);
    expect(r.offers[0]!.gpuMemoryGiB).toBeCloseTo(140.4, 2);
    expect(r.offers[2]!.notes).toMatch(/tier H100-NVL from the instance name \(H100_NVL\)/);
  });

  it('Lambda: one offer per region, per-GPU = 6.32 ÷ 8', async () => {
    const r = await importSkyPilot(fixture('lambda-vms.csv'), { cloud: 'lambda', ...base });
    expect(r.offers.map((o) => [o.region, o.usdPerGpuHour, o.market])).toEqual([
      ['europe-central-1', 0.79, 'gpu-cloud'],
      ['asia-south-1', 0.79, 'gpu-cloud'],
    ]);
  });
});

describe('importSkyPilot: bad rows and files', () => {
  const header =
    'InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region';
  const load = (rows: string[], strict = false) =>
    importSkyPilot(Readable.from([[header, ...rows, ''].join('\n')]), { cloud: 'lambda', ...base, strict });

  // Synthetic rows shaped like the Lambda fixture.
  const cases: [string, string, string, string | null, RegExp][] = [
    ['unknown GPU', 'x,H1OO,1,8,64,,2.0,,us-east-1', 'unknown-gpu', 'AcceleratorName', /closest known: H100/],
    ['negative price', 'x,H100,1,8,64,,-2.0,,us-east-1', 'invalid', 'Price', /Price must be a number ≥ 0/],
    ['no price at all', 'x,H100,1,8,64,,,,us-east-1', 'no-price', 'Price', /no price/],
    [
      'a count of 1.5',
      'x,H100,1.5,8,64,,3.0,,us-east-1',
      'fractional-gpu',
      'AcceleratorCount',
      /fractional GPU/,
    ],
    [
      'a price per GPU above 1000',
      'x,H100,1,8,64,,5000,,us-east-1',
      'invalid',
      'usdPerGpuHour',
      /at most 1000/,
    ],
    [
      'a broken GpuInfo',
      'x,H100,1,8,64,"{\'Gpus\': [",2.0,,us-east-1',
      'invalid',
      'GpuInfo',
      /not a SkyPilot GPU description/,
    ],
    ['a ragged row', 'x,H100,1', 'ragged', null, /3 cells but the header has 9/],
  ];
  it.each(cases)('%s is a rejected row, not a crash', async (_name, row, code, column, reason) => {
    const r = await load([row]);
    expect(r.accounting).toEqual({ read: 1, accepted: 0, rejected: 1 });
    expect(r.rejected[0]).toMatchObject({ row: 2, code, column });
    expect(r.rejected[0]!.reason).toMatch(reason);
  });

  it('strict stops on malformed rows but not on the importer’s own exclusions', async () => {
    await expect(
      load(['x,H100,1.5,8,64,,3.0,,us-east-1', 'y,H100,1,8,64,,2.0,,us-east-1'], true),
    ).resolves.toMatchObject({
      accounting: { read: 2, accepted: 1, rejected: 1 },
    });
    await expect(load(['x,H100,1,8,64,,abc,,us-east-1'], true)).rejects.toMatchObject({
      name: 'LoadError',
      row: 2,
      column: 'Price',
    });
  });

  it('a file that is not a vms.csv is a file-level error; an empty one imports nothing', async () => {
    await expect(
      importSkyPilot(Readable.from(['provider,gpu\n']), { cloud: 'x', ...base }),
    ).rejects.toMatchObject({
      code: 'missing-column',
    });
    const empty = await importSkyPilot(Readable.from(['']), { cloud: 'x', ...base });
    expect(empty.accounting).toEqual({ read: 0, accepted: 0, rejected: 0 });
    expect(empty.warnings.map((w) => w.code)).toEqual(['empty-file']);
  });
});
