import { gpuTierTable } from '@gpufit/pricing';
import { type Offer, validateScenario } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { spotPriceBasis } from '../src/risks.js';
import { usd } from '../src/usdText.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * Risks of the cloud option. The certifications a workload asks for, as a cost: the bundled catalog records
 * certifications for the hyperscalers and, where a provider states them, for GPU clouds (often only some of them),
 * so a founder asking "why not the GPU cloud at half the price?" sees what dropping the requirement would save, with
 * the offer that would win, what it lacks, and what to do if that provider holds the certification.
 */
// A100-80GB is the table's reference GPU; the workloads here use H100 only.
const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('certificationsRisk test', input);
const hyperscaler = offer({
  id: 'aws:p5-1:us-east-1',
  market: 'hyperscaler',
  usdPerGpuHour: 6,
  gpusPerInstance: 1,
  certifications: ['soc2', 'hipaa'],
});
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;

const batch = (compliance: string[]) =>
  profileOf({
    id: 'w',
    kind: 'batch-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 500,
    dataSensitivity: 'internal',
    compliance,
  });

async function risksWith(
  gpuCloudUsd: number,
  compliance: string[],
  gpuCloudCountry = 'US',
  gpuCloudCertifications: Offer['certifications'] = [],
): Promise<readonly string[]> {
  const gpuCloud = offer({
    id: 'lambda:h100:us-east-1',
    market: 'gpu-cloud',
    providerName: 'Lambda',
    usdPerGpuHour: gpuCloudUsd,
    gpusPerInstance: 1,
    country: gpuCloudCountry,
    certifications: gpuCloudCertifications,
  });
  const a = await analyze({
    workloads: [batch(compliance)],
    offers: [{ ...hyperscaler, certifications: [...hyperscaler.certifications, 'gdpr'] }, gpuCloud],
    tiers,
    scenario,
    monteCarlo: false,
  });
  return a.workloads[0]!.decision.risks;
}

const certified = (risks: readonly string[]) => risks.filter((r) => r.startsWith('Requiring '));

describe('risk: what the certifications asked for cost', () => {
  it('names the offer that would win without them, its monthly cost and the saving', async () => {
    // 500 GPU-hours: $3,000 on the certified hyperscaler at $6, $1,500 on the GPU cloud at $3
    const risks = certified(await risksWith(3, ['soc2']));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'Requiring soc2 keeps the cloud side to offers whose certifications the catalog records',
    );
    expect(risks[0]).toMatch(
      /Without that requirement, Lambda H100 in us-east-1 at \$3\.00\/GPU-hour would cost \$1,5\d\d\.\d\d a month, \$1,[45]\d\d\.\d\d less: if Lambda holds soc2 for your use/,
    );
  });

  it('lists every certification asked for', async () => {
    const risks = certified(await risksWith(3, ['soc2', 'hipaa']));
    expect(risks[0]).toMatch(/^Requiring soc2, hipaa keeps/);
    expect(risks[0]).toContain('if Lambda holds soc2, hipaa for your use');
  });

  it('says nothing when no certification is asked for: the GPU cloud simply wins', async () => {
    expect(certified(await risksWith(3, []))).toEqual([]);
  });

  it('says nothing when dropping the requirement saves under 10 % or under USD 100 a month', async () => {
    // $5.50 against $6: 8 % less
    expect(certified(await risksWith(5.5, ['soc2']))).toEqual([]);
  });

  it('gdpr outside the EEA: names the GPU cloud and says gdpr is also met inside the EEA', async () => {
    const risks = certified(await risksWith(3, ['gdpr']));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'and for a GPU cloud only where the provider states them publicly; gdpr is also met inside the EEA on datacenter hosts). Without that requirement, Lambda H100',
    );
  });

  it('gdpr with the GPU cloud inside the EEA: it wins outright, nothing to say', async () => {
    expect(certified(await risksWith(3, ['gdpr'], 'FI'))).toEqual([]);
  });

  it('a GPU cloud holding one of two asked certifications: named with the one it lacks', async () => {
    const risks = certified(await risksWith(3, ['soc2', 'hipaa'], 'US', ['soc2']));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatch(/^Requiring soc2, hipaa keeps/);
    expect(risks[0]).toContain(
      'Lambda H100 in us-east-1 at $3.00/GPU-hour (it lacks hipaa on record) would cost',
    );
    expect(risks[0]).toContain('if Lambda holds hipaa for your use');
  });

  it('a GPU cloud holding every asked certification wins outright: nothing to say', async () => {
    expect(certified(await risksWith(3, ['soc2'], 'US', ['soc2']))).toEqual([]);
  });

  it('says nothing when the certified offer is already the cheapest', async () => {
    expect(certified(await risksWith(7, ['soc2']))).toEqual([]);
  });
});

describe('risk: the certifications alternative runs the stated precision natively when an offer can', () => {
  // An fp8 service named on H100, any GPU allowed: an A100 (Ampere) runs fp8 only weight-only.
  const fp8 = (precision: 'fp8' | 'bf16') =>
    profileOf({
      id: 'w',
      kind: 'batch-inference',
      gpuType: 'H100',
      gpuPolicy: 'any',
      precision,
      gpuHoursPerMonth: 500,
      dataSensitivity: 'internal',
      compliance: ['soc2'],
    });
  const a100 = offer({
    id: 'massedcompute:a100:us',
    market: 'gpu-cloud',
    providerName: 'Massed Compute',
    gpu: 'A100-80GB',
    usdPerGpuHour: 1.5,
    gpusPerInstance: 1,
  });
  const h100 = offer({
    id: 'lambda:h100:us-east-1',
    market: 'gpu-cloud',
    providerName: 'Lambda',
    usdPerGpuHour: 3,
    gpusPerInstance: 1,
  });
  const risksOf = async (precision: 'fp8' | 'bf16', offers: readonly Offer[]) =>
    certified(
      (
        await analyze({
          workloads: [fp8(precision)],
          offers: [hyperscaler, ...offers],
          tiers,
          scenario,
          monteCarlo: false,
        })
      ).workloads[0]!.decision.risks,
    );

  it('fp8: names the uncertified H100, not the cheaper A100 that runs fp8 weight-only', async () => {
    const risks = await risksOf('fp8', [a100, h100]);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatch(
      /Without that requirement, Lambda H100 in us-east-1 at \$3\.00\/GPU-hour would cost/,
    );
    expect(risks[0]).not.toContain('A100');
    expect(risks[0]).not.toContain('weight-only');
  });

  it('fp8 with no uncertified GPU that runs it natively: names the A100 and says it runs fp8 weight-only', async () => {
    const risks = await risksOf('fp8', [a100]);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'Without that requirement, Massed Compute A100-80GB in us-east-1 at $1.50/GPU-hour',
    );
    expect(risks[0]).toContain(
      'No offer that runs fp8 natively is that much cheaper: A100-80GB (Ampere) runs fp8 weight-only (the weights held at fp8, the arithmetic at 16 bits), priced with no speed-up over H100 credited (no measured ratio): if Massed Compute holds soc2',
    );
  });

  it('bf16, which the A100 runs natively: the cheapest uncertified offer is named, with no precision clause', async () => {
    const risks = await risksOf('bf16', [a100, h100]);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain('Without that requirement, Massed Compute A100-80GB');
    expect(risks[0]).not.toContain('weight-only');
  });
});

describe('risk: capacity booked by the day (AWS Capacity Blocks) is not on-demand', () => {
  const block = offer({
    id: 'aws:p5-block:us-east-1',
    market: 'hyperscaler',
    providerName: 'Amazon Web Services',
    instanceType: 'p5.48xlarge (Capacity Block)',
    usdPerGpuHour: 4,
    gpusPerInstance: 1,
    billingIncrementSeconds: 86_400,
    minimumBillableSeconds: 86_400,
  });
  const onDemand = offer({
    id: 'aws:p5:us-east-1',
    market: 'hyperscaler',
    usdPerGpuHour: 6,
    gpusPerInstance: 1,
  });
  const booked = (risks: readonly string[]) => risks.filter((r) => r.includes('capacity booked ahead'));
  const run = async (p: ReturnType<typeof profileOf>, offers: Offer[]) =>
    (await analyze({ workloads: [p], offers, tiers, scenario, monteCarlo: false })).workloads[0]!.decision;
  /** An H100 workload priced against the block and the on-demand offer. */
  const onBlock = (input: Record<string, unknown>) =>
    run(profileOf({ gpuType: 'H100', ...input }), [block, onDemand]);

  it('a service on a block is told it books blocks back to back, at the rate of the day it books', async () => {
    // Flat demand: the block holds its peak all month, which is its mean (a peaked service would hold more).
    const d = await onBlock({
      id: 's',
      kind: 'realtime-inference',
      gpuHoursPerMonth: 730,
      peakToMeanRatio: 1,
    });
    expect(d.cloud?.offer.id).toBe('aws:p5-block:us-east-1');
    // The result says so too, for the report's label ("capacity block, booked by the day", not "on-demand").
    expect(d.cloud?.offer.bookedAhead).toEqual({ minimumDays: 1 });
    expect(booked(d.risks)).toEqual([
      'The cloud option (Amazon Web Services p5.48xlarge (Capacity Block), us-east-1) is capacity booked ahead, at least a whole day at a time, priced at the block rate of 2026-11-24, not on-demand: a service that runs all month books blocks back to back, ahead of time, at the rate of the day it books; a job that cannot wait for a block runs on on-demand capacity at its higher price.',
    ]);
  });

  it('a peaked service on a block holds its peak all month, so on-demand capacity that follows the demand can win', async () => {
    // 730 GPU-hours with peaks of 3×: 3 instances held on the block at $4 (plus a spare), against the mean on
    // demand at $6.
    const d = await onBlock({
      id: 's3',
      kind: 'realtime-inference',
      gpuHoursPerMonth: 730,
      peakToMeanRatio: 3,
    });
    expect(d.cloud?.offer.id).toBe('aws:p5:us-east-1');
    const flat = await onBlock({
      id: 's1',
      kind: 'realtime-inference',
      gpuHoursPerMonth: 730,
      peakToMeanRatio: 1,
    });
    expect(flat.cloud?.offer.id).toBe('aws:p5-block:us-east-1');
  });

  it('a batch job on a block is told the same, without the serving clause', async () => {
    // 20 jobs of 23.5 hours, each run whole (not split into shards) after a 30-minute start-up: whole days, so
    // the block's daily billing wastes nothing
    const d = await onBlock({
      id: 'b',
      kind: 'batch-inference',
      jobsPerMonth: 20,
      hoursPerJob: 23.5,
      restartMinutes: 30,
      statelessRequests: false,
    });
    expect(d.cloud?.offer.id).toBe('aws:p5-block:us-east-1');
    expect(booked(d.risks)).toHaveLength(1);
    expect(booked(d.risks)[0]).not.toContain('a service that runs all month');
  });

  it('under a certification, what the certification costs comes before the block note (the top risks take the first)', async () => {
    // A SOC 2 agent API: the certified block wins at $4 against the uncertified GPU cloud at $2 (half the bill).
    const certifiedBlock: Offer = { ...block, certifications: ['soc2'] };
    const gpuCloud = offer({
      id: 'lambda:h100:us-east-1',
      market: 'gpu-cloud',
      providerName: 'Lambda',
      usdPerGpuHour: 2,
      gpusPerInstance: 1,
    });
    const d = await run(
      profileOf({
        id: 'agent',
        kind: 'realtime-inference',
        gpuType: 'H100',
        gpuHoursPerMonth: 730,
        compliance: ['soc2'],
      }),
      [certifiedBlock, gpuCloud],
    );
    expect(d.cloud?.offer.id).toBe('aws:p5-block:us-east-1');
    const order = d.risks.map((r) =>
      r.startsWith('Requiring soc2')
        ? 'certifications'
        : r.includes('capacity booked ahead')
          ? 'block'
          : 'other',
    );
    expect(order.filter((x) => x !== 'other')).toEqual(['certifications', 'block']);
    expect(order[0]).toBe('certifications');
  });

  it('says nothing for capacity billed by the second', async () => {
    const d = await run(batch([]), [onDemand]);
    expect(booked(d.risks)).toEqual([]);
    expect(d.cloud?.offer).not.toHaveProperty('bookedAhead');
  });
});

describe('risk: a spot cloud option can be reclaimed', () => {
  const spot = (provider: string, providerName: string) =>
    offer({
      id: `${provider}:h100-spot:us-east-1`,
      market: 'hyperscaler',
      providerName,
      usdPerGpuHour: 2,
      gpusPerInstance: 1,
      pricingCategory: 'Dynamic',
    });
  const reclaim = async (o: Offer) => {
    const a = await analyze({
      workloads: [profileOf({ id: 'b', kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: 200 })],
      offers: [o],
      tiers,
      scenario,
      monteCarlo: false,
    });
    return a.workloads[0]!.decision.risks.filter((r) => r.startsWith('The cloud option is spot capacity'));
  };

  it('is not listed when the plan runs the workload on the decentralized option', async () => {
    const vast = offer({
      id: 'vast:h100:hr',
      market: 'marketplace',
      provider: 'vast',
      providerName: 'Vast.ai',
      usdPerGpuHour: 0.9,
      gpusPerInstance: 1,
    });
    const a = await analyze({
      workloads: [profileOf({ id: 'b', kind: 'batch-inference', gpuType: 'H100', gpuHoursPerMonth: 200 })],
      offers: [spot('aws', 'Amazon Web Services'), vast],
      tiers,
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    expect(d.recommendation).toBe('depin');
    expect(d.cloud?.offer.id).toBe('aws:h100-spot:us-east-1');
    expect(d.risks.filter((r) => r.startsWith('The cloud option is spot capacity'))).toEqual([]);
  });

  it('a spot price from one zone is not called typical (AWS p5en.48xlarge, us-west-1: usw1-az3 alone)', async () => {
    const [r] = await reclaim({ ...spot('aws', 'Amazon Web Services'), zonesWithSpot: 1 });
    expect(r).toContain(
      'priced at the spot price of the one zone listed in its region (one zone, so not a median over zones)',
    );
    expect(r).not.toContain('typical');
  });

  it('names AWS’s 2-minute notice for AWS, and does not lend it to another provider', async () => {
    expect(await reclaim({ ...spot('aws', 'Amazon Web Services'), zonesWithSpot: 3 })).toEqual([
      'The cloud option is spot capacity (Amazon Web Services H100, us-east-1), priced at its typical spot price (the median over the 3 zones that list one): it can be reclaimed at short notice (AWS gives 2 minutes) and spot prices move between zones and days.',
    ]);
    const [gcp] = await reclaim(spot('gcp', 'Google Cloud'));
    expect(gcp).toContain("(AWS gives 2 minutes; check Google Cloud's notice, which may be shorter)");
  });
});

describe('spotPriceBasis: a spot price is called a median only over more than one zone', () => {
  // AWS p5en.48xlarge in us-west-1 lists spot in one zone (usw1-az3): its "median" was its only price, and the
  // report called $1.6572/GPU-h its "typical (median) spot price".
  it.each([
    [1, 'the spot price of the one zone listed in its region (one zone, so not a median over zones)'],
    [2, 'its typical spot price (the median over the 2 zones that list one)'],
    [5, 'its typical spot price (the median over the 5 zones that list one)'],
    [null, 'its listed spot price'],
  ])('%s zone(s) with spot: %s', (zonesWithSpot, said) => {
    expect(spotPriceBasis(zonesWithSpot)).toBe(said);
  });
});

describe('risk: an option far from a latency-sensitive service’s users', () => {
  const lambdaIn = (region: string, country: string | null) =>
    offer({
      id: `lambda:h100:${region}`,
      market: 'gpu-cloud',
      providerName: 'Lambda',
      region,
      // undefined, not absent: it replaces the builder's US, and the schema reads it as unknown (null).
      country: country ?? undefined,
      usdPerGpuHour: 2,
      gpusPerInstance: 1,
    });
  const api = (input: Record<string, unknown>) =>
    profileOf({ id: 'api', kind: 'realtime-inference', gpuType: 'H100', gpuHoursPerMonth: 730, ...input });
  const far = (risks: readonly string[]) => risks.filter((r) => r.startsWith('Its users are in'));
  const risksOf = async (p: ReturnType<typeof profileOf>, o: Offer) =>
    (await analyze({ workloads: [p], offers: [o], tiers, scenario, monteCarlo: false })).workloads[0]!
      .decision.risks;

  it('a 300 ms API for users in the US on an offer in Japan is told so, with its budget', async () => {
    const risks = far(
      await risksOf(api({ usersRegion: 'US', p99LatencyMs: 300 }), lambdaIn('asia-northeast-1', 'JP')),
    );
    expect(risks).toEqual([
      'Its users are in US, but the cloud option (Lambda asia-northeast-1) runs in JP, outside that region: with a p99 budget of 300 ms, "real-time inference often benefits from stable regional placement". gpufit prices the offer, not the network: measure the round trip from your users before relying on it.',
    ]);
  });

  it('says nothing inside the users’ region: a country, a bloc or a continent', async () => {
    expect(
      far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 300 }), lambdaIn('us-east-1', 'US'))),
    ).toEqual([]);
    expect(
      far(await risksOf(api({ usersRegion: 'EU', p99LatencyMs: 300 }), lambdaIn('europe-central-1', 'DE'))),
    ).toEqual([]);
    expect(
      far(
        await risksOf(
          api({ usersRegion: 'north-america', p99LatencyMs: 300 }),
          lambdaIn('ca-central-1', 'CA'),
        ),
      ),
    ).toEqual([]);
  });

  it('says nothing when latency does not matter to the fit, the users are global or the place is unknown', async () => {
    const tokyo = lambdaIn('asia-northeast-1', 'JP');
    // 20 s: above the latency factor's tolerantMs (10 s), the fit does not favour the cloud for latency.
    expect(far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 20_000 }), tokyo))).toEqual([]);
    expect(far(await risksOf(api({ usersRegion: 'global', p99LatencyMs: 300 }), tokyo))).toEqual([]);
    expect(lambdaIn('global', null).country).toBeNull();
    expect(
      far(await risksOf(api({ usersRegion: 'global', p99LatencyMs: 800 }), lambdaIn('global', null))),
    ).toEqual([]);
  });

  it('an option with no known location is named for any latency-sensitive budget, with the longest round trip against it', async () => {
    // A production chat API for US users (p99 800 ms) sat on "RunPod global": one price for every RunPod
    // datacenter, chosen when you deploy, with no word that the GPU may not be offered in the US. No measured round
    // trip from the US (at most 225.8 ms, to South Africa) takes half of 800 ms, so it is not refused, only named.
    expect(
      far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 800 }), lambdaIn('global', null))),
    ).toEqual([
      'Its users are in US, but the cloud option (Lambda global) has no known location, so it may run outside that region: with a p99 budget of 800 ms (a round trip from US to another country can take up to 225.8 ms, 28 % of it), "real-time inference often benefits from stable regional placement". The row is one price wherever it runs and does not say the GPU is offered in US: choose a datacenter (or hosts) in US when you deploy, where the provider lets you. gpufit prices the offer, not the network: measure the round trip from your users before relying on it.',
    ]);
    // Above tolerantMs (10 s) the fit does not favour the cloud for latency: nothing is said.
    expect(
      far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 20_000 }), lambdaIn('global', null))),
    ).toEqual([]);
  });

  it('a latency-critical budget (at or under the framework’s criticalMs, 100 ms) names an option with no known location', async () => {
    const anywhere = lambdaIn('global', null);
    expect(far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 20 }), anywhere))).toEqual([
      'Its users are in US, but the cloud option (Lambda global) has no known location, so it may run outside that region: with a p99 budget of 20 ms (latency-critical: at or under the framework\'s 100 ms), "real-time inference often benefits from stable regional placement". The row is one price wherever it runs and does not say the GPU is offered in US: choose a datacenter (or hosts) in US when you deploy, where the provider lets you. gpufit prices the offer, not the network: measure the round trip from your users before relying on it.',
    ]);
    // At 100 ms exactly it is latency-critical; above, an unknown place is named while a measured round trip from
    // the users (up to 225.8 ms from the US) could take over half the budget, and not beyond.
    expect(far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 100 }), anywhere))).toHaveLength(1);
    const at300 = far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 300 }), anywhere));
    expect(at300).toHaveLength(1);
    expect(at300[0]).toContain(
      'with a p99 budget of 300 ms (a round trip from US to another country can take up to 225.8 ms, and gpufit refuses an offer in a known country whose round trip takes over 50 % of the budget)',
    );
    expect(far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 451 }), anywhere))).toHaveLength(1);
    expect(far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 451 }), anywhere))[0]).toContain(
      '225.8 ms',
    );
    // From 452 ms the round trip is under half the budget: still named, with its share, not as a refusal's.
    const at452 = far(await risksOf(api({ usersRegion: 'US', p99LatencyMs: 452 }), anywhere));
    expect(at452).toHaveLength(1);
    expect(at452[0]).toContain(
      '(a round trip from US to another country can take up to 225.8 ms, 50 % of it)',
    );
    // A known place outside: Canada, 16.2 ms from the US at the least, is within 40 ms's half.
    const canada = far(
      await risksOf(api({ usersRegion: 'US', p99LatencyMs: 40 }), lambdaIn('ca-central-1', 'CA')),
    );
    expect(canada[0]).toContain(
      'runs in CA, outside that region: with a p99 budget of 40 ms (latency-critical',
    );
    // A framework override moves the threshold with the fit.
    const a = await analyze({
      workloads: [api({ usersRegion: 'US', p99LatencyMs: 150 })],
      offers: [anywhere],
      tiers,
      scenario,
      monteCarlo: false,
      framework: { factors: { latency: { params: { criticalMs: 200 } } } },
    });
    expect(far(a.workloads[0]!.decision.risks)[0]).toContain("at or under the framework's 200 ms");
  });

  it('a budget left to the kind’s default says so; work without a budget says nothing', async () => {
    const tokyo = lambdaIn('asia-northeast-1', 'JP');
    const risks = far(await risksOf(api({ usersRegion: 'US' }), tokyo));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain('with a p99 budget of 1 s (assumed: default for this kind), "real-time');
    const batch = profileOf({
      id: 'b',
      kind: 'batch-inference',
      gpuType: 'H100',
      gpuHoursPerMonth: 100,
      usersRegion: 'US',
    });
    expect(far(await risksOf(batch, tokyo))).toEqual([]);
  });

  it('a budget of seconds is written in seconds', async () => {
    const risks = far(
      await risksOf(api({ usersRegion: 'europe', p99LatencyMs: 3000 }), lambdaIn('us-east-1', 'US')),
    );
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain('Its users are in europe, but the cloud option (Lambda us-east-1) runs in US');
    expect(risks[0]).toContain('with a p99 budget of 3 s');
  });
});

describe('risk: a large cloud fleet on capacity that is not reserved', () => {
  const node = (input: Partial<Parameters<typeof offer>[0]>) =>
    offer({
      id: 'nebius:h100x8:eu-north1',
      market: 'gpu-cloud',
      providerName: 'Nebius',
      usdPerGpuHour: 2.95,
      gpusPerInstance: 8,
      interconnect: 'infiniband',
      ...input,
    });
  const pretrain = (nodes: number) =>
    profileOf({
      id: `pre-${nodes}`,
      kind: 'multi-node-training',
      modelParamsBillions: 70,
      gpuType: 'H100',
      gpusPerReplica: 8,
      nodes,
      interconnect: 'infiniband',
      jobsPerMonth: 1,
      hoursPerJob: 240,
      dataSensitivity: 'confidential',
    });
  const fleet = (risks: readonly string[]) => risks.filter((r) => r.includes('GPUs) at once'));
  /** The capacity risk of a profile on the 8-GPU InfiniBand node offer. */
  const fleetOf = async (profile: ReturnType<typeof pretrain>) =>
    fleet(
      (await analyze({ workloads: [profile], offers: [node({})], tiers, scenario, monteCarlo: false }))
        .workloads[0]!.decision.risks,
    );
  const risksOf = async (nodes: number, o: Offer) =>
    (await analyze({ workloads: [pretrain(nodes)], offers: [o], tiers, scenario, monteCarlo: false }))
      .workloads[0]!.decision.risks;

  it('64 on-demand GPUs at once: confirm the capacity, ask for a reserved cluster', async () => {
    const risks = fleet(await risksOf(8, node({})));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      "The cloud option holds 8 × 8 H100 (64 GPUs) at once on Nebius's on-demand capacity in us-east-1, priced at its list rate",
    );
    expect(risks[0]).toContain('confirm the capacity with Nebius before relying on it');
  });

  it('names a job’s multi-node cluster from 2 nodes of 8 (a 4 × 8 B200 pretrain at USD 49,497 a month read no word of it)', async () => {
    const two = fleet(await risksOf(2, node({})));
    expect(two).toHaveLength(1);
    expect(two[0]).toContain('The cloud option holds 2 × 8 H100 (16 GPUs) at once');
    expect(fleet(await risksOf(7, node({})))).toHaveLength(1);
  });

  it('a run shorter than a year: a commitment is paid for its whole term, so the quote to ask for is the run’s own months (a 2-month 256-GPU pretrain read “CoreWeave up to 60 %” with no word of the term)', async () => {
    const twoMonths = { ...pretrain(8), horizonMonths: 2 };
    const risks = await fleetOf(twoMonths);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain(
      'Hyperbolic reserved clusters, up to 40 % off for 3- to 12-month prepaid terms',
    );
    expect(risks[0]).toContain(
      'This workload runs 2 months, and a commitment is paid for its whole term: a 12-month term bought for it puts 6 months of charges on each month of the run. Ask for a quote for the run’s own 2 months (Hyperbolic’s shortest prepaid term, 3 months, outlasts it).'.replaceAll(
        '’',
        "'",
      ),
    );
    // A year or more: the discounts' own terms fit; nothing more is said.
    expect(fleet(await risksOf(8, node({})))[0]).not.toContain('This workload runs');
  });

  it('a job run twice a year holds its cluster only while a run lasts: what a 12-month term would carry a month of use', async () => {
    const halfYearly = { ...pretrain(8), jobsPerMonth: 1 / 6, hoursPerJob: 1200 };
    const risks = await fleetOf(halfYearly);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatch(
      /Each run holds the cluster about 1\.6\d months, one every 6 months, and a commitment is paid for its whole term: a 12-month term bought for it is used about 3\.\d+ of its 12 months, 3\.\d+ months of charges on each month of use\./,
    );
    expect(risks[0]).not.toContain('This workload runs');
  });

  it('capacity blocks are reserved once booked: never "on-demand capacity is not reserved" (a 256-H100 pretrain on AWS capacity blocks read so)', async () => {
    const block = node({
      id: 'aws:p5-cb:us-east-1',
      providerName: 'Amazon Web Services',
      minimumBillableSeconds: 86_400,
    });
    const risks = fleet(await risksOf(8, block));
    expect(risks).toHaveLength(1);
    expect(risks[0]).toContain("8 × 8 H100 (64 GPUs) at once on Amazon Web Services's capacity blocks");
    expect(risks[0]).toContain('a block reserves its GPUs for the dates booked, but only once booked');
    expect(risks[0]).not.toContain('on-demand capacity is not reserved');
    expect(risks[0]).not.toContain('priced at its list rate');
  });

  it('says nothing on one node, or on committed capacity (reserved: priced as such)', async () => {
    expect(fleet(await risksOf(1, node({})))).toEqual([]);
    const committed = node({ id: 'nebius:h100x8:committed', pricingCategory: 'Committed', termMonths: 12 });
    expect(fleet(await risksOf(8, committed))).toEqual([]);
    expect(fleet(await risksOf(2, committed))).toEqual([]);
  });
});

describe('risk: a job run less often than monthly is an average month', () => {
  const refresh = (jobsPerMonth: number) =>
    profileOf({
      id: 'refresh',
      kind: 'fine-tuning',
      gpuType: 'H100',
      jobsPerMonth,
      hoursPerJob: 100,
      modelParamsBillions: 1,
      egressGiBPerMonth: 0,
      datasetGiB: 0,
    });
  const onDemand = offer({
    id: 'lambda:h100:us',
    market: 'gpu-cloud',
    providerName: 'Lambda',
    usdPerGpuHour: 3,
    gpusPerInstance: 1,
  });
  const averaged = async (jobs: number, offers: Offer[] = [onDemand]) => {
    const a = await analyze({ workloads: [refresh(jobs)], offers, tiers, scenario, monteCarlo: false });
    const d = a.workloads[0]!.decision;
    return { d, said: d.risks.filter((r) => r.includes('is an average month')) };
  };

  it('says what a run month costs for a quarterly job, and that the monthly figure is an average', async () => {
    const { d, said } = await averaged(1 / 3);
    expect(d.recommendation).toBe('cloud');
    const perJob = d.cloud!.cost.usdPerJob!;
    expect(perJob).toBeGreaterThan(d.cloud!.cost.monthlyUsd! * 2.9);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('It runs 0.333 jobs a month, about one every 3 months');
    expect(said[0]).toContain(`A month with a run costs about ${usd(perJob)}`);
  });

  it('a run longer than a month: its length, the whole run’s cost and its cost a month while it runs, not “a month with a run” (a 7-week pretrain read the whole run’s $914,251.72 as one month’s)', async () => {
    const long = profileOf({
      id: 'long',
      kind: 'fine-tuning',
      gpuType: 'H100',
      jobsPerMonth: 0.5,
      hoursPerJob: 1200,
      modelParamsBillions: 1,
      egressGiBPerMonth: 0,
      datasetGiB: 0,
      restartMinutes: 0,
      interruptible: false,
    });
    const a = await analyze({ workloads: [long], offers: [onDemand], tiers, scenario, monteCarlo: false });
    const d = a.workloads[0]!.decision;
    const said = d.risks.filter((r) => r.includes('is an average month'));
    expect(said).toHaveLength(1);
    const perJob = d.cloud!.cost.usdPerJob!;
    const hours = d.cloud!.cost.billedGpuHoursPerMonth! / 0.5;
    expect(hours).toBeGreaterThanOrEqual(1200);
    expect(said[0]).toContain(
      `It runs 0.5 jobs a month, about one every 2 months, each lasting about ${Math.round(hours).toLocaleString('en-US')} hours (${Number((hours / 730).toPrecision(3))} months)`,
    );
    expect(said[0]).toContain(
      `A run costs about ${usd(perJob)} (one job on the cloud option), about ${usd(perJob / (hours / 730))} a month while it runs`,
    );
    expect(said[0]).not.toContain('A month with a run');
    // A month of the run costs no more than the GPUs held all month at the list rate ($3 a GPU-hour, one GPU).
    expect(perJob / (hours / 730)).toBeLessThanOrEqual(730 * 3 + 0.01);
  });

  it('says nothing for a job run monthly or more, on a commitment paid every month, or not once in the horizon', async () => {
    expect((await averaged(1)).said).toEqual([]);
    // Under one run in 12 months (and a cost per job no money amount holds at 5e-324 jobs a month): nothing.
    expect((await averaged(1 / 13)).said).toEqual([]);
    expect((await averaged(5e-324)).said).toEqual([]);
    expect((await averaged(1 / 12)).said).toHaveLength(1);
    expect((await averaged(4)).said).toEqual([]);
    const reserved = offer({
      id: 'lambda:h100:us:1y',
      market: 'gpu-cloud',
      providerName: 'Lambda',
      usdPerGpuHour: 0.5,
      gpusPerInstance: 1,
      pricingCategory: 'Committed',
      termMonths: 12,
    });
    const { d, said } = await averaged(1 / 3, [reserved]);
    expect(d.cloud?.offer.id).toBe('lambda:h100:us:1y');
    expect(said).toEqual([]);
  });
});
