/**
 * The worked example of docs/projection-and-uncertainty.md, computed by the code: an H100 batch-inference
 * workload on Akash (offers.csv row akash:h100-80gb-sxm5:any:dynamic) against AWS p5.48xlarge spot in
 * us-east-1 (aws:p5.48xlarge:us-east-1:dynamic), over 24 months; and, for the hybrid split, AWS on-demand
 * (…:standard) and 36-month committed (…:committed-36mo) prices. projectionDoc.test.ts checks every number the page quotes.
 * Print it with: npx tsx --conditions=@gpufit/source packages/pricing/test/support/projectionExample.ts
 */
import {
  breakEven,
  type CostFunction,
  costBasis,
  estimateCost,
  hybridSplit,
  monteCarlo,
  newsvendorCriticalRatio,
  projectSpend,
  sensitivity,
  subsidyShareAt,
  tokenStepCoefficients,
} from '../../src/index.js';
import { offer, profile, scenario } from './builders.js';
import { TEST_TIERS } from './tiers.js';

export const workload = profile({
  id: 'nightly-batch',
  kind: 'batch-inference',
  gpuType: 'H100',
  gpuHoursPerMonth: 2000,
  egressGiBPerMonth: 500,
  horizonMonths: 24,
});

const source = 'datasets/offers.csv';
export const akash = offer({
  id: 'akash:h100-80gb-sxm5:any:dynamic',
  provider: 'akash',
  market: 'depin',
  gpu: 'H100',
  gpuMemoryGiB: 80,
  gpusPerInstance: 1,
  region: 'any',
  pricingCategory: 'Dynamic',
  usdPerGpuHour: 2.71,
  availability: 0.9,
  interruptionsPerHour: 0.000394085,
  hosting: 'community',
  egressUsdPerGiB: undefined,
  incentiveSymbol: 'AKT',
  incentiveSubsidyShare: 0.25,
  incentiveDenomination: 'usd-pegged',
  source,
  asOf: '2026-09-20',
});
const aws = (id: string, category: 'Dynamic' | 'Standard' | 'Committed', price: number, extra = {}) =>
  offer({
    id,
    provider: 'aws',
    market: 'hyperscaler',
    gpu: 'H100',
    gpuMemoryGiB: 80,
    gpusPerInstance: 8,
    region: 'us-east-1',
    pricingCategory: category,
    usdPerGpuHour: price,
    // as the offers.csv rows: spot has no availability of its own (derived from λ), the >20 % Spot Advisor band for
    // Hopper (λ = −ln(1 − 0.25)/730 per instance-hour); on-demand is 0.995 available with the Llama 3 failure rate
    // (1.97e-5 per GPU-hour × 8 GPUs)
    ...(category === 'Dynamic' ? {} : { availability: 0.995 }),
    interruptionsPerHour: category === 'Dynamic' ? 0.000394085 : 0.000157863,
    egressUsdPerGiB: 0.09,
    source,
    asOf: '2026-11-24',
    ...extra,
  });
export const awsSpot = aws('aws:p5.48xlarge:us-east-1:dynamic', 'Dynamic', 2.636225, {
  usdPerGpuHourMin: 2.156462,
});
export const awsOnDemand = aws('aws:p5.48xlarge:us-east-1:standard', 'Standard', 6.88);
export const awsCommitted = aws('aws:p5.48xlarge:us-east-1:committed-36mo', 'Committed', 3.44, {
  termMonths: 36,
});

export const exampleScenario = scenario({
  horizonMonths: 24,
  startMonth: '2027-01',
  demandGrowthMonthly: 0.03,
  // datasets/networks.csv: Akash pilots are 12-month contracts, so the subsidy steps to 0 at month 12.
  subsidies: { akash: { kind: 'step', steps: [{ month: '2028-01', share: 0 }] } },
  monteCarlo: { trials: 10_000, seed: 42, depinPriceSpread: 0.15, demandVolatility: 0.1 },
});

export const costOf: CostFunction = (p, o, s) => estimateCost(p, o, { tiers: TEST_TIERS, scenario: s });

function basisOf(o: typeof akash) {
  const r = costBasis(costOf(workload, o, exampleScenario), o);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

export function computeExample() {
  const cloud = basisOf(awsSpot);
  const depin = basisOf(akash);
  const projection = projectSpend({ cloud, depin }, exampleScenario);
  const distribution = monteCarlo({ cloud, depin }, exampleScenario);
  const comparison = { profile: workload, cloud: awsSpot, depin: akash, scenario: exampleScenario };
  const breakEvens = breakEven(comparison, costOf);
  const tornado = sensitivity(comparison, costOf)!;
  const tokenMedian12 = Math.exp(
    12 * tokenStepCoefficients({ spotUsd: 1, annualDrift: 0, annualVolatility: 0.9 }).logDrift,
  );

  // Hybrid split of a serving workload: 10 GPUs on average, peak-to-mean 2.5 (the realtime-inference default).
  // Its requests are stateless and retried, so it tolerates the interruptible Akash lease (spot capacity serves
  // only work marked interruptible).
  const serving = profile({
    id: 'chat-api',
    kind: 'realtime-inference',
    gpuType: 'H100',
    gpuHoursPerMonth: 7300,
    interruptible: true,
  });
  // The burst side's rate holds the peak's spares, as analysis's hybridFor prices it (servingSpares 'peak').
  const perGpuHour = (o: typeof akash) =>
    estimateCost(serving, o, { tiers: TEST_TIERS, scenario: exampleScenario, servingSpares: 'peak' })
      .monthlyUsd! / 7300;
  const rates = {
    committedUsdPerGpuHour: awsCommitted.usdPerGpuHour!,
    onDemandUsdPerGpuHour: awsOnDemand.usdPerGpuHour!,
    depinUsdPerGpuHour: perGpuHour(akash),
  };
  const hybrid = hybridSplit({ meanGpus: 10, peakToMeanRatio: 2.5 }, rates);
  const hybridFloor = hybridSplit({ meanGpus: 10, peakToMeanRatio: 2.5 }, rates, {
    floorShare: 0.75,
    floorReason: 'three quarters of the traffic needs p99 under 300 ms from us-east-1',
  });
  const exponentialShare = (halfLifeMonths: number) =>
    subsidyShareAt({ kind: 'exponential', halfLifeMonths }, 12, { offerShare: 0.25, startMonth: '2027-01' });

  return {
    cloud,
    depin,
    projection,
    distribution,
    breakEvens,
    tornado,
    rates,
    hybrid,
    hybridFloor,
    criticalRatio: newsvendorCriticalRatio(rates.committedUsdPerGpuHour, rates.depinUsdPerGpuHour),
    ionetShare12: exponentialShare(67.61),
    renderShare12: exponentialShare(19.05),
    tokenMedian12,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const x = computeExample();
  const m = x.projection.months;
  console.log(JSON.stringify({ cloud: x.cloud, depin: x.depin }, null, 1));
  for (const t of [0, 1, 11, 12, 23]) console.log(t, m[t]);
  console.log(
    'horizon',
    x.projection.horizonCloudUsd,
    x.projection.horizonDepinUsd,
    x.projection.subsidyCliffMonth,
  );
  console.log('MC', x.distribution.horizonCloud, x.distribution.horizonDepin, x.distribution.pDepinCheaper);
  console.log('MC month 0', x.distribution.months[0], 'month 23', x.distribution.months[23]);
  console.log(x.breakEvens);
  console.log(x.tornado);
  console.log(x.rates, x.criticalRatio, x.hybrid, x.hybridFloor);
  console.log('shares', x.ionetShare12, x.renderShare12, 'token median', x.tokenMedian12);
}
