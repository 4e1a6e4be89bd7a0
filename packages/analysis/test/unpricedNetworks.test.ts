import type { Offer } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkInfo } from '../src/datasetTypes.js';
import { unpricedNetworks } from '../src/unpricedNetworks.js';

const net = (provider: string, networkName: string): NetworkInfo =>
  ({ provider, networkName }) as unknown as NetworkInfo;
const offer = (provider: string, usdPerGpuHour: number | null): Offer =>
  ({ provider, usdPerGpuHour }) as unknown as Offer;

const NETWORKS = [
  net('akash', 'Akash Network'),
  net('ionet', 'io.net'),
  net('nosana', 'Nosana'),
  net('render', 'Render Network'),
];

describe('unpricedNetworks: the DePIN networks no workload can be priced on', () => {
  it('the bundled case: io.net has no offer, Render two without a USD price; Akash and Nosana are priced', () => {
    const offers = [
      offer('akash', 1.71),
      offer('nosana', 0.24),
      offer('render', null),
      offer('render', null),
      offer('vast', 0.3),
    ];
    expect(unpricedNetworks(offers, NETWORKS)).toEqual([
      { provider: 'ionet', name: 'io.net', offers: 0, reason: 'no-offer' },
      { provider: 'render', name: 'Render Network', offers: 2, reason: 'no-usd-price' },
    ]);
  });

  it('one priced offer is enough: an imported io.net price takes io.net off the list', () => {
    const offers = [
      offer('akash', 1.71),
      offer('nosana', 0.24),
      offer('render', null),
      offer('render', 0.9),
      offer('ionet', 1.2),
    ];
    expect(unpricedNetworks(offers, NETWORKS)).toEqual([]);
  });

  it('property: a network is listed exactly when none of its offers has a USD price', () => {
    const providers = NETWORKS.map((n) => n.provider);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...providers, 'vast'),
            fc.option(fc.double({ min: 0.01, max: 50, noNaN: true })),
          ),
          {
            maxLength: 12,
          },
        ),
        (rows) => {
          const offers = rows.map(([p, u]) => offer(p, u));
          const listed = new Set(unpricedNetworks(offers, NETWORKS).map((n) => n.provider));
          for (const p of providers)
            expect(listed.has(p)).toBe(!offers.some((o) => o.provider === p && o.usdPerGpuHour != null));
        },
      ),
    );
  });
});
