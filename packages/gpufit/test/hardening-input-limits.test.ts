// Every reader holds a size limit (docs/reliability.md, "Limits"). Before it, a JSON workloads file was read
// whole: a symlink to /dev/zero grew to 15 GB in 60 s, and a JSON or scenario over 512 MiB (V8's longest string)
// ended in "internal error". A CSV whose header was followed by an endless stream ran forever. Now a regular
// file over the limit is refused before it is read (sparse files below cost no disk), anything else is counted
// while it is read and stops at the limit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../src/io/inputLimits.js';
import { LoadError } from '../src/io/loadError.js';
import { loadWorkloadsCsv, streamWorkloads } from '../src/io/loadWorkloads.js';
import { loadWorkloadsJson } from '../src/io/loadWorkloadsJson.js';
import { MAX_REJECTED_ROWS } from '../src/io/rowLedger.js';
import { runBuiltCli } from './support/runBuiltCli.js';

const dir = mkdtempSync(join(tmpdir(), 'gpufit-limits-'));
const LAMBDA_VMS = join(import.meta.dirname, 'fixtures', 'io', 'skypilot', 'lambda-vms.csv');

/** A sparse file of `bytes` (zeros) whose name ends in `name`. */
function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, bytes);
  return path;
}

function devZero(name: string): string {
  const path = join(dir, name);
  symlinkSync('/dev/zero', path);
  return path;
}

const over = (limit: { bytes: number }) => limit.bytes + 1;

describe('a file over its reader’s limit is exit 2 naming the file and the limit, before it is read', () => {
  it.concurrent.each([
    ['a workloads JSON', () => ['analyze', sparse('w.json', over(INPUT_LIMITS.workloadsJson))], /w\.json/],
    ['a 600 MiB workloads JSON', () => ['analyze', sparse('w600.json', 600 << 20)], /w600\.json/],
    ['a workloads JSON, validated', () => ['validate', sparse('v.json', 600 << 20)], /v\.json/],
    [
      'a scenario',
      () => ['analyze', '--scenario', sparse('s.json', over(INPUT_LIMITS.scenarioJson))],
      /s\.json/,
    ],
    [
      'a scenario, validated',
      () => ['validate', sparse('vs.json', over(INPUT_LIMITS.scenarioJson)), '--as', 'scenario'],
      /vs\.json/,
    ],
    [
      'a result file',
      () => {
        const big = sparse('r.json', over(INPUT_LIMITS.resultJson));
        return ['diff', big, big];
      },
      /r\.json/,
    ],
    ['a Vast payload', () => ['import', 'vast', sparse('vast.json', over(INPUT_LIMITS.importJson))], /vast/],
    ['an Akash payload', () => ['import', 'akash', sparse('ak.json', over(INPUT_LIMITS.importJson))], /ak/],
    [
      'a SkyPilot vms.csv',
      () => ['import', 'skypilot', sparse('vms.csv', over(INPUT_LIMITS.importCsv)), '--cloud', 'aws'],
      /vms\.csv/,
    ],
    [
      'an offer catalog',
      () => ['analyze', '--catalog', sparse('offers.csv', over(INPUT_LIMITS.offersCsv))],
      /offers\.csv/,
    ],
    ['a workloads CSV', () => ['analyze', sparse('w.csv', over(INPUT_LIMITS.workloadsCsv))], /w\.csv/],
    [
      'a workloads CSV, streamed',
      () => [
        'analyze',
        sparse('ws.csv', over(INPUT_LIMITS.workloadsCsv)),
        '--stream',
        '--out',
        join(dir, 'out'),
      ],
      /ws\.csv/,
    ],
  ] as const)('%s', async (_what, args, file) => {
    const run = await runBuiltCli(args(), { timeoutMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(file);
    expect(run.stderr).toMatch(/the file is larger than [\d.]+ [MG]iB \(\d+ bytes\), the limit for/);
    expect(run.stderr).toMatch(/\(it is [\d.]+ [MG]iB/);
  });
});

describe('an endless source stops at the limit, quickly and with bounded memory', () => {
  // The old reader kept reading /dev/zero until memory ran out; a heap cap makes a regression fail, not hang.
  const capped = { timeoutMs: 20_000, env: { NODE_OPTIONS: '--max-old-space-size=256' } };

  it.concurrent.each([
    ['workloads JSON', () => ['analyze', devZero('zero.json'), '--format', 'json']],
    ['workloads JSON, validated', () => ['validate', devZero('zero-v.json')]],
    ['scenario', () => ['analyze', '--scenario', devZero('zero-s.json')]],
    ['Vast payload', () => ['import', 'vast', devZero('zero-vast.json')]],
  ] as const)('a symlink to /dev/zero as a %s', async (_what, args) => {
    const started = Date.now();
    const run = await runBuiltCli(args(), capped);
    expect(run.timedOut, 'still reading /dev/zero').toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(
      /zero[-\w]*\.json: the file is larger than .* \(not a regular file: reading stopped there\)/,
    );
    expect(run.stderr).not.toMatch(/internal error|heap out of memory/);
  });

  it('a FIFO fed without end as a workloads JSON', { timeout: 30_000 }, async () => {
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const writer = Readable.from(
      (function* () {
        const block = Buffer.alloc(1 << 20, 0x20);
        for (;;) yield block;
      })(),
    );
    const { createWriteStream } = await import('node:fs');
    const sink = createWriteStream(fifo);
    sink.on('error', () => {}); // EPIPE once the reader stops
    writer.pipe(sink);
    const run = await runBuiltCli(['analyze', fifo], capped);
    writer.destroy();
    sink.destroy();
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/fifo\.json: the file is larger than 64 MiB/);
  });

  it('the library loaders take a smaller limit (maxBytes) and count a stream', async () => {
    const endless = (head: string) =>
      Readable.from(
        (function* () {
          yield Buffer.from(head);
          for (;;) yield Buffer.alloc(64 * 1024, 0x20);
        })(),
      );
    await expect(loadWorkloadsJson(endless('['), { maxBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'too-large',
      row: 0,
    });
    // A CSV with a valid header and then endless blank bytes used to be read forever.
    const stream = streamWorkloads(endless('id,kind,gpuHoursPerMonth\n'), {
      maxBytes: 1 << 20,
      fileName: 'w.csv',
    });
    const error = await (async () => {
      try {
        for await (const _ of stream) {
          // drain
        }
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).message).toMatch(/^w\.csv: the file is larger than 1 MiB \(1048576 bytes\)/);
  });

  it('a stream of bad rows stops after MAX_REJECTED_ROWS rejections (each is kept to be listed)', async () => {
    // Before: a header followed by /dev/urandom kept every rejected line, 455 MB after 25 s and growing.
    const bad = Buffer.from('x,not-a-kind,1\n'.repeat(10_000));
    const rows = Readable.from(
      (function* () {
        yield Buffer.from('id,kind,gpuHoursPerMonth\n');
        for (;;) yield bad;
      })(),
    );
    await expect(loadWorkloadsCsv(rows, { fileName: 'w.csv' })).rejects.toMatchObject({
      code: 'too-many-rejected',
      row: MAX_REJECTED_ROWS + 2,
    });
    const list = JSON.stringify(Array.from({ length: MAX_REJECTED_ROWS + 1 }, () => ({})));
    await expect(loadWorkloadsJson(Readable.from([list]))).rejects.toMatchObject({
      code: 'too-many-rejected',
    });
    const fine = JSON.stringify(Array.from({ length: MAX_REJECTED_ROWS }, () => ({})));
    expect((await loadWorkloadsJson(Readable.from([fine]))).accounting.rejected).toBe(MAX_REJECTED_ROWS);
  });

  it('a file at the limit is still read', async () => {
    const list = JSON.stringify([{ id: 'a', kind: 'batch-inference', gpuHoursPerMonth: 3 }]);
    const exact = Buffer.byteLength(list);
    const r = await loadWorkloadsJson(Readable.from([list]), { maxBytes: exact });
    expect(r.accounting.accepted).toBe(1);
    await expect(loadWorkloadsJson(Readable.from([list]), { maxBytes: exact - 1 })).rejects.toMatchObject({
      code: 'too-large',
    });
  });
});

describe('the limits are sane and documented', () => {
  it('each limit stands in docs/reliability.md with its size', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'reliability.md'), 'utf8');
    for (const limit of Object.values(INPUT_LIMITS)) {
      const size =
        limit.bytes >= 1 << 30 ? `${limit.bytes / (1 << 30)} GiB` : `${limit.bytes / (1 << 20)} MiB`;
      expect(doc, limit.what).toContain(`| ${limit.what} | ${size} |`);
    }
  });

  it('the importers still read a real file (SkyPilot fixture)', async () => {
    const run = await runBuiltCli([
      'import',
      'skypilot',
      LAMBDA_VMS,
      '--cloud',
      'lambda',
      '--as-of',
      '2026-11-24',
    ]);
    expect(run.code, run.stderr).toBe(0);
  });
});
