// `gpufit offers --market depin` listed Akash, Nosana, Spheron and Render's unknown prices and said nothing of
// io.net (no offer in the catalog) or of Render having no USD price, so a founder comparing networks could read the
// listing as every network of datasets/networks.csv; the report says "Not compared: io.net and Render Network …"
// (analysis `unpricedNetworks`). A listing of decentralized offers now says it in its footer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offersToCsv } from '../src/io/offersCsv.js';
import { runBuiltCli } from './support/runBuiltCli.js';
import { testOffer } from './support/testOffers.js';

const NOT_COMPARED =
  'Not compared: io.net and Render Network — the catalog holds no io.net offer and Render Network’s 2 offers carry no USD price; import a priced offer to compare them (datasets/README.md).';

describe('gpufit offers: the DePIN networks the catalog cannot price (built CLI)', () => {
  it('--market depin on the bundled catalog names io.net and Render Network in its footer', async () => {
    const r = await runBuiltCli(['offers', '--market', 'depin', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(NOT_COMPARED);
  });

  it('also when --gpu narrows the listing to DePIN rows: the networks are the whole catalog’s', async () => {
    const r = await runBuiltCli(['offers', '--gpu', 'H200', '--market', 'depin', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(NOT_COMPARED);
  });

  it('--json carries them as data (unpricedNetworks), the same networks as the footer; null without DePIN offers', async () => {
    const r = await runBuiltCli(['offers', '--market', 'depin', '--limit', '3', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      unpricedNetworks: { provider: string; name: string; reason: string }[];
    };
    expect(json.unpricedNetworks.map((n) => [n.provider, n.name, n.reason])).toEqual([
      ['ionet', 'io.net', 'no-offer'],
      ['render', 'Render Network', 'no-usd-price'],
    ]);
    const none = await runBuiltCli([
      'offers',
      '--gpu',
      'H100',
      '--market',
      'hyperscaler',
      '--limit',
      '2',
      '--json',
    ]);
    expect((JSON.parse(none.stdout) as { unpricedNetworks: unknown }).unpricedNetworks).toBeNull();
  });

  it('not for a listing without DePIN offers', async () => {
    const r = await runBuiltCli(['offers', '--gpu', 'H100', '--market', 'hyperscaler', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Not compared');
  });

  it('names every network of networks.csv a catalog of one Akash offer has no priced offer for', async () => {
    const catalog = join(mkdtempSync(join(tmpdir(), 'gpufit-offers-un-')), 'offers.csv');
    writeFileSync(
      catalog,
      offersToCsv([
        testOffer({
          id: 'akash:h100:any:standard',
          market: 'depin',
          providerName: 'Akash Network',
          usdPerGpuHour: 2.7,
        }),
      ]),
    );
    const r = await runBuiltCli(['offers', '--catalog', catalog]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Not compared: io\.net, Nosana, Render Network, SaladCloud and Spheron — the catalog holds no io\.net offer, /,
    );
  });
});
