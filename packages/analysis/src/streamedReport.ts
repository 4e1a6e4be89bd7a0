import { presentAnalysis, renderCsv } from '@gpufit/report';
import type { Accounting, Analysis, RejectedRow, Scenario, WorkloadAnalysis } from '@gpufit/schema';
import { allAccepted, analysisAccounting } from './analysisAccounting.js';
import { type OfferCitation, PortfolioLedger } from './portfolioLedger.js';

/** What a streamed analysis leaves out, said in its assumptions. */
export const STREAMED_NOTE =
  'Streamed analysis of a large portfolio: each workload is scored, matched to its cheapest feasible cloud and DePIN offer, split and projected; the Monte Carlo, break-evens and sensitivity are left out (run `gpufit simulate` or `gpufit breakeven` on a subset).';

/**
 * Where a streamed report's text goes: a file, a socket, a string in memory. A write may return a promise (a
 * full buffer); the analysis awaits it before the next batch, and a write that throws (a full disk) stops it.
 */
export interface TextSink {
  write(text: string): void | Promise<void>;
}

export interface AnalysisSinks {
  /** `report.json`: the Analysis shape, written as workloads arrive. */
  readonly json?: TextSink;
  /** `report.csv`: the CSV report's rows, workload by workload. */
  readonly csv?: TextSink;
  /** A shard's JSON Lines (`analyzeStream` only): a header line, a line per row, a footer (shardLines.ts). */
  readonly jsonl?: TextSink;
}

/** A row once analyzed (or refused), in the order the report lists it. */
export type ResolvedItem =
  | {
      readonly ok: true;
      readonly workload: WorkloadAnalysis;
      readonly offersUsed: readonly OfferCitation[];
      /**
       * The workload as `JSON.stringify` writes it, when the caller already holds that text (a shard line read by
       * `gpufit merge`); report.json then copies it instead of serializing the workload again.
       */
      readonly json?: string;
      /**
       * The workload's report.csv rows without the byte-order mark and header (`workloadCsvRows`), when the caller
       * already holds them (a shard line carries them); report.csv then copies them instead of rendering again.
       */
      readonly csv?: string;
    }
  | { readonly ok: false; readonly rejection: RejectedRow };

/**
 * The portfolio's monthly figures as the reports show them, in cents: the sums of each workload's figures rounded
 * once on its own (presentTotals, docs/reports.md "Money: rounded once, parts add up"), so a streamed or merged
 * run prints the plan line an in-memory run prints (not the float total rounded once: $155,645.28 against the
 * $155,645.26 the summary table adds up to, on 40 workloads).
 */
export interface ShownTotalsCents {
  readonly recommended: number;
  readonly allCloud: number;
  readonly savings: number;
}

/** A streamed analysis (no workloads in it) and its shown monthly totals. */
export type StreamedAnalysis = Analysis & { readonly shownTotalsCents: ShownTotalsCents };

/**
 * The report.json and report.csv of a streamed analysis, written as rows arrive, and the portfolio's books. One
 * writer for `analyzeStream` and for `mergeShards`, so a merged report is the bytes an unsharded run writes.
 */
export class StreamedReport {
  private readonly ledger: PortfolioLedger;
  private readonly rejected: RejectedRow[] = [];
  private opened = false;
  private count = 0;
  private shown = { recommended: 0, allCloud: 0, savings: 0 };

  constructor(
    private readonly scenario: Scenario,
    private readonly sinks: AnalysisSinks,
  ) {
    this.ledger = new PortfolioLedger(scenario, false);
  }

  /** The JSON opens once the source has yielded (its header row checked): a file refused whole writes nothing. */
  async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    if (this.sinks.json)
      await this.sinks.json.write(
        `${JSON.stringify(this.ledger.header(), null, 2).slice(0, -2)},\n  "workloads": [`,
      );
  }

  /** One write per sink per batch: a write (and its await) per workload cost more than rendering it. */
  async add(batch: readonly ResolvedItem[]): Promise<void> {
    await this.open();
    const { json: jsonSink, csv: csvSink } = this.sinks;
    let json = '';
    let csv = '';
    for (const item of batch) {
      if (!item.ok) {
        const { file, row, column, reason } = item.rejection;
        this.rejected.push({ file, row, column, reason });
        continue;
      }
      this.ledger.add(item);
      const one = single(this.scenario, item.workload);
      // One presentation of the workload (the checks, the rounding, its shown figures) serves its shown totals and
      // its CSV rows: renderCsv given it does not present the workload again.
      const presented = presentAnalysis(one);
      const t = presented.totals;
      this.shown.recommended += t.monthlyRecommendedCents;
      this.shown.allCloud += t.monthlyAllCloudCents;
      this.shown.savings += t.monthlySavingsCents;
      if (jsonSink)
        json += `${this.count === 0 ? '' : ','}\n    ${item.json ?? JSON.stringify(item.workload)}`;
      if (csvSink) {
        // The first workload's rows come with the byte-order mark and the header; the rest are rows alone.
        csv +=
          this.count === 0
            ? renderCsv(one, { presented })
            : (item.csv ?? renderCsv(one, { presented, header: false }));
      }
      this.count++;
    }
    if (jsonSink && json !== '') await jsonSink.write(json);
    if (csvSink && csv !== '') await csvSink.write(csv);
  }

  /**
   * Closes report.json and returns the analysis: totals and books, no workloads (they went to the sinks). The
   * offers source's refused rows lead the workloads' in `rejected`.
   */
  async finish(
    workloads: Accounting,
    offers: Accounting,
    offerRejections: readonly RejectedRow[],
  ): Promise<StreamedAnalysis> {
    const analysis: Analysis = {
      ...this.ledger.header(),
      workloads: [],
      totals: this.ledger.totals(),
      accounting: analysisAccounting(workloads, offers),
      rejected: [...offerRejections, ...this.rejected],
      assumptions: [STREAMED_NOTE, ...this.ledger.assumptions()],
      sources: this.ledger.sources(),
    };
    await this.open();
    if (this.sinks.json) {
      const { totals, accounting, rejected: rows, assumptions, sources } = analysis;
      const rest = JSON.stringify(
        { totals, accounting, rejected: rows, assumptions, sources },
        null,
        2,
      ).slice(2);
      await this.sinks.json.write(`${this.count === 0 ? '' : '\n  '}],\n${rest}\n`);
    }
    return { ...analysis, shownTotalsCents: { ...this.shown } };
  }
}

/**
 * One workload's report.csv rows, without the byte-order mark and header: what a streamed report.csv holds for it
 * after the first workload. A shard renders them once into its line, so `gpufit merge` only copies them.
 */
export function workloadCsvRows(scenario: Scenario, workload: WorkloadAnalysis): string {
  return renderCsv(single(scenario, workload), { header: false });
}

/** A one-workload analysis for the CSV renderer (its totals are that workload's own). */
function single(scenario: Scenario, workload: WorkloadAnalysis): Analysis {
  const one = new PortfolioLedger(scenario, false);
  one.add({ workload, offersUsed: [] });
  return {
    ...one.header(),
    workloads: [workload],
    totals: one.totals(),
    accounting: analysisAccounting(allAccepted(1), allAccepted(0)),
    rejected: [],
    assumptions: [],
    sources: [],
  };
}
