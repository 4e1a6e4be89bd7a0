/** fast-check arbitraries of resolved profiles, offers and scenarios that the schema accepts. */
import type { OfferInput, ScenarioInput, WorkloadProfileInput } from '@gpufit/schema';
import { MARKETS, PRECISIONS, WORKLOAD_KINDS } from '@gpufit/schema';
import fc from 'fast-check';
import { TEST_TIER_ROWS } from './tiers.js';

const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

export const profileInput: fc.Arbitrary<WorkloadProfileInput> = fc
  .record({
    kind: fc.constantFrom(...WORKLOAD_KINDS),
    modelParamsBillions: fc.constantFrom(0.5, 1, 3, 7, 8, 13, 34, 70),
    precision: fc.constantFrom(...PRECISIONS),
    demand: fc.oneof(
      fc.record({ gpuHoursPerMonth: money(0, 20_000) }),
      fc.record({ jobsPerMonth: fc.integer({ min: 0, max: 500 }), hoursPerJob: money(0.01, 400) }),
    ),
    nodes: fc.constantFrom(1, 1, 1, 2, 4),
    peakToMeanRatio: money(1, 5),
    datasetGiB: money(0, 5000),
    egressGiBPerMonth: money(0, 50_000),
    availabilityTarget: fc.constantFrom(0.9, 0.99, 0.999, 0.9999),
    interruptible: fc.boolean(),
    checkpointable: fc.boolean(),
    checkpointMinutes: money(0, 60),
    restartMinutes: money(0, 120),
    horizonMonths: fc.integer({ min: 1, max: 36 }),
    dataSensitivity: fc.constantFrom('public', 'internal'),
    interconnect: fc.constantFrom('none', 'nvlink'),
    // Mostly `any`, so that offers of every GPU price (the default `measured` needs a measured ratio).
    gpuPolicy: fc.constantFrom('any', 'any', 'any', 'measured', 'exact'),
    statelessRequests: fc.boolean(),
  })
  .map(({ demand, ...rest }) => ({ id: 'w', ...rest, ...demand }) as WorkloadProfileInput);

const tierRow = fc.constantFrom(...TEST_TIER_ROWS);

export const offerInput: fc.Arbitrary<OfferInput> = fc
  .record({
    tier: tierRow,
    market: fc.constantFrom(...MARKETS),
    gpusPerInstance: fc.constantFrom(1, 2, 4, 8),
    category: fc.constantFrom('Standard', 'Dynamic', 'Committed'),
    termMonths: fc.constantFrom(1, 12, 36),
    usdPerGpuHour: money(0.05, 20),
    reliability: fc.oneof(
      fc.constant({}),
      fc.record({ availability: money(0.5, 1) }),
      fc.record({ interruptionsPerHour: money(0, 0.5) }),
      fc.record({ availability: money(0.5, 1), interruptionsPerHour: money(0, 0.5) }),
    ),
    egress: fc.oneof(
      fc.constant({}),
      fc.record({ egressUsdPerGiB: money(0, 0.2) }),
      fc.constant({
        egressTiers: [
          { upToGiB: 100, usdPerGiB: 0 },
          { upToGiB: 10_340, usdPerGiB: 0.09 },
          { upToGiB: 51_200, usdPerGiB: 0.085 },
          { upToGiB: null, usdPerGiB: 0.05 },
        ],
      }),
    ),
    ingressUsdPerGiB: money(0, 0.05),
    incentive: fc.oneof(
      fc.constant({}),
      fc.record({
        incentiveSymbol: fc.constant('AKT'),
        incentiveSubsidyShare: money(0, 0.99),
        incentiveDenomination: fc.constantFrom('usd-pegged', 'token'),
      }),
    ),
    interconnect: fc.constantFrom('none', 'nvlink', 'infiniband'),
    billing: fc.oneof(
      fc.constant({}),
      fc.record({ billingIncrementSeconds: fc.constantFrom(1, 60, 3600) }),
      fc.record({
        billingIncrementSeconds: fc.constant(1),
        minimumBillableSeconds: fc.constantFrom(60, 1200),
      }),
    ),
    zones: fc.oneof(fc.constant({}), fc.record({ zonesWithSpot: fc.integer({ min: 0, max: 6 }) })),
  })
  .map(
    ({ tier, category, termMonths, reliability, egress, incentive, billing, zones, ...rest }) =>
      ({
        id: 'o',
        provider: 'p',
        gpu: tier.gpu,
        gpuMemoryGiB: tier.memoryGiB,
        region: 'r',
        country: 'US',
        pricingCategory: category,
        ...(category === 'Committed' ? { termMonths } : {}),
        source: 'test',
        asOf: '2026-11-24',
        ...reliability,
        ...egress,
        ...incentive,
        ...billing,
        ...zones,
        ...rest,
      }) as OfferInput,
  );

export const scenarioInput: fc.Arbitrary<ScenarioInput> = fc.record(
  {
    committedUtilization: money(0.01, 1),
    transferMbps: money(1, 10_000),
    tokenPrices: fc.record({
      AKT: fc.record({
        spotUsd: money(0.01, 10),
        annualDrift: fc.constant(0),
        annualVolatility: fc.constant(0.5),
      }),
    }),
    subsidies: fc.constant({ p: { kind: 'none' as const, share: 0.3 } }),
  },
  { requiredKeys: [] },
);
