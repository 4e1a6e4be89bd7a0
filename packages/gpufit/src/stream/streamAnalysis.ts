import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { renderCsv } from '@gpufit/report';
import type { Analysis, RejectedRow, WorkloadProfile } from '@gpufit/schema';
import { allAccepted, analysisAccounting } from '../analysis/analysisAccounting.js';
import { createWorkloadAnalyzer } from '../analysis/analyzeWorkload.js';
import { PortfolioLedger } from '../analysis/portfolioLedger.js';
import type { Inputs } from '../cli/inputs.js';
import type { LoadStream } from '../io/loadStream.js';
import { indexedBestOffers } from './indexedBestOffers.js';

/** What a streamed analysis leaves out, said in its assumptions. */
export const STREAMED_NOTE =
  'Streamed analysis of a large portfolio: each workload is scored, matched to its cheapest feasible cloud and DePIN offer, split and projected; the Monte Carlo, break-evens and sensitivity are left out (run `gpufit simulate` or `gpufit breakeven` on a subset).';

export interface StreamSinks {
  /** `report.json`: the Analysis shape, written as workloads arrive. */
  readonly json?: Writable;
  /** `report.csv`: the CSV report's rows, workload by workload. */
  readonly csv?: Writable;
}

async function write(sink: Writable, text: string): Promise<void> {
  // A sink that failed (a full disk) stops the analysis now, not after the last row.
  if (sink.errored) throw sink.errored;
  if (!sink.write(text)) await once(sink, 'drain');
}

/**
 * Analyzes a workloads stream with bounded memory: nothing per workload outlives its own step except the
 * portfolio totals, the ids of unpriced workloads and the rejected rows (nothing is lost). Output is the same
 * JSON shape and CSV columns as the in-memory reports, written incrementally; workloads are analyzed in the
 * file's order with the same per-workload numbers as `analyze()` without its Monte Carlo and deep analyses.
 */
export async function streamAnalysis(
  stream: LoadStream<WorkloadProfile>,
  inputs: Pick<Inputs, 'offers' | 'tiers' | 'throughputRatios' | 'scenario' | 'formulas'> & {
    readonly horizonMonths?: number;
  },
  sinks: StreamSinks,
  onProgress?: (done: number) => void,
): Promise<Analysis> {
  const { scenario, tiers } = inputs;
  const ratios = { ratios: inputs.throughputRatios };
  const offers = inputs.offers.rows;
  const analyzeOne = createWorkloadAnalyzer({
    offers,
    tiers,
    ...ratios,
    scenario,
    monteCarlo: false,
    deep: false,
    // The indexes bound costs by list prices; a scenario's price adjustments can move them, so those runs price
    // every offer (slower, exact).
    ...(inputs.formulas?.priceAdjuster
      ? {}
      : { findBest: indexedBestOffers(offers, { tiers, scenario, ...ratios }) }),
    ...inputs.formulas,
    ...(inputs.horizonMonths !== undefined && { horizonMonths: inputs.horizonMonths }),
  });
  const ledger = new PortfolioLedger(scenario, false);
  const rejected: RejectedRow[] = [...inputs.offers.rejected];
  const header = ledger.header();
  // The JSON opens once the stream has yielded (its header row checked), so a file refused as a whole writes
  // nothing, not the start of a report.
  let opened = false;
  const open = async () => {
    if (opened) return;
    opened = true;
    if (sinks.json)
      await write(sinks.json, `${JSON.stringify(header, null, 2).slice(0, -2)},\n  "workloads": [`);
  };
  let count = 0;
  let csvHeaderWritten = false;
  for await (const batch of stream.inBatches()) {
    await open();
    // One write per sink per batch: a write (and its await) per workload cost more than rendering it.
    let json = '';
    let csv = '';
    for (const item of batch) {
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
    if (sinks.json && json !== '') await write(sinks.json, json);
    if (sinks.csv && csv !== '') await write(sinks.csv, csv);
    onProgress?.(count);
  }
  const analysis: Analysis = {
    ...header,
    workloads: [],
    totals: ledger.totals(),
    accounting: analysisAccounting(stream.accounting, inputs.offers.accounting),
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
    await write(sinks.json, `${count === 0 ? '' : '\n  '}],\n${rest}\n`);
  }
  return analysis;
}

/** A one-workload analysis for the CSV renderer (its totals are that workload's own). */
function single(scenario: Inputs['scenario'], workload: Analysis['workloads'][number]): Analysis {
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
