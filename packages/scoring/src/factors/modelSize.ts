import {
  assumedMark,
  isAssumed,
  type TrainingMethod,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';
import { logRampIn, logRange, roughly } from '../curves.js';
import { defineFactor } from '../defineFactor.js';
import { isInference, precisionBytes, trainingBytes } from '../ranks.js';

const GIB = 2 ** 30;
/**
 * What a 48 GB workstation card (RTX 6000 Ada, L40S) holds, in GiB: between one 24 GB consumer card and an 80 GB
 * datacenter card the sentence names these (the signal itself ramps smoothly between the two params).
 */
const WORKSTATION_CARD_GIB = 44;

/**
 * What one replica holds, in GiB. Inference: the weights only (params × bytes per parameter; pricing adds the KV
 * cache per offer). Training: by its method, with the figures pricing uses (@gpufit/schema
 * `trainingBytesPerParameter`): full = weights + gradients + Adam state (16 bytes/param at bf16), LoRA = frozen
 * weights + adapters with their state, QLoRA = 4-bit frozen linear layers (embeddings and LM head at the stated precision) + adapters. A profile built without a method
 * trains fully, as pricing assumes.
 */
export function modelFootprintGiB(profile: WorkloadProfile): number {
  return (profile.modelParamsBillions * 1e9 * bytesPerParameter(profile)) / GIB;
}

function bytesPerParameter(profile: WorkloadProfile): number {
  return isInference(profile.kind)
    ? precisionBytes(profile.precision)
    : trainingBytes(profile.precision, profile.trainingMethod ?? 'full', profile.modelParamsBillions);
}

/** How the sentence names a training run of each method, and what it holds. */
const TRAINING_WORDS: { readonly [M in TrainingMethod]: { readonly run: string; readonly holds: string } } = {
  full: { run: 'trained fully', holds: 'weights, gradients and Adam state' },
  lora: {
    run: 'fine-tuned with LoRA',
    holds: 'frozen weights plus adapters with their gradients and Adam state',
  },
  qlora: {
    run: 'fine-tuned with QLoRA',
    holds:
      'frozen weights in 4-bit NF4 (embeddings and LM head unquantized) plus adapters with their gradients and Adam state',
  },
};

/**
 * Q2 "How large is the model?". A replica whose footprint (an inference model's weights; a training run's weights,
 * gradients and optimizer state by its method) fits one 24 GB consumer card (with headroom) can use the bulk of DePIN
 * supply; one that needs a datacenter card narrows it; one that spans several 80 GB GPUs
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
    const gib = modelFootprintGiB(profile);
    const beyondOneCard = logRampIn(gib, p.datacenterCardGiB, p.clusterGiB, p.clusterRange);
    out.depin = 1 - logRampIn(gib, p.consumerCardGiB, p.datacenterCardGiB, p.cardRange) - beyondOneCard;
    out.cloud = 0.5 * beyondOneCard;
  },
  explain(profile, p) {
    const gib = modelFootprintGiB(profile);
    const params = `${roughly(profile.modelParamsBillions)}B parameters`;
    const size = isAssumed(profile, 'modelParamsBillions')
      ? `Assumed ${params} (default for this kind; none given)`
      : params;
    const at = `${size} at ${profile.precision}${assumedMark(profile, 'precision')}`;
    let head: string;
    if (workloadKinds[profile.kind].phase === 'inference') {
      head = `${at} take about ${roughly(gib)} GiB of weights`;
    } else {
      const method = profile.trainingMethod ?? 'full';
      const words = TRAINING_WORDS[method];
      const fullGiB =
        (profile.modelParamsBillions *
          1e9 *
          trainingBytes(profile.precision, 'full', profile.modelParamsBillions)) /
        GIB;
      const methodMark = !isAssumed(profile, 'trainingMethod')
        ? ''
        : method === 'full'
          ? workloadKinds[profile.kind].defaults.fullTrainingWhenOneGpuHolds === true
            ? ' (assumed: a sweep whose full run fits one 80 GB GPU trains every weight; set trainingMethod to lora if it trains adapters)'
            : ' (assumed: default for this kind)'
          : ` (assumed: default for this kind; a full fine-tune would hold about ${roughly(fullGiB)} GiB: set trainingMethod to full if every weight trains)`;
      head = `${at}, ${words.run}${methodMark}, hold about ${roughly(gib)} GiB (${words.holds}, ${roughly(bytesPerParameter(profile))} bytes a parameter)`;
    }
    if (gib <= p.consumerCardGiB)
      return `${head}: one 24 GB consumer card holds them, and such cards are most of what DePIN networks offer.`;
    if (gib <= WORKSTATION_CARD_GIB)
      return `${head}: more than one 24 GB consumer card holds, but a 32–48 GB card (RTX 5090, RTX 6000 Ada, L40S) or two 24 GB cards do — listed on DePIN networks, less often than 24 GB cards.`;
    if (gib <= p.datacenterCardGiB)
      return `${head}: that needs an 80 GB datacenter card (or several smaller ones), scarcer on DePIN networks than consumer cards.`;
    return `${head}: more than one 80 GB GPU per replica, and "bigger models may require specific GPU memory, multi-node coordination, or high-speed interconnects that are harder to guarantee outside major cloud providers".`;
  },
});
