import { type Accounting, recommendedDepinShare, workloadKinds } from '@gpufit/schema';
import type { ChartSpec } from '../charts/chartSpec.js';
import { cloudComparison } from '../present/cloudComparison.js';
import { formatCents, formatPerMille, formatQuantity, formatShare } from '../present/format.js';
import { APPROACH_LABELS, RECOMMENDATION_LABELS } from '../present/labels.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import type { Block, Inline } from './blocks.js';
import { plain, type Span, strong, t } from './blocks.js';
import { decentralizedSide } from './decentralizedSide.js';
import { OptionNotes, optionCell } from './optionCell.js';
import { planMonthCents } from './planMonthCents.js';
import { shorterHorizonsText } from './shorterHorizonsText.js';
import { STAKES_NOTE, saysFigure, shownRisks } from './topRisks.js';
import { usd } from './usd.js';

export { usd } from './usd.js';

export function chartBlock(charts: readonly ChartSpec[], id: string): Block[] {
  const c = charts.find((x) => x.id === id);
  return c === undefined ? [] : [{ kind: 'chart', chartId: c.id, title: c.title, caption: c.description }];
}

function headline(p: PresentedAnalysis, r: Rounder): Inline {
  const { totals } = p;
  const horizon = horizonText(p);
  const comparison = cloudComparisonOf(p);
  if (comparison.none) {
    return [
      strong(`Recommended plan: ${usd(totals.monthlyRecommendedCents)} a month`),
      t(
        `. No workload in it has a cloud option (its allowedMarkets name only decentralized markets, or no cloud offer is feasible), so there is no all-cloud plan to compare it with. ${horizon}: ${usd(totals.horizonRecommendedCents)}.${growthText(p)}`,
      ),
    ];
  }
  const share =
    totals.monthlyAllCloudCents > 0
      ? ` (${formatPerMille(r.quantity((Math.abs(totals.monthlySavingsCents) / totals.monthlyAllCloudCents) * 1000, 0))})`
      : '';
  const saving =
    totals.monthlySavingsCents >= 0
      ? strong(`saves ${usd(totals.monthlySavingsCents)} a month${share}`)
      : strong(`costs ${usd(-totals.monthlySavingsCents)} a month more${share}`);
  const some = comparison.caveat === '' ? '' : ` ${comparison.caveat}.`;
  return [
    strong(`Recommended plan: ${usd(totals.monthlyRecommendedCents)} a month`),
    t(' — it '),
    saving,
    t(
      ` against running the same workloads on their cloud options (${usd(totals.monthlyAllCloudCents)} a month).${some} ${horizon}: ${usd(totals.horizonRecommendedCents)}, against ${usd(totals.horizonAllCloudCents)} all-cloud.${growthText(p)}`,
    ),
  ];
}

/**
 * Under demand growth (or decline) the monthly figures are month one's: the plan's last projected month, when every
 * workload shares one horizon, recommended and all-cloud, with the demand factor the growing workloads reach, how
 * many projected workloads keep their size, and whether those that grow are all inference kinds and those that keep
 * their size all training kinds (the kinds' rule, schema's `demandGrowthOf`; a workload's stated `growsWithDemand`
 * can override it either way). Null without a change in demand or with mixed horizons.
 */
export function lastPlanMonth(p: PresentedAnalysis): {
  month: string;
  factor: number;
  held: number;
  growingInference: boolean;
  heldTraining: boolean;
  recommendedCents: number;
  allCloudCents: number;
} | null {
  const { min, max } = workloadHorizons(p);
  if (min !== max || max < 2) return null;
  const lasts = p.workloads
    .map((w) => ({ kind: w.workload.kind, month: w.workload.projection?.months[max - 1] }))
    .filter(
      (m): m is { kind: (typeof m)['kind']; month: NonNullable<(typeof m)['month']> } =>
        m.month !== undefined,
    );
  const grows = (m: (typeof lasts)[number]) => Math.abs(m.month.demandFactor - 1) >= 1e-9;
  // The growing workloads' factor (every one that grows shares the scenario's rate); the others keep month one's.
  const last = lasts.find(grows)?.month;
  if (last === undefined) return null;
  const held = lasts.filter((m) => !grows(m)).length;
  const growingInference = lasts.every((m) => !grows(m) || workloadKinds[m.kind].growsWithDemand);
  const heldTraining = lasts.every((m) => grows(m) || !workloadKinds[m.kind].growsWithDemand);
  const { recommendedCents, allCloudCents } = planMonthCents(p, max - 1, (w) =>
    w.paths.some((x) => x.option === w.workload.decision.recommendation),
  );
  return {
    month: last.month,
    factor: last.demandFactor,
    held,
    growingInference,
    heldTraining,
    recommendedCents,
    allCloudCents,
  };
}

/**
 * "demand at ×3.07 of today's by 2028-12", saying which demand when some workloads keep their size: "the inference
 * workloads' demand at ×3.07 of today's by 2028-12 (4 training workloads keep their size)"; "the growing workloads'"
 * when a training workload states it grows (`growsWithDemand`), "3 workloads" when an inference one states it does not.
 */
export function lastDemandText(last: {
  month: string;
  factor: number;
  held: number;
  growingInference: boolean;
  heldTraining: boolean;
}): string {
  const at = `at ×${last.factor.toFixed(2)} of today's by ${last.month}`;
  if (last.held === 0) return `demand ${at}`;
  const who = last.growingInference ? 'inference' : 'growing';
  const held = `${last.held}${last.heldTraining ? ' training' : ''} workload${last.held === 1 ? ' keeps its' : 's keep their'}`;
  return `the ${who} workloads' demand ${at} (${held} size)`;
}

function growthText(p: PresentedAnalysis): string {
  const last = lastPlanMonth(p);
  if (last === null) return shorterHorizonsText(p);
  const cloud = cloudComparisonOf(p).none ? '' : ` (all-cloud ${usd(last.allCloudCents)})`;
  return ` These are month one's figures: with ${lastDemandText(last)}, the plan's last month costs ${usd(last.recommendedCents)}${cloud}.`;
}

function cloudComparisonOf(p: PresentedAnalysis) {
  return cloudComparison(p.analysis.totals, p.workloads.length);
}

/**
 * The shortest and longest horizon of the projected workloads (each workload's own `horizonMonths` read through
 * the scenario's, `workloadHorizon`): the horizon totals add each workload over its own months, so
 * a report names these, not the scenario header's default. The scenario's when nothing is projected.
 */
export function workloadHorizons(p: PresentedAnalysis): { readonly min: number; readonly max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const w of p.workloads) {
    const n = w.workload.projection?.months.length;
    if (n === undefined) continue;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const fallback = p.analysis.scenario.horizonMonths;
  return max === 0 ? { min: fallback, max: fallback } : { min, max };
}

/** "12-month horizon", or "12- to 24-month horizons" when the workloads' horizons differ. */
export function horizonLabel(p: PresentedAnalysis): string {
  const { min, max } = workloadHorizons(p);
  return min === max ? `${max}-month horizon` : `${min}- to ${max}-month horizons`;
}

/** "Over the 12-month horizon", or "Over each workload's own horizon (12 to 24 months)". */
function horizonText(p: PresentedAnalysis): string {
  const { min, max } = workloadHorizons(p);
  return min === max
    ? `Over the ${max}-month horizon`
    : `Over each workload's own horizon (${min} to ${max} months)`;
}

/** The first section a founder reads: the plan, its cost, what it saves, and the risks. */
export function executiveSummary(p: PresentedAnalysis, r: Rounder, charts: readonly ChartSpec[]): Block[] {
  const notes = new OptionNotes();
  const rows = p.workloads.map((w): Inline[] => [
    plain(`${w.index}. ${w.workload.name}`),
    plain(RECOMMENDATION_LABELS[w.workload.decision.recommendation]),
    plain(APPROACH_LABELS[w.workload.decision.approach]),
    plain(optionCell(w, w.cloud, 'cloud', notes)),
    plain(optionCell(w, w.depin, 'depin', notes)),
    plain(w.recommendedCents === null ? 'unpriced' : formatCents.people(w.recommendedCents)),
    plain(w.savingsCents === null ? 'n/a' : formatCents.people(w.savingsCents)),
  ]);
  const unpriced = p.workloads.filter((w) => p.analysis.totals.unpricedWorkloads.includes(w.workload.id));
  // No priced workload has a cloud option: the saving compares nothing (the headline says so).
  const noComparison = cloudComparisonOf(p).none;
  const acc = p.analysis.accounting;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Executive summary', anchor: 'summary' },
    { kind: 'paragraph', content: headline(p, r), role: 'headline' },
    {
      kind: 'table',
      columns: [
        { header: 'workload', align: 'left' },
        { header: 'recommendation', align: 'left' },
        { header: 'approach', align: 'left' },
        { header: 'cloud option', align: 'left' },
        { header: 'decentralized option', align: 'left' },
        { header: 'monthly cost (USD)', align: 'right' },
        { header: 'savings (USD/month)', align: 'right' },
      ],
      rows,
      total: [
        [strong('Total')],
        [],
        [],
        [],
        [],
        [strong(formatCents.people(p.totals.monthlyRecommendedCents))],
        [strong(noComparison ? 'n/a' : formatCents.people(p.totals.monthlySavingsCents))],
      ],
    },
    ...optionNotes(notes),
    {
      kind: 'paragraph',
      content: [
        t(
          'Monthly cost is the recommended option at month-one demand; savings are against running the same workload on its cloud option. ',
        ),
        t(
          `Input: ${booksText(r, 'workloads', acc.workloads)}; ${booksText(r, 'offer catalog', acc.offers)}.`,
        ),
        ...(unpriced.length === 0
          ? []
          : [
              t(' Not priced, so not in the totals: '),
              t(unpriced.map((w) => w.workload.name).join('; ')),
              t('.'),
            ]),
      ],
    },
    ...decentralizedSide(p),
    ...subsidyExposure(p, r),
    ...spendRange(p, r, charts),
    { kind: 'heading', level: 3, text: 'Top risks' },
  ];
  const risks = shownRisks(p);
  blocks.push(
    risks.length === 0
      ? { kind: 'paragraph', content: plain('No risks were reported.') }
      : { kind: 'list', ordered: true, items: risks.map((c) => c.item) },
  );
  if (risks.some(saysFigure)) blocks.push({ kind: 'paragraph', content: plain(STAKES_NOTE) });
  blocks.push(
    ...chartBlock(charts, 'cost-per-job'),
    ...chartBlock(charts, 'fit-matrix'),
    ...chartBlock(charts, 'hybrid-split'),
  );
  return blocks;
}

/**
 * The full sentences the option cells key ("(note 2)"), each said once under the table, numbered as keyed;
 * nothing when every cell says its reason whole.
 */
function optionNotes(notes: OptionNotes): Block[] {
  if (notes.sentences.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      content: plain('Notes to the option columns (each workload’s section says the same):'),
    },
    { kind: 'list', ordered: true, items: notes.sentences.map((s) => plain(s)) },
  ];
}

const PLAN_LABELS = {
  recommended: 'Recommended plan',
  allCloud: 'All-cloud',
  allDecentralized: 'All-decentralized',
} as const;

/**
 * The plan's spend range from the joint Monte Carlo (totals.distribution): one sentence read off the numbers
 * and a table of horizon P10/P50/P90 per plan, and the fan chart. Nothing when the analysis ran without it.
 */
/**
 * The finance team's question "what if the token subsidy ends?" for the whole plan (`totals.incentiveSubsidy`):
 * what incentive tokens pay of it a month, what it would cost without them against all-cloud, and whose saving
 * rests on them. Nothing when no recommended placement is subsidized.
 */
export function subsidyExposure(p: PresentedAnalysis, r: Rounder): Block[] {
  const s = p.analysis.totals.incentiveSubsidy;
  if (s === undefined) return [];
  // The cents the workloads' own subsidy lines show (a hybrid's by its DePIN share), so the sentence and the
  // tables agree to the cent; the analysis's figure when the report lists no workloads (a totals-only merge).
  const shown = p.workloads.reduce(
    (sum, w) => sum + Math.round(recommendedDepinShare(w.workload.decision) * -(w.depin?.subsidyCents ?? 0)),
    0,
  );
  const subsidy = p.workloads.length > 0 ? shown : r.cents(s.monthlyUsd);
  const without = p.totals.monthlyRecommendedCents + subsidy;
  const margin = p.totals.monthlyAllCloudCents - without;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const against =
    margin > 0
      ? `still ${usd(margin)} below all-cloud`
      : margin < 0
        ? `${usd(-margin)} above all-cloud`
        : 'the same as all-cloud';
  const rests =
    s.savingRestsOnIt === 0
      ? ' No placement’s saving rests on a subsidy: each decentralized option would still cost less than its cloud option without one.'
      : ` The saving of ${n(s.savingRestsOnIt, 'workload', 'workloads')} rests on it: without the subsidy the decentralized option would cost at least its cloud option (see each workload’s break-even on the subsidy share).`;
  return [
    {
      kind: 'paragraph',
      content: [
        t(
          `Incentive tokens pay ${usd(subsidy)} of the plan a month (${n(s.workloads, 'workload', 'workloads')} on a subsidized network, at month-one demand; the projection follows each network’s subsidy schedule). `,
        ),
        strong(`If those subsidies ended, the plan would cost ${usd(without)} a month`),
        t(`, ${against}.${rests}`),
      ],
    },
  ];
}

/**
 * " In 97.9 % of those trials the recommended plan spends less than all-cloud over the horizon." — whether its
 * saving holds up in each simulated future, not only on average (a 4 % saving whose P10–P90 bands overlap
 * all-cloud's was printed to the cent). Nothing when every workload stays on cloud (the two plans are one) or
 * the result predates schema 2.7.
 */
function planCheaper(p: PresentedAnalysis, r: Rounder): Span[] {
  const share = p.analysis.totals.distribution?.pRecommendedCheaper;
  if (share === undefined) return [];
  if (p.workloads.every((w) => w.workload.decision.recommendation === 'cloud')) return [];
  return [
    t(
      ` In ${formatShare(r, share)} of those trials the recommended plan spends less than all-cloud over the horizon.`,
    ),
  ];
}

export function spendRange(p: PresentedAnalysis, r: Rounder, charts: readonly ChartSpec[] = []): Block[] {
  const d = p.analysis.totals.distribution;
  if (d === undefined) return [];
  const rec = d.recommended.horizon;
  const low = r.cents(rec.p10);
  const high = r.cents(rec.p90);
  const spread = rec.p50 > 0 ? r.quantity(((rec.p90 - rec.p10) / 2 / rec.p50) * 1000, 0) : 0;
  const cloudOnly = d.cloudOnlyWorkloads.length;
  const depinOnly = d.decentralizedOnlyWorkloads?.length ?? 0;
  const plans = ['recommended', 'allCloud', 'allDecentralized'] as const;
  return [
    {
      kind: 'paragraph',
      content: [
        t(
          `${horizonText(p)} the recommended plan spends between ${usd(low)} (P10) and ${usd(high)} (P90), median ${usd(r.cents(rec.p50))} — about ±${formatPerMille(spread)} around the median — in ${formatQuantity(r, d.trials, 0)} seeded trials of every workload together (demand, spot and decentralized price spread, interruptions, token prices; docs/methodology.md, "Portfolio uncertainty"). `,
        ),
        t(
          cloudOnly === 0
            ? 'Every workload has a decentralized option.'
            : `All-decentralized keeps the ${formatQuantity(r, cloudOnly, 0)} workload${cloudOnly === 1 ? '' : 's'} without a decentralized option on cloud.`,
        ),
        ...(depinOnly === 0
          ? []
          : [
              t(
                ` All-cloud keeps the ${formatQuantity(r, depinOnly, 0)} workload${depinOnly === 1 ? '' : 's'} without a cloud option on ${depinOnly === 1 ? 'its' : 'their'} decentralized option.`,
              ),
            ]),
        t(' Percentiles do not add: a plan’s P90 is not the sum of its workloads’ P90s.'),
        ...planCheaper(p, r),
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: `plan, ${horizonLabel(p)}`, align: 'left' },
        { header: 'P10 (USD)', align: 'right' },
        { header: 'P50 (USD)', align: 'right' },
        { header: 'P90 (USD)', align: 'right' },
      ],
      rows: plans.map((plan): Inline[] => {
        const h = d[plan].horizon;
        return [
          plain(PLAN_LABELS[plan]),
          plain(formatCents.people(r.cents(h.p10))),
          plain(formatCents.people(r.cents(h.p50))),
          plain(formatCents.people(r.cents(h.p90))),
        ];
      }),
    },
    ...chartBlock(charts, 'spend-fan'),
  ];
}

/** One input file's books as a sentence part: `workloads 7 rows read, 6 accepted, 1 rejected`. */
function booksText(r: Rounder, file: string, books: Accounting): string {
  const n = (x: number) => formatQuantity(r, x, 0);
  return `${file} ${n(books.read)} rows read, ${n(books.accepted)} accepted, ${n(books.rejected)} rejected`;
}
