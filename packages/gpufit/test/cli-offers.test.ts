// `gpufit offers` as good as `sky show-gpus`, run as a user runs it (built CLI) on a catalog generated in code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offersToCsv } from '../src/io/offersCsv.js';
import { runBuiltCli } from './support/runBuiltCli.js';
import { TEST_CATALOG } from './support/testOffers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CATALOG = join(mkdtempSync(join(tmpdir(), 'gpufit-offers-')), 'offers.csv');
writeFileSync(CATALOG, offersToCsv(TEST_CATALOG));
const offers = (...args: string[]) => runBuiltCli(['offers', '--catalog', CATALOG, ...args]);

/** The table's data lines, each split into its cells (two or more spaces apart). */
function cells(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const end = lines.indexOf('');
  return lines.slice(2, end).map((l) => l.split(/\s{2,}/));
}

describe('gpufit offers (built CLI, test catalog)', () => {
  it('prints per instance type the GPUs × memory, $/GPU-h and $/h, on-demand and spot side by side', async () => {
    const r = await offers('--gpu', 'H100', '--market', 'hyperscaler');
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.split('\n')[0]!.split(/\s{2,}/);
    expect(header).toEqual([
      '#',
      'gpu',
      'gpus',
      'provider',
      'market',
      'instance',
      'region',
      'hosting',
      'verified',
      'term',
      '$/GPU-h',
      '$/h',
      'spot $/GPU-h',
      'spot $/h',
      'as of',
    ]);
    const rows = cells(r.stdout);
    expect(rows[0]).toEqual([
      '1 *',
      'H100',
      '8 × 80 GB',
      'aws',
      'hyperscaler',
      'p5.48xlarge',
      'us-east-1 (US)',
      'datacenter',
      '12 mo',
      '$4.100',
      '$32.80',
      '—',
      '—',
      '2026-11-24',
    ]);
    // The cheapest region of p5.48xlarge (us-west-2), standing for three more, with its spot price beside it.
    expect(rows[1]).toEqual([
      '2',
      'H100',
      '8 × 80 GB',
      'aws',
      'hyperscaler',
      'p5.48xlarge',
      'us-west-2 (US) +3',
      'datacenter',
      'yes',
      '$6.500',
      '$52.00',
      '$2.100',
      '$16.80',
      '2026-11-24',
    ]);
    expect(r.stdout).toContain('* cheapest: aws:p5.48xlarge:us-east-1:committed-12mo — ');
    expect(r.stdout).toContain('(cheapest region of each; --all-regions for every region)');
  });

  it('--all-regions shows every region of an instance type', async () => {
    const r = await offers(
      '--gpu',
      'H100',
      '--market',
      'hyperscaler',
      '--category',
      'Standard',
      '--all-regions',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(cells(r.stdout).map((c) => c[6])).toEqual([
      'us-west-2 (US)',
      'us-east-1 (US)',
      'us-east-2 (US)',
      'eu-central-1 (DE)',
      'europe-west4 (NL)',
    ]);
  });

  it('--region takes a continent in any case and spelling, as well as countries, blocs and regions', async () => {
    for (const place of ['europe', 'Europe', 'EUROPE']) {
      const r = await offers('--region', place, '--all-regions');
      expect(r.code, r.stderr).toBe(0);
      expect(
        cells(r.stdout)
          .map((c) => c[6])
          .sort(),
      ).toEqual(['de', 'eu-central-1 (DE)', 'eu-north1 (FI)', 'europe-west4 (NL)']);
    }
    const na = await offers('--region', 'north america', '--gpu', 'H100-PCIe');
    expect(cells(na.stdout).map((c) => c[5])).toEqual(['gpu_1x_h100_pcie']);
  });

  it('a filter value that matches nothing is exit 2 naming the value', async () => {
    const nowhere = await offers('--region', 'atlantis');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(
      /--region "atlantis" matches no offer in .*offers.csv: it is no offer's region, no ISO country code/,
    );
    const asia = await offers('--region', 'asia');
    expect(asia.code).toBe(2);
    expect(asia.stderr).toMatch(
      /--region "asia" matches no offer in .*: no offer in the catalog is in that continent/,
    );
    const tier = await offers('--gpu', 'B200');
    expect(tier.code).toBe(2);
    expect(tier.stderr).toMatch(/--gpu B200 matches no offer in .*: no offer is for B200/);
    const cheap = await offers('--max-price', '0.1');
    expect(cheap.code).toBe(2);
    expect(cheap.stderr).toContain(
      'no offer costs $0.1 per GPU-hour or less (the cheapest list price is $0.220)',
    );
  });

  it('filters that each match but not together say which one emptied the list, exit 0', async () => {
    const r = await offers('--gpu', 'RTX 4090', '--region', 'US');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'No offer matches these filters together: 2 offers match --gpu RTX 4090 (tier RTX4090), and none of them --region "US".',
    );
  });

  it('--max-age leaves out offers older than DAYS before --today, and is exit 2 when none is left', async () => {
    const all = await offers('--region', 'FI');
    expect(cells(all.stdout)).toHaveLength(1);
    const fresh = await offers(
      '--max-age',
      '30',
      '--today',
      '2026-12-01',
      '--gpu',
      'H100',
      '--region',
      'europe',
    );
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).not.toContain('eu-north1');
    expect(fresh.stderr).not.toContain('counts days to today');
    const none = await offers('--max-age', '10', '--today', '2027-06-01');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--max-age 10 matches no offer in');
    expect(none.stderr).toContain(
      "no offer's as-of is within 10 days before 2027-06-01 (the newest is 2026-11-24)",
    );
    const badDate = await offers('--max-age', '10', '--today', '2026-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--today must be a date written YYYY-MM-DD.');
  });

  it('--json has the rows side by side and the offers ranked', async () => {
    const r = await offers('--gpu', 'RTX4090', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0]).toMatchObject({
      gpu: 'RTX4090',
      gpusPerInstance: 1,
      gpuMemoryGiB: 24,
      region: 'de',
      hosting: 'community',
      verified: true,
      onDemand: {
        usdPerGpuHour: 0.4,
        usdPerInstanceHour: 0.4,
        usdPerGpuHourMin: 0.35,
        usdPerGpuHourMax: 0.45,
      },
      spot: { usdPerGpuHour: 0.22, pricingCategory: 'Dynamic' },
    });
    expect(out.offers.map((o: { effectiveUsdPerGpuHour: number }) => o.effectiveUsdPerGpuHour)).toEqual([
      0.22, 0.4,
    ]);
    expect(out.cheapest.id).toBe('vast:1x-rtx4090:de:community-verified:standard');
  });

  it('--group-by gpu keeps the cheapest row of each GPU', async () => {
    const r = await offers('--group-by', 'gpu');
    expect(cells(r.stdout).map((c) => c[1])).toEqual(['RTX4090', 'H100', 'H100-PCIe']);
    expect(r.stdout).toContain('3 gpu groups (the cheapest row of each)');
  });

  it.each([
    [
      'a SkyPilot vms.csv',
      join(FIXTURES, 'io', 'skypilot', 'aws-vms.csv'),
      /looks like a SkyPilot catalog vms.csv, not an offer catalog: convert it with `gpufit import skypilot FILE --cloud NAME/,
    ],
    [
      'a Vast.ai JSON',
      join(FIXTURES, 'import', 'vast-offers.json'),
      /looks like a Vast.ai offer search \(JSON\), not an offer catalog: convert it with `gpufit import vast/,
    ],
    [
      'an Akash JSON',
      join(FIXTURES, 'import', 'akash-gpu-prices.json'),
      /looks like an Akash Console API \/v1\/gpu-prices response \(JSON\).*`gpufit import akash/,
    ],
    [
      'a workloads CSV',
      join(FIXTURES, 'io', 'workloads-messy.csv'),
      /looks like a workloads CSV, not an offer catalog: pass it as the workloads argument/,
    ],
  ])('a catalog that is %s names that format and what to run', async (_what, file, message) => {
    const r = await runBuiltCli(['offers', '--catalog', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
