import type { Accounting, Analysis, RejectedRow, Scenario, WorkloadAnalysis } from '@gpufit/schema';
import { ANALYSIS_SCHEMA_VERSION } from '@gpufit/schema';
import { defaultFramework } from '@gpufit/scoring';
import type { OfferCitation } from './portfolioLedger.js';
import {
  type AnalysisSinks,
  type ResolvedItem,
  type StreamedAnalysis,
  StreamedReport,
} from './streamedReport.js';

/**
 * A shard's result as JSON Lines (`gpufit analyze --shard I/N --format jsonl`, merged by `gpufit merge`):
 *
 * - line 1, the header: format and version, the schema and framework versions, the shard, the part of the
 *   portfolio the workloads file is, digests of the catalog, scenario and workloads file, and the resolved
 *   scenario (the merge rebuilds the books from it);
 * - a line per row of the shard, in file order: `{"seq","row","workload","offers","csv"}` for an analyzed
 *   workload (`seq` is the record's 0-based position among the file's data records; `offers` the offers it was
 *   priced from, as `sources` cites them; `csv` its report.csv rows, rendered here so the merge, the one step
 *   that does not run in parallel, copies them), `{"seq","rejected"}` for a refused row;
 * - the last line, the footer: `{"end":true,...}` with the file's record count and accounting (the same in every
 *   shard), the shard's own accounting and totals, and the catalog's accounting and refused rows.
 *
 * Totals cannot lead a stream, so they close it; a file without its footer is a shard cut short.
 */
export const SHARD_FORMAT = 'gpufit-shard';
/** 2 since the workload lines carry their report.csv rows (`csv`); version 1 shards are refused by name. */
export const SHARD_FORMAT_VERSION = 2;

/** Shard `index` of `count`: the file's data records whose 0-based position is `index` modulo `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** Content digests that say two shards read the same inputs (`sha256:` hex; computed by the caller). */
export interface ShardDigests {
  readonly catalog: string;
  readonly scenario: string;
  readonly workloads: string;
}

export interface ShardHeader {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_FORMAT_VERSION;
  readonly schemaVersion: string;
  readonly frameworkVersion: string;
  readonly shard: ShardSpec;
  /** Which part of the portfolio the workloads file is (`{ index: 0, count: 1 }`: the whole portfolio). */
  readonly part: ShardSpec;
  readonly digests: ShardDigests;
  readonly scenario: Scenario;
  readonly horizonMonths: number | null;
}

export interface ShardWorkloadLine {
  readonly seq: number;
  readonly row: number | null;
  readonly workload: WorkloadAnalysis;
  readonly offers: readonly OfferCitation[];
  /** The workload's report.csv rows, without the byte-order mark and header (`workloadCsvRows`). */
  readonly csv: string;
}

export interface ShardRejectedLine {
  readonly seq: number;
  readonly rejected: RejectedRow;
}

export interface ShardFooter {
  readonly end: true;
  /** Data records in the whole workloads file (every shard reads them all and keeps its own). */
  readonly records: number;
  readonly shardAccounting: Accounting;
  readonly fileAccounting: Accounting;
  readonly offerAccounting: Accounting;
  readonly offerRejections: readonly RejectedRow[];
  readonly totals: Analysis['totals'];
}

/** The most shards a run may be cut into (an AWS Batch array job allows 10,000 children). */
export const MAX_SHARDS = 1_000_000;

/** Throws unless `index` and `count` are whole numbers with 0 ≤ index < count ≤ MAX_SHARDS. */
export function checkShard(shard: ShardSpec): void {
  const { index, count } = shard;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SHARDS)
    throw new RangeError(`shard count ${count} is not a whole number from 1 to ${MAX_SHARDS}`);
  if (!Number.isSafeInteger(index) || index < 0 || index >= count)
    throw new RangeError(`shard index ${index} is not a whole number from 0 to ${count - 1}`);
}

/** Whether the record at 0-based position `seq` belongs to `shard`: every record is in exactly one shard. */
export function inShard(seq: number, shard: ShardSpec): boolean {
  return seq % shard.count === shard.index;
}

/** How many of `records` data records shard `index` of `count` holds. */
export function shardSize(records: number, shard: ShardSpec): number {
  return records <= shard.index ? 0 : Math.floor((records - 1 - shard.index) / shard.count) + 1;
}

export function shardHeaderLine(
  shard: ShardSpec,
  part: ShardSpec,
  digests: ShardDigests,
  scenario: Scenario,
  horizonMonths: number | undefined,
): string {
  const header: ShardHeader = {
    format: SHARD_FORMAT,
    version: SHARD_FORMAT_VERSION,
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    frameworkVersion: defaultFramework.version,
    shard: { index: shard.index, count: shard.count },
    part: { index: part.index, count: part.count },
    digests,
    scenario,
    horizonMonths: horizonMonths ?? null,
  };
  return `${JSON.stringify(header)}\n`;
}

export function shardWorkloadLine(
  seq: number,
  row: number | undefined,
  workload: WorkloadAnalysis,
  offersUsed: readonly OfferCitation[],
  csv: string,
): string {
  const line: ShardWorkloadLine = {
    seq,
    row: row ?? null,
    workload,
    offers: offersUsed.map(({ id, source, asOf }) => ({ id, source, asOf })),
    csv,
  };
  return `${JSON.stringify(line)}\n`;
}

const WORKLOAD_HEAD = /^\{"seq":(0|[1-9]\d*),"row":(0|[1-9]\d*|null),"workload":/;
const OFFERS_KEY = ',"offers":';
const CSV_KEY = ',"csv":';

/**
 * The reader of `shardWorkloadLine`'s form (`{"seq":…,"row":…,"workload":…,"offers":…,"csv":"…"}`; kept beside the
 * writer so the two change together): the line parsed piece by piece, giving the same object `JSON.parse` gives it
 * whole, and the workload's JSON text, which `gpufit merge` copies into report.json instead of serializing the
 * parsed workload again (an eighth of a merge's CPU). The text is one JSON value (it parsed alone); written by
 * `JSON.stringify` and not edited, it is the bytes `JSON.stringify` of the parsed workload gives. The last
 * `,"csv":` is the line's own key: inside a JSON string every `"` is escaped. Undefined for any other line (a
 * refused row, the footer, a line edited out of that form): the caller parses it whole.
 */
export function parseShardWorkloadLine(
  text: string,
): { readonly value: Record<string, unknown>; readonly workloadJson: string } | undefined {
  const head = WORKLOAD_HEAD.exec(text);
  if (head === null || !text.endsWith('"}')) return undefined;
  const csvAt = text.lastIndexOf(CSV_KEY);
  const at = csvAt < 0 ? -1 : text.lastIndexOf(OFFERS_KEY, csvAt - OFFERS_KEY.length);
  if (at <= head[0].length) return undefined;
  const workloadJson = text.slice(head[0].length, at);
  try {
    const workload: unknown = JSON.parse(workloadJson);
    const offers: unknown = JSON.parse(text.slice(at + OFFERS_KEY.length, csvAt));
    const csv: unknown = JSON.parse(text.slice(csvAt + CSV_KEY.length, -1));
    if (typeof csv !== 'string') return undefined;
    const row = head[2] === 'null' ? null : Number(head[2]);
    return { value: { seq: Number(head[1]), row, workload, offers, csv }, workloadJson };
  } catch {
    return undefined;
  }
}

/** The whole run's books, known once every shard's footer is read (checked equal across shards by the caller). */
export interface MergedBooks {
  /** The whole workloads file's accounting. */
  readonly fileAccounting: Accounting;
  readonly offerAccounting: Accounting;
  readonly offerRejections: readonly RejectedRow[];
}

/**
 * The report of the whole portfolio from its shards' rows, given in file order (`seq` ascending; the caller
 * merges the files and checks they are complete and disjoint): the same writer as `analyzeStream`, so the
 * report.json and report.csv are the bytes one unsharded streamed run writes, and the totals are summed in the
 * same order (equal to the last bit, not only to the cent). `books` is read once the batches are exhausted.
 */
export async function mergeShards(
  batches: AsyncIterable<readonly ResolvedItem[]>,
  scenario: Scenario,
  books: () => MergedBooks,
  sinks: Omit<AnalysisSinks, 'jsonl'>,
  onProgress?: (done: number) => void,
): Promise<StreamedAnalysis> {
  const report = new StreamedReport(scenario, sinks);
  let done = 0;
  for await (const batch of batches) {
    await report.add(batch);
    done += batch.length;
    onProgress?.(done);
  }
  const { fileAccounting, offerAccounting, offerRejections } = books();
  return report.finish(fileAccounting, offerAccounting, offerRejections);
}
