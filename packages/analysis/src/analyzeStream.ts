import type {
  FormulaCompiler,
  GpuTierTable,
  PriceAdjuster,
  ThroughputRatioTable,
  UnitThroughputTable,
} from '@gpufit/pricing';
import { offersWithInterruptionMultipliers } from '@gpufit/pricing';
import { renderCsv } from '@gpufit/report';
import type { Accounting, Analysis, Offer, RejectedRow, Scenario, WorkloadProfile } from '@gpufit/schema';
import { allAccepted, analysisAccounting } from './analysisAccounting.js';
import { createWorkloadAnalyzer } from './analyzeWorkload.js';
import { indexedBestOffers } from './indexedBestOffers.js';
import { PortfolioLedger } from './portfolioLedger.js';

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
}

/** One row of a workloads source: an accepted profile, or the row's rejection (kept in the result). */
export type WorkloadItem =
  | { readonly ok: true; readonly value: WorkloadProfile }
  | { readonly ok: false; readonly rejection: RejectedRow };

export interface AnalyzeStreamInput {
  readonly offers: readonly Offer[];
  /** The offers source's rejected rows, carried into the result's `rejected` ahead of the workloads'. */
  readonly offerRejections?: readonly RejectedRow[];
  /** The offers source's row accounting; default: every offer given was accepted. */
  readonly offerAccounting?: Accounting;
  readonly tiers: GpuTierTable;
  readonly ratios?: ThroughputRatioTable;
  /** Measured output per GPU, for each inference workload's cost per unit of output (see `AnalyzeInput`). */
  readonly unitThroughput?: UnitThroughputTable;
  readonly scenario: Scenario;
  /** Compiler for the scenario's `formula` subsidy schedules (see `AnalyzeInput`). */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's price adjustments, compiled; with them every offer is priced (no index bounds). */
  readonly priceAdjuster?: PriceAdjuster;
  /** One horizon for every workload; default: each workload's own. */
  readonly horizonMonths?: number;
}

export interface AnalyzeStreamOptions {
  /** Called after each batch with the number of workloads analyzed so far. */
  readonly onProgress?: (done: number) => void;
  /**
   * The source's row accounting, read once the batches are exhausted (a reader that counts blank or refused
   * rows knows more than the items show); default: the items counted.
   */
  readonly accounting?: () => Accounting;
}

/**
 * Analyzes a workloads stream with bounded memory: nothing per workload outlives its own step except the
 * portfolio totals, the ids of unpriced workloads and the rejected rows (nothing is lost). Output is the same
 * JSON shape and CSV columns as the in-memory reports, written incrementally; workloads are analyzed in the
 * file's order with the same per-workload numbers as `analyze()` without its Monte Carlo and deep analyses.
 */
export async function analyzeStream(
  batches: AsyncIterable<readonly WorkloadItem[]>,
  input: AnalyzeStreamInput,
  sinks: AnalysisSinks,
  options: AnalyzeStreamOptions = {},
): Promise<Analysis> {
  const { scenario, tiers } = input;
  const offers = offersWithInterruptionMultipliers(input.offers, scenario.interruptionRateMultipliers);
  const ratios = input.ratios === undefined ? {} : { ratios: input.ratios };
  const formulas = {
    ...(input.compileFormula !== undefined && { compileFormula: input.compileFormula }),
    ...(input.priceAdjuster !== undefined && { priceAdjuster: input.priceAdjuster }),
  };
  const analyzeOne = createWorkloadAnalyzer({
    // as given: the analyzer scales them itself (the same scaled array as `offers`, cached)
    offers: input.offers,
    tiers,
    ...ratios,
    ...(input.unitThroughput !== undefined && { unitThroughput: input.unitThroughput }),
    scenario,
    monteCarlo: false,
    deep: false,
    // The indexes bound costs by list prices; a scenario's price adjustments can move them, so those runs price
    // every offer (slower, exact).
    ...(input.priceAdjuster ? {} : { findBest: indexedBestOffers(offers, { tiers, scenario, ...ratios }) }),
    ...formulas,
    ...(input.horizonMonths !== undefined && { horizonMonths: input.horizonMonths }),
  });
  const ledger = new PortfolioLedger(scenario, false);
  const rejected: RejectedRow[] = [...(input.offerRejections ?? [])];
  const header = ledger.header();
  // The JSON opens once the stream has yielded (its header row checked), so a file refused as a whole writes
  // nothing, not the start of a report.
  let opened = false;
  const open = async () => {
    if (opened) return;
    opened = true;
    if (sinks.json)
      await sinks.json.write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n  "workloads": [`);
  };
  let count = 0;
  let read = 0;
  let csvHeaderWritten = false;
  for await (const batch of batches) {
    await open();
    // One write per sink per batch: a write (and its await) per workload cost more than rendering it.
    let json = '';
    let csv = '';
    for (const item of batch) {
      read++;
      if (!item.ok) {
        const { file, row, column, reason } = item.rejection;
        rejected.push({ file, row, column, reason });
        continue;
      }
      const analyzed = await analyzeOne(item.value);
      ledger.add(analyzed);
      if (sinks.json) json += `${count === 0 ? '' : ','}\n    ${JSON.stringify(analyzed.workload)}`;
      if (sinks.csv) {
        const one = single(scenario, analyzed.workload);
        const text = renderCsv(one);
        // Each call renders BOM + header + the workload's rows; the header goes out once.
        csv += csvHeaderWritten ? text.slice(text.indexOf('\r\n') + 2) : text;
        csvHeaderWritten = true;
      }
      count++;
    }
    if (sinks.json && json !== '') await sinks.json.write(json);
    if (sinks.csv && csv !== '') await sinks.csv.write(csv);
    options.onProgress?.(count);
  }
  const analysis: Analysis = {
    ...header,
    workloads: [],
    totals: ledger.totals(),
    accounting: analysisAccounting(
      options.accounting?.() ?? { read, accepted: count, rejected: read - count },
      input.offerAccounting ?? allAccepted(offers.length),
    ),
    rejected,
    assumptions: [STREAMED_NOTE, ...ledger.assumptions()],
    sources: ledger.sources(),
  };
  await open();
  if (sinks.json) {
    const { totals, accounting, rejected: rows, assumptions, sources } = analysis;
    const rest = JSON.stringify({ totals, accounting, rejected: rows, assumptions, sources }, null, 2).slice(
      2,
    );
    await sinks.json.write(`${count === 0 ? '' : '\n  '}],\n${rest}\n`);
  }
  return analysis;
}

/** A one-workload analysis for the CSV renderer (its totals are that workload's own). */
function single(scenario: Scenario, workload: Analysis['workloads'][number]): Analysis {
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
