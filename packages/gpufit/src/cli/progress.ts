import { useColor } from './terminal.js';

export interface Progress {
  tick(by?: number): void;
  stop(): void;
}

const silent: Progress = { tick() {}, stop() {} };

/**
 * A progress bar on stderr for long work, shown only when stderr is a terminal (silent in pipes, files and
 * CI). cli-progress is loaded only then, so non-interactive runs never pay for it.
 */
export async function startProgress(label: string, total: number): Promise<Progress> {
  if (!process.stderr.isTTY || total <= 0) return silent;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      barCompleteChar: useColor() ? '\u2588' : '#',
      barIncompleteChar: useColor() ? '\u2591' : '.',
    },
    cliProgress.Presets.shades_classic,
  );
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
