import { PRECISION_BYTES, PRECISIONS, type Precision } from '@gpufit/schema';
import type { GpuTier } from './gpuTierTable.js';
import { precisionOf } from './precisionOf.js';
import { precisionSupport } from './precisionSupport.js';

export interface MeasuredPrecisionNoteInput {
  /**
   * The ratio's `measuredPrecision` (`datasets/throughput-ratios.csv`): the format every result behind it ran at
   * (`fp8`, `fp16/bf16`), or `unknown (…)` / `mixed (…)` naming what each GPU's results record.
   */
  readonly measuredPrecision: string;
  /** The precision the work runs at. */
  readonly work: Precision;
  readonly demandTier: Pick<GpuTier, 'gpu' | 'generation'>;
  readonly offerTier: Pick<GpuTier, 'gpu' | 'generation'>;
  /** Throughput per GPU of the offer's GPU ÷ the demand's, as measured. */
  readonly ratio: number;
}

/** How a GPU runs a format: natively, weight-only (widened to 16 bits for the arithmetic), or not at all. */
function runs(tier: Pick<GpuTier, 'gpu' | 'generation'>, p: Precision): 'native' | 'weight-only' | 'no' {
  const v = precisionSupport(tier, p, false);
  return !v.runs ? 'no' : v.weightOnly ? 'weight-only' : 'native';
}

const asPrecision = (label: string): Precision | undefined =>
  (PRECISIONS as readonly string[]).includes(label) ? (label as Precision) : undefined;

/**
 * The sentence an estimate carries when the measured ratio it converts GPUs at was not measured at the work's
 * precision, or null when it was (same bit width). A ratio measured at fp8 on both GPUs is not like-for-like for
 * bf16 work when one GPU computes at fp8 and the other (A100: fp8 weight-only, 16-bit arithmetic) does not: the
 * measurement credits the first with a speed-up the bf16 work does not get, so its lead is likely overstated.
 * The direction is stated only where the GPUs' support for the narrower format differs (`precisionSupport`);
 * otherwise it is said to be unknown. gpufit still prices the pair — a measured ratio at another precision says
 * more than a datasheet — and labels it. Null too where the source does not record one format for the results
 * (`unknown (…)`, `mixed (…)`: MLPerf Training logs none): that caveat is the same for every such estimate, and a
 * report says it once (`unrecordedFormatCaveat`).
 */
export function measuredPrecisionNote(input: MeasuredPrecisionNoteInput): string | null {
  const { measuredPrecision, work, demandTier, offerTier } = input;
  const offer = offerTier.gpu;
  const demand = demandTier.gpu;
  const workBits = PRECISION_BYTES[work] * 8;
  const times = `${Number(input.ratio.toPrecision(3))}×`;
  const head = `precision: the measured ratio (${offer} = ${times} ${demand})`;
  // A format the source does not record in full, or several pooled, is said once per report
  // (`unrecordedFormatCaveat`), not on every estimate.
  const single = /^(unknown|mixed)\b/i.test(measuredPrecision) ? null : precisionOf(measuredPrecision);
  if (single === null) return null;
  if (single.bits === workBits) return null;
  const measured = single.label;
  const narrower = asPrecision(single.bits < workBits ? measured : work);
  const measuredNarrower = single.bits < workBits;
  const [o, d] =
    narrower === undefined ? [null, null] : [runs(offerTier, narrower), runs(demandTier, narrower)];
  const gapText = measuredNarrower
    ? `was measured at ${measured}, narrower than this work's ${work}`
    : `was measured at ${measured}, wider than this work's ${work}`;
  const support =
    o !== null && d !== null && o !== d
      ? ` (${[
          [offer, o],
          [demand, d],
        ]
          .map(
            ([g, r]) =>
              `${g} ${r === 'native' ? `computes at ${narrower}` : r === 'weight-only' ? `runs ${narrower} weight-only, computing at 16 bits` : `has no ${narrower}`}`,
          )
          .join('; ')})`
      : '';
  if (o === null || d === null || o === d)
    return `${head} ${gapText}${support}: both GPUs run ${narrower ?? measured} alike, and how much each gains or loses between the two formats was not measured, so the error's direction is not known. It is still priced, as the best measurement available`;
  // Whose lead the measurement overstates: the GPU that runs the narrower format natively gains from it only when the
  // ratio was measured at it (measuredNarrower); when the work is the narrower, the ratio leaves that gain out.
  const offerFavoured = (o === 'native') === measuredNarrower;
  const direction = offerFavoured
    ? `the ratio likely overstates ${offer}'s speed for this work, so its GPU-hours here are likely understated and its cost likely low`
    : `the ratio likely understates ${offer}'s speed for this work, so its GPU-hours here are likely overstated and its cost likely high`;
  return `${head} ${gapText}${support}: ${direction}. It is still priced, as the best measurement available; benchmark ${offer} at ${work} before relying on it`;
}
