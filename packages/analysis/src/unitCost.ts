import { modelSizeBand, UNITS_PER_QUOTE, type UnitThroughputTable, usdPerUnits } from '@gpufit/pricing';
import {
  type OutputUnit,
  type PricedOption,
  type Side,
  type UnitCost,
  type UnitCostFigure,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';

/** The unit a workload's output is priced per; every inference workload is read as an LLM (tokens) for now. */
const UNIT: OutputUnit = 'tokens';

/**
 * Cost per unit of output of an inference workload at measured throughput (DESIGN "Cost per unit of output",
 * docs/methodology.md): for each priced option, the offer's list USD per GPU-hour ÷ its GPU's measured output per
 * hour (`datasets/unit-throughput.csv`, the workload's model-size band), × 1M for tokens. Serving kinds take the
 * latency-bounded MLPerf Server rate (then a labelled vLLM serving run), batch kinds the Offline rate. `undefined`
 * for training and fine-tuning kinds; an option without a measured rate is a gap sentence, never $0.
 */
export function unitCostFor(
  profile: WorkloadProfile,
  options: { readonly cloud: PricedOption | null; readonly depin: PricedOption | null },
  table: UnitThroughputTable,
): UnitCost | undefined {
  const kind = workloadKinds[profile.kind];
  if (kind.throughputClass !== 'inference') return undefined;
  const band = modelSizeBand(profile.modelParamsBillions);
  const use = kind.pattern === 'serving' ? 'serving' : 'batch';
  const per = UNITS_PER_QUOTE[UNIT];
  const figures: UnitCostFigure[] = [];
  const gaps: string[] = [];
  const sides: readonly [Side, PricedOption | null][] = [
    ['cloud', options.cloud],
    ['depin', options.depin],
  ];
  for (const [side, option] of sides) {
    if (option === null) continue;
    const { offer } = option;
    const label = side === 'cloud' ? 'cloud option' : 'DePIN option';
    const row = table.lookup(UNIT, band, offer.gpu, use);
    if (row === undefined) {
      gaps.push(
        `no measured ${UNIT === 'tokens' ? 'token' : 'image'} rate for ${offer.gpu} with a ${band} model (${profile.modelParamsBillions} B parameters; ${label}): no cost per unit shown`,
      );
      continue;
    }
    if (offer.usdPerGpuHour === null) {
      gaps.push(`${label} ${offer.id} has no USD price per GPU-hour: no cost per unit shown`);
      continue;
    }
    figures.push({
      side,
      offerId: offer.id,
      gpu: offer.gpu,
      usdPerGpuHour: offer.usdPerGpuHour,
      unitsPerGpuSecond: row.perGpuPerSecond,
      usd: usdPerUnits(offer.usdPerGpuHour, row.perGpuPerSecond, per),
      scenario: row.scenario,
      benchmark: row.benchmark,
      version: row.version,
      precision: row.precision,
      source: row.source,
    });
  }
  return { unit: UNIT, per, modelSizeBand: band, basis: 'measured-throughput', figures, gaps };
}
