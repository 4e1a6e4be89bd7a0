import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatDuration, lineCount, progressText, startProgress } from '../src/cli/progress.js';

/** A stand-in for a terminal's stderr (or, with `tty: false`, a pipe): keeps what is written. */
function fakeStream(tty: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number };
  stream.isTTY = tty;
  stream.columns = 120;
  return { stream, text: () => chunks.join('') };
}

describe('progress text', () => {
  it('says done of total, the rate so far and the time left at that rate', () => {
    expect(progressText(4200, 10_000, 3000, 'workloads')).toBe(
      '42% | 4,200/10,000 workloads | 1,400 workloads/s | ETA 4s',
    );
    expect(progressText(0, 10, 0, 'workloads')).toBe('0% | 0/10 workloads | 0 workloads/s | ETA —');
    expect(progressText(10, 10, 500, 'rows')).toBe('100% | 10/10 rows | 20 rows/s | ETA 0s');
  });

  it('writes durations as seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(59.4)).toBe('59s');
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(7620)).toBe('2h 07m');
    expect(formatDuration(-3)).toBe('0s');
  });

  it('keeps the percentage in 0–100 and the time left shrinking as more is done', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 1e7 }),
        (total, doneRaw, elapsed) => {
          const done = Math.min(doneRaw, total - 1);
          const pct = (t: string) => Number(/^(\d+)%/.exec(t)![1]);
          const a = progressText(done, total, elapsed, 'w');
          const b = progressText(done + 1, total, elapsed, 'w');
          expect(pct(a)).toBeGreaterThanOrEqual(0);
          expect(pct(b)).toBeLessThanOrEqual(100);
          expect(pct(b)).toBeGreaterThanOrEqual(pct(a));
          expect(a).not.toMatch(/NaN|Infinity/);
        },
      ),
    );
  });
});

describe('startProgress', () => {
  it('draws a bar labelled with the command, its rate and ETA on a terminal', async () => {
    const { stream, text } = fakeStream(true);
    let t = 1_000_000;
    const p = await startProgress('simulate', 10, { stream, now: () => t });
    for (let i = 0; i < 5; i++) {
      t += 1000;
      p.tick();
    }
    p.stop();
    expect(text()).toMatch(/simulate \[/);
    expect(text()).toMatch(/workloads\/s \| ETA/);
    expect(text()).not.toMatch(/analyze/);
  });

  it('writes nothing to a pipe, a file or CI (not a terminal)', async () => {
    const { stream, text } = fakeStream(false);
    const p = await startProgress('analyze', 10, { stream });
    p.tick(10);
    p.stop();
    expect(text()).toBe('');
  });
});

describe('lineCount', () => {
  it('counts the data rows of a CSV, with or without a final line feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpufit-lines-'));
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'id,kind\n1,x\n2,y\n');
    writeFileSync(b, 'id,kind\n1,x\n2,y');
    expect(await lineCount(a)).toBe(2);
    expect(await lineCount(b)).toBe(2);
    expect(await lineCount(join(dir, 'missing.csv'))).toBe(0);
  });
});

describe('the commands label their progress', () => {
  it('simulate and breakeven show their own names, not analyze', async () => {
    const labels: string[] = [];
    vi.resetModules();
    vi.doMock('../src/cli/progress.js', async (original) => ({
      ...(await original<typeof import('../src/cli/progress.js')>()),
      startProgress: async (label: string) => {
        labels.push(label);
        return { tick() {}, stop() {} };
      },
    }));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const { runSimulate } = await import('../src/commands/simulate.js');
      const { runBreakeven } = await import('../src/commands/breakeven.js');
      await runSimulate(undefined, { trials: 50, json: true });
      await runBreakeven(undefined, { json: true });
    } finally {
      out.mockRestore();
      vi.doUnmock('../src/cli/progress.js');
    }
    expect(labels).toEqual(['simulate', 'breakeven']);
  }, 120_000);
});
