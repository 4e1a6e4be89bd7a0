import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  type AnalysisSinks,
  analyzeStream,
  type ShardDigests,
  type ShardSpec,
  type StreamedAnalysis,
  type TextSink,
} from '@gpufit/analysis';
import type {
  FormulaCompiler,
  GpuTierTable,
  HostedApiPriceTable,
  PriceAdjuster,
  ThroughputRatioTable,
  UnitThroughputTable,
} from '@gpufit/pricing';
import type { Accounting, Offer, RejectedRow, Scenario, WorkloadProfile } from '@gpufit/schema';
import type { LoadStream } from '../io/loadStream.js';
import type { LoadItem } from '../io/loadTypes.js';

export { STREAMED_NOTE } from '@gpufit/analysis';

export interface StreamSinks {
  /** `report.json`: the Analysis shape, written as workloads arrive. */
  readonly json?: Writable;
  /** `report.csv`: the CSV report's rows, workload by workload. */
  readonly csv?: Writable;
  /** A shard's JSON Lines (header, a line per row, footer), for `gpufit merge`. */
  readonly jsonl?: Writable;
}

/** What a streamed analysis reads besides the workloads: the loaded catalog and reference data, the scenario. */
export interface StreamInputs {
  readonly offers: {
    readonly rows: readonly Offer[];
    readonly rejected: readonly RejectedRow[];
    readonly accounting: Accounting;
  };
  readonly tiers: GpuTierTable;
  readonly throughputRatios: ThroughputRatioTable;
  /** Measured output per GPU (`datasets/unit-throughput.csv`); without it no workload carries a unit cost. */
  readonly unitThroughput?: UnitThroughputTable;
  /** Hosted API prices per token (`datasets/hosted-api-prices.csv`); without them no hosted API comparison. */
  readonly hostedApiPrices?: HostedApiPriceTable;
  readonly scenario: Scenario;
  /** The scenario's formulas, compiled (null: it has none). */
  readonly formulas: {
    readonly compileFormula?: FormulaCompiler;
    readonly priceAdjuster?: PriceAdjuster;
  } | null;
  readonly horizonMonths?: number;
}

/** A Node stream as the core's text sink: a failed stream (a full disk) throws at once, a full one is awaited. */
export function textSink(sink: Writable): TextSink {
  return {
    async write(text) {
      if (sink.errored) throw sink.errored;
      if (!sink.write(text)) await once(sink, 'drain');
    },
  };
}

/**
 * `analyzeStream` (@gpufit/analysis) over a workloads file read by `streamWorkloads`, writing to Node streams:
 * bounded memory, the same JSON shape and CSV columns as the in-memory reports, written incrementally.
 */
export function streamAnalysis(
  stream: LoadStream<WorkloadProfile>,
  inputs: StreamInputs,
  sinks: StreamSinks,
  onProgress?: (done: number) => void,
  checkRow?: (workload: WorkloadProfile, row: number) => void,
  /** Only this shard's rows, and the digests a `jsonl` sink's header carries. */
  shard?: { readonly spec?: ShardSpec; readonly part?: ShardSpec; readonly digests: ShardDigests },
): Promise<StreamedAnalysis> {
  const textSinks: AnalysisSinks = {
    ...(sinks.json && { json: textSink(sinks.json) }),
    ...(sinks.csv && { csv: textSink(sinks.csv) }),
    ...(sinks.jsonl && { jsonl: textSink(sinks.jsonl) }),
  };
  return analyzeStream(
    checkRow === undefined ? stream.inBatches() : checkedBatches(stream.inBatches(), checkRow),
    {
      offers: inputs.offers.rows,
      offerRejections: inputs.offers.rejected,
      offerAccounting: inputs.offers.accounting,
      tiers: inputs.tiers,
      ratios: inputs.throughputRatios,
      ...(inputs.unitThroughput !== undefined && { unitThroughput: inputs.unitThroughput }),
      ...(inputs.hostedApiPrices !== undefined && { hostedApiPrices: inputs.hostedApiPrices }),
      scenario: inputs.scenario,
      ...inputs.formulas,
      ...(inputs.horizonMonths !== undefined && { horizonMonths: inputs.horizonMonths }),
    },
    textSinks,
    {
      ...(onProgress && { onProgress }),
      accounting: () => stream.accounting,
      ...(shard?.spec !== undefined && { shard: shard.spec }),
      ...(shard !== undefined && { digests: shard.digests }),
      ...(shard?.part !== undefined && { part: shard.part }),
    },
  );
}

/** The batches as read, each accepted row first passed to `check` (which throws to stop the run). */
async function* checkedBatches(
  batches: AsyncIterable<LoadItem<WorkloadProfile>[]>,
  check: (workload: WorkloadProfile, row: number) => void,
): AsyncGenerator<LoadItem<WorkloadProfile>[], void, undefined> {
  for await (const batch of batches) {
    for (const item of batch) if (item.ok) check(item.value, item.row);
    yield batch;
  }
}
