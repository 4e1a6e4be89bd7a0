import { gpuTierTable } from '@gpufit/pricing';
import { type Analysis, type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeStream,
  checkShard,
  inShard,
  mergeShards,
  type ResolvedItem,
  type ShardFooter,
  type ShardHeader,
  type ShardSpec,
  shardSize,
  type TextSink,
  type WorkloadItem,
} from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  gpuTier('H100', {
    relThroughputInference: 1.643,
    relThroughputTraining: 3.17,
    relThroughputFineTuning: 2.282,
  }),
]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('shard test', input);
const offers = [
  offer({ id: 'aws:p5:us-east-1', market: 'hyperscaler', usdPerGpuHour: 6.88 }),
  offer({ id: 'lambda:h100:us-east-1', market: 'gpu-cloud', usdPerGpuHour: 2.99, gpusPerInstance: 1 }),
  offer({ id: 'akash:h100:any', market: 'depin', usdPerGpuHour: 1.6, gpusPerInstance: 1 }),
  offer({
    id: 'vast:a100:any',
    market: 'marketplace',
    gpu: 'A100-80GB',
    usdPerGpuHour: 0.91,
    gpusPerInstance: 1,
  }),
];
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;
const digests = { catalog: 'sha256:c', scenario: 'sha256:s', workloads: 'sha256:w' };
const offerRejections = [{ file: 'offers.csv', row: 9, column: 'usdPerGpuHour', reason: 'not a price' }];
const input = {
  offers,
  tiers,
  scenario,
  offerRejections,
  offerAccounting: { read: 5, accepted: 4, rejected: 1 },
};

function collector(): TextSink & { readonly text: () => string } {
  const parts: string[] = [];
  return { write: (text) => void parts.push(text), text: () => parts.join('') };
}

async function* batches<T>(items: readonly T[], size: number): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const KINDS = ['batch-inference', 'realtime-inference', 'fine-tuning', 'experimentation'] as const;

/** A portfolio row: a workload from a few shapes with its own id and size, or a refused row. */
const itemArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(...KINDS),
      gpu: fc.constantFrom('H100', 'A100-80GB'),
      hours: fc.integer({ min: 1, max: 5000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

function items(shapes: readonly ({ kind: string; gpu: string; hours: number } | null)[]): WorkloadItem[] {
  return shapes.map((s, i) =>
    s === null
      ? {
          ok: false,
          rejection: { file: 'plan.csv', row: i + 2, column: 'kind', reason: 'not a workload kind' },
        }
      : {
          ok: true,
          row: i + 2,
          value: profileOf({
            id: `w${i}`,
            kind: s.kind,
            gpuType: s.gpu,
            gpuHoursPerMonth: s.hours,
            ...(s.kind === 'fine-tuning' ? { modelParamsBillions: 1 } : {}),
          }),
        },
  );
}

interface ParsedShard {
  header: ShardHeader;
  rows: { seq: number; item: ResolvedItem }[];
  footer: ShardFooter;
}

function parseShard(text: string): ParsedShard {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text
    .slice(0, -1)
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const header = lines[0] as unknown as ShardHeader;
  const footer = lines.at(-1) as unknown as ShardFooter;
  expect(footer.end).toBe(true);
  const rows = lines.slice(1, -1).map((l) => ({
    seq: l.seq as number,
    item: ('rejected' in l
      ? { ok: false, rejection: l.rejected }
      : { ok: true, workload: l.workload, offersUsed: l.offers, csv: l.csv }) as ResolvedItem,
  }));
  return { header, rows, footer };
}

describe('shards: every record in exactly one shard', () => {
  it('inShard puts each record in one shard, and shardSize counts them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 500 }), (count, records) => {
        let total = 0;
        for (let index = 0; index < count; index++) {
          const spec = { index, count };
          let mine = 0;
          for (let seq = 0; seq < records; seq++) if (inShard(seq, spec)) mine++;
          expect(shardSize(records, spec)).toBe(mine);
          total += mine;
        }
        expect(total).toBe(records);
        for (let seq = 0; seq < records; seq++) {
          const owners = Array.from({ length: count }, (_, index) => index).filter((index) =>
            inShard(seq, { index, count }),
          );
          expect(owners).toEqual([seq % count]);
        }
      }),
    );
  });

  it('refuses a shard outside 0 ≤ index < count', () => {
    expect(() => checkShard({ index: 3, count: 3 })).toThrow(/shard index 3/);
    expect(() => checkShard({ index: -1, count: 3 })).toThrow(/shard index -1/);
    expect(() => checkShard({ index: 0, count: 0 })).toThrow(/shard count 0/);
    expect(() => checkShard({ index: 0.5, count: 2 })).toThrow(/shard index 0.5/);
    expect(() => checkShard({ index: 1, count: 2 })).not.toThrow();
  });
});

describe('analyzeStream with a shard, and mergeShards', () => {
  it('merged shards write the bytes of one unsharded run, totals equal to the last bit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { minLength: 0, maxLength: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async (shapes, count, batchSize) => {
          const all = items(shapes);
          const json = collector();
          const csv = collector();
          const whole = await analyzeStream(batches(all, batchSize), input, { json, csv });

          const shards: ParsedShard[] = [];
          for (let index = 0; index < count; index++) {
            const jsonl = collector();
            const spec: ShardSpec = { index, count };
            const part = await analyzeStream(
              batches(all, batchSize),
              input,
              { jsonl },
              { shard: spec, digests },
            );
            const parsed = parseShard(jsonl.text());
            expect(parsed.header).toMatchObject({
              format: 'gpufit-shard',
              version: 2,
              shard: spec,
              part: { index: 0, count: 1 },
              digests,
            });
            expect(parsed.header.scenario).toEqual(JSON.parse(JSON.stringify(scenario)));
            expect(parsed.rows.map((r) => r.seq)).toEqual(
              all.flatMap((_, seq) => (seq % count === index ? [seq] : [])),
            );
            expect(parsed.footer.records).toBe(all.length);
            expect(parsed.footer.shardAccounting).toEqual({
              read: parsed.rows.length,
              accepted: parsed.rows.filter((r) => r.item.ok).length,
              rejected: parsed.rows.filter((r) => !r.item.ok).length,
            });
            expect(part.accounting.read).toBe(parsed.rows.length);
            expect(parsed.footer.fileAccounting).toEqual(whole.accounting.workloads);
            expect(parsed.footer.totals).toEqual(JSON.parse(JSON.stringify(part.totals)));
            shards.push(parsed);
          }
          // In file order: record seq from shard seq % count, each exactly once.
          const ordered = shards.flatMap((s) => s.rows).sort((a, b) => a.seq - b.seq);
          expect(ordered.map((r) => r.seq)).toEqual(all.map((_, seq) => seq));
          const mergedJson = collector();
          const mergedCsv = collector();
          const footer = shards[0]!.footer;
          const merged = await mergeShards(
            batches(
              ordered.map((r) => r.item),
              batchSize,
            ),
            shards[0]!.header.scenario,
            () => ({
              fileAccounting: footer.fileAccounting,
              offerAccounting: footer.offerAccounting,
              offerRejections: footer.offerRejections,
            }),
            { json: mergedJson, csv: mergedCsv },
          );
          expect(mergedJson.text()).toBe(json.text());
          expect(mergedCsv.text()).toBe(csv.text());
          expect(merged.totals.monthlyUsd.recommended).toBe(whole.totals.monthlyUsd.recommended);
          expect(merged.totals.horizonUsd.allCloud).toBe(whole.totals.horizonUsd.allCloud);
          expect(merged).toEqual(whole);
          const written = JSON.parse(mergedJson.text()) as Analysis;
          expect(written.rejected.slice(0, 1)).toEqual(offerRejections);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('needs digests for a jsonl sink', async () => {
    await expect(analyzeStream(batches([], 1), input, { jsonl: collector() })).rejects.toThrow(/digests/);
  });
});
