import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { listedPlaces } from '../src/listedPlaces.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * A decentralized fleet larger than the catalog shows. A text-to-video API was priced on 104 one-GPU Vast L40S
 * machines from a single listing in Taichung: a listing shows a configuration is offered, not how many machines
 * are free. gpufit counts on one standard server's worth (8 GPUs, or one instance when larger) a listing, as it
 * does for spot per zone, and names a fleet beyond that.
 */
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('fleetBeyondListings test', input);
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

const cloud = offer({ id: 'aws:p5:us-east-1', market: 'hyperscaler', usdPerGpuHour: 6, gpusPerInstance: 8 });
const vastIn = (region: string, gpusPerInstance = 1, extra: Partial<Parameters<typeof offerOf>[1]> = {}) =>
  offer({
    id: `vast:${gpusPerInstance}x-h100:${region}`,
    market: 'marketplace',
    providerName: 'Vast.ai',
    hosting: 'community',
    region,
    usdPerGpuHour: 1.5,
    gpusPerInstance,
    // Never interrupted, always up: the machines held are exactly the replicas the work needs.
    availability: 1,
    interruptionsPerHour: 0,
    ...extra,
  });
/** A stateless batch job run as `replicas` one-GPU replicas at once (peak = mean: every replica runs all month). */
const fleet = (replicas: number) =>
  profileOf({
    id: 'fleet',
    kind: 'batch-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 730 * replicas,
    peakToMeanRatio: 1,
    dataSensitivity: 'internal',
    interruptible: true,
    checkpointable: true,
    statelessRequests: true,
  });
const fleetRisk = (risks: readonly string[]) => risks.filter((r) => r.includes('machines of'));

async function analyzed(replicas: number, depin: readonly Offer[]) {
  const a = await analyze({
    workloads: [fleet(replicas)],
    offers: [cloud, ...depin],
    tiers,
    scenario,
    monteCarlo: false,
  });
  return a.workloads[0]!.decision;
}

describe('listedPlaces', () => {
  it('counts the distinct regions of one provider’s GPU and GPUs per instance, whatever the pricing category', () => {
    const offers = [
      vastIn('taichung'),
      vastIn('taichung', 1, { id: 'vast:1x-h100:taichung:dynamic', pricingCategory: 'Dynamic' }),
      vastIn('oregon'),
      vastIn('oregon', 2),
      vastIn('texas', 1, { id: 'vast:1x-l40s:texas', gpu: 'L40S', gpuMemoryGiB: 48 }),
      offer({ id: 'tensordock:1x-h100:texas', market: 'marketplace', usdPerGpuHour: 1, gpusPerInstance: 1 }),
    ];
    const places = listedPlaces(offers);
    expect(places(offers[0]!)).toEqual(['taichung', 'oregon']);
    expect(places(offers[3]!)).toEqual(['oregon']);
    expect(places(offers[4]!)).toEqual(['texas']);
    // Built once per offers array.
    expect(listedPlaces(offers)).toBe(places);
    // An offer from outside the array is its own one place.
    expect(places(vastIn('lisbon', 4))).toEqual(['lisbon']);
  });
});

describe('risk: a decentralized fleet beyond what the catalog lists', () => {
  it('20 one-GPU machines from one listing are named, with the listing and the advice', async () => {
    const d = await analyzed(20, [vastIn('taichung-city-tw-as')]);
    expect(d.depin!.cost.instances).toBe(20);
    expect(fleetRisk(d.risks)).toEqual([
      'The decentralized option holds up to 20 machines of 1 × H100 at once on Vast.ai, but the catalog has 1 listing of that configuration (taichung-city-tw-as): a listing shows it is offered, not how many machines are free. gpufit prices the whole fleet at the listed price; check the live count before relying on it, and expect a fleet this size to spread over hosts and regions, at higher prices as the cheapest are taken.',
    ]);
  });

  it('counts on 8 GPUs a listing: 8 machines from one listing, or 24 from three, say nothing; one more does', async () => {
    expect(fleetRisk((await analyzed(8, [vastIn('a')])).risks)).toEqual([]);
    expect(fleetRisk((await analyzed(9, [vastIn('a')])).risks)).toHaveLength(1);
    const three = [vastIn('a'), vastIn('b'), vastIn('c')];
    expect(fleetRisk((await analyzed(24, three)).risks)).toEqual([]);
    const over = fleetRisk((await analyzed(25, three)).risks);
    expect(over).toHaveLength(1);
    expect(over[0]).toContain('the catalog has 3 listings of that configuration (a, b, c)');
    const four = fleetRisk((await analyzed(40, [...three, vastIn('d')])).risks);
    expect(four[0]).toContain('4 listings of that configuration (a, b, c …)');
  });

  it('an instance larger than 8 GPUs counts as one listing’s worth; two of them from one listing are named', async () => {
    const sixteen = (region: string) => vastIn(region, 16, { id: `vast:16x-h100:${region}` });
    expect(fleetRisk((await analyzed(16, [sixteen('a')])).risks)).toEqual([]);
    const two = fleetRisk((await analyzed(32, [sixteen('a')])).risks);
    expect(two).toHaveLength(1);
    expect(two[0]).toContain('holds up to 2 machines of 16 × H100 at once');
  });

  /** The fleet risk's and the spot note's positions, and the recommendation, with spot cloud at `spotUsd`. */
  async function order(spotUsd: number) {
    const spot = offer({
      id: 'aws:p5:us-east-1:spot',
      market: 'hyperscaler',
      usdPerGpuHour: spotUsd,
      gpusPerInstance: 8,
      pricingCategory: 'Dynamic',
      zonesWithSpot: 6,
    });
    const a = await analyze({
      workloads: [fleet(20)],
      offers: [spot, vastIn('a')],
      tiers,
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    return {
      recommendation: d.recommendation,
      fleetAt: d.risks.findIndex((r) => r.includes('machines of')),
      spotAt: d.risks.findIndex((r) => r.startsWith('The cloud option is spot capacity')),
    };
  }

  it('when the decentralized option carries work it comes before the cloud option’s terms', async () => {
    const o = await order(3);
    // The whole workload on the decentralized option: the cloud option's spot terms concern the option not taken
    // and are not listed at all.
    expect(o.recommendation).toBe('depin');
    expect(o.fleetAt).toBe(0);
    expect(o.spotAt).toBe(-1);
  });

  it('when the workload stays on cloud it comes after them: it concerns the option not taken', async () => {
    const o = await order(1);
    expect(o.recommendation).toBe('cloud');
    expect(o.spotAt).toBeGreaterThanOrEqual(0);
    expect(o.fleetAt).toBeGreaterThan(o.spotAt);
  });
});
