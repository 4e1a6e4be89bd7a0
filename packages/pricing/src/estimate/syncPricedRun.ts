import type { ExpectedRuntime } from '../reliability/expectedRuntime.js';
import { interruptedRun } from './interruptedRun.js';
import type { ProfileFacts } from './profileFacts.js';

/** What `syncPricedRun` needs to know of the job and of the offer's egress schedule. */
export interface SyncPricing {
  readonly jobWallHours: number;
  readonly interruptionsPerJobHour: number;
  readonly pf: ProfileFacts;
  /** What an hour of one job's run adds to the month's GPU bill (P in `interruptedRun`). */
  readonly usdPerHour: number;
  readonly jobsPerMonth: number;
  /** GiB of one checkpoint sent off the host. */
  readonly checkpointGiB: number;
  /** The month's result egress, GiB, which the syncs come after on the schedule. */
  readonly resultGiB: number;
  /** The offer's egress schedule: USD for a month's GiB. */
  readonly egressUsd: (gib: number) => number;
  /** Hours to move one checkpoint off the host or back (`interruptedRun`'s offHostHours). */
  readonly offHostHours: number;
}

/** The run chosen, and the price of one sync it was chosen at (0 when the syncs cost nothing). */
export interface SyncPricedRun {
  readonly run: ExpectedRuntime;
  readonly usdPerCheckpoint: number;
}

/**
 * The expected run of a job whose checkpoints leave the host, chosen at the price one sync really costs on the
 * offer's egress schedule. On a flat price every sync costs the same, the price of the first GiB after the results;
 * on a tiered schedule the first sync's price misleads (a free first 100 GiB prices a 104 GiB checkpoint at 4 GiB,
 * $0.39 against the $9.39 each later one costs), so the interval was chosen as if syncs were nearly free and the
 * run checkpointed too often — a bill higher than the same offer without the free tier. Here the price is
 * re-read as the average of the month's syncs at the run chosen (a fixed point, a few steps), and of the runs tried
 * the one of least actual cost (P × wall hours + the month's sync egress ÷ jobs) is kept, so the first run (the one
 * a flat price gives) is never bettered by a dearer one.
 */
export function syncPricedRun(x: SyncPricing): SyncPricedRun {
  const resultUsd = x.egressUsd(x.resultGiB);
  const usdOfSyncs = (syncs: number) =>
    syncs > 0 ? x.egressUsd(x.resultGiB + syncs * x.checkpointGiB) - resultUsd : 0;
  const runAt = (s: number) =>
    interruptedRun(
      x.jobWallHours,
      x.interruptionsPerJobHour,
      x.pf,
      s > 0 && Number.isFinite(x.usdPerHour) ? { usdPerHour: x.usdPerHour, usdPerCheckpoint: s } : undefined,
      x.offHostHours,
    );
  let s = x.checkpointGiB > 0 && x.jobsPerMonth > 0 ? usdOfSyncs(1) : 0;
  const first = runAt(s);
  if (!first.bounded || x.checkpointGiB <= 0 || x.jobsPerMonth <= 0 || !Number.isFinite(x.usdPerHour))
    return { run: first, usdPerCheckpoint: s };
  const actualUsd = (r: ExpectedRuntime) =>
    r.bounded
      ? x.usdPerHour * r.wallHours + usdOfSyncs(r.checkpoints * x.jobsPerMonth) / x.jobsPerMonth
      : Number.POSITIVE_INFINITY;
  let best: ExpectedRuntime = first;
  let bestS = s;
  let bestUsd = actualUsd(first);
  let run: ExpectedRuntime = first;
  for (let step = 0; step < 4 && run.bounded && run.checkpoints > 0; step++) {
    const syncs = run.checkpoints * x.jobsPerMonth;
    const average = usdOfSyncs(syncs) / syncs;
    // A flat price gives back the price it started from: the first run stands, bit for bit.
    if (Math.abs(average - s) <= 1e-9 * Math.max(1, Math.abs(s))) break;
    s = average;
    run = runAt(s);
    const usd = actualUsd(run);
    if (usd < bestUsd) {
      best = run;
      bestS = s;
      bestUsd = usd;
    }
  }
  return { run: best, usdPerCheckpoint: bestS };
}
