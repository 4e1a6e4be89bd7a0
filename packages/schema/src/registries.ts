import type { Hosting } from './vocabulary.js';

// The compliance vocabulary, for the CLI's choices without loading the schemas.
export { COMPLIANCE_REQUIREMENTS } from './vocabulary.js';

/**
 * The kinds gpufit knows as data: markets, pricing categories, subsidy kinds and report formats. Each registry is
 * an ordered table of typed entries; the zod enums, the CLI's choices and help, the report's labels and the FOCUS
 * columns read them, so adding an entry is one edit here (and a test fails where an entry lacks what it needs).
 */

/** Each entry keyed by its own id, in the table's order. */
type Registry<E extends { readonly id: string }> = {
  readonly [K in E['id']]: Extract<E, { readonly id: K }>;
};

function registry<const E extends { readonly id: string }>(entries: readonly E[]) {
  return Object.fromEntries(entries.map((e) => [e.id, e])) as unknown as Registry<E>;
}

/** The ids of a registry in its order, as the tuple a zod enum takes. */
function idsOf<const E extends readonly { readonly id: string }[]>(entries: E) {
  return entries.map((e) => e.id) as unknown as [E[number]['id'], ...E[number]['id'][]];
}

/** FOCUS 1.2 service columns of a market's offers (ServiceName → one ServiceCategory and ServiceSubcategory). */
export interface FocusService {
  readonly serviceName: string;
  readonly serviceCategory: 'Compute';
  readonly serviceSubcategory: 'Virtual Machines' | 'Containers';
}

export interface MarketSpec {
  readonly id: string;
  /** What the market is, in the words every output uses (a marketplace is not a decentralized network). */
  readonly label: string;
  /**
   * The side of the comparison it counts on by default (`SCENARIO_DEFAULTS.decentralizedMarkets` is every
   * `depin`-side market); a scenario's `decision.decentralizedMarkets` may move it.
   */
  readonly side: 'cloud' | 'depin';
  /** Hosting of an offer that does not say. */
  readonly hosting: Hosting;
  /**
   * The provider brokers machines of third parties (hosts it does not run): sensitive data needs verified hosts,
   * a label names the hosts, and its interruptible capacity is many independent machines, not one spot pool.
   */
  readonly thirdPartyHosts: boolean;
  /**
   * FOCUS 1.2 service columns: hyperscalers and GPU clouds rent virtual machines; marketplaces and DePIN networks
   * run containers on rented hosts (validator rules ServiceName-C-005-C/C-008-C, ServiceSubcategory-C-004-M).
   */
  readonly focus: FocusService;
}

const VIRTUAL_MACHINES: FocusService = {
  serviceName: 'GPU Virtual Machines',
  serviceCategory: 'Compute',
  serviceSubcategory: 'Virtual Machines',
};
const CONTAINERS: FocusService = {
  serviceName: 'GPU Containers',
  serviceCategory: 'Compute',
  serviceSubcategory: 'Containers',
};

const MARKET_ENTRIES = [
  {
    id: 'hyperscaler',
    label: 'hyperscaler',
    side: 'cloud',
    hosting: 'datacenter',
    thirdPartyHosts: false,
    focus: VIRTUAL_MACHINES,
  },
  {
    id: 'gpu-cloud',
    label: 'GPU cloud',
    side: 'cloud',
    hosting: 'datacenter',
    thirdPartyHosts: false,
    focus: VIRTUAL_MACHINES,
  },
  {
    id: 'marketplace',
    label: 'marketplace',
    side: 'depin',
    hosting: 'community',
    thirdPartyHosts: true,
    focus: CONTAINERS,
  },
  {
    id: 'depin',
    label: 'DePIN network',
    side: 'depin',
    hosting: 'community',
    thirdPartyHosts: true,
    focus: CONTAINERS,
  },
] as const satisfies readonly MarketSpec[];

/** The markets an offer may be on, in order. */
export const MARKET_REGISTRY = registry(MARKET_ENTRIES);
export const MARKETS = idsOf(MARKET_ENTRIES);
export type Market = (typeof MARKETS)[number];

export interface PricingCategorySpec {
  readonly id: string;
  /** The words of every output: "on-demand", "spot / interruptible", "committed". */
  readonly label: string;
  /** The provider may take the capacity back (spot, auction, interruptible hosts). */
  readonly interruptible: boolean;
  /** A commitment for a term: the offer states `termMonths` and is paid for whether used or not. */
  readonly committed: boolean;
  /** The FOCUS 1.2 PricingCategory column value. */
  readonly focus: 'Standard' | 'Dynamic' | 'Committed';
}

const PRICING_CATEGORY_ENTRIES = [
  { id: 'Standard', label: 'on-demand', interruptible: false, committed: false, focus: 'Standard' },
  { id: 'Dynamic', label: 'spot / interruptible', interruptible: true, committed: false, focus: 'Dynamic' },
  { id: 'Committed', label: 'committed', interruptible: false, committed: true, focus: 'Committed' },
] as const satisfies readonly PricingCategorySpec[];

/** FOCUS words: Standard = on-demand, Dynamic = spot / auction / interruptible, Committed = reserved. */
export const PRICING_CATEGORY_REGISTRY = registry(PRICING_CATEGORY_ENTRIES);
export const PRICING_CATEGORIES = idsOf(PRICING_CATEGORY_ENTRIES);
export type PricingCategory = (typeof PRICING_CATEGORIES)[number];

/** Whether offers of this category are committed for a term (`termMonths`). */
export function isCommitted(category: PricingCategory): boolean {
  return PRICING_CATEGORY_REGISTRY[category].committed;
}

/** Whether offers of this category may be taken back by the provider. */
export function isInterruptibleCategory(category: PricingCategory): boolean {
  return PRICING_CATEGORY_REGISTRY[category].interruptible;
}

export interface SubsidyKindSpec {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** The fields a schedule of this kind takes besides `kind` and the optional starting `share`. */
  readonly params: Readonly<Record<string, string>>;
}

const SUBSIDY_KIND_ENTRIES = [
  { id: 'none', label: 'none', description: 'the share stays as it starts', params: {} },
  {
    id: 'linear',
    label: 'linear',
    description: 'the share falls in a straight line to zero',
    params: { monthsToZero: 'months until the share reaches zero (1–1200)' },
  },
  {
    id: 'exponential',
    label: 'half-life',
    description: 'the share halves every half-life',
    params: { halfLifeMonths: 'months for the share to halve (0.1–1200)' },
  },
  {
    id: 'step',
    label: 'steps',
    description: 'the share changes on given months and stays until the next step',
    params: { steps: 'the months (YYYY-MM) and the share from each on (at least one)' },
  },
  {
    id: 'formula',
    label: 'formula',
    description: 'a mathjs expression gives the share',
    params: {
      expression: 'expression in t (months since start) and s0 (the share at month 0), ≤ 500 characters',
    },
  },
] as const satisfies readonly SubsidyKindSpec[];

/** How an incentive subsidy share may evolve over a horizon (a scenario's `subsidies.*.kind`). */
export const SUBSIDY_KIND_REGISTRY = registry(SUBSIDY_KIND_ENTRIES);
export const SUBSIDY_KINDS = idsOf(SUBSIDY_KIND_ENTRIES);
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];

export interface ReportFormatSpec {
  readonly id: string;
  /** The file it writes in a report folder (`png`: one file per chart in this folder). */
  readonly fileName: string;
  readonly mediaType: string;
  readonly description: string;
  /**
   * Text (one file rendered from the analysis, may go to stdout), binary (chart images, written to a folder only)
   * or page (one file built from the run's inputs, not the analysis: written by `gpufit analyze` to a folder only).
   */
  readonly encoding: 'text' | 'binary' | 'page';
}

const REPORT_FORMAT_ENTRIES = [
  {
    id: 'md',
    fileName: 'report.md',
    mediaType: 'text/markdown; charset=utf-8',
    description: 'Markdown report to paste into a doc or deck',
    encoding: 'text',
  },
  {
    id: 'html',
    fileName: 'report.html',
    mediaType: 'text/html; charset=utf-8',
    description: 'self-contained HTML report with charts, works offline',
    encoding: 'text',
  },
  {
    id: 'json',
    fileName: 'report.json',
    mediaType: 'application/json',
    description: 'the versioned analysis, stable key order',
    encoding: 'text',
  },
  {
    id: 'csv',
    fileName: 'report.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    description: 'one row per workload × option for spreadsheets',
    encoding: 'text',
  },
  {
    id: 'focus',
    fileName: 'forecast-focus.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    description: 'FOCUS 1.2 forecast rows for finance tools',
    encoding: 'text',
  },
  {
    id: 'whatif',
    fileName: 'whatif.html',
    mediaType: 'text/html; charset=utf-8',
    description: 'self-contained what-if page: move assumptions, the plan is analyzed again in the browser',
    encoding: 'page',
  },
  {
    id: 'png',
    fileName: 'charts',
    mediaType: 'image/png',
    description: 'chart images, charts/<chart id>.png',
    encoding: 'binary',
  },
] as const satisfies readonly ReportFormatSpec[];

/** Every report format gpufit writes, in the order of a report set. */
export const REPORT_FORMAT_REGISTRY = registry(REPORT_FORMAT_ENTRIES);
export const REPORT_FORMATS = idsOf(REPORT_FORMAT_ENTRIES);
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The formats written as one text file. */
export type TextReportFormatId = Extract<(typeof REPORT_FORMAT_ENTRIES)[number], { encoding: 'text' }>['id'];
export const TEXT_REPORT_FORMAT_IDS: readonly TextReportFormatId[] =
  REPORT_FORMATS.filter(isTextReportFormat);

/** Whether a format is written as one text file (and so may go to stdout). */
export function isTextReportFormat(format: ReportFormat): format is TextReportFormatId {
  return REPORT_FORMAT_REGISTRY[format].encoding === 'text';
}
