import type { WorkloadProfile } from '@gpufit/schema';
import { logRampIn, logRange, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';

/**
 * GiB that must cross a provider boundary in a month: the dataset (moved at least once), what is uploaded every
 * month (`ingressGiBPerMonth`) and egress.
 */
export function movedGiB(profile: WorkloadProfile): number {
  return profile.datasetGiB + profile.ingressGiBPerMonth + profile.egressGiBPerMonth;
}

/**
 * Q3 "How much data needs to move?". Data lives where it was produced, usually a cloud bucket; every GiB
 * shipped to and from outside hosts costs transfer time and egress fees. Below `smallGiB` that is noise,
 * at `largeGiB` it can erase a discount. Monotone: more data never raises DePIN fit.
 */
export const dataMovementFactor = defineFactor({
  id: 'data-movement',
  question: 'How much data needs to move?',
  rationale:
    'If datasets are large or sensitive, transfer time and storage location may erase any headline savings.',
  weight: 15,
  params: { smallGiB: 100, largeGiB: 10_000 },
  checkParams: (p) =>
    p.smallGiB > 0 && p.smallGiB < p.largeGiB
      ? undefined
      : { param: 'smallGiB', message: 'smallGiB must be positive and smaller than largeGiB' },
  prepare: (p) => ({ ...p, range: logRange(p.smallGiB, p.largeGiB) }),
  measure(profile, p, _config, out) {
    const s = logRampIn(movedGiB(profile), p.smallGiB, p.largeGiB, p.range);
    out.depin = -s;
    out.cloud = 0.25 * s;
  },
  explain(profile, p) {
    const gib = movedGiB(profile);
    const parts =
      profile.ingressGiBPerMonth > 0
        ? 'dataset, monthly uploads and monthly egress'
        : 'dataset plus monthly egress';
    if (gib <= p.smallGiB)
      return `Moves about ${roughly(gib)} GiB (${parts}): too little for transfer time or egress fees to matter.`;
    return `Moves about ${roughly(gib)} GiB (${parts}): "transfer time and storage location may erase any headline savings".`;
  },
});
