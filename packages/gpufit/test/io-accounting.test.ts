import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGpuNameIndex } from '../src/io/gpuNameIndex.js';
import { loadWorkloadsCsv, streamWorkloads } from '../src/io/loadWorkloads.js';
import { chunksAt } from './support/chunksAt.js';

const gpuNames = buildGpuNameIndex(['H100', 'L4'], [{ alias: 'H100 SXM', gpu: 'H100' }]);
const HEADER = 'id,name,kind,gpuType,gpuHoursPerMonth';

/** One generated line of a workloads file, with what the loader must make of it. */
type Spec =
  | { t: 'good'; id: string; quoted: boolean }
  | { t: 'duplicate'; of: number }
  | { t: 'invalid' }
  | { t: 'ragged' }
  | { t: 'unknown-gpu' }
  | { t: 'not-utf8' }
  | { t: 'blank' };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('good' as const),
      id: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
      quoted: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('duplicate' as const), of: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'invalid' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'ragged' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'unknown-gpu' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'not-utf8' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'blank' as const }) },
);

const file = fc.record({
  specs: fc.array(spec, { maxLength: 40 }),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingBlank: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 5 }),
});

/** Builds the file's bytes and the books it must produce. */
type GeneratedFile = { specs: Spec[]; eol: string; bom: boolean; trailingBlank: boolean; cuts: number[] };

function build({ specs, eol, bom, trailingBlank }: GeneratedFile) {
  const lines: Buffer[] = [Buffer.from((bom ? '\uFEFF' : '') + HEADER)];
  const goodIds: string[] = [];
  const accepted = new Set<string>();
  const rejectedRows: number[] = [];
  let row = 1;
  let read = 0;
  specs.forEach((s, i) => {
    row++;
    const fresh = `r${i}`;
    let text: string | Buffer = '';
    let accept: string | null = null;
    switch (s.t) {
      case 'good':
        text = s.quoted
          ? `${s.id},"name, with comma${eol}and a line",batch-inference,h100_sxm,10`
          : `${s.id},n,batch-inference,L4,10`;
        accept = s.id;
        goodIds.push(s.id);
        break;
      case 'duplicate': {
        const id = goodIds.length > 0 ? goodIds[s.of % goodIds.length]! : fresh;
        text = `${id},dup,experimentation,,5`;
        accept = id;
        break;
      }
      case 'invalid':
        text = `${fresh},n,training,,10`;
        break;
      case 'ragged':
        text = `${fresh},n,batch-inference`;
        break;
      case 'unknown-gpu':
        text = `${fresh},n,batch-inference,H1OO,10`;
        break;
      case 'not-utf8':
        text = Buffer.concat([
          Buffer.from(`${fresh},Caf`),
          Buffer.from([0xe9]),
          Buffer.from(',batch-inference,,10'),
        ]);
        break;
      case 'blank':
        text = '';
        break;
    }
    lines.push(typeof text === 'string' ? Buffer.from(text) : text);
    if (s.t === 'blank') return;
    read++;
    if (accept !== null && !accepted.has(accept)) accepted.add(accept);
    else rejectedRows.push(row);
  });
  const parts: Buffer[] = [];
  lines.forEach((l, i) => {
    if (i > 0) parts.push(Buffer.from(eol));
    parts.push(l);
  });
  parts.push(Buffer.from(eol));
  if (trailingBlank) parts.push(Buffer.from(eol));
  return { bytes: Buffer.concat(parts), read, accepted: accepted.size, rejectedRows };
}

function chunked(bytes: Buffer, cuts: number[]): Readable {
  return Readable.from(chunksAt(bytes, cuts));
}

describe('nothing is lost: read = accepted + rejected, on generated files of good and bad rows', () => {
  it('loadWorkloadsCsv', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const want = build(f);
        const got = await loadWorkloadsCsv(chunked(want.bytes, f.cuts), { gpuNames });
        expect(got.accounting.read).toBe(got.accounting.accepted + got.accounting.rejected);
        expect(got.accounting).toEqual({
          read: want.read,
          accepted: want.accepted,
          rejected: want.read - want.accepted,
        });
        expect(got.rows).toHaveLength(want.accepted);
        expect(got.rejected.map((r) => r.row)).toEqual(want.rejectedRows);
      }),
      { numRuns: 300 },
    );
  });

  it('streamWorkloads', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const want = build(f);
        const stream = streamWorkloads(chunked(want.bytes, f.cuts), { gpuNames });
        let ok = 0;
        let bad = 0;
        for await (const item of stream) {
          if (item.ok) ok++;
          else bad++;
        }
        expect(stream.accounting).toEqual({ read: ok + bad, accepted: ok, rejected: bad });
        expect(ok + bad).toBe(want.read);
      }),
      { numRuns: 100 },
    );
  });
});
