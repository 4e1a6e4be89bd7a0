// `gpufit offers --multi-node`: a compute lead shortlisting H100s for a 256-GPU pretrain could not tell from the
// listing which offers a multi-node job can span — the cheapest rows were single community hosts and 8-GPU machines
// without a fabric between them. The filter keeps the offers the analysis lets a job of several nodes use.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offerMatches } from '@gpufit/analysis';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offersToCsv } from '../src/io/offersCsv.js';
import { runBuiltCli } from './support/runBuiltCli.js';
import { testOffer } from './support/testOffers.js';

const catalog = [
  testOffer({
    id: 'vast:8x-h100:vn:standard',
    market: 'marketplace',
    instanceType: '8x H100 SXM',
    region: 'vn',
    country: 'VN',
    usdPerGpuHour: 1.4,
    hosting: 'community',
    interconnect: 'nvlink',
  }),
  testOffer({
    id: 'lambda:gpu-8x-h100-sxm5:us-east-1:standard',
    market: 'gpu-cloud',
    instanceType: 'gpu_8x_h100_sxm5',
    usdPerGpuHour: 2.99,
    hosting: 'datacenter',
    interconnect: 'nvlink',
  }),
  testOffer({
    id: 'nebius:gpu-h100-sxm-8gpu:eu-north1:standard',
    market: 'gpu-cloud',
    instanceType: 'gpu-h100-sxm_8gpu',
    region: 'eu-north1',
    country: 'FI',
    usdPerGpuHour: 2.95,
    hosting: 'datacenter',
    interconnect: 'infiniband',
  }),
];
const CATALOG = join(mkdtempSync(join(tmpdir(), 'gpufit-offers-mn-')), 'offers.csv');
writeFileSync(CATALOG, offersToCsv(catalog));
const offers = (...args: string[]) => runBuiltCli(['offers', '--catalog', CATALOG, ...args]);

describe('gpufit offers --multi-node (built CLI)', () => {
  it('keeps only offers on an InfiniBand-class fabric: the cheaper NVLink machines are left out', async () => {
    const all = await offers('--gpu', 'H100');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('* cheapest: vast:8x-h100:vn:standard');
    const r = await offers('--gpu', 'H100', '--multi-node');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('* cheapest: nebius:gpu-h100-sxm-8gpu:eu-north1:standard');
    expect(r.stdout).not.toContain('vast');
    expect(r.stdout).not.toContain('lambda');
    expect(r.stdout).toContain('1 offer matched');
  });

  it('with no InfiniBand offer among the others: says which filter left nothing', async () => {
    const r = await offers('--gpu', 'H100', '--market', 'marketplace', '--multi-node');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).toContain('none of it --multi-node');
  });

  it('property: a multi-node match is exactly an InfiniBand offer, and never widens another filter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('none', 'nvlink', 'infiniband'),
        fc.constantFrom(1, 8),
        (interconnect, gpus) => {
          const o = testOffer({
            id: 'x:y:z:standard',
            interconnect,
            gpusPerInstance: gpus,
            usdPerGpuHour: 2,
          });
          const mn = offerMatches(o, { multiNode: true });
          return (
            mn === (interconnect === 'infiniband') &&
            (!offerMatches(o, { multiNode: true, maxUsdPerGpuHour: 1 }) ||
              offerMatches(o, { maxUsdPerGpuHour: 1 }))
          );
        },
      ),
    );
  });
});
