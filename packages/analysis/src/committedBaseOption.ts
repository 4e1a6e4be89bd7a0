import {
  COST_COMPONENT_NAMES,
  type CostComponent,
  type CostEstimate,
  HOURS_PER_MONTH,
  type PricedOption,
} from '@gpufit/schema';
import type { CommittedBaseMix } from './committedBaseMix.js';
import { usd } from './usdText.js';

/**
 * The cloud option as a committed base with on-demand bursts (docs/methodology.md): the mix committedBaseMix.ts
 * priced, as a `PricedOption` whose `mix` holds each part's own cost and whose `cost` is their sum line by line, so
 * every consumer that reads one cost reads the mix's total, and the parts add up to it by construction.
 *
 * With work W demand GPU-hours a month, base b demand GPUs on n instances of g GPUs, s spare GPU-hours, E =
 * E[(D − b)⁺], H hours a month, ρ the throughput ratio and p the commitment's list price (every line below in the
 * offer's GPU-hours at p, so each part's GPU-hour lines are what it bills, as a FOCUS row states them):
 * - the base's lines bill exactly what it holds, (n·g·H + s) GPU-hours: `gpu-time` (and billing rounding,
 *   interruptions) for the work it carries, W_b = W − H·E (the committed estimate's lines × W_b ÷ W);
 *   `redundancy` the spares held all month, whole (s, the committed estimate's line); `idle-capacity` the rest of
 *   the base's held hours, n·g·H − W_b ÷ ρ = (b − E[min(D, b)])·H ÷ ρ less its rounding and interruptions;
 *   `commitment-waste` a term past the horizon, (f − 1)·(n·g·H + s); its data lines × W_b ÷ W;
 * - the bursts' lines carry only the burst work, H·E: the on-demand estimate's work lines (gpu-time, billing
 *   rounding, interruptions, data) × H·E ÷ W, with no spare, idle or commitment hours (a burst instance runs
 *   only while there is demand above the base).
 * Null when either estimate is unpriced.
 */
export function committedBaseOption(
  mix: CommittedBaseMix,
  committed: PricedOption,
  burst: PricedOption,
  horizonMonths: number,
): PricedOption | null {
  const c = committed.cost;
  const o = burst.cost;
  const work = o.demandGpuHoursPerMonth ?? null;
  if (c.monthlyUsd === null || o.monthlyUsd === null || work === null || !(work > 0)) return null;
  const listed = c.components.find((x) => x.name === 'gpu-time')?.unitPriceUsd;
  if (listed === undefined || !(listed > 0)) return null;
  const burstWork = HOURS_PER_MONTH * mix.excessGpus;
  const baseWork = work - burstWork;
  const kb = baseWork / work;
  const perInstance = mix.baseGpus / mix.instances;
  const heldBase = mix.baseGpus * HOURS_PER_MONTH;
  const spares = mix.spareGpuHours;
  const spread = (mix.committedRate * (c.throughput?.ratio ?? 1)) / listed;
  const count = (gpuHours: number): string => {
    const n = gpuHours / (perInstance * HOURS_PER_MONTH);
    const whole = Math.abs(n - Math.round(n)) < 1e-6;
    return `${whole ? Math.round(n) : n.toFixed(2)} ${perInstance}-GPU instance${whole && Math.round(n) === 1 ? '' : 's'} × ${HOURS_PER_MONTH} h`;
  };
  const gpuLine = (
    name: CostComponent['name'],
    quantity: number,
    note: string,
    old?: CostComponent,
  ): CostComponent => ({
    ...(old ?? {}),
    name,
    unit: 'GPU-hour',
    quantity,
    unitPriceUsd: listed,
    usd: quantity * listed,
    note,
  });
  const worked = c.components
    .filter((x) => x.unit === 'GPU-hour' && !HELD.has(x.name))
    .map((x) => scaledLine(x, kb));
  const workedHours = worked.reduce((a, x) => a + x.quantity, 0);
  const idle = Math.max(0, heldBase - workedHours);
  const spareLine = c.components.find((x) => x.name === 'redundancy');
  const baseLines: CostComponent[] = [
    ...worked,
    ...c.components.filter((x) => x.unit !== 'GPU-hour').map((x) => scaledLine(x, kb)),
    gpuLine(
      'redundancy',
      spares,
      spares > 0
        ? `${count(spares)} held all month on the commitment, the spares the availability target needs at the peak${spareLine?.note ? ` (${spareLine.note})` : ''}`
        : 'no spare held',
      spareLine,
    ),
    gpuLine(
      'idle-capacity',
      idle,
      `the committed base of ${count(heldBase)} = ${fixed(heldBase)} GPU-hours held all month, ${fixed(idle)} of them past the ${fixed(workedHours)} of work it carries (the newsvendor base, docs/projection-and-uncertainty.md §4)`,
    ),
  ];
  const wasteHours = (spread - 1) * (heldBase + spares);
  if (wasteHours > 1e-9)
    baseLines.push(
      gpuLine(
        'commitment-waste',
        wasteHours,
        `the commitment's term past the ${horizonMonths}-month horizon: ${fixed(spread - 1)} × the ${fixed(heldBase + spares)} GPU-hours held a month`,
      ),
    );
  baseLines.sort((x, y) => COST_COMPONENT_NAMES.indexOf(x.name) - COST_COMPONENT_NAMES.indexOf(y.name));
  const baseUsd = baseLines.reduce((a, x) => a + x.usd, 0);
  const baseCost: CostEstimate = {
    ...c,
    components: baseLines,
    monthlyUsd: baseUsd,
    usdPerJob: perJob(c, baseUsd, kb),
    instances: mix.instances,
    billedGpuHoursPerMonth: gpuHours(baseLines),
    demandGpuHoursPerMonth: baseWork,
  };
  const k = burstWork / work;
  // A subsidy line is 0 here anyway (a mix takes no incentive offer): it keeps its own note, not the held lines' one.
  const burstLines = o.components.map((x) =>
    x.name === 'incentive-subsidy'
      ? { ...x, quantity: 0, usd: 0 }
      : HELD.has(x.name)
        ? {
            ...x,
            quantity: 0,
            usd: 0,
            note: 'none: a burst instance runs only while there is demand above the base',
          }
        : scaledLine(x, k),
  );
  const burstUsd = burstLines.reduce((a, x) => a + x.usd, 0);
  const burstCost: CostEstimate = {
    ...o,
    components: burstLines,
    monthlyUsd: burstUsd,
    usdPerJob: perJob(o, burstUsd, k),
    // At the peak the bursts hold what the on-demand option holds there less the base and its spares.
    instances:
      o.instances == null ? null : Math.max(1, o.instances - mix.instances - Math.round(mix.spareInstances)),
    billedGpuHoursPerMonth: gpuHours(burstLines),
    demandGpuHoursPerMonth: burstWork,
  };
  const total = baseUsd + burstUsd;
  const cost: CostEstimate = {
    ...c,
    components: summedLines(baseLines, burstLines),
    monthlyUsd: total,
    usdPerJob: perJob(o, total),
    // The instances the option holds all month: the base's (its spares and the bursts' follow the redundancy line
    // and the demand).
    instances: mix.instances,
    assumptions: [
      ...new Set([
        ...mixAssumptions(c.assumptions, o.assumptions, mix.instances, {
          work: baseWork / (c.throughput?.ratio ?? 1),
          held: heldBase + spares,
          usd: baseLines.filter((x) => x.unit === 'GPU-hour').reduce((a, x) => a + x.usd, 0),
        }),
        `${committed.offer.id}: a committed base of ${mix.instances} instance${mix.instances === 1 ? '' : 's'} (${mix.baseGpus} × ${committed.offer.gpu})${spares > 0 ? ` and its spares (${count(spares)})` : ''} held all month, the demand above it on ${burst.offer.id} on demand (the newsvendor base, docs/projection-and-uncertainty.md §4; gpufit assumption: burst instances start and stop with the demand above the base, billed by the offer's increment, and hold no spare).`,
      ]),
    ],
    billedGpuHoursPerMonth: gpuHours(baseLines) + gpuHours(burstLines),
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

/** The serving clause of a committed offer priced alone (pricing's notes.ts `serving`). */
const HELD_AT_PEAK = 'committed capacity is held at the peak all month';

/**
 * The option's assumptions from its two estimates, less what describes either offer priced alone: the committed
 * one's "held at the peak all month" and its commitment's utilization over that peak (finance's support-copilot-8b
 * read "utilization 0.4 … $1.41 per used GPU-hour" for a base of 1 instance and 1 spare), the on-demand one's serving
 * ("at least one instance always on": a burst runs only above the base). The committed one's serving sentence stays
 * (the peak's units and the spares the target needs) with the mix's capacity clause, and the base's own commitment.
 */
function mixAssumptions(
  committed: readonly string[],
  onDemand: readonly string[],
  instances: number,
  base: { readonly work: number; readonly held: number; readonly usd: number },
): string[] {
  const capacity = `the committed base of ${instances} instance${instances === 1 ? '' : 's'} and its spares is held all month; the bursts above it follow the demand on on-demand capacity`;
  const out: string[] = [];
  for (const x of committed) {
    if (x.startsWith('commitment: ')) continue;
    out.push(x.startsWith('serving: ') ? x.replace(HELD_AT_PEAK, capacity) : x);
  }
  // A base carrying less work than the sentence shows (under 0.005 GPU-hours, printed 0.00: a vanishing demand)
  // has no meaningful rate a used GPU-hour (a subnormal one divides to beyond what a USD amount can hold).
  const rate = base.usd / base.work;
  if (base.work >= 0.005 && base.held > 0 && Number.isFinite(rate)) {
    const utilization = base.work / base.held;
    out.push(
      `commitment (the base): every committed hour is paid; the base's utilization ${utilization.toFixed(3)} (its ${grouped(base.work)} GPU-hours of work over the ${grouped(base.held)} it holds, spares included) makes the effective rate ${usd(rate)} per used GPU-hour`,
    );
  }
  for (const x of onDemand) if (!x.startsWith('serving: ') && !x.startsWith('commitment: ')) out.push(x);
  return out;
}

function grouped(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Lines a part holds rather than works: its spares, idle hours, commitment past the horizon, and a subsidy. */
const HELD: ReadonlySet<string> = new Set([
  'redundancy',
  'idle-capacity',
  'commitment-waste',
  'incentive-subsidy',
]);

function fixed(x: number): string {
  return x.toFixed(2);
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

/**
 * The cost per job (or useful GPU-hour) of `usd` a month that carries `share` of the estimate's work: over that
 * share's jobs, not the whole workload's (the bursts' USD 2,969.11 over all 5,840 useful GPU-hours read USD 0.51 a
 * GPU-hour of work at a USD 4 list price; over their own 742.28, USD 4.00). The parts' rates weighted by their shares
 * are the option's. Null for a part that carries no work.
 */
function perJob(e: CostEstimate, usd: number, share = 1): number | null {
  if (e.usdPerJob === null || e.monthlyUsd === null || !(e.monthlyUsd > 0) || !(share > 0)) return null;
  // A part carrying next to no work (a subnormal share) has no finite cost a job.
  const x = ((e.usdPerJob / e.monthlyUsd) * usd) / share;
  return Number.isFinite(x) ? x : null;
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
