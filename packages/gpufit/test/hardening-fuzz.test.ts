// Fuzzing what reaches gpufit from outside, and what the engine makes of valid input:
// - arbitrary bytes, cut into arbitrary chunks, fed to the CSV loaders as a stream: they end in a LoadResult whose
//   books balance (read = accepted + rejected) or in a LoadError, nothing else, and never hang;
// - arbitrary headers and cells through the row decoders: a Decoded value, never a thrown error;
// - valid profiles (over the whole range the schema accepts) × real offers from datasets/offers.csv × valid
//   scenarios through estimateCost, assessFit and analyze(): every number in every result is finite.
// Run counts keep the file well under a minute on two cores.
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { analyze } from '@gpufit/analysis';
import {
  compileFormulaWith,
  compilePriceAdjustments,
  estimateCost,
  type FormulaCompiler,
  type GpuTierTable,
  gpuTierTable,
  loadFormulaEngine,
} from '@gpufit/pricing';
import {
  BLOCS,
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  INTERCONNECTS,
  MARKETS,
  OFFER_FIELDS,
  type Offer,
  PRECISIONS,
  type Scenario,
  type ScenarioInput,
  scenarioSchema,
  validateWorkloadProfile,
  WORKLOAD_KINDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadProfile,
  type WorkloadProfileInput,
} from '@gpufit/schema';
import { assessFit } from '@gpufit/scoring';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { loadGpuTiers } from '../src/data/loadReferenceData.js';
import { referenceIndexes } from '../src/data/referenceIndexes.js';
import type { GpuNameIndex } from '../src/io/gpuNameIndex.js';
import { LoadError } from '../src/io/loadError.js';
import { loadOffersCsv } from '../src/io/loadOffers.js';
import type { LoadResult } from '../src/io/loadTypes.js';
import { loadWorkloadsCsv } from '../src/io/loadWorkloads.js';
import { offerTable } from '../src/io/offerTable.js';
import { workloadTable } from '../src/io/workloadTable.js';

let gpuNames: GpuNameIndex;
let regions: Awaited<ReturnType<typeof referenceIndexes>>['regions'];
let catalog: Offer[];
let tiers: GpuTierTable;

beforeAll(async () => {
  const indexes = await referenceIndexes();
  gpuNames = indexes.gpuNames;
  regions = indexes.regions;
  catalog = (await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'))).rows;
  const tierRows = await loadGpuTiers();
  tiers = gpuTierTable(tierRows);
});

// ---------------------------------------------------------------------------------------------------------------
// Bytes into the loaders
// ---------------------------------------------------------------------------------------------------------------
const WORKLOADS_HEADER = 'id,name,kind,gpuType,gpuHoursPerMonth,availabilityTarget,compliance';
const OFFERS_HEADER =
  'id,provider,market,gpu,gpuMemoryGiB,gpusPerInstance,region,pricingCategory,usdPerGpuHour,source,asOf';

/** Pieces that make CSV parsers and decoders work hard, as bytes. */
const TOKENS: readonly Buffer[] = [
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ';',
  '\t',
  ' ',
  'a',
  'embed',
  'batch-inference',
  'H100',
  'h100 sxm',
  '100',
  '1e308',
  '-1',
  'NaN',
  '1,5',
  '0.9',
  '1.5',
  'soc2;gdpr',
  'aws',
  'hyperscaler',
  'Standard',
  '2026-11-24',
  '=cmd|',
  '\uFEFF',
  '\u2028',
  '€',
].map((t) => Buffer.from(t, 'utf8'));
const BAD_BYTES = [
  Buffer.from([0xe9]),
  Buffer.from([0xff]),
  Buffer.from([0xc3]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0]),
];

const bodyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_BYTES) },
      ),
      {
        maxLength: 120,
      },
    )
    .map((parts) => Buffer.concat(parts)),
);

/** A file: sometimes a valid header first (to get past it), then fuzzed bytes, cut into chunks at random. */
function fileBytes(header: string) {
  return fc
    .record({
      withHeader: fc.boolean(),
      body: bodyBytes,
      cuts: fc.array(fc.nat({ max: 800 }), { maxLength: 6 }),
    })
    .map(({ withHeader, body, cuts }) => {
      const bytes = withHeader ? Buffer.concat([Buffer.from(`${header}\n`), body]) : body;
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let at = 0;
      for (const p of [...points, bytes.length]) {
        if (p > at) chunks.push(bytes.subarray(at, p));
        at = p;
      }
      return { bytes, chunks };
    });
}

async function outcome<T>(work: Promise<LoadResult<T>>): Promise<LoadResult<T> | LoadError> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error; // anything else is a crash: the property fails
  }
}

function expectBooks<T>(r: LoadResult<T>): void {
  const { read, accepted, rejected } = r.accounting;
  expect(read).toBe(accepted + rejected);
  expect(r.rows.length).toBe(accepted);
  expect(r.rejected.length).toBe(rejected);
  let last = 1;
  for (const x of r.rejected) {
    expect(x.row).toBeGreaterThan(last); // one rejection per row, in order, below the header
    last = x.row;
    expect(x.reason.length).toBeGreaterThan(0);
    expect(x.file).toBe('fuzz.csv');
  }
}

describe('arbitrary bytes into the CSV loaders', () => {
  it.each([
    ['workloads', WORKLOADS_HEADER],
    ['offers', OFFERS_HEADER],
  ] as const)(
    '%s: a balanced LoadResult or a LoadError, by stream and in strict mode',
    async (kind, header) => {
      const load = (chunks: Buffer[], strict: boolean) => {
        const options = { fileName: 'fuzz.csv', strict };
        return kind === 'workloads'
          ? loadWorkloadsCsv(Readable.from(chunks), { ...options, gpuNames })
          : loadOffersCsv(Readable.from(chunks), { ...options, gpuNames, regions });
      };
      await fc.assert(
        fc.asyncProperty(fileBytes(header), async ({ bytes, chunks }) => {
          const lenient = await outcome<unknown>(load(chunks, false));
          if (lenient instanceof LoadError) {
            expect(lenient.file).toBe('fuzz.csv');
            expect(lenient.message.length).toBeGreaterThan(0);
            return;
          }
          expectBooks(lenient);
          // The same bytes in one chunk give the same books: chunk boundaries change nothing.
          const whole = await outcome<unknown>(load([bytes], false));
          expect(whole instanceof LoadError ? whole.message : whole.accounting).toEqual(lenient.accounting);
          const strict = await outcome<unknown>(load(chunks, true));
          if (lenient.accounting.rejected === 0) expect(strict).not.toBeInstanceOf(LoadError);
          else {
            expect(strict).toBeInstanceOf(LoadError);
            expect((strict as LoadError).row).toBe(lenient.rejected[0]!.row);
          }
        }),
        { numRuns: 250 },
      );
    },
  );
});

describe('arbitrary headers and cells through the row decoders', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.constantFrom('', '1e309', 'NaN', '1,5', 'H100', 'inf:0.05', ' true '),
  );

  it.each([
    ['workloads', WORKLOAD_PROFILE_FIELDS],
    ['offers', OFFER_FIELDS],
  ] as const)('%s: a Decoded value, never a thrown error', (kind, fields) => {
    const spec = kind === 'workloads' ? workloadTable(gpuNames) : offerTable(gpuNames, regions);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1 }),
        fc.array(cell, { maxLength: 32 }),
        (header, cells) => {
          const decode = (
            spec.decoder as (h: readonly string[]) => (c: readonly string[]) => { ok: boolean }
          )(header);
          const padded = header.map((_, i) => cells[i] ?? '');
          const d = decode(padded);
          expect(typeof d.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The engine on valid input: never NaN, never Infinity
// ---------------------------------------------------------------------------------------------------------------

/** Every number anywhere in a result, with its path, for a readable failure. */
function nonFinite(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value) || value instanceof Float64Array) {
    for (const [i, v] of Array.from(value as ArrayLike<unknown>).entries())
      nonFinite(v, `${path}[${i}]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

/** A number in [min, max], biased to the ends where overflow hides. */
const within = (min: number, max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );

/** Any profile the schema accepts, up to its limits (1e9 GPU-hours, 100,000 nodes, 1,000× peaks, 120 months). */
const profileInput: fc.Arbitrary<WorkloadProfileInput> = fc
  .record(
    {
      kind: fc.constantFrom(...WORKLOAD_KINDS),
      demand: fc.oneof(
        within(0, 1e9).map((gpuHoursPerMonth) => ({ gpuHoursPerMonth })),
        fc.record({ jobsPerMonth: within(0, 1e9), hoursPerJob: within(0.001, 100_000) }),
      ),
      modelParamsBillions: within(0.001, 100_000),
      precision: fc.constantFrom(...PRECISIONS),
      gpuType: fc.option(fc.constantFrom('H100', 'A100-80GB', 'L4', 'RTX4090', 'B200', 'T4'), {
        nil: undefined,
      }),
      gpusPerReplica: fc.option(fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constant(1024)), {
        nil: undefined,
      }),
      nodes: fc.option(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(100_000)), { nil: undefined }),
      interconnect: fc.constantFrom(...INTERCONNECTS),
      peakToMeanRatio: within(1, 1000),
      datasetGiB: within(0, 1e9),
      egressGiBPerMonth: within(0, 1e9),
      dataSensitivity: fc.constantFrom(...DATA_SENSITIVITIES),
      compliance: fc.subarray([...COMPLIANCE_REQUIREMENTS], { maxLength: 2 }),
      residency: fc.subarray(['US', 'DE', 'EU', ...BLOCS], { maxLength: 2 }),
      availabilityTarget: fc.oneof(within(0, 0.999999), fc.constantFrom(0.99999999)),
      p99LatencyMs: within(1, 86_400_000),
      interruptible: fc.boolean(),
      checkpointable: fc.boolean(),
      checkpointMinutes: within(0, 10_000),
      restartMinutes: within(0, 10_000),
      costSensitivity: fc.constantFrom(...COST_SENSITIVITIES),
      horizonMonths: fc.integer({ min: 1, max: 120 }),
      statelessRequests: fc.boolean(),
    },
    { requiredKeys: ['kind', 'demand'] },
  )
  .map(({ demand, ...rest }) => ({ id: 'w', ...rest, ...demand }) as WorkloadProfileInput);

const profile: fc.Arbitrary<WorkloadProfile> = profileInput
  .map((input) => validateWorkloadProfile(input))
  .filter((r) => r.ok)
  .map((r) => (r as { ok: true; value: WorkloadProfile }).value);

/** Formulas a user may write (valid ones: refused formulas are the scenario tests' business). */
const SUBSIDY_FORMULAS = [
  's0 * exp(-t / 12)',
  's0 * max(0, 1 - t / 24)',
  't < 6 ? s0 : s0 / 2',
  'min(0.99, s0 + t / 100)',
];
const PRICE_FORMULAS = ['price * 1.1', 'price * (1 + 0.01 * t)', 'max(price - 0.1, 0.01)', 'price ^ 1.05'];

const scenarioInput: fc.Arbitrary<ScenarioInput> = fc.record(
  {
    horizonMonths: fc.integer({ min: 1, max: 120 }),
    subsidyPassThrough: within(0, 1),
    demandGrowthMonthly: within(-0.5, 2),
    transferMbps: within(1, 1_000_000),
    committedUtilization: within(0.01, 1),
    subsidies: fc.dictionary(
      fc.constantFrom('akash', 'ionet', 'render', 'vast', 'AKT', 'RENDER'),
      fc.oneof(
        fc.record({ kind: fc.constant('none' as const), share: within(0, 0.99) }),
        fc.record({
          kind: fc.constant('linear' as const),
          share: within(0, 0.99),
          monthsToZero: within(1, 1200),
        }),
        fc.record({ kind: fc.constant('exponential' as const), halfLifeMonths: within(0.1, 1200) }),
        fc.record({
          kind: fc.constant('step' as const),
          steps: fc.array(
            fc.record({ month: fc.constantFrom('2026-06', '2027-03', '2031-12'), share: within(0, 0.99) }),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        fc.record({
          kind: fc.constant('formula' as const),
          expression: fc.constantFrom(...SUBSIDY_FORMULAS),
        }),
      ),
      { maxKeys: 3 },
    ),
    tokenPrices: fc.dictionary(
      fc.constantFrom('AKT', 'IO', 'RENDER'),
      fc.record({ spotUsd: within(1e-9, 1e9), annualDrift: within(-5, 5), annualVolatility: within(0, 10) }),
      { maxKeys: 2 },
    ),
    priceAdjustments: fc.array(
      fc.record(
        { market: fc.constantFrom(...MARKETS), expression: fc.constantFrom(...PRICE_FORMULAS) },
        { requiredKeys: ['expression'] },
      ),
      { maxLength: 2 },
    ),
    monteCarlo: fc.record({
      trials: fc.integer({ min: 1, max: 64 }),
      seed: fc.nat(),
      depinPriceSpread: within(0, 3),
      demandVolatility: within(0, 3),
    }),
    sensitivity: fc.record({ swing: within(0.01, 0.9) }),
  },
  { requiredKeys: [] },
);

const scenario: fc.Arbitrary<Scenario> = scenarioInput.map((s) => scenarioSchema.parse(s));

async function formulasFor(s: Scenario): Promise<{
  compileFormula: FormulaCompiler;
  priceAdjuster?: Awaited<ReturnType<typeof compilePriceAdjustments>>;
}> {
  const engine = await loadFormulaEngine();
  const compileFormula: FormulaCompiler = (e, vars) => compileFormulaWith(engine, e, vars);
  return s.priceAdjustments.length > 0
    ? { compileFormula, priceAdjuster: await compilePriceAdjustments(s.priceAdjustments) }
    : { compileFormula };
}

describe('the engine never returns NaN or Infinity on valid input', () => {
  const someOffers = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });

  it('estimateCost: valid profiles × real offers × valid scenarios', async () => {
    await fc.assert(
      fc.asyncProperty(profile, scenario, someOffers, async (p, s, picks) => {
        const { priceAdjuster } = await formulasFor(s);
        for (const i of picks) {
          const offer = catalog[i % catalog.length]!;
          const e = estimateCost(p, offer, { tiers, scenario: s, ...(priceAdjuster && { priceAdjuster }) });
          expect(nonFinite(e), `${offer.id}`).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('assessFit: valid profiles', () => {
    fc.assert(
      fc.property(profile, (p) => {
        expect(nonFinite(assessFit(p))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('analyze(): a valid profile on the real catalog, with projection, Monte Carlo, break-evens and sensitivity', async () => {
    await fc.assert(
      fc.asyncProperty(profile, scenario, async (p, s) => {
        const result = await analyze({
          workloads: [p],
          offers: catalog,
          tiers,
          scenario: s,
          ...(await formulasFor(s)),
        });
        expect(nonFinite(result)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

/** Profiles fast-check found that crashed analyze() or leaked an Infinity, kept as fixed vectors. */
const FOUND: readonly (readonly [string, WorkloadProfileInput])[] = [
  [
    'a denormal demand: hybrid rates underflow to 0',
    { id: 'w', kind: 'realtime-inference', gpuHoursPerMonth: 5e-324 },
  ],
  [
    'a denormal demand: the mean GPU count underflows to 0',
    { id: 'w', kind: 'experimentation', modelParamsBillions: 7, gpuType: 'B200', gpuHoursPerMonth: 5e-324 },
  ],
  [
    're-work after interruptions that overflows a float64 (100,000 nodes × 1e9 jobs)',
    {
      id: 'w',
      kind: 'batch-inference',
      nodes: 100_000,
      jobsPerMonth: 1e9,
      hoursPerJob: 0.053748537638603544,
      checkpointMinutes: 0,
      interruptible: true,
      checkpointable: true,
    },
  ],
  [
    'fixed costs over a vanishing demand: rates near 1e308 USD per GPU-hour',
    { id: 'w', kind: 'experimentation', gpuHoursPerMonth: 1.6688053938804012e-301, egressGiBPerMonth: 1e9 },
  ],
];

describe('regressions found by the fuzzing above', () => {
  it.each(FOUND)('%s: analyze() answers with finite numbers', async (_what, input) => {
    const p = validateWorkloadProfile(input);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const s = scenarioSchema.parse({ monteCarlo: { trials: 64 } });
    const result = await analyze({ workloads: [p.value], offers: catalog, tiers, scenario: s });
    expect(nonFinite(result)).toEqual([]);
  });
});
