import { logRampIn, logRange, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';

const CHECKPOINTS =
  'Checkpoints and resumes: a dropped host costs one checkpoint interval, not the whole job.';
const INDEPENDENT_UNITS =
  'No checkpoints, but units of work are independent: a dropped host loses only the requests or shards in flight, which are retried.';

/**
 * "Easy to checkpoint": a checkpointable job loses at most one checkpoint interval when a host drops. A
 * stateful job that cannot checkpoint loses all of its work, so the penalty grows with the unit of work
 * (`hoursPerJob`, log-linear from `shortJobHours` to `longJobHours`); independent units of work
 * (stateless requests, shards) lose only what was in flight, so they pay nothing here. Pricing turns this into expected
 * wall time (Young/Daly); here it is a fit signal. Monotone: checkpointable is always at least as good, and so is stateless.
 */
export const checkpointabilityFactor = defineFactor({
  id: 'checkpointability',
  question: 'Can the job checkpoint and resume?',
  rationale:
    'The best early fits are workloads that are flexible, interrupt-tolerant, and easy to checkpoint.',
  weight: 6,
  params: { shortJobHours: 0.25, longJobHours: 24 },
  checkParams: (p) =>
    p.shortJobHours > 0 && p.shortJobHours < p.longJobHours
      ? undefined
      : { param: 'shortJobHours', message: 'shortJobHours must be positive and smaller than longJobHours' },
  prepare: (p) => ({ ...p, range: logRange(p.shortJobHours, p.longJobHours) }),
  measure(profile, p, _config, out) {
    if (profile.checkpointable) {
      out.depin = 1;
      out.cloud = 0;
      return;
    }
    // Independent units of work (stateless requests, shards) lose one unit, not the job.
    const s = profile.statelessRequests
      ? 0
      : logRampIn(profile.hoursPerJob, p.shortJobHours, p.longJobHours, p.range);
    out.depin = -s;
    out.cloud = 0.5 * s;
  },
  explain(profile, p) {
    if (profile.checkpointable) return CHECKPOINTS;
    if (profile.statelessRequests) return INDEPENDENT_UNITS;
    const hours = roughly(profile.hoursPerJob);
    return profile.hoursPerJob <= p.shortJobHours
      ? `No checkpoints, but units of work are short (${hours} h): a dropped host costs little.`
      : `No checkpoints: a dropped host loses up to ${hours} h of work, which then starts over.`;
  },
});
