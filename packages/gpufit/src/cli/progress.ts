import { createReadStream } from 'node:fs';
import { useColor } from './terminal.js';

export interface Progress {
  tick(by?: number): void;
  stop(): void;
}

const silent: Progress = { tick() {}, stop() {} };

/** Where progress goes: stderr, or a stand-in in tests. Only a terminal (`isTTY`) ever gets a bar. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };

export interface ProgressOptions {
  /** What is counted, plural (`workloads`). */
  readonly unit?: string;
  /** Default: process.stderr. */
  readonly stream?: ProgressStream;
  /** Milliseconds since the epoch (tests fix it). */
  readonly now?: () => number;
}

/** `12s`, `3m 05s`, `2h 07m`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * The text after the bar: done of total, the rate so far and the time left at that rate (`ETA —` until a
 * first unit is done: no rate, no estimate).
 */
export function progressText(done: number, total: number, elapsedMs: number, unit: string): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const percent = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 0;
  const eta = rate > 0 ? formatDuration((total - Math.min(done, total)) / rate) : '—';
  return `${percent}% | ${n(done)}/${n(total)} ${unit} | ${n(rate)} ${unit}/s | ETA ${eta}`;
}

/**
 * A progress bar on stderr for long work, labelled with the command that runs it (`simulate`, not `analyze`),
 * with the rate so far and the time left. Shown only when the stream is a terminal: never in pipes, files or
 * CI logs. cli-progress (loaded only then) draws and throttles the line; the text is `progressText`.
 */
export async function startProgress(
  label: string,
  total: number,
  options: ProgressOptions = {},
): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true || total <= 0) return silent;
  const unit = options.unit ?? 'workloads';
  const now = options.now ?? Date.now;
  const { default: cliProgress } = await import('cli-progress');
  const complete = useColor() ? '\u2588' : '#';
  const incomplete = useColor() ? '\u2591' : '.';
  const started = now();
  const bar = new cliProgress.SingleBar({
    format: (_options, params) => {
      const width = 20;
      const filled = Math.round(width * Math.min(1, params.progress));
      const text = progressText(params.value, params.total, now() - started, unit);
      return `${label} [${complete.repeat(filled)}${incomplete.repeat(width - filled)}] ${text}`;
    },
    stream: stream as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return {
    tick(by = 1) {
      bar.increment(by);
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * The data rows a CSV file seems to hold (its line feeds, a last line without one included, less the header):
 * the total of a streamed analysis's bar. A quoted field spanning lines makes it an over-estimate; an
 * unreadable file counts 0 (the loader reports it).
 */
export async function lineCount(path: string): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++;
      if (bytes.length > 0) last = bytes[bytes.length - 1]!;
    }
  } catch {
    return 0;
  }
  return Math.max(0, lines + (last === 0x0a ? 0 : 1) - 1);
}
