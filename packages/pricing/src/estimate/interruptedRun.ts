import { type ExpectedRuntime, expectedRuntime } from '../reliability/expectedRuntime.js';
import {
  type CheckpointCosts,
  costOptimalCheckpointInterval,
} from '../reliability/optimalCheckpointInterval.js';
import type { ProfileFacts } from './profileFacts.js';

/**
 * The expected run of one batch job of `jobWallHours` on an allocation interrupted `interruptionsPerJobHour` times
 * an hour (> 0): from scratch, or with checkpoints when the job resumes and that makes its expected run cheaper
 * (a short job on a reliable machine is cheaper to rerun than to checkpoint). What `estimateCost` bills as
 * interruption re-work, and what `costFloorOf` bounds it by.
 *
 * Without `costs`, or with checkpoints that cost nothing besides their write time (s = 0), the interval is the
 * wall-time optimum and the cheaper run is the shorter one. When each checkpoint also costs s (a sync off the
 * host) and an hour of the run P, the interval is the one of least expected cost P·T_w + s·T_s/τ
 * (`costOptimalCheckpointInterval`, capped at the job), and the run kept is the one of least expected cost — a
 * sync dearer than the re-work it saves makes the job checkpoint less often, or rerun from scratch.
 *
 * Without `costs` the run is the shortest of the two, and both candidates' expected wall time grows with the rate
 * (restart from scratch: (M + R)·(e^{T/M} − 1) falls as M = 1/rate grows; checkpointed: M·e^{R/M}·(e^{(τ+δ)/M} − 1)·
 * T/τ falls for every τ, so its least over τ does too), so the run chosen at a lower rate is never longer; and it
 * is never longer than the run chosen with `costs`, which is one of the runs the shortest is the least of. That is
 * what lets `costFloorOf` bound the re-work without the costs — and without `offHostHours` (the time to move one
 * checkpoint off the host, or back onto a new one), which only lengthens the checkpointed run.
 */
export function interruptedRun(
  jobWallHours: number,
  interruptionsPerJobHour: number,
  pf: ProfileFacts,
  costs?: CheckpointCosts,
  offHostHours = 0,
): ExpectedRuntime {
  const scratch = expectedRuntime({
    workHours: jobWallHours,
    mtbfHours: 1 / interruptionsPerJobHour,
    checkpointHours: pf.checkpointHours,
    restartHours: pf.restartHours,
    checkpointable: false,
  });
  if (!pf.resumes) return scratch;
  // A checkpoint kept off the host (marketplace and DePIN hosts have no durable storage) is safe only once its
  // upload ends, and a replacement host fetches it before resuming: both transfers lengthen the checkpointed run
  // (a gpufit assumption: the job waits for the upload; an asynchronous one leaves the newest safe checkpoint as
  // much older). A rerun from scratch fetches none.
  const base = {
    workHours: jobWallHours,
    mtbfHours: 1 / interruptionsPerJobHour,
    checkpointHours: pf.checkpointHours + offHostHours,
    restartHours: pf.restartHours + offHostHours,
  };
  // A rate so small that M = 1/rate is Infinity never fails: the shortest run is the cheapest (the rerun, T).
  if (costs === undefined || costs.usdPerCheckpoint === 0 || base.mtbfHours === Number.POSITIVE_INFINITY) {
    const withCheckpoints = expectedRuntime(base);
    return withCheckpoints.bounded && (!scratch.bounded || withCheckpoints.wallHours < scratch.wallHours)
      ? withCheckpoints
      : scratch;
  }
  if (!(jobWallHours > 0)) return scratch;
  const tau = Math.min(
    costOptimalCheckpointInterval(base.checkpointHours, base.mtbfHours, base.restartHours, costs),
    jobWallHours,
  );
  const withCheckpoints = expectedRuntime({ ...base, intervalHours: tau });
  if (!withCheckpoints.bounded) return scratch;
  if (!scratch.bounded) return withCheckpoints;
  const checkpointedUsd =
    costs.usdPerHour * withCheckpoints.wallHours + costs.usdPerCheckpoint * withCheckpoints.checkpoints;
  return checkpointedUsd < costs.usdPerHour * scratch.wallHours ? withCheckpoints : scratch;
}
