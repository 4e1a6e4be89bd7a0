import {
  GLOBAL_SERVING,
  GPU_GENERATIONS,
  HOSTED_API_TERM_BASES,
  HOSTED_API_TERMS,
  MODEL_SIZE_BANDS,
  precisionOf,
} from '@gpufit/pricing';
import {
  BLOCS,
  decodeCell,
  INTERCONNECTS,
  OUTPUT_UNITS,
  THROUGHPUT_CLASSES,
  UNIT_THROUGHPUT_SCENARIOS,
  WORKLOAD_TASKS,
} from '@gpufit/schema';
import { z } from 'zod';

/** Cells of the reference tables arrive as strings; these turn them into typed values with the CSV codec. */
const text = z.string().transform((s) => s.trim());
const required = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { error: 'must not be empty' }));
const optionalText = text.transform((s) => (s === '' ? null : s));

function number(min: number, max: number) {
  return z
    .string()
    .transform((s, ctx) => {
      const d = decodeCell('number', 'value', s);
      if (!d.ok) {
        ctx.addIssue({ code: 'custom', message: d.issue.message });
        return z.NEVER;
      }
      return d.value as number;
    })
    .pipe(z.number().min(min).max(max));
}

const optionalNumber = (min: number, max: number) =>
  z.union([z.literal('').transform(() => null), number(min, max)]);

const boolean = z.string().transform((s, ctx) => {
  const d = decodeCell('boolean', 'value', s);
  if (!d.ok) {
    ctx.addIssue({ code: 'custom', message: d.issue.message });
    return z.NEVER;
  }
  return d.value as boolean;
});

const list = text.transform((s) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x.length > 0),
);

export const gpuTierRow = z
  .object({
    gpu: required,
    vendor: required,
    // Every generation has a precision-support entry (pricing's PRECISION_SUPPORT): a new one must be added there.
    generation: text.pipe(
      z.string().refine((g) => GPU_GENERATIONS.includes(g), {
        error: (i) =>
          `generation ${JSON.stringify(i.input)} has no precision-support entry (packages/pricing/src/tiers/precisionSupport.data.ts); known: ${GPU_GENERATIONS.join(', ')}`,
      }),
    ),
    memoryGiB: number(1, 4096),
    interconnect: text.pipe(z.enum(INTERCONNECTS)),
    fp16Tflops: optionalNumber(0.001, 1e6),
    memoryBandwidthGBps: optionalNumber(1, 1e6),
    relThroughputInference: number(0.0001, 1000),
    relThroughputTraining: number(0.0001, 1000),
    relThroughputFineTuning: number(0.0001, 1000),
    consumer: boolean,
    source: required,
    notes: text,
  })
  .strict();

export const gpuAliasRow = z.object({ alias: required, gpu: required }).strict();

export const regionRow = z
  .object({
    provider: required.transform((s) => s.toLowerCase()),
    region: required,
    country: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, { error: 'country must be ISO-3166 alpha-2' })
        .nullable(),
    ),
    blocs: list,
    continent: optionalText,
    notes: text,
  })
  .strict();

export const networkRow = z
  .object({
    provider: required.transform((s) => s.toLowerCase()),
    networkName: required,
    incentiveSymbol: optionalText,
    settlement: text,
    defaultSubsidyShare: number(0, 0.99),
    scheduleKind: text.pipe(z.enum(['none', 'linear', 'exponential', 'step', 'formula'])),
    scheduleParam: optionalNumber(0, 1e6),
    /** Step: the calendar month (YYYY-MM) the share becomes 0, where the source dates the programme. */
    scheduleEndMonth: text.pipe(
      z
        .string()
        .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, { error: 'scheduleEndMonth must be YYYY-MM or empty' })
        .transform((s) => (s === '' ? null : s)),
    ),
    scheduleNote: text,
    source: required,
    asOf: text.pipe(
      z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'asOf must be YYYY-MM-DD or YYYY-MM' }),
    ),
  })
  .strict()
  .refine((n) => n.scheduleKind !== 'step' || n.scheduleEndMonth !== null, {
    error: 'a step schedule needs scheduleEndMonth: the calendar month its share becomes 0',
  });

/**
 * `datasets/throughput-ratios.csv`: measured ratio of gpuB to gpuA per GPU, 0 < min ≤ ratio ≤ max, at least one
 * within-benchmark result, a source. The pricing engine's `throughputRatioTable` checks the same again.
 */
/**
 * `datasets/unit-throughput.csv`: measured output per GPU per second (tokens or images) for a unit, band, GPU and
 * scenario, with its benchmark and source. The pricing engine's `unitThroughputTable` checks the same again.
 */
export const unitThroughputRow = z
  .object({
    unit: text.pipe(z.enum(OUTPUT_UNITS)),
    modelSizeBand: text.pipe(z.enum(MODEL_SIZE_BANDS)),
    gpu: required,
    scenario: text.pipe(z.enum(UNIT_THROUGHPUT_SCENARIOS)),
    perGpuPerSecond: number(1e-9, 1e9),
    benchmark: required,
    modelParamsBillions: number(0.001, 100_000),
    version: required,
    precision: text,
    acceleratorsPerSystem: number(1, 1e6).pipe(z.number().int()),
    system: text,
    source: required,
    notes: text,
  })
  .strict();

/** A precision cell of throughput-ratios.csv: empty, or a format such as fp4, int8, bf16 (absent column: empty). */
const precisionCell = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .pipe(
    z
      .string()
      .regex(/^((fp|int|bf|tf)\d+)?$/i, { error: 'a precision such as fp4, fp8, int8 or bf16, or empty' }),
  );

/**
 * A measuredPrecision cell of throughput-ratios.csv: empty (a precision-gap row, or a file older than the column), a
 * format (`fp8`, `fp16/bf16` for one width named two ways), or `unknown (…)` / `mixed (…)` with what each GPU's
 * results record.
 */
const measuredPrecisionCell = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .pipe(
    z.string().regex(/^(((fp|int|bf|tf)\d+)(\/(fp|int|bf|tf)\d+)*|(unknown|mixed) \(.+\))?$/i, {
      error: 'a precision such as fp8 (or fp16/bf16), unknown (…), mixed (…), or empty',
    }),
  );

/** A task cell of throughput-ratios.csv: empty (pooled over every task of the band) or a task (absent column: empty). */
const taskCell = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .pipe(
    z.union([z.literal(''), z.enum(WORKLOAD_TASKS)], {
      error: `empty or one of ${WORKLOAD_TASKS.join(', ')}`,
    }),
  );

export const throughputRatioRow = z
  .object({
    throughputClass: text.pipe(z.enum(THROUGHPUT_CLASSES)),
    modelSizeBand: text.pipe(z.enum(MODEL_SIZE_BANDS)),
    gpuA: required,
    gpuB: required,
    ratio: number(1e-6, 1e6),
    min: number(1e-6, 1e6),
    max: number(1e-6, 1e6),
    results: number(1, 1e6).pipe(z.number().int()),
    source: required,
    notes: text,
    // Since 2026-12-03: the precisions of a ratio measured at two (fp4 against fp8); both empty or both a format.
    precisionA: precisionCell,
    precisionB: precisionCell,
    // Since 2026-12-05: the task whose benchmarks alone the ratio pools; empty = pooled over every task.
    task: taskCell,
    // Since 2026-12-05: the format a like-for-like row's results ran at, or unknown (…) / mixed (…).
    measuredPrecision: measuredPrecisionCell,
  })
  .strict()
  .superRefine((row, ctx) => {
    if ((row.precisionA === '') !== (row.precisionB === ''))
      ctx.addIssue({
        code: 'custom',
        path: ['precisionB'],
        message: 'precisionA and precisionB must both be empty (like-for-like) or both name a precision',
      });
    else if (row.precisionA !== '' && row.measuredPrecision !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['measuredPrecision'],
        message:
          'a precision-gap row states its precisions in precisionA and precisionB; measuredPrecision must be empty',
      });
    else if (row.precisionA !== '' && precisionOf(row.precisionA)?.bits === precisionOf(row.precisionB)?.bits)
      ctx.addIssue({
        code: 'custom',
        path: ['precisionB'],
        message: 'a precision gap needs two different bit widths',
      });
    if (row.gpuA.toLowerCase() === row.gpuB.toLowerCase())
      ctx.addIssue({ code: 'custom', path: ['gpuB'], message: 'gpuB must be another GPU than gpuA' });
    if (!(row.min <= row.ratio && row.ratio <= row.max))
      ctx.addIssue({ code: 'custom', path: ['ratio'], message: 'ratio must lie between min and max' });
  });

/**
 * `datasets/hosted-api-prices.csv`: what a hosted serverless API charges per 1M input and output tokens for an
 * open-weight model, with the page it was read from and when. The pricing engine's `hostedApiPriceTable` checks the
 * same again (and that no two models share a name).
 */
export const hostedApiPriceRow = z
  .object({
    provider: required.transform((s) => s.toLowerCase()),
    providerName: required,
    model: required,
    aliases: list,
    servedModel: required,
    precision: optionalText.pipe(
      z
        .string()
        .regex(/^(fp|int|bf)\d+$/i, {
          error: 'a precision such as fp8 or bf16, or empty when the source does not say',
        })
        .nullable(),
    ),
    // A hosted price above $1,000 per 1M tokens is a typo (a per-token price pasted as per-1M, or cents as dollars).
    usdPerMillionInputTokens: number(0, 1000),
    usdPerMillionOutputTokens: number(0, 1000),
    source: required,
    asOf: text.pipe(
      z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'asOf must be YYYY-MM-DD or YYYY-MM' }),
    ),
    notes: text,
  })
  .strict();

/**
 * `datasets/hosted-api-terms.csv`: what a hosted API provider states about certifications, BAAs, data retention and
 * where its serverless API runs, one row per (provider, term), each with the page it was read from, its date and the
 * provider's words. A term that does not hold by default names its condition; `serving-regions` names its places
 * (ISO countries, blocs, or `global`). `hostedApiPriceTable` checks the same again, and that the provider has a price.
 */
export const hostedApiTermRow = z
  .object({
    provider: required.transform((s) => s.toLowerCase()),
    term: z.enum(HOSTED_API_TERMS, { error: `one of ${HOSTED_API_TERMS.join(', ')}` }),
    basis: z.enum(HOSTED_API_TERM_BASES, { error: `one of ${HOSTED_API_TERM_BASES.join(', ')}` }),
    // Checked as one cell (not per element), so the error names the column `places`.
    places: list.refine(
      (ps) =>
        ps.every(
          (p) => p === GLOBAL_SERVING || /^[A-Z]{2}$/.test(p) || (BLOCS as readonly string[]).includes(p),
        ),
      { error: `each place is an ISO country code, a bloc (${BLOCS.join(', ')}) or ${GLOBAL_SERVING}` },
    ),
    condition: text,
    source: required,
    asOf: text.pipe(
      z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'asOf must be YYYY-MM-DD or YYYY-MM' }),
    ),
    quote: required,
    notes: text,
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.basis !== 'default' && row.condition === '')
      ctx.addIssue({
        code: 'custom',
        path: ['condition'],
        message: `a term held ${row.basis} must name its condition`,
      });
    if ((row.term === 'serving-regions') !== row.places.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['places'],
        message:
          row.term === 'serving-regions'
            ? 'serving-regions must name its places'
            : 'only serving-regions has places',
      });
  });
