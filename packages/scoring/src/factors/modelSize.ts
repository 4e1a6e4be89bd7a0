import { assumedMark, isAssumed, type WorkloadProfile } from '@gpufit/schema';
import { logRampIn, logRange, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';
import { precisionBytes } from '../ranks.js';

const GIB = 2 ** 30;
/**
 * What a 48 GB workstation card (RTX 6000 Ada, L40S) holds, in GiB: between one 24 GB consumer card and an 80 GB
 * datacenter card the sentence names these (the signal itself ramps smoothly between the two params).
 */
const WORKSTATION_CARD_GIB = 44;

/** Weights only (params × bytes per parameter); pricing sizes KV cache and optimizer state per offer. */
export function weightsGiB(profile: WorkloadProfile): number {
  return (profile.modelParamsBillions * 1e9 * precisionBytes(profile.precision)) / GIB;
}

/**
 * Q2 "How large is the model?". A model whose weights fit one 24 GB consumer card (with headroom) can use
 * the bulk of DePIN supply; one that needs a datacenter card narrows it; one that spans several 80 GB GPUs
 * per replica needs the multi-GPU, interconnected machines clouds hold most of. Signal is monotone: a
 * bigger footprint never raises DePIN fit.
 */
export const modelSizeFactor = defineFactor({
  id: 'model-size',
  question: 'How large is the model?',
  rationale:
    'Bigger models may require specific GPU memory, multi-node coordination, or high-speed interconnects that are harder to guarantee outside major cloud providers.',
  weight: 8,
  params: { consumerCardGiB: 20, datacenterCardGiB: 80, clusterGiB: 640 },
  checkParams: (p) =>
    p.consumerCardGiB > 0 && p.consumerCardGiB < p.datacenterCardGiB
      ? p.datacenterCardGiB < p.clusterGiB
        ? undefined
        : { param: 'clusterGiB', message: 'clusterGiB must be larger than datacenterCardGiB' }
      : {
          param: 'consumerCardGiB',
          message: 'consumerCardGiB must be positive and smaller than datacenterCardGiB',
        },
  prepare: (p) => ({
    ...p,
    cardRange: logRange(p.consumerCardGiB, p.datacenterCardGiB),
    clusterRange: logRange(p.datacenterCardGiB, p.clusterGiB),
  }),
  measure(profile, p, _config, out) {
    const gib = weightsGiB(profile);
    const beyondOneCard = logRampIn(gib, p.datacenterCardGiB, p.clusterGiB, p.clusterRange);
    out.depin = 1 - logRampIn(gib, p.consumerCardGiB, p.datacenterCardGiB, p.cardRange) - beyondOneCard;
    out.cloud = 0.5 * beyondOneCard;
  },
  explain(profile, p) {
    const gib = weightsGiB(profile);
    const size = isAssumed(profile, 'modelParamsBillions')
      ? `Assumed ${roughly(profile.modelParamsBillions)}B parameters (default for this kind; none given)`
      : `${roughly(profile.modelParamsBillions)}B parameters`;
    const head = `${size} at ${profile.precision}${assumedMark(profile, 'precision')} take about ${roughly(gib)} GiB of weights`;
    if (gib <= p.consumerCardGiB)
      return `${head}: one 24 GB consumer card holds them, and such cards are most of what DePIN networks offer.`;
    if (gib <= WORKSTATION_CARD_GIB)
      return `${head}: more than one 24 GB consumer card holds, but a 32–48 GB card (RTX 5090, RTX 6000 Ada, L40S) or two 24 GB cards do — listed on DePIN networks, less often than 24 GB cards.`;
    if (gib <= p.datacenterCardGiB)
      return `${head}: that needs an 80 GB datacenter card (or several smaller ones), scarcer on DePIN networks than consumer cards.`;
    return `${head}: more than one 80 GB GPU per replica, and "bigger models may require specific GPU memory, multi-node coordination, or high-speed interconnects that are harder to guarantee outside major cloud providers".`;
  },
});
