import type { OfferRef } from '@gpufit/schema';
import { formatQuantity } from '../present/format.js';
import { providerLabel } from '../present/offerLabel.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { Rounder } from '../present/rounder.js';
import { REPORT_FORMAT_VERSION } from '../version.js';
import type { Block } from './blocks.js';
import { code, plain, strong, t } from './blocks.js';
import { workloadHorizons } from './executiveSummary.js';

const ROUNDING_WORDS: Record<string, string> = {
  halfEven: 'half to even',
  halfUp: 'half up',
  halfDown: 'half down',
  halfAwayFromZero: 'half away from zero',
  up: 'up',
  down: 'down',
};

/** Statements the report itself makes about how it shows numbers. */
export function reportAssumptions(p: PresentedAnalysis): string[] {
  const out = [
    `Amounts are USD. Each shown amount is rounded once (${ROUNDING_WORDS[p.roundingMode] ?? p.roundingMode}) to the cent, unit prices to 1/100 of a cent; line items are allocated by largest remainder so they add up to the shown totals.`,
  ];
  if (p.workloads.some((w) => w.hybrid !== null)) {
    out.push(
      "Hybrid spend by month: the month-one blended cost follows each side's projected path in proportion to its share of GPU-hours.",
    );
  }
  if (p.workloads.some((w) => w.projection === null && w.paths.length > 0)) {
    out.push('A workload without a projection repeats its monthly cost for every month of the horizon.');
  }
  return out;
}

function pricedOffers(p: PresentedAnalysis): OfferRef[] {
  const seen = new Map<string, OfferRef>();
  for (const w of p.workloads) {
    for (const o of [w.cloud, w.depin])
      if (o !== null && !seen.has(o.offer.id)) seen.set(o.offer.id, o.offer);
  }
  return [...seen.values()];
}

/** Rejected rows, assumptions, sources with as-of dates, and the versions and seed that make it reproducible. */
export function appendix(p: PresentedAnalysis, r: Rounder): Block[] {
  const a = p.analysis;
  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', level: 2, text: 'Rejected input rows', anchor: 'rejected' });
  blocks.push(
    a.rejected.length === 0
      ? {
          kind: 'paragraph',
          content: plain(
            `None: all ${formatQuantity(r, a.accounting.workloads.read, 0)} workload rows and ${formatQuantity(r, a.accounting.offers.read, 0)} offer rows were accepted.`,
          ),
        }
      : {
          kind: 'table',
          columns: [
            { header: 'file', align: 'left' },
            { header: 'row', align: 'right' },
            { header: 'column', align: 'left' },
            { header: 'reason', align: 'left' },
          ],
          rows: a.rejected.map((x) => [
            plain(x.file),
            plain(String(x.row)),
            plain(x.column ?? ''),
            plain(x.reason),
          ]),
        },
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Assumptions', anchor: 'assumptions' });
  blocks.push({
    kind: 'list',
    ordered: false,
    items: [...a.assumptions, ...reportAssumptions(p)].map((x) => plain(x)),
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Sources and as-of dates', anchor: 'sources' });
  const c = a.catalog;
  if (c !== undefined) {
    const range =
      c.asOfOldest === null ? 'no dated offers' : `offers dated ${c.asOfOldest} to ${c.asOfNewest}`;
    const checked =
      c.analysisDate === null
        ? 'offer ages were not checked (no analysis date)'
        : `options priced from offers older than ${c.maxOfferAgeDays} days before ${c.analysisDate} are flagged in their workload's risks`;
    blocks.push({
      kind: 'paragraph',
      content: plain(`Catalog: ${formatQuantity(r, c.offers, 0)} offers, ${range}; ${checked}.`),
    });
  }
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'source', align: 'left' },
      { header: 'as of', align: 'left' },
      { header: 'offers used here', align: 'right' },
    ],
    rows: a.sources.map((s) => [plain(s.source), plain(s.asOf), plain(formatQuantity(r, s.offers, 0))]),
  });
  const offers = pricedOffers(p);
  if (offers.length > 0) {
    blocks.push({ kind: 'paragraph', content: [strong('Offers priced in this report')] });
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'offer', align: 'left' },
        { header: 'provider', align: 'left' },
        { header: 'as of', align: 'left' },
        { header: 'source', align: 'left' },
      ],
      rows: offers.map((o) => [[code(o.id)], plain(providerLabel(o)), plain(o.asOf), plain(o.source)]),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'About this report', anchor: 'about' });
  blocks.push({
    kind: 'list',
    ordered: false,
    items: [
      [t('Decision framework version: '), code(a.frameworkVersion)],
      [
        t('Random seed: '),
        code(String(a.seed)),
        t(' (same inputs and seed give the same numbers on every machine)'),
      ],
      [t(`Scenario: ${a.scenario.name}, from ${a.scenario.startMonth}; ${scenarioHorizon(p)}`)],
      [t('Analysis schema: '), code(a.schemaVersion), t(' · report format: '), code(REPORT_FORMAT_VERSION)],
      [t(`Rounding: ${ROUNDING_WORDS[p.roundingMode] ?? p.roundingMode} (`), code(p.roundingMode), t(')')],
    ],
  });
  return blocks;
}

/**
 * The horizon the report's projections cover: each workload's own `horizonMonths` (a workload file may set 24 where
 * the scenario's default is 12), named as the scenario's only when they agree with it.
 */
function scenarioHorizon(p: PresentedAnalysis): string {
  const { min, max } = workloadHorizons(p);
  const own = p.analysis.scenario.horizonMonths;
  if (min === max)
    return min === own
      ? `${min}-month horizon`
      : `${min}-month horizon (the workloads' own; the scenario's default is ${own})`;
  return `the workloads' own horizons, ${min} to ${max} months (the scenario's default is ${own})`;
}
