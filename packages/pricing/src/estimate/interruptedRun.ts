import { type ExpectedRuntime, expectedRuntime } from '../reliability/expectedRuntime.js';
import type { ProfileFacts } from './profileFacts.js';

/**
 * The expected run of one batch job of `jobWallHours` on an allocation interrupted `interruptionsPerJobHour` times
 * an hour (> 0): from scratch, or with checkpoints when the job resumes and that shortens its expected run (a short
 * job on a reliable machine is cheaper to rerun than to checkpoint). What `estimateCost` bills as interruption
 * re-work, and what `costFloorOf` bounds it by: both candidates' expected wall time grows with the rate (restart
 * from scratch: (M + R)·(e^{T/M} − 1) falls as M = 1/rate grows; checkpointed: M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T/τ
 * falls for every τ, so its least over τ does too), so the run chosen at a lower rate is never longer.
 */
export function interruptedRun(
  jobWallHours: number,
  interruptionsPerJobHour: number,
  pf: ProfileFacts,
): ExpectedRuntime {
  const base = {
    workHours: jobWallHours,
    mtbfHours: 1 / interruptionsPerJobHour,
    checkpointHours: pf.checkpointHours,
    restartHours: pf.restartHours,
  };
  const scratch = expectedRuntime({ ...base, checkpointable: false });
  const withCheckpoints = pf.resumes ? expectedRuntime(base) : scratch;
  return withCheckpoints.bounded && (!scratch.bounded || withCheckpoints.wallHours < scratch.wallHours)
    ? withCheckpoints
    : scratch;
}
