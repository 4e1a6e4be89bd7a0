import { termFactor } from '@gpufit/pricing';
import {
  COST_COMPONENT_NAMES,
  type CostComponent,
  type CostEstimate,
  HOURS_PER_MONTH,
  type PricedOption,
} from '@gpufit/schema';
import type { SideBest } from './bestOffers.js';
import type { CommittedBaseMix } from './committedBaseMix.js';

/**
 * The cloud option as a committed base with on-demand bursts (docs/methodology.md): the mix committedBaseMix.ts
 * priced, as a `PricedOption` whose `mix` holds each part's own cost and whose `cost` is their sum line by line, so
 * every consumer that reads one cost reads the mix's total, and the parts add up to it by construction.
 *
 * With work W demand GPU-hours a month, base b demand GPUs, E = E[(D − b)⁺] and H hours a month:
 * - the base carries W_b = W − H·E of the work: each line of the committed estimate but its commitment waste × W_b ÷ W
 *   (its rate r_c0 = (month − waste) ÷ W per demand GPU-hour of work), plus `idle-capacity` for the hours it is held
 *   past its work, (H·b − W_b) at r_c0, plus `commitment-waste` for a term longer than the horizon, (f − 1)·H·b at
 *   r_c0 (f the term's spread, termFactor.ts): in all H·b·r_c0·f = H·r_c·b, the base of committedBaseMix;
 * - the bursts carry H·E: each line of the on-demand estimate × H·E ÷ W, in all H·r_od·E.
 * The base's added idle and waste USD are counted in GPU-hours at the commitment's list price (its gpu-time line's
 * unit price), so each part's GPU-hour lines are its billed GPU-hours at its offer's list price (what a FOCUS row
 * states), and each line's usd = quantity × unitPriceUsd holds. Null when either estimate is unpriced.
 */
export function committedBaseOption(
  mix: CommittedBaseMix,
  committed: PricedOption,
  burst: PricedOption,
  committedBest: SideBest,
  horizonMonths: number,
): PricedOption | null {
  const c = committed.cost;
  const o = burst.cost;
  const work = o.demandGpuHoursPerMonth ?? null;
  if (c.monthlyUsd === null || o.monthlyUsd === null || work === null || !(work > 0)) return null;
  const burstWork = HOURS_PER_MONTH * mix.excessGpus;
  const baseWork = work - burstWork;
  const heldWork = HOURS_PER_MONTH * mix.baseDemandGpus;
  const ratio = c.throughput?.ratio ?? 1;
  const waste = c.components.filter((x) => x.name === 'commitment-waste').reduce((a, x) => a + x.usd, 0);
  const rate0 = (c.monthlyUsd - waste) / work;
  const spread = termFactor(committedBest.offer, horizonMonths);
  // Every GPU-hour of the base at the commitment's list price (its gpu-time line's), so a part's GPU-hours × that
  // price is its GPU cost: the hours held past the work join its idle-capacity line, a term past the horizon its
  // commitment-waste line.
  const listed = c.components.find((x) => x.name === 'gpu-time')?.unitPriceUsd;
  const price = listed !== undefined && listed > 0 ? listed : rate0 * ratio;
  const idleUsd = rate0 * Math.max(0, heldWork - baseWork);
  const wasteUsd = (spread - 1) * rate0 * heldWork;
  const baseLines: CostComponent[] = c.components
    .filter((x) => x.name !== 'commitment-waste')
    .map((x) => scaledLine(x, baseWork / work));
  const added = (name: 'idle-capacity' | 'commitment-waste', usd: number, note: string): void => {
    if (!(usd > 0)) return;
    const at = baseLines.findIndex((x) => x.name === name);
    const old = at < 0 ? null : baseLines[at]!;
    const quantity = (old?.quantity ?? 0) + usd / price;
    const total = (old?.usd ?? 0) + usd;
    const line: CostComponent = {
      name,
      unit: 'GPU-hour',
      quantity,
      unitPriceUsd: total / quantity,
      usd: total,
      note,
    };
    if (at < 0) baseLines.push(line);
    else baseLines[at] = line;
  };
  added(
    'idle-capacity',
    idleUsd,
    'the committed base held past the work it carries (the newsvendor base, docs/projection-and-uncertainty.md §4)',
  );
  added('commitment-waste', wasteUsd, `the commitment's term past the ${horizonMonths}-month horizon`);
  baseLines.sort((x, y) => COST_COMPONENT_NAMES.indexOf(x.name) - COST_COMPONENT_NAMES.indexOf(y.name));
  const baseUsd = baseLines.reduce((a, x) => a + x.usd, 0);
  const baseCost: CostEstimate = {
    ...c,
    components: baseLines,
    monthlyUsd: baseUsd,
    usdPerJob: perJob(c, baseUsd),
    instances: mix.instances,
    billedGpuHoursPerMonth: gpuHours(baseLines),
    demandGpuHoursPerMonth: baseWork,
  };
  const k = burstWork / work;
  const burstLines = o.components.map((x) => scaledLine(x, k));
  const burstUsd = burstLines.reduce((a, x) => a + x.usd, 0);
  const burstCost: CostEstimate = {
    ...o,
    components: burstLines,
    monthlyUsd: burstUsd,
    usdPerJob: perJob(o, burstUsd),
    // At the peak the bursts hold what the on-demand option holds there less the base.
    instances: o.instances == null ? null : Math.max(1, o.instances - mix.instances),
    billedGpuHoursPerMonth: o.billedGpuHoursPerMonth === null ? null : o.billedGpuHoursPerMonth * k,
    demandGpuHoursPerMonth: burstWork,
  };
  const total = baseUsd + burstUsd;
  const billed =
    burstCost.billedGpuHoursPerMonth === null || baseCost.billedGpuHoursPerMonth === null
      ? null
      : baseCost.billedGpuHoursPerMonth + burstCost.billedGpuHoursPerMonth;
  const cost: CostEstimate = {
    ...c,
    components: summedLines(baseLines, burstLines),
    monthlyUsd: total,
    usdPerJob: perJob(o, total),
    // The instances the option holds all month: the base's (the bursts' follow the demand).
    instances: mix.instances,
    assumptions: [
      ...new Set([
        ...c.assumptions,
        ...o.assumptions,
        `${committed.offer.id}: a committed base of ${mix.instances} instance${mix.instances === 1 ? '' : 's'} (${mix.baseGpus} × ${committed.offer.gpu}) held all month, the demand above it on ${burst.offer.id} on demand (the newsvendor base, docs/projection-and-uncertainty.md §4; gpufit assumption: each rate's spares scale with the work it carries).`,
      ]),
    ],
    billedGpuHoursPerMonth: billed,
    demandGpuHoursPerMonth: work,
  };
  return {
    offer: committed.offer,
    cost,
    mix: {
      committed: { offer: committed.offer, cost: baseCost, instances: mix.instances, gpus: mix.baseGpus },
      burst: { offer: burst.offer, cost: burstCost },
      baseShare: baseWork / work,
      burstShare: burstWork / work,
    },
  };
}

/** The GPU-hours of an estimate's lines: every line in GPU-hours but the incentive subsidy (a credit on them). */
function gpuHours(lines: readonly CostComponent[]): number {
  let h = 0;
  for (const x of lines) if (x.unit === 'GPU-hour' && x.name !== 'incentive-subsidy') h += x.quantity;
  return h;
}

function scaledLine(x: CostComponent, k: number): CostComponent {
  return { ...x, quantity: x.quantity * k, usd: x.usd * k };
}

/** An estimate's cost per job (or useful GPU-hour) at `usd` a month: the same work, so the same divisor. */
function perJob(e: CostEstimate, usd: number): number | null {
  return e.usdPerJob === null || e.monthlyUsd === null || !(e.monthlyUsd > 0)
    ? null
    : (e.usdPerJob / e.monthlyUsd) * usd;
}

/** Both parts' lines summed by name (in the order of COST_COMPONENT_NAMES): quantity and USD added, the unit price their ratio. */
function summedLines(a: readonly CostComponent[], b: readonly CostComponent[]): CostComponent[] {
  const out: CostComponent[] = [];
  for (const name of COST_COMPONENT_NAMES) {
    const lines = [...a, ...b].filter((x) => x.name === name);
    if (lines.length === 0) continue;
    if (lines.length === 1) {
      out.push(lines[0]!);
      continue;
    }
    const quantity = lines.reduce((s, x) => s + x.quantity, 0);
    const usd = lines.reduce((s, x) => s + x.usd, 0);
    out.push({
      name,
      unit: lines[0]!.unit,
      quantity,
      unitPriceUsd: quantity > 0 ? usd / quantity : lines[0]!.unitPriceUsd,
      usd,
      note: 'committed base and on-demand bursts together',
    });
  }
  return out;
}
