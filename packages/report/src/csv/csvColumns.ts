import { formatMinorUnits } from '@gpufit/schema';
import { formatCents, formatUnitPrice } from '../present/format.js';
import type {
  PresentedAnalysis,
  ShownHybrid,
  ShownOption,
  ShownPath,
  ShownWorkload,
} from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import type { CsvCell } from './csvCell.js';
import { booleanCell, emptyCell, maybeText, numberCell, textCell } from './csvCell.js';

export const CSV_OPTIONS = ['cloud', 'depin', 'hybrid', 'recommended'] as const;
export type CsvOption = (typeof CSV_OPTIONS)[number];

/** What one row of `report.csv` is about: a workload and one of its options. */
export interface CsvRow {
  readonly p: PresentedAnalysis;
  readonly r: Rounder;
  readonly w: ShownWorkload;
  /** The option, or on a part row of a cloud option that is a committed base with on-demand bursts, the part. */
  readonly option: CsvOption | 'cloud-base' | 'cloud-burst';
  /** The option this row describes: the recommendation on the `recommended` row. */
  readonly chosen: 'cloud' | 'depin' | 'hybrid';
  readonly priced: ShownOption | null;
  readonly hybrid: ShownHybrid | null;
  readonly paths: readonly ShownPath[];
}

export interface CsvColumn {
  readonly name: string;
  readonly description: string;
  readonly value: (row: CsvRow) => CsvCell;
}

const money = (cents: number | null | undefined): CsvCell =>
  cents == null ? emptyCell : numberCell(formatCents.machine(cents));
const unitPrice = (minor: number | null | undefined): CsvCell =>
  minor == null ? emptyCell : numberCell(formatUnitPrice.machine(minor));
const quantity = (r: Rounder, x: number | null | undefined, decimals: number): CsvCell =>
  x == null
    ? emptyCell
    : numberCell(
        formatMinorUnits(r.quantity(x, decimals), { scale: decimals, grouping: '', minDecimals: 0 }),
      );

function status(row: CsvRow): { status: string; reason: string | null } {
  if (row.chosen === 'hybrid') {
    return row.hybrid === null
      ? { status: 'not-offered', reason: 'no hybrid split for this workload' }
      : { status: 'priced', reason: null };
  }
  if (row.priced !== null) return { status: row.priced.status, reason: row.priced.statusReason };
  const hard = row.w.workload.fit.constraints.find((c) => c.side === row.chosen && c.scope === 'all');
  return hard === undefined
    ? { status: 'not-offered', reason: 'no feasible offer in the catalog' }
    : { status: 'ineligible', reason: hard.reason };
}

/** Whether the row is one part of a cloud option that is a committed base with on-demand bursts. */
const isPart = (row: CsvRow): boolean => row.option === 'cloud-base' || row.option === 'cloud-burst';

/** The unit cost at the workload's stated volume, on the rows of its recommended placement (option and plan). */
const statedFigure = (row: CsvRow) =>
  row.chosen === row.w.workload.decision.recommendation && !isPart(row)
    ? row.w.workload.unitCost?.atStatedVolume
    : undefined;

/** The unit cost figure of this row's option (cloud or DePIN rows only). */
const unitFigure = (row: CsvRow) =>
  row.chosen === 'hybrid' || isPart(row)
    ? undefined
    : row.w.workload.unitCost?.figures.find((f) => f.side === row.chosen);

function hybridOffer(row: CsvRow, pick: (o: ShownOption) => string): CsvCell {
  const { cloud, depin } = row.w;
  return cloud === null || depin === null ? emptyCell : textCell(`${pick(cloud)} + ${pick(depin)}`);
}

const offerText =
  (pick: (o: ShownOption) => string | null, hybrid = false) =>
  (row: CsvRow): CsvCell => {
    if (row.chosen === 'hybrid')
      return hybrid && row.hybrid !== null ? hybridOffer(row, (o) => pick(o) ?? '') : emptyCell;
    // A committed base with on-demand bursts: both offers (base + bursts), as a hybrid names both sides.
    const parts = isPart(row) ? undefined : row.priced?.parts;
    if (hybrid && parts !== undefined && parts.length === 2)
      return textCell(`${pick(parts[0]!) ?? ''} + ${pick(parts[1]!) ?? ''}`);
    return row.priced === null ? emptyCell : maybeText(pick(row.priced));
  };

function savingsVsCloud(row: CsvRow): CsvCell {
  if (isPart(row)) return emptyCell;
  if (row.chosen === 'hybrid') return money(row.hybrid?.savingsVsAllCloudCents);
  const cloud = row.w.cloud?.monthlyCents ?? null;
  const own = row.priced?.monthlyCents ?? null;
  return cloud === null || own === null ? emptyCell : money(cloud - own);
}

function horizon(row: CsvRow): CsvCell {
  if (isPart(row)) {
    const part = row.option === 'cloud-base' ? 'base' : 'burst';
    const found = row.paths.find((x) => x.option === 'cloud')?.parts?.find((x) => x.part === part);
    return found === undefined ? emptyCell : money(found.horizonCents);
  }
  const mine = row.paths.filter((x) => x.option === row.chosen);
  return mine.length === 0 ? emptyCell : money(mine.reduce((a, x) => a + x.horizonCents, 0));
}

type PortfolioEntries = NonNullable<CsvRow['p']['analysis']['totals']['distribution']>['workloads'];
const portfolioIndex = new WeakMap<PortfolioEntries, Map<string, PortfolioEntries[number]>>();

/** The joint Monte Carlo's horizon percentiles of a workload's placement (cloud-only and hybrid workloads). */
function fromPortfolio(row: CsvRow): PortfolioEntries[number] | undefined {
  const entries = row.p.analysis.totals.distribution?.workloads;
  if (entries === undefined) return undefined;
  let index = portfolioIndex.get(entries);
  if (index === undefined) {
    index = new Map(entries.map((e) => [e.id, e]));
    portfolioIndex.set(entries, index);
  }
  const e = index.get(row.w.workload.id);
  return e?.placement === row.chosen ? e : undefined;
}

function horizonPercentile(key: 'p10' | 'p50' | 'p90') {
  return (row: CsvRow): CsvCell => {
    if (isPart(row)) return emptyCell;
    const d = row.w.distribution;
    if (d === null || row.chosen === 'hybrid') {
      const e = fromPortfolio(row);
      return e === undefined ? emptyCell : money(row.r.cents(e.horizon[key]));
    }
    return money(row.chosen === 'cloud' ? d.horizonCloud[key] : d.horizonDepin[key]);
  };
}

/**
 * The columns of `report.csv`, in order: one row per workload × option (cloud, depin, hybrid, recommended).
 * Names are camelCase like the workload CSV; money is USD with two decimals and no grouping; an empty cell
 * is a value that does not exist or is unknown, never a zero. docs/reports.md lists the same table.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'workloadId', description: 'workload id from the input', value: (x) => textCell(x.w.workload.id) },
  {
    name: 'workloadName',
    description: 'workload name from the input',
    value: (x) => textCell(x.w.workload.name),
  },
  {
    name: 'workloadKind',
    description: 'realtime-inference, batch-inference, experimentation, multi-node-training or fine-tuning',
    value: (x) => textCell(x.w.workload.kind),
  },
  {
    name: 'option',
    description:
      'cloud, depin, hybrid or recommended; on option-part rows cloud-base or cloud-burst; on plan-distribution rows the whole plan: recommended, all-cloud or all-decentralized',
    value: (x) => textCell(x.option),
  },
  {
    name: 'rowType',
    description:
      'option (the cloud, depin and hybrid rows: what each option would cost), option-part (a cloud option that is a committed base with on-demand bursts: one row for the base, one for the bursts, each on its own offer, adding up to its cloud row), plan (the recommended row: what the plan spends), plan-distribution (one row per whole plan: recommended, all-cloud, all-decentralized, with its horizon P10/P50/P90 from the joint Monte Carlo) or plan-distribution-month (one row per plan and month: its monthly P10/P50/P90); filter on one type, never two, so amounts are counted once',
    value: (x) => textCell(x.option === 'recommended' ? 'plan' : isPart(x) ? 'option-part' : 'option'),
  },
  {
    name: 'recommendedOption',
    description: "the workload's recommendation: cloud, depin or hybrid",
    value: (x) => textCell(x.w.workload.decision.recommendation),
  },
  {
    name: 'isRecommended',
    description:
      'true on the option row the plan uses (false on the plan row, which repeats it): summing an amount over isRecommended = true gives the plan total',
    value: (x) =>
      booleanCell(
        x.option !== 'recommended' && !isPart(x) && x.chosen === x.w.workload.decision.recommendation,
      ),
  },
  {
    name: 'approach',
    description: 'framework approach: traditional-cloud, cloud-first, hybrid, depin-or-hybrid, depin-first',
    value: (x) => textCell(x.w.workload.decision.approach),
  },
  {
    name: 'cloudFit',
    description: 'cloud fit level: low, medium or high',
    value: (x) => textCell(x.w.workload.fit.cloud.level),
  },
  {
    name: 'cloudFitScore',
    description: 'cloud fit score, 0–100',
    value: (x) => quantity(x.r, x.w.workload.fit.cloud.score, 2),
  },
  {
    name: 'depinFit',
    description: 'DePIN fit level: low, medium or high',
    value: (x) => textCell(x.w.workload.fit.depin.level),
  },
  {
    name: 'depinFitScore',
    description: 'DePIN fit score, 0–100',
    value: (x) => quantity(x.r, x.w.workload.fit.depin.score, 2),
  },
  {
    name: 'status',
    description: 'priced, unpriced, infeasible, ineligible (hard constraint) or not-offered',
    value: (x) => textCell(status(x).status),
  },
  {
    name: 'statusReason',
    description: 'why the option is not priced',
    value: (x) => maybeText(status(x).reason),
  },
  {
    name: 'offerId',
    description:
      'catalog offer id (hybrid: cloud id + DePIN id; a committed base with on-demand bursts: committed id + on-demand id)',
    value: offerText((o) => o.offer.id, true),
  },
  { name: 'provider', description: 'provider id', value: offerText((o) => o.offer.provider) },
  {
    name: 'providerName',
    description: 'provider name (hybrid: both)',
    value: offerText((o) => o.offer.providerName, true),
  },
  {
    name: 'market',
    description: 'hyperscaler, gpu-cloud, marketplace or depin',
    value: offerText((o) => o.offer.market),
  },
  {
    name: 'hosting',
    description: 'datacenter or community hosts (who runs the machine)',
    value: offerText((o) => o.offer.hosting),
  },
  {
    name: 'verified',
    description: 'true when the network or marketplace verified the hosts',
    value: offerText((o) => String(o.offer.verified)),
  },
  { name: 'gpu', description: 'GPU tier (hybrid: both)', value: offerText((o) => o.offer.gpu, true) },
  {
    name: 'instances',
    description: 'whole instances rented: held at peak (serving) or at once per job (batch)',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.cost.instances, 0)),
  },
  {
    name: 'gpusPerInstance',
    description: 'GPUs per rented instance',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.offer.gpusPerInstance, 0)),
  },
  {
    name: 'throughputBasis',
    description: 'how the demand converts to this GPU: same, measured (benchmark ratio) or unmeasured',
    value: offerText((o) => o.cost.throughput?.basis ?? null),
  },
  {
    name: 'throughputRatio',
    description: "work one of this offer's GPU-hours does, in the demand GPU's hours (4 decimals)",
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.cost.throughput?.ratio, 4)),
  },
  { name: 'region', description: 'provider region', value: offerText((o) => o.offer.region) },
  {
    name: 'country',
    description: 'ISO 3166 country of the region, when known',
    value: offerText((o) => o.offer.country),
  },
  {
    name: 'pricingCategory',
    description: 'Standard (on-demand), Dynamic (spot/auction) or Committed',
    value: offerText((o) => o.offer.pricingCategory),
  },
  {
    name: 'listUsdPerGpuHour',
    description: 'list price, USD per GPU-hour (4 decimals)',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : unitPrice(x.priced?.listUnitPrice)),
  },
  {
    name: 'outputUnit',
    description:
      'inference workloads whose option GPU has a measured output rate, or whose stated volume is priced on this row: tokens, images or audio-hours (the unit of usdPerOutputUnits and usdPerOutputUnitsAtStatedVolume); empty otherwise',
    value: (x) =>
      maybeText(
        unitFigure(x) === undefined && statedFigure(x) === undefined
          ? null
          : (x.w.workload.unitCost?.unit ?? null),
      ),
  },
  {
    name: 'usdPerOutputUnits',
    description:
      "USD per 1M tokens (or per image, per audio hour) at the measured rate of this option's GPU: listUsdPerGpuHour ÷ (outputPerGpuSecond × 3600) × 1M, 4 decimals; empty when no measured rate",
    value: (x) => {
      const f = unitFigure(x);
      return f === undefined ? emptyCell : unitPrice(x.r.unitPrice(f.usd));
    },
  },
  {
    name: 'outputPerGpuSecond',
    description:
      'measured output of one GPU per second (datasets/unit-throughput.csv) behind usdPerOutputUnits',
    value: (x) => quantity(x.r, unitFigure(x)?.unitsPerGpuSecond, 2),
  },
  {
    name: 'outputRateBasis',
    description:
      'the measurement behind it: benchmark, round and scenario (MLPerf Server for serving, Offline for batch, or vLLM serving)',
    value: (x) => {
      const f = unitFigure(x);
      return maybeText(f === undefined ? null : `${f.benchmark} ${f.version} ${f.scenario}`);
    },
  },
  {
    name: 'cloudShare',
    description: 'hybrid rows: share of GPU-hours on cloud (0–1)',
    value: (x) =>
      x.chosen === 'hybrid' && x.hybrid !== null
        ? numberCell(formatMinorUnits(x.hybrid.cloudPerMille, { scale: 3, grouping: '' }))
        : emptyCell,
  },
  {
    name: 'depinShare',
    description: 'hybrid rows: share of GPU-hours on DePIN (0–1); cloudShare + depinShare = 1',
    value: (x) =>
      x.chosen === 'hybrid' && x.hybrid !== null
        ? numberCell(formatMinorUnits(x.hybrid.depinPerMille, { scale: 3, grouping: '' }))
        : emptyCell,
  },
  {
    name: 'monthlyUsd',
    description: 'USD a month at month-one demand',
    value: (x) => money(x.chosen === 'hybrid' ? x.hybrid?.blendedCents : x.priced?.monthlyCents),
  },
  {
    name: 'horizonUsd',
    description: 'USD over the horizon (sum of the forecast-focus.csv rows of this option)',
    value: horizon,
  },
  {
    name: 'usdPerJob',
    description: 'USD per successful job (or per useful GPU-hour, see jobUnit), 4 decimals',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : unitPrice(x.priced?.perJob)),
  },
  {
    name: 'jobUnit',
    description: 'job or gpu-hour',
    value: (x) => (x.chosen === 'hybrid' || x.priced === null ? emptyCell : textCell(x.priced.cost.jobUnit)),
  },
  {
    name: 'monthlySavingsVsAllCloudUsd',
    description: 'USD a month saved against the cloud option (negative: costs more)',
    value: savingsVsCloud,
  },
  {
    name: 'incentiveSubsidyMonthlyUsd',
    description: 'the incentive-token subsidy line, USD a month (negative); empty when the offer has none',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : money(x.priced?.subsidyCents)),
  },
  {
    name: 'billedGpuHoursPerMonth',
    description: 'GPU-hours billed a month after normalization, interruptions and redundancy',
    value: (x) =>
      x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.cost.billedGpuHoursPerMonth, 3),
  },
  {
    name: 'gpusPerReplica',
    description: 'GPUs per replica',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.cost.gpusPerReplica, 0)),
  },
  {
    name: 'replicas',
    description: 'replicas (including redundancy)',
    value: (x) => (x.chosen === 'hybrid' ? emptyCell : quantity(x.r, x.priced?.cost.replicas, 0)),
  },
  {
    name: 'horizonP10Usd',
    description:
      "Monte Carlo P10 of horizon spend: the workload's own simulation on cloud and depin rows, the whole plan's joint simulation for a workload without a decentralized option and on hybrid rows; percentiles do not add across rows",
    value: horizonPercentile('p10'),
  },
  { name: 'horizonP50Usd', description: 'Monte Carlo P50 of horizon spend', value: horizonPercentile('p50') },
  { name: 'horizonP90Usd', description: 'Monte Carlo P90 of horizon spend', value: horizonPercentile('p90') },
  {
    name: 'pDepinCheaper',
    description:
      "share of Monte Carlo trials in which DePIN's horizon spend is below cloud's (workload-level)",
    value: (x) => quantity(x.r, x.w.workload.distribution?.pDepinCheaper, 4),
  },
  {
    name: 'subsidyCliffMonth',
    description: 'first month DePIN stops beating cloud (workload-level), YYYY-MM',
    value: (x) => maybeText(x.w.workload.projection?.subsidyCliffMonth),
  },
  { name: 'source', description: "the offer's price source", value: offerText((o) => o.offer.source, true) },
  { name: 'asOf', description: "the offer's price date", value: offerText((o) => o.offer.asOf, true) },
  { name: 'scenario', description: 'scenario name', value: (x) => textCell(x.p.analysis.scenario.name) },
  {
    name: 'frameworkVersion',
    description: 'decision framework version',
    value: (x) => textCell(x.p.analysis.frameworkVersion),
  },
  { name: 'seed', description: 'Monte Carlo seed', value: (x) => numberCell(String(x.p.analysis.seed)) },
  {
    name: 'month',
    description:
      'plan-distribution-month rows: the month (YYYY-MM) of the monthly percentiles; empty otherwise',
    value: () => emptyCell,
  },
  {
    name: 'monthlyP10Usd',
    description:
      "plan-distribution-month rows: P10 of the whole plan's spend in that month (joint Monte Carlo, totals.distribution.<plan>.months); empty otherwise",
    value: () => emptyCell,
  },
  {
    name: 'monthlyP50Usd',
    description: "plan-distribution-month rows: P50 of the whole plan's spend in that month",
    value: () => emptyCell,
  },
  {
    name: 'monthlyP90Usd',
    description: "plan-distribution-month rows: P90 of the whole plan's spend in that month",
    value: () => emptyCell,
  },
  {
    name: 'horizonMeanUsd',
    description:
      "plan-distribution rows: mean horizon spend over the joint Monte Carlo's trials (the deterministic total within Monte Carlo error, a little above it where a cloud option is a committed base with on-demand bursts, convex in demand); empty otherwise",
    value: () => emptyCell,
  },
  {
    name: 'outputPerMonth',
    description:
      "the workload's stated output a month in outputUnit (its outputPerMonth), on the rows of its recommended placement (option row and plan row); empty when not stated",
    value: (x) => {
      const s = statedFigure(x);
      return s === undefined ? emptyCell : quantity(x.r, s.outputPerMonth, 3);
    },
  },
  {
    name: 'usdPerOutputUnitsAtStatedVolume',
    description:
      'true unit cost at the stated volume: the recommended monthlyUsd ÷ outputPerMonth × 1M for tokens (× 1 for images, audio hours), 4 decimals; on the same rows as outputPerMonth',
    value: (x) => {
      const s = statedFigure(x);
      return s === undefined ? emptyCell : unitPrice(x.r.unitPrice(s.usd));
    },
  },
];

/** The whole plans of the joint Monte Carlo, in `report.csv` order, with their `option` cell and name. */
export const CSV_PLANS = [
  { key: 'recommended', option: 'recommended', name: 'Recommended plan (whole portfolio)' },
  { key: 'allCloud', option: 'all-cloud', name: 'All-cloud (whole portfolio)' },
  { key: 'allDecentralized', option: 'all-decentralized', name: 'All-decentralized (whole portfolio)' },
] as const;

/**
 * The rows of the plan's spend range (`totals.distribution`): per plan one `plan-distribution` row (horizon
 * P10/P50/P90 and mean; `monthlyUsd`/`horizonUsd` the deterministic totals where report.json has them — the
 * recommended plan and all-cloud; all-decentralized has none) and one `plan-distribution-month` row per month.
 * Columns not named here are empty. None without a distribution (streamed analyses).
 */
export function planDistributionRows(p: PresentedAnalysis, r: Rounder): ReadonlyMap<string, CsvCell>[] {
  const d = p.analysis.totals.distribution;
  if (d === undefined) return [];
  const common = (
    plan: (typeof CSV_PLANS)[number],
    rowType: 'plan-distribution' | 'plan-distribution-month',
  ): [string, CsvCell][] => [
    ['workloadName', textCell(plan.name)],
    ['option', textCell(plan.option)],
    ['rowType', textCell(rowType)],
    ['isRecommended', booleanCell(false)],
    ['scenario', textCell(p.analysis.scenario.name)],
    ['frameworkVersion', textCell(p.analysis.frameworkVersion)],
    ['seed', numberCell(String(d.seed))],
  ];
  const deterministic = {
    recommended: { monthly: p.totals.monthlyRecommendedCents, horizon: p.totals.horizonRecommendedCents },
    allCloud: { monthly: p.totals.monthlyAllCloudCents, horizon: p.totals.horizonAllCloudCents },
    allDecentralized: { monthly: null, horizon: null },
  } as const;
  const rows: ReadonlyMap<string, CsvCell>[] = [];
  for (const plan of CSV_PLANS) {
    const h = d[plan.key].horizon;
    rows.push(
      new Map([
        ...common(plan, 'plan-distribution'),
        ['monthlyUsd', money(deterministic[plan.key].monthly)],
        ['horizonUsd', money(deterministic[plan.key].horizon)],
        ['horizonP10Usd', money(r.cents(h.p10))],
        ['horizonP50Usd', money(r.cents(h.p50))],
        ['horizonP90Usd', money(r.cents(h.p90))],
        ['horizonMeanUsd', money(r.cents(d[plan.key].horizonMeanUsd))],
      ]),
    );
  }
  for (const plan of CSV_PLANS) {
    for (const m of d[plan.key].months) {
      rows.push(
        new Map([
          ...common(plan, 'plan-distribution-month'),
          ['month', textCell(m.month)],
          ['monthlyP10Usd', money(r.cents(m.p10))],
          ['monthlyP50Usd', money(r.cents(m.p50))],
          ['monthlyP90Usd', money(r.cents(m.p90))],
        ]),
      );
    }
  }
  return rows;
}
