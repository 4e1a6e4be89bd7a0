import { subsidyShareOf } from '../data/assumptions';
import { GPU_ALIASES } from '../data/gpu-aliases';
import { BASELINE_GPU, GPU_SPECS } from '../data/gpu-specs';
import { byKey, num, type Row } from './csvio';
import { spec } from './gpu';

export const TIER_COLUMNS = [
  'gpu',
  'vendor',
  'generation',
  'memoryGiB',
  'interconnect',
  'fp16Tflops',
  'memoryBandwidthGBps',
  'relThroughputInference',
  'relThroughputTraining',
  'relThroughputFineTuning',
  'consumer',
  'source',
  'notes',
] as const;

const RULE =
  'relative throughput vs A100-80GB: inference = memory-bandwidth ratio, training = dense FP16/BF16 tensor ratio, fine-tuning = geometric mean of the two';

export function tierRows(): Row[] {
  const base = spec(BASELINE_GPU);
  return GPU_SPECS.map((s) => {
    const inference = s.memoryBandwidthGBps / base.memoryBandwidthGBps;
    const training = s.fp16Tflops / base.fp16Tflops;
    const fineTuning = Math.sqrt(inference * training);
    return {
      gpu: s.gpu,
      vendor: s.vendor,
      generation: s.generation,
      memoryGiB: num(s.memoryGiB, 2),
      interconnect: s.interconnect,
      fp16Tflops: num(s.fp16Tflops, 2),
      memoryBandwidthGBps: num(s.memoryBandwidthGBps, 1),
      relThroughputInference: num(inference, 3),
      relThroughputTraining: num(training, 3),
      relThroughputFineTuning: num(fineTuning, 3),
      consumer: String(s.consumer),
      source: s.source,
      notes: [s.notes, RULE].filter((x) => x !== '').join('; '),
    };
  }).sort(byKey((r) => r.gpu ?? ''));
}

export const ALIAS_COLUMNS = ['alias', 'gpu'] as const;

export function aliasRows(): Row[] {
  return GPU_ALIASES.map(([alias, gpu]) => ({ alias, gpu })).sort(
    byKey((r) => `${(r.alias ?? '').toLowerCase()}|${r.alias}`),
  );
}

export const NETWORK_COLUMNS = [
  'provider',
  'networkName',
  'incentiveSymbol',
  'settlement',
  'defaultSubsidyShare',
  'scheduleKind',
  'scheduleParam',
  'scheduleEndMonth',
  'scheduleNote',
  'source',
  'asOf',
] as const;

/** io.net: emissions decrease 1.02 % per month → half-life ln 2 / −ln(1 − 0.0102) months. */
export const IONET_MONTHLY_DECLINE = 0.0102;
/** Render: year-1 (2024) ~9.13 M RENDER minted, year-2 (2025) ~5.90 M scheduled (≈ −35 % y/y). */
export const RENDER_YEAR1_MINT = 9.13;
export const RENDER_YEAR2_MINT = 5.9;

/**
 * The last Akash Provider Incentive Pilot with dates in the reference ended by this calendar month: PIP02 passed
 * Nov 2024 and its contracts ran 9.37-12 months (weighted averages), so at the latest 2025-11 (price-facts §5).
 */
export const AKASH_PILOTS_END = '2025-11';

export function networkRows(): Row[] {
  const ionetHalfLife = Math.log(2) / -Math.log(1 - IONET_MONTHLY_DECLINE);
  const renderRatio = RENDER_YEAR2_MINT / RENDER_YEAR1_MINT;
  const renderHalfLife = (12 * Math.log(2)) / -Math.log(renderRatio);
  return [
    {
      provider: 'akash',
      networkName: 'Akash Network',
      incentiveSymbol: 'AKT',
      settlement:
        "USDC or AKT at the tenant's choice (AEP-24), from a pre-funded escrow, settled per block (~6 s); tenant prices quoted in USD, so offers are priced as USD (denomination either)",
      defaultSubsidyShare: num(subsidyShareOf('akash').share, 4),
      scheduleKind: 'step',
      scheduleParam: '',
      scheduleEndMonth: AKASH_PILOTS_END,
      scheduleNote: `Provider Incentive Pilots pay providers on fixed-term contracts: PIP01 passed Feb 2024, PIP02 passed Nov 2024 (>800 GPUs together; PIP02 weighted average terms 9.37-12 months), so the last known pilot ended by ${AKASH_PILOTS_END} (its vote month + 12 months; the contracts' own start dates are not in the reference): a calendar month, not a month of the plan. PIP02 implied provider payment per GPU-hour: H200 $2.47, H100 $1.86, A100 $1.65, RTX 4090 $0.35 (price-facts §5 arithmetic) vs starting-at tenant prices $4.45 / $2.71 / $1.71 / $0.39. Share ${num(subsidyShareOf('akash').share, 4)}: ${subsidyShareOf('akash').why}`,
      source:
        'Akash governance proposal #303 via observatory.zone; akash-network discussions #448, #1524 and community #978; Akash AEP-24 (USDC settlement) - price-facts §5',
      asOf: '2026-11-24',
    },
    {
      provider: 'ionet',
      networkName: 'io.net',
      incentiveSymbol: 'IO',
      settlement: 'USDC (2 % payment fee) or IO (0 % fee); reservation fee 0.25 % renter + 0.25 % supplier',
      defaultSubsidyShare: num(subsidyShareOf('ionet').share, 4),
      scheduleKind: 'exponential',
      scheduleParam: num(ionetHalfLife, 2),
      scheduleEndMonth: '',
      scheduleNote: `300 M IO emitted hourly to suppliers and stakers over 20 years; 8 % inflation in year 1, decreasing 1.02 % per month: half-life = ln 2 / -ln(1 - 0.0102) = ${num(ionetHalfLife, 2)} months, counted from now: a share that halves at a fixed rate falls by the same fraction from any month, so no calendar anchor is needed. No dated public io.net GPU price was found, so offers.csv has no io.net rows. Share ${num(subsidyShareOf('ionet').share, 4)}: ${subsidyShareOf('ionet').why}`,
      source:
        'io.net docs "IO Tokenomics" https://io.net/docs/guides/coin/io-tokenomics ; Binance Square post on io.net supplier rewards - price-facts §5',
      asOf: '2026-11-24',
    },
    {
      provider: 'nosana',
      networkName: 'Nosana',
      incentiveSymbol: 'NOS',
      settlement:
        'NOS: each market prices jobs in NOS per second (nos_job_price_per_second), shown in USD as usd_reward_per_hour; USD credits can fund deployments, but the cost still follows the NOS price; a 10 % network fee sits on top (added to offers.csv prices)',
      defaultSubsidyShare: num(subsidyShareOf('nosana').share, 4),
      scheduleKind: 'none',
      scheduleParam: '',
      scheduleEndMonth: '',
      scheduleNote: `The reference says nothing about NOS emissions or a decay schedule: only that jobs are paid in NOS per second, that PREMIUM hosts stake and pass benchmarking and COMMUNITY hosts stake less, and that the dashboard adds a 10 % network fee (nosana.com/pricing.md snapshot 2026-09-03; reliability-facts "Nosana"). No schedule (none). Share ${num(subsidyShareOf('nosana').share, 4)}: ${subsidyShareOf('nosana').why}`,
      source:
        'nosana.com/pricing.md snapshot 2026-09-03 via depin-marketplace-prices.csv; reliability-facts.md "Nosana"',
      asOf: '2026-09-03',
    },
    {
      provider: 'render',
      networkName: 'Render Network',
      incentiveSymbol: 'RENDER',
      settlement:
        'RENDER credits per OctaneBench-hour; under Burn-Mint Equilibrium job payments are burned and node operators receive per-epoch emissions',
      defaultSubsidyShare: num(subsidyShareOf('render').share, 4),
      scheduleKind: 'exponential',
      scheduleParam: num(renderHalfLife, 2),
      scheduleEndMonth: '',
      scheduleNote: `Emissions follow a predefined declining schedule (RNP-001/003); year-1 ~${RENDER_YEAR1_MINT} M and year-2 ~${RENDER_YEAR2_MINT} M RENDER minted (${num((renderRatio - 1) * 100, 1)} % y/y, secondary sources, lower confidence): half-life = 12 ln 2 / -ln(${RENDER_YEAR2_MINT}/${RENDER_YEAR1_MINT}) = ${num(renderHalfLife, 2)} months, counted from now (BME emissions began Dec 2023; a fixed-rate halving falls by the same fraction from any month, so no calendar anchor is needed). Share ${num(subsidyShareOf('render').share, 4)}: ${subsidyShareOf('render').why}`,
      source:
        'Render Network Medium "RENDER Burn Mint Equilibrium Emissions Are Live"; Render knowledge base "Burn Mint Equilibrium"; MEXC and levex.com RENDER tokenomics pages - price-facts §5',
      asOf: '2026-11-24',
    },
    {
      provider: 'spheron',
      networkName: 'Spheron',
      incentiveSymbol: '',
      settlement: 'USD credits (1 credit = 1 USD); no network incentive token in the reference prices',
      defaultSubsidyShare: '0',
      scheduleKind: 'none',
      scheduleParam: '',
      scheduleEndMonth: '',
      scheduleNote:
        'Spheron sells aggregated datacenter capacity (Voltage Park, DataCrunch, TensorDock, Sesterce, Massed Compute …) for USD credits; no reward-token subsidy is documented in the reference.',
      source:
        'Spheron blog "GPU spot instance arbitrage 2026" (table from its API, 2026-06-03) and docs "Concepts", via depin-marketplace-prices.csv and reliability-facts.md',
      asOf: '2026-06-03',
    },
    {
      provider: 'salad',
      networkName: 'SaladCloud',
      incentiveSymbol: '',
      settlement: 'USD; no network incentive token in the reference',
      defaultSubsidyShare: '0',
      scheduleKind: 'none',
      scheduleParam: '',
      scheduleEndMonth: '',
      scheduleNote:
        "Salad prices GPUs in USD per hour (priority tiers since 2026); no reward-token subsidy is documented in the reference. RNP-023 (2026) integrates a Salad subnet into Render Network, which would not change Salad's USD list prices.",
      source:
        'SaladCloud docs "Salad Container Engine Billing" (2026-04-09); gate.com blog on Render RNP-023 (Apr 2026) - price-facts §5',
      asOf: '2026-04-09',
    },
  ].sort(byKey((r) => r.provider));
}
