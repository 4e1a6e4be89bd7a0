import {
  modelSizeBand,
  precisionOf,
  UNIT_RATE_MAX_SIZE_RATIO,
  UNITS_PER_QUOTE,
  type UnitThroughputTable,
  usdPerUnits,
} from '@gpufit/pricing';
import {
  type Decision,
  type OutputUnit,
  PRECISION_BYTES,
  type PricedOption,
  type Side,
  type UnitCost,
  type UnitCostAtStatedVolume,
  type UnitCostFigure,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';

/** A unit's rate word in gap sentences. */
const RATE_WORD: Readonly<Record<OutputUnit, string>> = {
  tokens: 'token',
  images: 'image',
  'audio-hours': 'audio',
};

/**
 * Why no GPU has a measured audio rate: MLPerf's Whisper results count samples whose audio length they do not
 * state (datasets/README.md), so audio-hours per GPU-second cannot be read off them.
 */
const NO_AUDIO_RATE =
  'no measured audio rate for any GPU (MLPerf Whisper results count samples of unstated audio length): no cost per audio hour at measured throughput';

/**
 * The true unit cost at a stated volume: the recommended placement's all-in monthly cost ÷ the stated output a
 * month, × `per`. E.g. $1,000 a month for 2.5B tokens a month is $1,000 ÷ 2.5e9 × 1e6 = $0.40 per 1M tokens.
 */
export function usdAtStatedVolume(monthlyUsd: number, outputPerMonth: number, per: number): number {
  if (!(Number.isFinite(monthlyUsd) && monthlyUsd >= 0))
    throw new RangeError(`monthly cost must be a finite USD amount ≥ 0, got ${monthlyUsd}`);
  if (!(Number.isFinite(outputPerMonth) && outputPerMonth > 0))
    throw new RangeError(`stated output a month must be a positive number, got ${outputPerMonth}`);
  if (!(Number.isFinite(per) && per > 0))
    throw new RangeError(`units per quote must be positive, got ${per}`);
  return (monthlyUsd / outputPerMonth) * per;
}

/**
 * What share of a GPU fleet's measured capacity a stated volume uses: outputPerMonth ÷ (unitsPerGpuSecond × 3600
 * × billedGpuHoursPerMonth). Null when nothing is billed.
 */
export function capacityShare(
  outputPerMonth: number,
  unitsPerGpuSecond: number,
  billedGpuHoursPerMonth: number,
): number | null {
  const capacity = unitsPerGpuSecond * 3600 * billedGpuHoursPerMonth;
  return Number.isFinite(capacity) && capacity > 0 ? outputPerMonth / capacity : null;
}

/**
 * Cost per unit of output of an inference workload (DESIGN "Cost per unit of output", docs/methodology.md), in the
 * workload's `outputUnit` (tokens, images or audio-hours; tokens when left out, listed in `assumed`):
 * - at measured throughput, per priced option: the offer's list USD per GPU-hour ÷ its GPU's measured output per
 *   hour (`datasets/unit-throughput.csv`, the workload's model-size band, measured on a model at most
 *   `UNIT_RATE_MAX_SIZE_RATIO`× apart in size), × 1M for tokens. Serving kinds take the
 *   latency-bounded MLPerf Server rate (then a labelled vLLM serving run), batch kinds the Offline rate. An option
 *   without a measured rate is a gap sentence, never $0; audio has no measured rate at all;
 * - at the workload's stated volume (`outputPerMonth`), when it states one: the recommended placement's monthly
 *   cost ÷ that volume ({@link usdAtStatedVolume}), with the share of the measured capacity it uses.
 * `undefined` for training and fine-tuning kinds, and for a workload whose `task` outputs none of the units
 * (embeddings-or-encoder, vision, other) and that states no `outputUnit`.
 */
export function unitCostFor(
  profile: WorkloadProfile,
  options: { readonly cloud: PricedOption | null; readonly depin: PricedOption | null },
  table: UnitThroughputTable,
  decision?: Pick<Decision, 'recommendation' | 'recommendedMonthlyUsd'>,
): UnitCost | undefined {
  const kind = workloadKinds[profile.kind];
  // No unit: a training kind, or a task that generates no tokens, images or audio (an embedding, a class, a box).
  if (kind.throughputClass !== 'inference' || profile.outputUnit === null) return undefined;
  const unit: OutputUnit = profile.outputUnit;
  const band = modelSizeBand(profile.modelParamsBillions);
  const use = kind.pattern === 'serving' ? 'serving' : 'batch';
  const per = UNITS_PER_QUOTE[unit];
  const figures: UnitCostFigure[] = [];
  const gaps: string[] = [];
  const sides: readonly [Side, PricedOption | null][] = [
    ['cloud', options.cloud],
    ['depin', options.depin],
  ];
  if (unit === 'audio-hours') gaps.push(NO_AUDIO_RATE);
  for (const [side, option] of sides) {
    if (option === null || unit === 'audio-hours') continue;
    const { offer } = option;
    const label = side === 'cloud' ? 'cloud option' : 'DePIN option';
    // An option priced on another GPU than the demand's takes the demand GPU's measured rate × the ratio its
    // GPU-hours are priced at, so the figure rests on the conversion that priced it: an A100 option for H100 work
    // read 145 tokens/s (a vLLM run) beside the H100's 3,821 (MLPerf), 26× apart where its GPU-hours were priced
    // at 0.452×, and a stated volume "814.9 % of what the GPU-hours it bills could output".
    // Only a rate measured on a model close enough in size stands for this one (unitRateFitsModel): a 12 B Flux.1
    // API was costed at SDXL's (3.5 B) rate, and its volume called 12.9 % of its GPU-hours' capacity.
    const t = option.cost.throughput;
    const params = profile.modelParamsBillions;
    const near = { modelParamsBillions: params };
    const demandGpu = t != null && t.basis !== 'same' ? t.demandGpu : null;
    const converted = demandGpu === null ? undefined : table.lookup(unit, band, demandGpu, use, near);
    const row = converted ?? table.lookup(unit, band, offer.gpu, use, near);
    if (row === undefined) {
      const other =
        (demandGpu === null ? undefined : table.lookup(unit, band, demandGpu, use)) ??
        table.lookup(unit, band, offer.gpu, use);
      gaps.push(
        other === undefined
          ? `no measured ${RATE_WORD[unit]} rate for ${offer.gpu} with a ${band} model (${params} B parameters; ${label}): no cost per unit shown`
          : `no measured ${RATE_WORD[unit]} rate for ${offer.gpu} with a model near ${params} B parameters (${label}): the rate measured is ${other.benchmark}'s (${other.modelParamsBillions} B parameters, ${sizeApart(other.modelParamsBillions, params)}), and a rate stands only for a model at most ${UNIT_RATE_MAX_SIZE_RATIO}× apart in size: no cost per unit shown${profile.outputPerMonth === null ? '' : ', and the stated volume is not checked against it'}`,
      );
      continue;
    }
    if (offer.usdPerGpuHour === null) {
      gaps.push(`${label} ${offer.id} has no USD price per GPU-hour: no cost per unit shown`);
      continue;
    }
    const rate = converted !== undefined && t != null ? row.perGpuPerSecond * t.ratio : row.perGpuPerSecond;
    figures.push({
      side,
      offerId: offer.id,
      gpu: offer.gpu,
      usdPerGpuHour: offer.usdPerGpuHour,
      unitsPerGpuSecond: rate,
      usd: usdPerUnits(offer.usdPerGpuHour, rate, per),
      scenario: row.scenario,
      benchmark: row.benchmark,
      version: row.version,
      precision: row.precision,
      source: row.source,
      ...(converted !== undefined && t != null && { convertedFrom: { gpu: t.demandGpu, ratio: t.ratio } }),
    });
    // A rate measured at fewer bits than the work runs at (MLPerf's Blackwell LLM rates are fp4, Hopper's and
    // Ada's fp8) is faster than this work will run: the figure stays, said to be a lower bound.
    const measuredAt = precisionOf(row.precision);
    if (measuredAt !== null && measuredAt.bits < PRECISION_BYTES[profile.precision] * 8) {
      gaps.push(
        `the ${label}'s ${RATE_WORD[unit]} rate (${row.gpu === offer.gpu ? offer.gpu : `${row.gpu}'s, converted`}, measured at ${measuredAt.label}) is faster than this ${profile.precision} work will run: its cost per unit is a lower bound`,
      );
    }
  }
  const stated = atStatedVolume(profile, options, figures, per, decision);
  if (stated === 'unpriced') {
    gaps.push('the recommendation has no monthly cost: no cost at your stated volume');
  }
  return {
    unit,
    per,
    modelSizeBand: band,
    basis: 'measured-throughput',
    figures,
    gaps,
    ...(stated !== null && stated !== 'unpriced' && { atStatedVolume: stated }),
  };
}

/** "3.4× smaller", "2.5× larger": a measured model against the workload's. */
function sizeApart(measured: number, model: number): string {
  return measured < model
    ? `${Number((model / measured).toPrecision(2))}× smaller`
    : `${Number((measured / model).toPrecision(2))}× larger`;
}

function atStatedVolume(
  profile: WorkloadProfile,
  options: { readonly cloud: PricedOption | null; readonly depin: PricedOption | null },
  figures: readonly UnitCostFigure[],
  per: number,
  decision: Pick<Decision, 'recommendation' | 'recommendedMonthlyUsd'> | undefined,
): UnitCostAtStatedVolume | 'unpriced' | null {
  const volume = profile.outputPerMonth;
  if (volume === null || decision === undefined) return null;
  const monthlyUsd = decision.recommendedMonthlyUsd;
  if (monthlyUsd === null) return 'unpriced';
  const { recommendation } = decision;
  let share: number | null = null;
  if (recommendation !== 'hybrid') {
    const option = options[recommendation];
    const figure = figures.find((f) => f.side === recommendation);
    const billed = option?.cost.billedGpuHoursPerMonth ?? null;
    // A committed base with on-demand bursts on two GPUs bills hours of both, which one GPU's rate does not convert.
    const mix = option?.mix;
    const oneGpu = mix === undefined || mix.committed.offer.gpu === mix.burst.offer.gpu;
    if (billed !== null && figure !== undefined && oneGpu) {
      share = capacityShare(volume, figure.unitsPerGpuSecond, billed);
    }
  }
  return {
    outputPerMonth: volume,
    recommendation,
    monthlyUsd,
    usd: usdAtStatedVolume(monthlyUsd, volume, per),
    capacityShare: share,
  };
}
