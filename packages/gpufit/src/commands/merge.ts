import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  mergeShards,
  type ResolvedItem,
  type ShardFooter,
  type ShardHeader,
  type StreamedAnalysis,
} from '@gpufit/analysis';
import { TEXT_REPORT_FORMATS } from '@gpufit/report';
import { badInput } from '../cli/errors.js';
import { streamedPlanLine } from '../cli/planLine.js';
import { usd } from '../cli/table.js';
import { counted } from '../cli/terminal.js';
import { checkFooters, LineReader, orderParts, readHeader, readShardLine } from '../merge/shardFiles.js';
import { outputFailure } from '../output/outputError.js';
import { stageFolder } from '../output/replaceFolder.js';
import { REPORT_FOLDER_LAYOUT } from '../render/writeReport.js';
import { textSink } from '../stream/streamAnalysis.js';

export interface MergeCommandOptions {
  readonly out?: string;
  /** Comma-separated: json, csv, md (default all three). */
  readonly format?: string;
}

/** What `merge` writes: the streamed report's two files and a Markdown summary of the totals. */
export const MERGE_FORMATS = ['json', 'csv', 'md'] as const;
type MergeFormat = (typeof MERGE_FORMATS)[number];

export function mergeFormats(list: string | undefined): readonly MergeFormat[] {
  if (list === undefined) return MERGE_FORMATS;
  const asked = list.split(',').map((f) => f.trim());
  const unknown = asked.filter((f) => !(MERGE_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0)
    throw badInput(
      `--format ${list}: ${unknown.map((f) => JSON.stringify(f)).join(', ') || 'nothing'} is not one of ${MERGE_FORMATS.join(', ')}`,
      'e.g. --format md for the totals alone (fastest), or --format json,csv,md.',
    );
  return MERGE_FORMATS.filter((f) => asked.includes(f));
}

export const DEFAULT_MERGE_DIR = 'gpufit-report';

/** Rows handed to the report writer at a time (one write per sink per batch). */
const BATCH = 256;

interface Shard {
  readonly reader: LineReader;
  readonly header: ShardHeader;
  footer: ShardFooter | null;
}

/**
 * `gpufit merge shard-*.jsonl --out DIR`: the shards of one sharded run (`gpufit analyze --shard I/N --format
 * jsonl`) as one report: report.json and report.csv, byte for byte what one unsharded streamed run writes, and a
 * report.md of the portfolio's totals. Refused unless every shard read the same catalog, scenario and workloads
 * file with the same gpufit, and the shards are complete and disjoint (each error names the file and line).
 */
export async function runMerge(files: readonly string[], opts: MergeCommandOptions): Promise<void> {
  if (files.length === 0) throw badInput('no shard files given', 'gpufit merge shard-*.jsonl --out DIR');
  const formats = mergeFormats(opts.format);
  const readers = files.map((f) => new LineReader(f));
  try {
    const shards: Shard[] = [];
    for (const reader of readers) shards.push({ reader, header: await readHeader(reader), footer: null });
    const parts = orderParts(shards);
    const first = (parts[0] as Shard[])[0] as Shard;
    const ordered = parts.flat();
    /** Each part's record count, known once its shards' footers are read. */
    const records: number[] = [];

    async function* batches(): AsyncGenerator<ResolvedItem[], void, undefined> {
      let batch: ResolvedItem[] = [];
      for (const part of parts) {
        const count = part.length;
        let k = 0;
        for (; ; k++) {
          const shard = part[k % count] as Shard;
          const line = await nextLine(shard);
          if ('footer' in line) {
            shard.footer = line.footer;
            break;
          }
          if (line.seq !== k)
            throw badInput(
              `${shard.reader.file}, line ${shard.reader.line}: record ${line.seq} where record ${k} was expected (shard ${shard.header.shard.index} of ${count} holds records ${shard.header.shard.index}, ${shard.header.shard.index + count}, … in order)`,
              'Rerun that shard; its file is not what gpufit wrote.',
            );
          batch.push(line.item);
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
        }
        // Record k is in no shard of this part, so every shard must be at its footer now, with nothing after it.
        const ended = part[k % count] as Shard;
        for (const shard of part) {
          if (shard.footer === null) {
            const line = await nextLine(shard);
            if (!('footer' in line))
              throw badInput(
                `${shard.reader.file}, line ${shard.reader.line}: record ${line.seq}, but shard ${ended.header.shard.index} (${ended.reader.file}) ended at record ${k}: the shards do not hold one file's records`,
                'Rerun the shards from one workloads file.',
              );
            shard.footer = line.footer;
          }
          const extra = await shard.reader.next();
          if (extra !== null && extra !== '')
            throw badInput(
              `${shard.reader.file}, line ${shard.reader.line}: a line after the footer`,
              'Rerun that shard.',
            );
        }
        records.push(k);
      }
      if (batch.length > 0) yield batch;
    }

    async function nextLine(shard: Shard) {
      const text = await shard.reader.next();
      const { index, count } = shard.header.shard;
      if (text === null)
        throw badInput(
          `${shard.reader.file}: ends at line ${shard.reader.line} without its footer: shard ${index} of ${count} was cut short`,
          `Rerun shard ${index} of ${count}.`,
        );
      return readShardLine(shard.reader, text);
    }

    const dir = resolve(opts.out ?? DEFAULT_MERGE_DIR);
    const staged = await stageFolder(dir, REPORT_FOLDER_LAYOUT);
    const streamed = formats.filter((f): f is 'json' | 'csv' => f !== 'md');
    const sinks = Object.fromEntries(
      streamed.map((f) => [
        f,
        createWriteStream(join(staged.path, TEXT_REPORT_FORMATS[f].fileName), { flags: 'wx' }),
      ]),
    ) as Partial<Record<'json' | 'csv', Writable>>;
    for (const w of Object.values(sinks) as Writable[]) w.on('error', () => {});
    let analysis: StreamedAnalysis;
    try {
      analysis = await mergeShards(
        batches(),
        first.header.scenario,
        () => {
          const footers = parts.map((part, i) => checkFooters(part, records[i] as number));
          const footer = footers[0] as ShardFooter;
          for (const [i, f] of footers.entries())
            if (
              JSON.stringify([f.offerAccounting, f.offerRejections]) !==
              JSON.stringify([footer.offerAccounting, footer.offerRejections])
            )
              throw badInput(
                `${(parts[i] as Shard[])[0]?.reader.file} and ${first.reader.file}: their footers' offers accounting differs, so they did not read the same catalog`,
                'Rerun the parts with one catalog.',
              );
          // The portfolio's rows: every part's file, one after the other.
          const sum = (get: (a: ShardFooter['fileAccounting']) => number) =>
            footers.reduce((n, f) => n + get(f.fileAccounting), 0);
          return {
            fileAccounting: {
              read: sum((a) => a.read),
              accepted: sum((a) => a.accepted),
              rejected: sum((a) => a.rejected),
            },
            offerAccounting: footer.offerAccounting,
            offerRejections: footer.offerRejections,
          };
        },
        {
          ...(sinks.json && { json: textSink(sinks.json) }),
          ...(sinks.csv && { csv: textSink(sinks.csv) }),
        },
      );
      for (const [name, w] of Object.entries(sinks) as [string, Writable][]) {
        w.end();
        await finished(w).catch((error: unknown) => {
          throw outputFailure(join(dir, `report.${name}`), error);
        });
      }
      if (formats.includes('md'))
        await writeFile(
          join(staged.path, TEXT_REPORT_FORMATS.md.fileName),
          mergedMarkdown(
            analysis,
            ordered,
            records.reduce((n, r) => n + r, 0),
          ),
          { flag: 'wx' },
        ).catch((error: unknown) => {
          throw outputFailure(join(dir, TEXT_REPORT_FORMATS.md.fileName), error);
        });
      await staged.commit();
    } catch (error) {
      for (const w of Object.values(sinks) as Writable[]) w.destroy();
      await staged.discard();
      throw error;
    }
    const t = analysis.totals;
    const { read, accepted, rejected } = analysis.accounting;
    const shown = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      `${[
        `Merged ${counted(ordered.length, 'shard')}${parts.length > 1 ? ` of ${counted(parts.length, 'part')}` : ''}: ${counted(accepted, 'workload')} (${counted(read, 'row')} read, ${rejected.toLocaleString('en-US')} rejected); Monte Carlo, break-evens and sensitivity left out, as in any streamed analysis.`,
        streamedPlanLine(t, analysis.shownTotalsCents, accepted),
        `Wrote ${formats.map((f) => `${shown}/${TEXT_REPORT_FORMATS[f].fileName}`).join(', ')}.`,
      ].join('\n')}\n`,
    );
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}

/**
 * report.md of a merged run: the portfolio's totals and books, the shards and digests, and what the merge does
 * not hold. The full Markdown report lists every workload from the portfolio in memory, which a sharded
 * run of any size does not have; the per-workload figures are in report.csv and report.json.
 */
export function mergedMarkdown(
  analysis: StreamedAnalysis,
  shards: readonly Shard[],
  records: number,
): string {
  const t = analysis.totals;
  const shown = analysis.shownTotalsCents;
  const h = (shards[0] as Shard).header;
  const a = analysis.accounting;
  const lines = [
    `# gpufit: merged analysis of ${counted(a.accepted, 'workload')} from ${counted(shards.length, 'shard')}`,
    '',
    `Scenario ${h.scenario.name}, ${h.scenario.startMonth}, analysis date ${h.scenario.analysisDate ?? 'not pinned'}; schema ${h.schemaVersion}, framework ${h.frameworkVersion}.`,
    '',
    '| Total | Recommended | All cloud |',
    '| --- | ---: | ---: |',
    `| Monthly | ${usd(shown.recommended / 100)} | ${usd(shown.allCloud / 100)} |`,
    `| Horizon | ${usd(t.horizonUsd.recommended)} | ${usd(t.horizonUsd.allCloud)} |`,
    '',
    `Monthly savings: ${usd(shown.savings / 100)}: the sums of each workload's monthly figures rounded to the cent, as the full report shows them, and their difference.`,
    '',
    `Rows: ${a.read.toLocaleString('en-US')} read (${records.toLocaleString('en-US')} records), ${a.accepted.toLocaleString('en-US')} analyzed, ${a.rejected.toLocaleString('en-US')} rejected; offers: ${a.offers.accepted.toLocaleString('en-US')} of ${a.offers.read.toLocaleString('en-US')} accepted.`,
    t.unpricedWorkloads.length === 0
      ? 'Every analyzed workload was priced.'
      : `${counted(t.unpricedWorkloads.length, 'workload')} had no feasible offer and are left out of the totals (listed in report.json, totals.unpricedWorkloads).`,
    '',
    '## What this merged report holds and lacks',
    '',
    'Each workload was scored, matched, split (hybrid included: a split is decided per workload, so sharding changes none) and projected in its shard; report.json and report.csv carry every workload, in the workloads file’s order, as one unsharded streamed run writes them, and the totals are summed in the same order.',
    'Left out, as in any streamed analysis: the per-workload Monte Carlo, the joint portfolio distribution (its percentiles need every workload’s draws together), break-evens, sensitivity, scenario effects and this Markdown report’s per-workload sections. Run `gpufit simulate` or `gpufit analyze` on a subset for them.',
    '',
    '## Shards',
    '',
    `Catalog ${h.digests.catalog}; scenario ${h.digests.scenario}; ${h.part.count > 1 ? `the portfolio in ${counted(h.part.count, 'part')}, read one after the other` : `workloads file ${h.digests.workloads}`}.`,
    '',
    ...shards.map(
      (s) =>
        `- ${h.part.count > 1 ? `part ${s.header.part.index} of ${s.header.part.count} (workloads file ${s.header.digests.workloads}), ` : ''}shard ${s.header.shard.index} of ${s.header.shard.count}: ${s.reader.file} (${counted(s.footer?.shardAccounting.read ?? 0, 'row')})`,
    ),
    '',
    '## Assumptions',
    '',
    ...analysis.assumptions.map((x) => `- ${x}`),
    '',
  ];
  return lines.join('\n');
}
