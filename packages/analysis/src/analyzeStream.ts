import type {
  FormulaCompiler,
  GpuTierTable,
  HostedApiPriceTable,
  PriceAdjuster,
  ThroughputRatioTable,
  UnitThroughputTable,
} from '@gpufit/pricing';
import { offersWithInterruptionMultipliers } from '@gpufit/pricing';
import type { Accounting, Offer, RejectedRow, Scenario, WorkloadProfile } from '@gpufit/schema';
import { allAccepted } from './analysisAccounting.js';
import { createWorkloadAnalyzer } from './analyzeWorkload.js';
import { type IndexedBestOffers, indexedBestOffers } from './indexedBestOffers.js';
import {
  checkShard,
  inShard,
  type ShardDigests,
  type ShardFooter,
  type ShardSpec,
  shardHeaderLine,
  shardWorkloadLine,
} from './shardLines.js';
import {
  type AnalysisSinks,
  type ResolvedItem,
  type StreamedAnalysis,
  StreamedReport,
  workloadCsvRows,
} from './streamedReport.js';

export { type AnalysisSinks, STREAMED_NOTE, type TextSink } from './streamedReport.js';

/** One row of a workloads source: an accepted profile, or the row's rejection (kept in the result). */
export type WorkloadItem =
  | { readonly ok: true; readonly value: WorkloadProfile; readonly row?: number }
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
  /** Hosted API prices per token (`datasets/hosted-api-prices.csv`), for the hosted API comparison. */
  readonly hostedApiPrices?: HostedApiPriceTable;
  readonly scenario: Scenario;
  /** Compiler for the scenario's `formula` subsidy schedules (see `AnalyzeInput`). */
  readonly compileFormula?: FormulaCompiler;
  /** The scenario's price adjustments, compiled; with them every offer is priced (no index bounds). */
  readonly priceAdjuster?: PriceAdjuster;
  /** The scenario's horizon (see `AnalyzeInput.horizonMonths`, `workloadHorizon`); default: each workload's own. */
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
  /**
   * Only this shard's rows: the records whose 0-based position in the source is `index` modulo `count`. The
   * result's accounting is then the shard's own (the footer of a `jsonl` sink also carries the whole file's).
   */
  readonly shard?: ShardSpec;
  /** For a `jsonl` sink: digests of the inputs, written in its header line (required with one). */
  readonly digests?: ShardDigests;
  /** For a `jsonl` sink: which part of a portfolio split into files this source is (default: the whole). */
  readonly part?: ShardSpec;
}

/** Analyses written to the sinks at a time (see the loop in `analyzeStream`). */
const STEP_WORKLOADS = 64;

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
): Promise<StreamedAnalysis> {
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
    ...(input.hostedApiPrices !== undefined && { hostedApiPrices: input.hostedApiPrices }),
    scenario,
    monteCarlo: false,
    deep: false,
    // The indexes bound costs by list prices; a scenario's price adjustments can move them, so those runs price
    // every offer (slower, exact).
    ...(input.priceAdjuster ? {} : indexSearches(indexedBestOffers(offers, { tiers, scenario, ...ratios }))),
    ...formulas,
    ...(input.horizonMonths !== undefined && { horizonMonths: input.horizonMonths }),
  });
  const report = new StreamedReport(scenario, sinks);
  const shard = options.shard;
  if (shard !== undefined) checkShard(shard);
  const jsonl = sinks.jsonl;
  if (jsonl !== undefined && options.digests === undefined) throw new Error('a jsonl sink needs the digests');
  let headed = false;
  const head = async () => {
    if (headed || jsonl === undefined || options.digests === undefined) return;
    headed = true;
    const spec = shard ?? { index: 0, count: 1 };
    const part = options.part ?? { index: 0, count: 1 };
    checkShard(part);
    await jsonl.write(shardHeaderLine(spec, part, options.digests, scenario, input.horizonMonths));
  };
  let seq = 0;
  let fileAccepted = 0;
  let read = 0;
  let accepted = 0;
  for await (const batch of batches) {
    await report.open();
    await head();
    let lines = '';
    let resolved: ResolvedItem[] = [];
    // Written every STEP_WORKLOADS analyses, not once per batch as read (about 1,900 rows): a whole
    // batch's analyses and rendered text (≈ 70 MB) outlived the young generation and were collected only by
    // full collections, so the old generation grew to several hundred MB of garbage between them.
    const flush = async () => {
      if (jsonl && lines !== '') await jsonl.write(lines);
      if (resolved.length > 0) await report.add(resolved);
      options.onProgress?.(accepted);
      lines = '';
      resolved = [];
    };
    for (const item of batch) {
      const at = seq++;
      if (item.ok) fileAccepted++;
      if (shard !== undefined && !inShard(at, shard)) continue;
      read++;
      if (!item.ok) {
        const { file, row, column, reason } = item.rejection;
        const rejection = { file, row, column, reason };
        resolved.push({ ok: false, rejection });
        if (jsonl) lines += `${JSON.stringify({ seq: at, rejected: rejection })}\n`;
        continue;
      }
      const analyzed = await analyzeOne(item.value);
      accepted++;
      const { workload, offersUsed } = analyzed;
      if (jsonl) {
        // Rendered once, here in the shard: its line carries the rows, and report.csv (if asked for too) copies them.
        const csv = workloadCsvRows(scenario, workload);
        resolved.push({ ok: true, workload, offersUsed, csv });
        lines += shardWorkloadLine(at, item.row, workload, offersUsed, csv);
      } else resolved.push({ ok: true, workload, offersUsed });
      if (resolved.length >= STEP_WORKLOADS) await flush();
    }
    await flush();
  }
  const counted = { read, accepted, rejected: read - accepted };
  const fileAccounting = options.accounting?.() ?? {
    read: seq,
    accepted: fileAccepted,
    rejected: seq - fileAccepted,
  };
  const offerAccounting = input.offerAccounting ?? allAccepted(offers.length);
  const analysis = await report.finish(
    shard === undefined ? fileAccounting : counted,
    offerAccounting,
    input.offerRejections ?? [],
  );
  if (jsonl) {
    await head();
    const footer: ShardFooter = {
      end: true,
      records: seq,
      shardAccounting: counted,
      fileAccounting,
      offerAccounting,
      offerRejections: (input.offerRejections ?? []).map(({ file, row, column, reason }) => ({
        file,
        row,
        column,
        reason,
      })),
      totals: analysis.totals,
    };
    await jsonl.write(`${JSON.stringify(footer)}\n`);
  }
  return analysis;
}

/** The analyzer's searches from one index. */
function indexSearches({ best, cloudAtMost }: IndexedBestOffers) {
  return { findBest: best, findCloudAtMost: cloudAtMost };
}
