import { isAssumed } from '@gpufit/schema';
import { defineFactor } from '../defineFactor.js';

/**
 * The seed's "best early fits are … interrupt-tolerant": DePIN hosts are best-effort and can vanish; a
 * job that tolerates that can use them, one that cannot wants dedicated capacity. Monotone by the check:
 * making a job interruptible never lowers DePIN fit nor raises cloud fit.
 */
export const interruptionToleranceFactor = defineFactor({
  id: 'interruption-tolerance',
  question: 'Can the job be interrupted?',
  rationale:
    'The best early fits are workloads that are flexible, interrupt-tolerant, and easy to checkpoint.',
  weight: 8,
  params: { tolerantDepin: 1, intolerantDepin: -0.5, tolerantCloud: 0, intolerantCloud: 0.5 },
  checkParams: (p) =>
    p.tolerantDepin >= p.intolerantDepin
      ? p.tolerantCloud <= p.intolerantCloud
        ? undefined
        : { param: 'tolerantCloud', message: 'need tolerantCloud ≤ intolerantCloud' }
      : { param: 'tolerantDepin', message: 'need tolerantDepin ≥ intolerantDepin' },
  measure(profile, p, _config, out) {
    out.depin = profile.interruptible ? p.tolerantDepin : p.intolerantDepin;
    out.cloud = profile.interruptible ? p.tolerantCloud : p.intolerantCloud;
  },
  explain(profile) {
    const sentence = profile.interruptible
      ? 'Can be interrupted and resumed: "the best early fits are workloads that are flexible, interrupt-tolerant, and easy to checkpoint".'
      : 'Cannot be interrupted: a team that "cannot afford capacity surprises" needs dedicated capacity, which clouds sell with an SLA.';
    return isAssumed(profile, 'interruptible')
      ? `Assumed ${profile.interruptible ? 'interruptible' : 'not interruptible'} (default for this kind; none given). ${sentence}`
      : sentence;
  },
});
