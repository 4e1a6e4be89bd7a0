import { HOURS_PER_MONTH } from '@gpufit/schema';
import { logRamp, logRampIn, logRange, percent, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';

/**
 * Q4 "What uptime do you need?". The signal is the share of the way from `relaxedAvailability` to
 * `strictAvailability` measured in nines (log of allowed downtime): 90% → 0, 99% → 0.5, 99.9% → 1 with
 * the defaults. DePIN can reach a target with redundant replicas (pricing charges for them), so this
 * lowers fit rather than excluding. Monotone: a higher target never raises DePIN fit.
 */
export const uptimeFactor = defineFactor({
  id: 'uptime',
  question: 'What uptime do you need?',
  rationale:
    'Customer-facing systems with tight SLAs usually need stronger reliability guarantees than internal experiments.',
  weight: 10,
  params: { relaxedAvailability: 0.9, strictAvailability: 0.999 },
  checkParams: (p) =>
    p.relaxedAvailability > 0 && p.relaxedAvailability < p.strictAvailability && p.strictAvailability < 1
      ? undefined
      : {
          param: 'relaxedAvailability',
          message: 'need 0 < relaxedAvailability < strictAvailability < 1',
        },
  prepare: (p) => ({
    ...p,
    strictDowntime: 1 - p.strictAvailability,
    relaxedDowntime: 1 - p.relaxedAvailability,
    range: logRange(1 - p.strictAvailability, 1 - p.relaxedAvailability),
  }),
  measure(profile, p, _config, out) {
    // Ramp on nines = 1 − ramp on log(downtime), which needs one logarithm.
    const s = 1 - logRampIn(1 - profile.availabilityTarget, p.strictDowntime, p.relaxedDowntime, p.range);
    out.depin = -s;
    out.cloud = 0.5 * s;
  },
  explain(profile, p) {
    const a = profile.availabilityTarget;
    const downtime = `${percent(a)} availability (about ${roughly((1 - a) * HOURS_PER_MONTH)} h of downtime a month)`;
    if (a <= p.relaxedAvailability)
      return `Targets ${downtime}: internal-grade uptime that best-effort DePIN hosts can meet.`;
    // Less than half-way (in nines) from relaxed to strict: a spare replica covers it.
    if (logRamp(1 - a, 1 - p.strictAvailability, 1 - p.relaxedAvailability) > 0.5)
      return `Targets ${downtime}: more than internal experiments need, which a spare replica or a retry covers on DePIN.`;
    return `Targets ${downtime}: "customer-facing systems with tight SLAs usually need stronger reliability guarantees"; clouds back that with an SLA, DePIN only with redundant replicas because "uptime can vary by provider".`;
  },
});
