import { createReadStream } from 'node:fs';
import {
  parseShardWorkloadLine,
  type ResolvedItem,
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  type ShardFooter,
  type ShardHeader,
  shardSize,
} from '@gpufit/analysis';
import { CSV_EOL, csvText } from '@gpufit/report';
import { scenarioSchema, workloadAnalysisSchema } from '@gpufit/schema';
import { badInput } from '../cli/errors.js';
import { scenarioDigest } from '../stream/shardRun.js';

const RERUN =
  'Rerun the shards from one workloads file, catalog and scenario (pin --analysis-date), then merge again.';

/**
 * A shard file read line by line, 64 KiB at a time (a thousand shards open at once hold 64 MB of buffers). Lines
 * are found in the bytes (a line break byte is never inside a UTF-8 character) and each is decoded alone, as
 * `Buffer.toString` decodes (invalid bytes become U+FFFD): splitting decoded chunks cost a seventh of a merge of
 * the totals, in copies of the chunk and its leftover.
 */
export class LineReader {
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  private done = false;
  private readonly chunks: AsyncIterator<Buffer>;
  /** The 1-based number of the line `next` returned last. */
  line = 0;

  constructor(readonly file: string) {
    const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
    // Every shard's file is opened at once, but read one after another: a file that cannot be opened fails before
    // anything reads it, and with no listener yet its 'error' event ended the process (`gpufit merge good missing`
    // crashed instead of naming the file). The iterator still rejects with the error when the file is read.
    stream.on('error', () => {});
    this.chunks = stream[Symbol.asyncIterator]();
  }

  /** The next line (without its line break), or null at the end of the file. */
  async next(): Promise<string | null> {
    for (;;) {
      const end = this.chunk.indexOf(LF, this.at);
      if (end >= 0) {
        const start = this.at;
        this.at = end + 1;
        return this.lineOf(start, end);
      }
      if (this.done) {
        if (this.at >= this.chunk.length) return null;
        const start = this.at;
        this.at = this.chunk.length;
        return this.lineOf(start, this.chunk.length);
      }
      const read = await this.chunks.next().catch((error: unknown) => {
        throw badInput(`${this.file}: cannot be read (${(error as Error).message})`);
      });
      const rest = this.chunk.subarray(this.at);
      this.at = 0;
      if (read.done) {
        this.done = true;
        this.chunk = rest;
      } else this.chunk = rest.length === 0 ? read.value : Buffer.concat([rest, read.value]);
    }
  }

  private lineOf(start: number, end: number): string {
    this.line++;
    const stop = end > start && this.chunk[end - 1] === CR ? end - 1 : end;
    return this.chunk.toString('utf8', start, stop);
  }

  async close(): Promise<void> {
    await this.chunks.return?.();
  }
}

const LF = 0x0a;
const CR = 0x0d;

function parseLine(reader: LineReader, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput(`${reader.file}, line ${reader.line}: not JSON (${(error as Error).message})`, RERUN);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badInput(`${reader.file}, line ${reader.line}: not a JSON object`, RERUN);
  return value as Record<string, unknown>;
}

/** Reads and checks a shard file's first line. */
export async function readHeader(reader: LineReader): Promise<ShardHeader> {
  const text = await reader.next();
  if (text === null) throw badInput(`${reader.file}: empty; a shard file starts with its header line`, RERUN);
  const h = parseLine(reader, text);
  const where = `${reader.file}, line 1`;
  if (h.format !== SHARD_FORMAT)
    throw badInput(
      `${where}: not a gpufit shard (no "format": "${SHARD_FORMAT}"); write shards with gpufit analyze --shard INDEX/COUNT --format jsonl`,
    );
  if (h.version !== SHARD_FORMAT_VERSION)
    throw badInput(
      `${where}: shard format version ${JSON.stringify(h.version)}; this gpufit reads version ${SHARD_FORMAT_VERSION}`,
      'Merge with the gpufit version that wrote the shards.',
    );
  const shard = h.shard as { index?: unknown; count?: unknown } | undefined;
  const part = h.part as { index?: unknown; count?: unknown } | undefined;
  const digests = h.digests as Record<string, unknown> | undefined;
  const ok =
    typeof h.schemaVersion === 'string' &&
    typeof h.frameworkVersion === 'string' &&
    shard !== undefined &&
    Number.isSafeInteger(shard.index) &&
    Number.isSafeInteger(shard.count) &&
    (shard.index as number) >= 0 &&
    (shard.index as number) < (shard.count as number) &&
    part !== undefined &&
    Number.isSafeInteger(part.index) &&
    Number.isSafeInteger(part.count) &&
    (part.index as number) >= 0 &&
    (part.index as number) < (part.count as number) &&
    digests !== undefined &&
    ['catalog', 'scenario', 'workloads'].every((k) => typeof digests[k] === 'string') &&
    typeof h.scenario === 'object' &&
    h.scenario !== null &&
    (h.horizonMonths === null || typeof h.horizonMonths === 'number');
  if (!ok) throw badInput(`${where}: the header lacks a field or has one of the wrong type`, RERUN);
  const scenario = scenarioSchema.safeParse(h.scenario);
  if (!scenario.success)
    throw badInput(
      `${where}: the header's scenario is not valid at scenario.${scenario.error.issues[0]?.path.join('.') ?? ''}`,
      RERUN,
    );
  const header = h as unknown as ShardHeader;
  if (scenarioDigest(header.scenario, header.horizonMonths) !== header.digests.scenario)
    throw badInput(
      `${where}: the scenario does not match its digest (the file was edited or damaged)`,
      RERUN,
    );
  return header;
}

/** The header fields every shard of one run shares, with the words an error uses for each. */
const SHARED_BY_RUN: readonly [string, (h: ShardHeader) => unknown][] = [
  ['schema version', (h) => h.schemaVersion],
  ['framework version', (h) => h.frameworkVersion],
  ['part count', (h) => h.part.count],
  ['catalog (digest)', (h) => h.digests.catalog],
  ['scenario (digest)', (h) => h.digests.scenario],
];

/** What the shards of one part (one workloads file) share besides. */
const SHARED_BY_PART: readonly [string, (h: ShardHeader) => unknown][] = [
  ['shard count', (h) => h.shard.count],
  ['workloads file (digest)', (h) => h.digests.workloads],
];

function checkShared<T extends { readonly header: ShardHeader; readonly reader: LineReader }>(
  shards: readonly T[],
  fields: readonly [string, (h: ShardHeader) => unknown][],
  what: string,
): void {
  const first = shards[0];
  if (first === undefined) throw badInput('no shard files given');
  for (const s of shards.slice(1))
    for (const [name, get] of fields)
      if (get(s.header) !== get(first.header))
        throw badInput(
          `${s.reader.file} and ${first.reader.file} are not shards of ${what}: their ${name} differ (${String(get(s.header))} against ${String(get(first.header))})`,
          RERUN,
        );
}

/**
 * The shards grouped by part (one group per workloads file, in part order), each group in shard order, after
 * checking they are one run's (same versions, catalog and scenario, part count) and every part is there once,
 * complete and disjoint (`orderShards`).
 */
export function orderParts<T extends { readonly header: ShardHeader; readonly reader: LineReader }>(
  shards: readonly T[],
): T[][] {
  checkShared(shards, SHARED_BY_RUN, 'one run');
  const count = (shards[0] as T).header.part.count;
  const byPart: T[][] = Array.from({ length: count }, () => []);
  for (const s of shards) byPart[s.header.part.index]?.push(s);
  const missing = byPart.flatMap((p, i) => (p.length === 0 ? [i] : []));
  if (missing.length > 0)
    throw badInput(
      `${missing.length} of ${count} parts missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} (no shard of them among the ${shards.length} files given)`,
      'Merge every shard of every part: gpufit merge part-*/shard-*.jsonl --out DIR.',
    );
  return byPart.map((group) => orderShards(group));
}

/**
 * The shards of one part in index order, after checking they read one workloads file (same shard count and
 * digest) and are complete: every index from 0 to count − 1 exactly once.
 */
export function orderShards<T extends { readonly header: ShardHeader; readonly reader: LineReader }>(
  shards: readonly T[],
): T[] {
  checkShared(shards, SHARED_BY_PART, 'one workloads file');
  const first = shards[0] as T;
  const part = first.header.part.count > 1 ? ` of part ${first.header.part.index}` : '';
  const count = first.header.shard.count;
  const byIndex: (T | undefined)[] = new Array(count).fill(undefined);
  for (const s of shards) {
    const other = byIndex[s.header.shard.index];
    if (other !== undefined)
      throw badInput(
        `${other.reader.file} and ${s.reader.file} are both shard ${s.header.shard.index} of ${count}${part}: shards must be disjoint`,
        'Give each shard file once.',
      );
    byIndex[s.header.shard.index] = s;
  }
  const missing = byIndex.flatMap((s, i) => (s === undefined ? [i] : []));
  if (missing.length > 0)
    throw badInput(
      `${missing.length} of ${count} shards${part} missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} (${shards.length} files given)`,
      'Merge every shard of the run: gpufit merge shard-*.jsonl --out DIR.',
    );
  return byIndex as T[];
}

/** A checked line of a shard: a row (analyzed or refused) or the footer. */
export type ShardLine =
  | { readonly seq: number; readonly item: ResolvedItem }
  | { readonly footer: ShardFooter };

const isText = (v: unknown) => typeof v === 'string';

/** `{ read, accepted, rejected }`, whole numbers with read = accepted + rejected. */
function isAccounting(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return (
    [a.read, a.accepted, a.rejected].every((n) => Number.isSafeInteger(n) && (n as number) >= 0) &&
    (a.read as number) === (a.accepted as number) + (a.rejected as number)
  );
}

/** `{ file, row, column, reason }` as the report's `rejected` lists a row. */
function isRejectedRow(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    isText(r.file) &&
    Number.isSafeInteger(r.row) &&
    (r.column === null || isText(r.column)) &&
    isText(r.reason)
  );
}

/** Parses and checks one line after the header. */
export function readShardLine(reader: LineReader, text: string): ShardLine {
  const split = parseShardWorkloadLine(text);
  const v = split?.value ?? parseLine(reader, text);
  const where = `${reader.file}, line ${reader.line}`;
  if (v.end === true) {
    const ok =
      Number.isSafeInteger(v.records) &&
      isAccounting(v.shardAccounting) &&
      isAccounting(v.fileAccounting) &&
      isAccounting(v.offerAccounting) &&
      Array.isArray(v.offerRejections) &&
      v.offerRejections.every(isRejectedRow);
    if (!ok) throw badInput(`${where}: the footer lacks a field or has one of the wrong type`, RERUN);
    return { footer: v as unknown as ShardFooter };
  }
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 0)
    throw badInput(`${where}: no record number ("seq")`, RERUN);
  const seq = v.seq as number;
  if ('rejected' in v) {
    const r = v.rejected as Record<string, unknown>;
    if (!isRejectedRow(r))
      throw badInput(`${where}: a rejected row without its file, row, column and reason`, RERUN);
    return {
      seq,
      item: {
        ok: false,
        rejection: {
          file: r.file as string,
          row: r.row as number,
          column: r.column as string | null,
          reason: r.reason as string,
        },
      },
    };
  }
  // Checked against the report's schema, but the line's own object is kept: its key order is the bytes the
  // unsharded report would write.
  const checked = workloadAnalysisSchema.safeParse(v.workload);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw badInput(
      `${where}: the workload result is not valid${issue ? ` at ${['workload', ...issue.path].join('.')}: ${issue.message}` : ''}`,
      RERUN,
    );
  }
  // The rows are copied into report.csv as the shard rendered them; a cheap check that they are this workload's.
  const csv = v.csv;
  const id = checked.data.id;
  if (typeof csv !== 'string' || !csv.startsWith(`${csvText(id)},`) || !csv.endsWith(CSV_EOL))
    throw badInput(
      `${where}: "csv" must hold the workload's report.csv rows (each begins with its id)`,
      RERUN,
    );
  const offers = v.offers;
  if (
    !Array.isArray(offers) ||
    !offers.every(
      (o) => o !== null && typeof o === 'object' && isText(o.id) && isText(o.source) && isText(o.asOf),
    )
  )
    throw badInput(
      `${where}: "offers" must list the offers the workload was priced from (id, source, asOf)`,
      RERUN,
    );
  return {
    seq,
    item: {
      ok: true,
      workload: v.workload as never,
      offersUsed: offers as { id: string; source: string; asOf: string }[],
      csv,
      ...(split !== undefined && { json: split.workloadJson }),
    },
  };
}

/** Footer fields every shard of one run repeats (the whole file's and the catalog's books). */
const SHARED_FOOTER: readonly [string, (f: ShardFooter) => unknown][] = [
  ['record count', (f) => f.records],
  ['workloads accounting', (f) => JSON.stringify(f.fileAccounting)],
  ['offers accounting', (f) => JSON.stringify(f.offerAccounting)],
  ['rejected offers', (f) => JSON.stringify(f.offerRejections)],
];

/** Checks the footers agree and each shard holds exactly its share of the file's records. */
export function checkFooters(
  shards: readonly {
    readonly header: ShardHeader;
    readonly reader: LineReader;
    footer: ShardFooter | null;
  }[],
  records: number,
): ShardFooter {
  const first = shards[0]?.footer;
  if (first === undefined || first === null) throw badInput('no shard footer read');
  for (const s of shards) {
    const f = s.footer;
    if (f === null) throw new Error('footer not read');
    for (const [name, get] of SHARED_FOOTER)
      if (get(f) !== get(first))
        throw badInput(
          `${s.reader.file} and ${shards[0]?.reader.file}: their footers' ${name} differ, so they did not read the same file`,
          RERUN,
        );
    const want = shardSize(records, s.header.shard);
    if (f.records !== records || f.shardAccounting.read !== want)
      throw badInput(
        `${s.reader.file}, line ${s.reader.line}: the footer counts ${f.shardAccounting.read} of ${f.records} records, but the shard holds ${want} of ${records}`,
        RERUN,
      );
  }
  return first;
}
