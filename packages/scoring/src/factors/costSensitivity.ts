import { type CostSensitivity, isAssumed } from '@gpufit/schema';
import { defineFactor } from '../defineFactor.js';

const SENTENCES: { readonly [C in CostSensitivity]: string } = {
  low: 'Cost sensitivity low: predictability is worth more than a discount, which favours SLA-backed cloud.',
  medium: 'Cost sensitivity medium: price matters, but not more than reliability.',
  high: 'Cost sensitivity high: "if your team can tolerate some variability, decentralized capacity may offer faster savings for non-critical jobs".',
};

/**
 * Q7 "How cost-sensitive are you?". Signals per level are params so a team can re-weigh them; the check
 * keeps them ordered, so more cost sensitivity never lowers DePIN fit nor raises cloud fit. The cloud
 * penalty is half the DePIN gain because hyperscaler spot also sells discounts (DESIGN §4).
 */
export const costSensitivityFactor = defineFactor({
  id: 'cost-sensitivity',
  question: 'How cost-sensitive are you?',
  rationale:
    'If your team can tolerate some variability, decentralized capacity may offer faster savings for non-critical jobs.',
  weight: 6,
  params: { lowDepin: -0.5, mediumDepin: 0, highDepin: 1, lowCloud: 0.5, mediumCloud: 0, highCloud: -0.5 },
  checkParams: (p) =>
    p.lowDepin <= p.mediumDepin && p.mediumDepin <= p.highDepin
      ? p.lowCloud >= p.mediumCloud && p.mediumCloud >= p.highCloud
        ? undefined
        : { param: 'lowCloud', message: 'need lowCloud ≥ mediumCloud ≥ highCloud' }
      : { param: 'lowDepin', message: 'need lowDepin ≤ mediumDepin ≤ highDepin' },
  measure(profile, p, _config, out) {
    const c = profile.costSensitivity;
    out.depin = c === 'high' ? p.highDepin : c === 'medium' ? p.mediumDepin : p.lowDepin;
    out.cloud = c === 'high' ? p.highCloud : c === 'medium' ? p.mediumCloud : p.lowCloud;
  },
  explain(profile) {
    const sentence = SENTENCES[profile.costSensitivity];
    return isAssumed(profile, 'costSensitivity')
      ? `Assumed cost sensitivity ${profile.costSensitivity} (default for this kind; none given). ${sentence}`
      : sentence;
  },
});
