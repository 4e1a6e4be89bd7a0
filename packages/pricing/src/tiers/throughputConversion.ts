import {
  type GpuPolicy,
  PRECISION_BYTES,
  type Precision,
  type ThroughputBasis,
  type ThroughputClass,
  type WorkloadTask,
} from '@gpufit/schema';
import { type GpuTier, relativeThroughput } from './gpuTierTable.js';
import { measuredFormatOf } from './measuredFormatOf.js';
import { measuredPrecisionNote } from './measuredPrecisionNote.js';
import { modelSizeBand } from './modelSizeBand.js';
import type { ThroughputRatioTable } from './throughputRatioTable.js';

export type ThroughputConversion =
  | { readonly ok: true; readonly value: ThroughputBasis }
  | { readonly ok: false; readonly reason: string };

export interface ThroughputConversionInput {
  readonly policy: GpuPolicy;
  readonly throughputClass: ThroughputClass;
  readonly modelParamsBillions: number;
  /**
   * The precision the work runs at: a ratio measured at two precisions (fp4 against fp8) holds only for work at or
   * below the lower one. Absent: like-for-like ratios only.
   */
  readonly precision?: Precision;
  /**
   * What the model does: only ratios measured on this task's benchmarks convert it (`taskNotMeasured` says why a
   * pair has none). Absent or null: the ratios pooled over every task of the model-size band.
   */
  readonly task?: WorkloadTask | null;
  /** The GPU the demand is stated in, and whether the user named it (else it is the reference GPU). */
  readonly demandTier: GpuTier;
  readonly named: boolean;
  readonly offerTier: GpuTier;
  /** Measured ratios (`datasets/throughput-ratios.csv`); absent = none measured. */
  readonly ratios: ThroughputRatioTable | undefined;
  /**
   * The work serves requests under a p99 latency budget. With no GPU named (`named` false, policy `measured`), a
   * GPU slower than the demand's by its datasheet alone is then refused rather than priced at its slow-down.
   */
  readonly latencyBound?: boolean;
  /** Write the reason of a refusal (default true); a catalog search asks only for the verdict. */
  readonly explain?: boolean;
}

/**
 * How many demand-GPU-hours of work one hour of the offer's GPU does (DESIGN §5.1b, "the GPU the work needs").
 * The named GPU (or the reference GPU) converts at 1. Another GPU converts only at a *measured* ratio for the
 * workload's class and model-size band (MLPerf or another published benchmark) — never at a datasheet
 * bandwidth or TFLOPS ratio, because a small model does not run 26.7× faster on a bigger GPU. Policy `exact`
 * allows no substitute; `measured` (the default) allows measured ones for a named GPU, and acts as `any` when the
 * profile names none (`named` false: the reference GPU is a unit of hours, not a choice to honour); `any` also
 * allows an unmeasured GPU but credits it no speed-up over the demand's GPU (ratio min(datasheet, 1), the datasheet ratio being the lower of
 * the class's, the bandwidth and the compute ratio: a slower GPU is charged for being slower, a faster one is not
 * credited for being faster). A ratio measured at two precisions
 * (MLPerf's Blackwell results at fp4 against Hopper's at fp8) converts only work at or below the lower one: a
 * 405B judge at fp8 is not priced on a B200 at its fp4 rate. A workload with a `task` converts only at a ratio
 * measured on that task's benchmarks (whisper for speech-to-text): a pair measured only on other tasks is treated
 * as unmeasured, since one GPU's lead over another differs between a text generator's decode, a diffusion model
 * and a speech encoder-decoder, and a ratio from another task is not a measurement of this work.
 */
export function throughputConversion(input: ThroughputConversionInput): ThroughputConversion {
  const { demandTier, offerTier, policy, throughputClass } = input;
  const demandGpu = demandTier.gpu;
  const offerGpu = offerTier.gpu;
  if (demandGpu.toLowerCase() === offerGpu.toLowerCase()) {
    return { ok: true, value: { demandGpu, offerGpu, ratio: 1, basis: 'same', source: null } };
  }
  const explain = input.explain ?? true;
  const what = (): string =>
    input.named ? `the workload names ${demandGpu}` : `the demand is stated in ${demandGpu}-hours`;
  if (policy === 'exact') {
    return {
      ok: false,
      reason: explain ? `${what()} and its gpuPolicy is exact; this offer is ${offerGpu}` : '',
    };
  }
  const band = modelSizeBand(input.modelParamsBillions);
  const workBits = input.precision === undefined ? undefined : PRECISION_BYTES[input.precision] * 8;
  const task = input.task ?? undefined;
  const measured = input.ratios?.lookup(throughputClass, band, demandGpu, offerGpu, workBits, { task });
  if (measured !== undefined && Number.isFinite(measured.ratio) && measured.ratio > 0) {
    // A ratio measured at another precision than the work's still prices it (the best measurement there is), and
    // the estimate says so (`measuredPrecisionNote`).
    const format =
      explain && measured.measuredPrecision !== undefined
        ? measuredFormatOf(measured.measuredPrecision, input.precision ?? null)
        : null;
    const note =
      explain && measured.measuredPrecision !== undefined && input.precision !== undefined
        ? measuredPrecisionNote({
            measuredPrecision: measured.measuredPrecision,
            work: input.precision,
            demandTier,
            offerTier,
            ratio: measured.ratio,
          })
        : null;
    return {
      ok: true,
      value: {
        demandGpu,
        offerGpu,
        ratio: measured.ratio,
        basis: 'measured',
        source: measured.source,
        ...(note !== null && { precisionNote: note }),
        ...(format !== null && { measuredFormat: format }),
      },
    };
  }
  // `measured` keeps a *named* GPU's work on GPUs measured against it. With no GPU named there is none to keep:
  // the demand's GPU is only the unit its hours are read in (`referenceGpu`), so an unmeasured GPU may price it,
  // credited no speed-up, as under `any` — else a 1.5B Whisper stated without a GPU had no L4, A10G or RTX 4090.
  if (policy === 'measured' && input.named) {
    if (!explain) return { ok: false, reason: '' };
    const gap = input.ratios?.precisionGaps(throughputClass, band, demandGpu, offerGpu, { task })[0]
      ?.precision;
    if (gap !== undefined) {
      return {
        ok: false,
        reason: `${what()}; the published benchmarks measure ${offerGpu} against ${demandGpu} for ${throughputClass} work on ${band} models only at ${gap.to} against ${gap.from}, which credits ${offerGpu} with the lower precision's speed-up; this work runs at ${input.precision ?? 'an unstated precision'}, so gpufit does not price it (gpuPolicy measured; state the precision the model really runs at, or set gpuPolicy any to allow it without a speed-up)`,
      };
    }
    const pooled =
      task === undefined
        ? undefined
        : input.ratios?.lookup(throughputClass, band, demandGpu, offerGpu, workBits);
    if (task !== undefined) {
      return {
        ok: false,
        reason: `${what()}; no published benchmark measures ${offerGpu} against ${demandGpu} on ${task} models (${throughputClass}, ${band} band)${pooled === undefined ? '' : `: the ${band}-band ratio of ${Number(pooled.ratio.toPrecision(3))}× was measured on other tasks (${pooled.source}) and is not used for ${task} work`}, so gpufit does not price it (gpuPolicy measured; set gpuPolicy any to allow it without a speed-up)`,
      };
    }
    return {
      ok: false,
      reason: `${what()}; no published benchmark measures ${offerGpu} against ${demandGpu} for ${throughputClass} work on ${band} models, so gpufit does not price it (gpuPolicy measured; set gpuPolicy any to allow it without a speed-up)`,
    };
  }
  // With no benchmark, a slower GPU is credited the lower of its datasheet ratios — memory bandwidth (the tiers'
  // inference column) and dense compute (the training column) — whatever the class: either can bound the work,
  // and a bandwidth ratio alone put a T4 at 0.37× an L40S for SDXL, above the L4's measured 0.301× (65 against
  // 362 TFLOPS: 0.18×).
  const datasheet = Math.min(
    relativeThroughput(offerTier, throughputClass) / relativeThroughput(demandTier, throughputClass),
    offerTier.relThroughputInference / demandTier.relThroughputInference,
    offerTier.relThroughputTraining / demandTier.relThroughputTraining,
  );
  // With no GPU named, gpufit itself opened the unmeasured GPUs (above): for serving under a p99 budget it keeps
  // out those slower by their datasheet, since a slow-down stretches every request and no benchmark says whether
  // it still meets the budget (12 T4s at 0.54× an L4 served an SDXL API whose p99 was 15 s).
  if (!input.named && policy === 'measured' && input.latencyBound === true && datasheet < 1) {
    return {
      ok: false,
      reason: explain
        ? `${what()} (no gpuType named); no published benchmark measures ${offerGpu} against ${demandGpu}, and its datasheet makes it ${Number(datasheet.toPrecision(3))}× as fast: for requests under a p99 latency budget gpufit does not price a GPU slower by its datasheet alone (name the GPU, or set gpuPolicy any to allow it)`
        : '',
    };
  }
  return {
    ok: true,
    value: { demandGpu, offerGpu, ratio: Math.min(datasheet, 1), basis: 'unmeasured', source: null },
  };
}
