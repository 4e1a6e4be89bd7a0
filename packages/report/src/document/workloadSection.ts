import { OUTPUT_UNITS, type UnitCost } from '@gpufit/schema';
import type { ChartSpec } from '../charts/chartSpec.js';
import { workloadSlug } from '../charts/chartSpec.js';
import {
  formatCents,
  formatPerMille,
  formatQuantity,
  formatShare,
  formatUnitPrice,
} from '../present/format.js';
import {
  APPROACH_LABELS,
  FIT_LEVEL_LABELS,
  hybridGpuUnitText,
  jobUnitLabel,
  OPTION_LABELS,
  RECOMMENDATION_LABELS,
} from '../present/labels.js';
import { pricingLabel, providerLabel, rentedText } from '../present/offerLabel.js';
import { precisionText } from '../present/precisionText.js';
import type { ShownOption, ShownProjectionMonth, ShownWorkload } from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import type { Block, Inline } from './blocks.js';
import { code, plain, strong, t } from './blocks.js';
import { chartBlock, usd } from './executiveSummary.js';
import { optionText } from './optionText.js';

/** Fit points are shown to one decimal (they are not money; the exact values are in the JSON). */
const points = (n: number): string => String(Math.round(n * 10) / 10);
const signed = (n: number): string => {
  const shown = points(n);
  return shown === '0' || shown === '-0' ? '0' : n > 0 ? `+${shown}` : shown;
};

/** "saves USD 10.00 against all-cloud (USD 110.00)" or "costs USD 10.00 more than all-DePIN (…)". */
function versus(savingsCents: number, what: string, otherCents: number): string {
  return savingsCents >= 0
    ? `saves ${usd(savingsCents)} against ${what} (${usd(otherCents)})`
    : `costs ${usd(-savingsCents)} more than ${what} (${usd(otherCents)})`;
}

function fitBlocks(w: ShownWorkload): Block[] {
  const f = w.workload.fit;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      content: [
        strong('Fit: '),
        t(
          `cloud ${FIT_LEVEL_LABELS[f.cloud.level]} (${points(f.cloud.score)}/100), DePIN ${FIT_LEVEL_LABELS[f.depin.level]} (${points(f.depin.score)}/100). Framework ${f.frameworkVersion}, ${f.overrides.length === 0 ? 'no overrides' : `overrides: ${f.overrides.join(', ')}`}.`,
        ),
      ],
    },
  ];
  if (f.constraints.length > 0) {
    blocks.push({ kind: 'paragraph', content: [strong('Hard constraints (not scores):')] });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: f.constraints.map((c) => [
        t(
          `${c.side === 'cloud' ? 'Cloud' : 'DePIN'} ineligible ${c.scope === 'all' ? 'for the whole workload' : 'for part of it'}: ${c.reason} (${c.code}).`,
        ),
      ]),
    });
  }
  if (f.reasons.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'factor', align: 'left' },
        { header: 'cloud', align: 'right' },
        { header: 'DePIN', align: 'right' },
        { header: 'why', align: 'left' },
      ],
      rows: f.reasons.map((x) => [
        plain(x.factor),
        plain(signed(x.cloud)),
        plain(signed(x.depin)),
        plain(x.sentence),
      ]),
    });
  }
  return blocks;
}

function optionsTable(w: ShownWorkload): Block {
  const row = (label: string, o: ShownOption | null, side: 'cloud' | 'depin'): Inline[] =>
    o === null
      ? [plain(label), plain(optionText(w, null, side)), [], [], [], [], [], []]
      : [
          plain(label),
          plain(providerLabel(o.offer)),
          plain(rentedText(o.offer, o.cost, w.workload.kind)),
          plain(o.offer.region),
          plain(pricingLabel(o.offer)),
          plain(o.listUnitPrice === null ? 'unknown' : formatUnitPrice.people(o.listUnitPrice)),
          plain(o.monthlyCents === null ? (o.statusReason ?? o.status) : formatCents.people(o.monthlyCents)),
          plain(
            o.perJobShown === null
              ? 'n/a'
              : `${formatUnitPrice.people(o.perJobShown)} per ${jobUnitLabel(o.cost)}`,
          ),
        ];
  // A committed base with on-demand bursts: the option's total, then each part on its own offer.
  const parts = w.cloud?.parts ?? [];
  const cloudRows =
    parts.length === 2
      ? [
          [
            plain(OPTION_LABELS.cloud),
            plain('committed base + on-demand bursts'),
            [],
            [],
            [],
            [],
            plain(w.cloud?.monthlyCents == null ? 'n/a' : formatCents.people(w.cloud.monthlyCents)),
            plain(
              w.cloud?.perJobShown == null
                ? 'n/a'
                : `${formatUnitPrice.people(w.cloud.perJobShown)} per ${jobUnitLabel(w.cloud.cost)}`,
            ),
          ],
          row(`${OPTION_LABELS.cloud}: committed base`, parts[0]!, 'cloud'),
          row(`${OPTION_LABELS.cloud}: on-demand bursts`, parts[1]!, 'cloud'),
        ]
      : [row(OPTION_LABELS.cloud, w.cloud, 'cloud')];
  const rows = [...cloudRows, row(OPTION_LABELS.depin, w.depin, 'depin')];
  if (w.hybrid !== null) {
    rows.push([
      plain(OPTION_LABELS.hybrid),
      plain(`${w.cloud?.offer.providerName ?? '?'} + ${w.depin?.offer.providerName ?? '?'}`),
      plain(`${w.cloud?.offer.gpu ?? '?'} + ${w.depin?.offer.gpu ?? '?'}`),
      [],
      [],
      [],
      plain(formatCents.people(w.hybrid.blendedCents)),
      [],
    ]);
  }
  return {
    kind: 'table',
    columns: [
      { header: 'option', align: 'left' },
      { header: 'provider', align: 'left' },
      { header: 'instances × GPUs', align: 'left' },
      { header: 'region', align: 'left' },
      { header: 'pricing', align: 'left' },
      { header: 'list USD/GPU-hour', align: 'right' },
      { header: 'monthly cost (USD)', align: 'right' },
      { header: 'cost per successful job (USD)', align: 'right' },
    ],
    rows,
  };
}

function componentsBlocks(r: Rounder, w: ShownWorkload, label: string, o: ShownOption | null): Block[] {
  if (o === null || o.monthlyCents === null || o.components.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      content: [
        strong(`${label} cost components`),
        t(
          ` — ${providerLabel(o.offer)}, ${rentedText(o.offer, o.cost, w.workload.kind)}, ${o.offer.region} (offer `,
        ),
        code(o.offer.id),
        t(')'),
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'component', align: 'left' },
        { header: 'quantity', align: 'right' },
        { header: 'unit', align: 'left' },
        { header: 'unit price (USD)', align: 'right' },
        { header: 'USD a month', align: 'right' },
        { header: 'note', align: 'left' },
      ],
      rows: o.components.map((c) => [
        plain(c.label),
        plain(shownQuantity(r, c.component.quantity)),
        plain(c.component.unit),
        plain(formatUnitPrice.people(c.unitPrice)),
        plain(formatCents.people(c.cents)),
        plain(c.component.note ?? ''),
      ]),
      total: [[strong('Total')], [], [], [], [strong(formatCents.people(o.monthlyCents))], []],
    },
  ];
}

/**
 * A cost line's quantity to two decimals; a positive quantity under half a hundredth reads '< 0.01', not 0: a
 * per-second bill's remainder of 0.004 GPU-hours at USD 1.47 read '0 GPU-hour … 0.01' in a CFO's robotics plan.
 */
function shownQuantity(r: Rounder, quantity: number): string {
  return quantity > 0 && r.quantity(quantity, 2) === 0 ? '< 0.01' : formatQuantity(r, quantity, 2);
}

/** How a unit cost is quoted and its rate written, per output unit. */
function unitWords(
  r: Rounder,
  unit: UnitCost['unit'],
  per: number,
): { quote: string; rate: string; volume: string } {
  switch (unit) {
    case 'tokens':
      return { quote: `per ${formatQuantity(r, per / 1e6, 0)}M tokens`, rate: 'tokens/s', volume: 'tokens' };
    case 'images':
      return { quote: 'per image', rate: 'images/s', volume: 'images' };
    case 'audio-hours':
      return { quote: 'per audio hour', rate: 'audio-hours/s', volume: 'audio hours' };
  }
}

/**
 * A unit price for people: to the rounder's 4 decimals, and below a cent to 3 significant digits ("0.0000485" per
 * image, where 4 decimals showed "$0.00" — read as a missing cost).
 */
function unitPriceText(r: Rounder, usd: number): string {
  if (usd > 0 && usd < 0.01)
    return Number(usd.toPrecision(3)).toFixed(Math.max(2, 2 - Math.floor(Math.log10(usd))));
  return formatUnitPrice.people(r.unitPrice(usd));
}

/**
 * What a share of measured capacity means for the reader: well below it each unit costs more than the capacity
 * figure; above it the GPU-hours priced cannot make the volume even at the benchmark's rate (the risks give the
 * GPU-hours and dollars short: volume-above-capacity).
 */
function capacityClause(share: number): string {
  if (share > 1)
    return ': more than they can make even at that best-case rate, so the GPU-hours or the volume is misstated (see the risks)';
  return share < 0.5 ? ', so each unit costs more than the capacity figure' : '';
}

/** A share of measured capacity for people: "0.8 %", "under 0.1 %". */
function capacityText(r: Rounder, share: number): string {
  return share > 0 && share < 0.001 ? 'under 0.1 %' : formatShare(r, share);
}

/**
 * Cost per unit of output (inference kinds): each option's list price per GPU-hour over its GPU's measured output,
 * said with the rate, benchmark and scenario it rests on ("at measured throughput"); a missing rate is said, never
 * shown as $0. When the workload states its monthly volume, the true unit cost beside it: the recommended
 * placement's monthly cost over that volume ("at your stated volume"), and the share of measured capacity it uses.
 */
export function unitCostBlocks(r: Rounder, w: ShownWorkload): Block[] {
  const u = w.workload.unitCost;
  if (u === undefined) return [];
  const words = unitWords(r, u.unit, u.per);
  const items = u.figures.map((f) => [
    t(
      `${f.side === 'cloud' ? OPTION_LABELS.cloud : OPTION_LABELS.depin}: $${unitPriceText(r, f.usd)} ${words.quote} ` +
        `(${f.gpu} at $${formatUnitPrice.people(r.unitPrice(f.usdPerGpuHour))}/GPU-hour ÷ ${formatQuantity(r, f.unitsPerGpuSecond, f.unitsPerGpuSecond < 10 ? 2 : 0)} ${words.rate} per GPU: ` +
        (f.convertedFrom === undefined
          ? ''
          : `the measured rate of ${f.convertedFrom.gpu} × ${Number(f.convertedFrom.ratio.toPrecision(3))}, the ratio its GPU-hours are priced at; `) +
        `${f.benchmark} class, ${f.scenario === 'vLLM serving' ? `vLLM serving benchmark (${f.version})` : `MLPerf Inference ${f.version} ${f.scenario}`}, ${precisionText(f.precision)}; at measured throughput).`,
    ),
  ]);
  const s = u.atStatedVolume;
  if (s !== undefined) {
    const share =
      s.capacityShare === null
        ? ''
        : ` Your volume is ${capacityText(r, s.capacityShare)} of what the GPU-hours it bills could output at the measured rate${capacityClause(s.capacityShare)}.`;
    items.push([
      strong(`At your stated volume: $${unitPriceText(r, s.usd)} ${words.quote}`),
      t(
        ` (${RECOMMENDATION_LABELS[s.recommendation].toLowerCase()} at ${usd(r.cents(s.monthlyUsd))} a month, all in, ÷ ${formatQuantity(r, s.outputPerMonth, s.outputPerMonth < 100 ? 3 : 0)} ${words.volume} a month stated).${share}`,
      ),
    ]);
  }
  for (const g of u.gaps) items.push([t(`${g[0]?.toUpperCase() ?? ''}${g.slice(1)}.`)]);
  const assumed = w.workload.assumed?.includes('outputUnit') === true;
  return [
    { kind: 'heading', level: 4, text: 'Cost per unit of output' },
    {
      kind: 'paragraph',
      content: [
        t(
          `A ${u.modelSizeBand}-band model's ${words.volume}${assumed ? ` (assumed: default for ${w.workload.task === undefined ? 'this kind' : `task ${w.workload.task}`}; set outputUnit to ${OUTPUT_UNITS.filter((x) => x !== u.unit).join(' or ')} for other output)` : ''} at the measured rate of each option's GPU (datasets/unit-throughput.csv): a capacity figure for a GPU kept busy at a best-case benchmark rate, not this workload's own volume; real serving at low concurrency costs more per unit.${u.figures.length === 0 ? ' No option here has a measured rate (below).' : ''}`,
        ),
        t(
          s === undefined
            ? ' State outputPerMonth to see the cost per unit at your own volume.'
            : ' At your stated volume: the recommended placement’s monthly cost over the output you state a month.',
        ),
      ],
    },
    { kind: 'list', ordered: false, items },
  ];
}

function hybridBlocks(r: Rounder, w: ShownWorkload): Block[] {
  const h = w.hybrid;
  if (h === null) return [];
  const s = h.split;
  const base = formatQuantity(r, s.baselineGpus, 2);
  return [
    { kind: 'heading', level: 4, text: 'Hybrid split' },
    {
      kind: 'list',
      ordered: false,
      items: [
        [
          t(
            `Base load on cloud: ${base} GPU${base === '1' ? '' : 's'} (mean ${formatQuantity(r, s.meanGpus, 2)}, peak ${formatQuantity(r, s.peakGpus, 2)})${hybridGpuUnitText(w.cloud?.cost ?? null, w.depin?.cost ?? null)}.`,
          ),
        ],
        [
          t(
            `GPU-hours on cloud ${formatPerMille(h.cloudPerMille)}, on DePIN ${formatPerMille(h.depinPerMille)}.`,
          ),
        ],
        [
          t(
            `Least cloud share allowed: ${formatPerMille(h.floorPerMille)}${s.floorReason === null ? '' : ` (${s.floorReason})`}.`,
          ),
        ],
        [
          t(
            `Blended cost ${usd(h.blendedCents)} a month: ${versus(h.savingsVsAllCloudCents, 'all-cloud', h.allCloudCents)}${h.allDepinCents === null || h.savingsVsAllDepinCents === null ? '' : `; ${versus(h.savingsVsAllDepinCents, 'all-DePIN', h.allDepinCents)}`}.`,
          ),
        ],
      ],
    },
  ];
}

/** What the months show of the decentralized option against cloud, said only as far as every month bears it out. */
export function depinVersusCloud(
  months: readonly {
    readonly month: string;
    readonly cloudCents: number | null;
    readonly depinCents: number | null;
  }[],
): string {
  const cheaper = months.map(
    (m) => m.depinCents !== null && m.cloudCents !== null && m.depinCents < m.cloudCents,
  );
  if (cheaper.every(Boolean))
    return 'The decentralized option stays cheaper than cloud in every month of the horizon.';
  if (!cheaper.some(Boolean))
    return 'The decentralized option costs at least as much as cloud in every month of the horizon.';
  const dearer = months.find((_, i) => !cheaper[i])!;
  return `The decentralized option is cheaper than cloud in ${cheaper.filter(Boolean).length} of ${months.length} months; the first month it is not is ${dearer.month}.`;
}

/**
 * A workload with no cloud option: nothing to compare month by month, so the paragraph says how the decentralized
 * option's own spend moves over the horizon, and how much of it the incentive token pays at the start and the end.
 */
function depinAlone(
  r: Rounder,
  months: readonly {
    readonly month: string;
    readonly depinCents: number | null;
    readonly subsidyShare: number;
  }[],
): string {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const spend =
    months.length === 1
      ? `USD ${formatCents.people(first.depinCents!)} in ${first.month}`
      : `from USD ${formatCents.people(first.depinCents!)} in ${first.month} to USD ${formatCents.people(last.depinCents!)} in ${last.month}`;
  const subsidy =
    first.subsidyShare > 0
      ? `, while the incentive subsidy's share of its price goes from ${formatShare(r, first.subsidyShare)} to ${formatShare(r, last.subsidyShare)}`
      : '';
  return `No cloud option is priced for this workload, so there is no cloud month to compare: the decentralized option's spend goes ${spend}${subsidy}.`;
}

/** A catalog offer id's provider (`runpod:l40s-…` → runpod); the whole id when it names none. */
const providerOf = (offerId: string): string => offerId.split(':')[0] ?? offerId;

/**
 * Under demand growth a month can be priced on another offer of the side than the month before (pricing's
 * demandPath.ts): for each month, "cloud → <provider>" (and/or DePIN) where its offer changes, else null.
 */
export function offerMoves(months: readonly ShownProjectionMonth[]): (string | null)[] {
  return months.map((m, i) => {
    const before = months[i - 1];
    if (before === undefined) return null;
    const parts: string[] = [];
    if (m.cloudOfferId !== null && before.cloudOfferId !== null && m.cloudOfferId !== before.cloudOfferId)
      parts.push(`cloud → ${providerOf(m.cloudOfferId)}`);
    if (m.depinOfferId !== null && before.depinOfferId !== null && m.depinOfferId !== before.depinOfferId)
      parts.push(`DePIN → ${providerOf(m.depinOfferId)}`);
    return parts.length > 0 ? parts.join(', ') : null;
  });
}

/** The offers the months move to, with the month each move starts. */
export function movesSentence(months: readonly ShownProjectionMonth[]): string {
  const said: string[] = [];
  months.forEach((m, i) => {
    const before = months[i - 1];
    if (before === undefined) return;
    for (const [side, id, was] of [
      ['cloud', m.cloudOfferId, before.cloudOfferId],
      ['decentralized', m.depinOfferId, before.depinOfferId],
    ] as const)
      if (id !== null && was !== null && id !== was)
        said.push(`from ${m.month} the ${side} option is priced on ${id} (was ${was})`);
  });
  return `Under the scenario's demand growth a later month is priced on another offer of the same side: ${said.join('; ')}.`;
}

function projectionBlocks(r: Rounder, w: ShownWorkload, charts: readonly ChartSpec[]): Block[] {
  const p = w.projection;
  if (p === null) return [];
  const hasToken = p.months.some((m) => m.tokenPrice !== null);
  const first = p.months[0];
  const cliff =
    p.horizonDepinCents === null || first === undefined || first.depinCents === null
      ? 'No decentralized option is priced for this workload.'
      : p.horizonCloudCents === null
        ? depinAlone(r, p.months)
        : p.subsidyCliffMonth !== null
          ? `Subsidy cliff: from ${p.subsidyCliffMonth} the decentralized option no longer beats cloud.`
          : depinVersusCloud(p.months);
  const moves = offerMoves(p.months);
  const moved = moves.some((m) => m !== null);
  return [
    { kind: 'heading', level: 4, text: 'Projection over the horizon' },
    {
      kind: 'table',
      columns: [
        { header: 'month', align: 'left' },
        { header: 'demand ×', align: 'right' },
        { header: 'cloud (USD)', align: 'right' },
        { header: 'DePIN (USD)', align: 'right' },
        { header: 'incentive subsidy share', align: 'right' },
        ...(hasToken ? [{ header: 'incentive token price (USD)', align: 'right' as const }] : []),
        ...(moved ? [{ header: 'priced on', align: 'left' as const }] : []),
      ],
      rows: p.months.map((m, i) => [
        plain(m.month),
        plain(formatQuantity(r, m.demandFactor, 3)),
        plain(m.cloudCents === null ? 'n/a' : formatCents.people(m.cloudCents)),
        plain(m.depinCents === null ? 'n/a' : formatCents.people(m.depinCents)),
        plain(formatShare(r, m.subsidyShare)),
        ...(hasToken ? [plain(m.tokenPrice === null ? 'n/a' : formatUnitPrice.people(m.tokenPrice))] : []),
        ...(moved ? [plain(moves[i] ?? '')] : []),
      ]),
      total: [
        [strong('Horizon')],
        [],
        [strong(p.horizonCloudCents === null ? 'n/a' : formatCents.people(p.horizonCloudCents))],
        [strong(p.horizonDepinCents === null ? 'n/a' : formatCents.people(p.horizonDepinCents))],
        [],
        ...(hasToken ? [[]] : []),
        ...(moved ? [[]] : []),
      ],
    },
    { kind: 'paragraph', content: plain(cliff) },
    ...(moved ? [{ kind: 'paragraph' as const, content: plain(movesSentence(p.months)) }] : []),
    ...chartBlock(charts, `monthly-spend-${workloadSlug(w.index)}`),
  ];
}

function uncertaintyBlocks(r: Rounder, w: ShownWorkload): Block[] {
  const d = w.distribution;
  if (d === null) return [];
  const row = (label: string, q: { p10: number; p50: number; p90: number }): Inline[] => [
    plain(label),
    plain(formatCents.people(q.p10)),
    plain(formatCents.people(q.p50)),
    plain(formatCents.people(q.p90)),
  ];
  return [
    { kind: 'heading', level: 4, text: 'Uncertainty (Monte Carlo)' },
    {
      kind: 'table',
      columns: [
        { header: 'horizon spend', align: 'left' },
        { header: 'P10 (USD)', align: 'right' },
        { header: 'P50 (USD)', align: 'right' },
        { header: 'P90 (USD)', align: 'right' },
      ],
      rows: [row('Cloud', d.horizonCloud), row('DePIN', d.horizonDepin)],
    },
    {
      kind: 'paragraph',
      content: plain(
        `DePIN is cheaper over the horizon in ${formatShare(r, d.pDepinCheaper)} of ${formatQuantity(r, d.trials, 0)} trials (seed ${d.seed}).`,
      ),
    },
  ];
}

function breakEvenBlocks(r: Rounder, w: ShownWorkload): Block[] {
  if (w.breakEvens.length === 0) return [];
  const n = (x: number): string => formatQuantity(r, x, 4);
  return [
    { kind: 'heading', level: 4, text: 'Break-even points' },
    {
      kind: 'table',
      columns: [
        { header: 'variable', align: 'left' },
        { header: 'unit', align: 'left' },
        { header: 'now', align: 'right' },
        { header: 'break-even', align: 'right' },
        { header: 'searched', align: 'left' },
        { header: 'note', align: 'left' },
      ],
      rows: w.breakEvens.map((b) => [
        plain(b.variable),
        plain(b.unit),
        plain(n(b.current)),
        plain(b.value === null ? 'none in range' : n(b.value)),
        plain(`${n(b.range[0])} to ${n(b.range[1])}`),
        plain(b.note),
      ]),
    },
  ];
}

function sensitivityBlocks(r: Rounder, w: ShownWorkload, charts: readonly ChartSpec[]): Block[] {
  const s = w.sensitivity;
  if (s === null || s.rows.length === 0) return [];
  const n = (x: number): string => formatQuantity(r, x, 4);
  return [
    { kind: 'heading', level: 4, text: `Sensitivity (each input ±${formatShare(r, s.swing)})` },
    {
      kind: 'paragraph',
      content: plain(
        `Baseline: the decentralized option ${s.baselineSavingsCents >= 0 ? `saves ${usd(s.baselineSavingsCents)} a month against` : `costs ${usd(-s.baselineSavingsCents)} a month more than`} the cloud option, the whole workload moved (the plan's own saving is in the options above).`,
      ),
    },
    {
      kind: 'table',
      columns: [
        { header: 'input', align: 'left' },
        { header: 'unit', align: 'left' },
        { header: 'base', align: 'right' },
        { header: 'low → high', align: 'right' },
        { header: 'savings at low (USD)', align: 'right' },
        { header: 'savings at high (USD)', align: 'right' },
        { header: 'swing (USD)', align: 'right' },
      ],
      rows: s.rows.map((x) => [
        plain(x.input),
        plain(x.unit),
        plain(n(x.baseValue)),
        plain(`${n(x.lowValue)} → ${n(x.highValue)}`),
        plain(formatCents.people(x.savingsAtLowCents)),
        plain(formatCents.people(x.savingsAtHighCents)),
        plain(formatCents.people(x.impactCents)),
      ]),
    },
    ...chartBlock(charts, `tornado-${workloadSlug(w.index)}`),
  ];
}

function listBlocks(title: string, items: readonly string[]): Block[] {
  if (items.length === 0) return [];
  return [
    { kind: 'heading', level: 4, text: title },
    { kind: 'list', ordered: false, items: items.map((x) => plain(x)) },
  ];
}

/**
 * The assumptions of a workload's two options, each said once. With both options priced, a line only one of them
 * states names its option: "interruptions: the job is short enough that rerunning beats checkpointing" (the cloud's
 * spot, M = 83.4 h) and "checkpoints every 0.819 h" (the marketplace's, M = 10.6 h) otherwise read as two answers
 * to one question. Lines both state stay bare, in the cloud's order; with one option stating any, nothing is
 * labelled.
 */
export function optionAssumptions(cloud: ShownOption | null, depin: ShownOption | null): string[] {
  const c = cloud?.cost.assumptions ?? [];
  const dp = depin?.cost.assumptions ?? [];
  if (cloud === null || depin === null || c.length === 0 || dp.length === 0)
    return [...new Set([...c, ...dp])];
  const inCloud = new Set(c);
  const inDepin = new Set(dp);
  return [
    ...[...inCloud].map((a) =>
      inDepin.has(a) ? a : `${OPTION_LABELS.cloud} (${cloud.offer.providerName}): ${a}`,
    ),
    ...[...inDepin]
      .filter((a) => !inCloud.has(a))
      .map((a) => `${OPTION_LABELS.depin} (${depin.offer.providerName}): ${a}`),
  ];
}

/** Everything about one workload: decision, fit and its reasons, options and their cost lines, projection. */
export function workloadSection(r: Rounder, w: ShownWorkload, charts: readonly ChartSpec[]): Block {
  const wl = w.workload;
  const d = wl.decision;
  const assumptions = optionAssumptions(w.cloud, w.depin);
  return {
    kind: 'section',
    className: 'workload',
    blocks: [
      {
        kind: 'heading',
        level: 3,
        text: `${w.index}. ${wl.name}`,
        anchor: `workload-${workloadSlug(w.index)}`,
      },
      {
        kind: 'paragraph',
        content: [
          strong(`Recommendation: ${RECOMMENDATION_LABELS[d.recommendation]}`),
          t(` · approach: ${APPROACH_LABELS[d.approach]} · kind: ${wl.kind} · id: `),
          code(wl.id),
        ],
      },
      {
        kind: 'paragraph',
        content: [
          t(d.rationale),
          t(
            w.recommendedCents === null
              ? ' No priced option: this workload is not in the totals.'
              : ` Recommended option: ${usd(w.recommendedCents)} a month${w.recommendedHorizonCents === null ? '' : `, ${usd(w.recommendedHorizonCents)} over the horizon`}${w.savingsCents === null ? '' : `; saves ${usd(w.savingsCents)} a month against all-cloud`}.`,
          ),
        ],
      },
      ...fitBlocks(w),
      { kind: 'heading', level: 4, text: 'Options' },
      optionsTable(w),
      ...unitCostBlocks(r, w),
      ...(w.cloud?.parts?.length === 2
        ? [
            ...componentsBlocks(r, w, 'Cloud (committed base)', w.cloud.parts[0]!),
            ...componentsBlocks(r, w, 'Cloud (on-demand bursts)', w.cloud.parts[1]!),
          ]
        : componentsBlocks(r, w, 'Cloud', w.cloud)),
      ...componentsBlocks(r, w, 'DePIN', w.depin),
      ...hybridBlocks(r, w),
      ...projectionBlocks(r, w, charts),
      ...uncertaintyBlocks(r, w),
      ...breakEvenBlocks(r, w),
      ...sensitivityBlocks(r, w, charts),
      ...listBlocks('Risks', d.risks),
      ...listBlocks('Assumptions', assumptions),
    ],
  };
}
