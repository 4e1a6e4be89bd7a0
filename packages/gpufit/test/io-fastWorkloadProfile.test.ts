import {
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  GPU_POLICIES,
  INTERCONNECTS,
  MARKETS,
  OUTPUT_UNITS,
  PRECISIONS,
  PRICING_CATEGORIES,
  TRAINING_METHODS,
  WORKLOAD_FIELDS,
  WORKLOAD_KINDS,
  WORKLOAD_TASKS,
  type WorkloadFieldSpec,
  type WorkloadKind,
  workloadKinds,
  workloadProfileFromCsv,
  workloadProfileInputSchema,
} from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_WORKLOAD_FIELDS, fastWorkloadDecoder } from '../src/io/fastWorkloadProfile.js';
import { NUMBER_SPELLINGS } from './support/numberSpellings.js';

type Field = (typeof FAST_WORKLOAD_FIELDS)[number];

/** Numbers on and around every bound in the schema, spellings the CSV codec accepts or refuses, and noise. */
const NUMBER_CELLS = [
  '0',
  '-0',
  '+0',
  '0.0',
  '0.001',
  '0.0009',
  '0.999',
  '0.9999',
  '0.99999999',
  '1',
  '1.0',
  '1.',
  '.5',
  '1.5',
  '2',
  '7',
  '12',
  '120',
  '121',
  '730',
  '999.5',
  '1000',
  '1000.5',
  '1024',
  '1025',
  '10000',
  '10001',
  '100000',
  '100001',
  '86400000',
  '86400001',
  '1000000000',
  '1000000001',
  '1e3',
  '1E-3',
  '2e9',
  '-1',
  '-0.5',
  ...NUMBER_SPELLINGS,
];
const PLACE_CELLS = [
  'US',
  'us',
  ' de ',
  'EU',
  'eea',
  'NA',
  'latam',
  'APAC',
  'mea',
  'XYZ',
  'U',
  '1A',
  'ß',
  'ﬀ',
  'E U',
  '',
];
/** A users' region also takes continents (any spelling) and `global`; residency does not. */
const USERS_PLACE_CELLS = [
  ...PLACE_CELLS,
  'global',
  ' GLOBAL ',
  'Europe',
  'north america',
  'North_America',
  'SOUTH-AMERICA',
  'asia',
  'oceania',
  'africa',
  'antarctica',
  'europa',
  'world',
  'americas',
];
const BOOLEAN_CELLS = ['true', 'TRUE', 'True', 'yes', 'Y', 'n', 'no', '0', '1', ' false ', 'maybe', 'on', ''];

const maybeSpaced = (s: string) => fc.constantFrom(s, ` ${s}`, `${s} `, s.toUpperCase());
const words = (values: readonly string[]) =>
  fc.oneof(fc.constantFrom(...values, '', 'other').chain(maybeSpaced), fc.string({ maxLength: 6 }));
const list = (pool: readonly string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 3 })), { maxLength: 4 })
    .chain((xs) => fc.constantFrom(xs.join(';'), xs.join(' ; '), `${xs.join(';')};`));
const numbers = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBER_CELLS) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 2000 }).map(String) },
);
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '  ', 'a'.repeat(max), 'a'.repeat(max + 1), ` ${'b'.repeat(max)} `),
  );
const ids = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,10}$/),
  fc.constantFrom('', ' chat ', 'a b', '-x', 'x'.repeat(64), 'x'.repeat(65), 'ünicode'),
  fc.string({ maxLength: 8 }),
);

const CELLS: Record<Field, fc.Arbitrary<string>> = {
  id: ids,
  name: text(200),
  kind: words(WORKLOAD_KINDS),
  modelParamsBillions: numbers,
  precision: words(PRECISIONS),
  gpuType: text(64),
  gpusPerReplica: numbers,
  nodes: numbers,
  interconnect: words(INTERCONNECTS),
  gpuHoursPerMonth: numbers,
  jobsPerMonth: numbers,
  hoursPerJob: numbers,
  peakToMeanRatio: numbers,
  datasetGiB: numbers,
  egressGiBPerMonth: numbers,
  dataSensitivity: words(DATA_SENSITIVITIES),
  compliance: list([...COMPLIANCE_REQUIREMENTS, 'SOC2', 'iso']),
  residency: list(PLACE_CELLS),
  availabilityTarget: numbers,
  p99LatencyMs: numbers,
  usersRegion: fc.constantFrom(...USERS_PLACE_CELLS),
  interruptible: fc.constantFrom(...BOOLEAN_CELLS),
  checkpointable: fc.constantFrom(...BOOLEAN_CELLS),
  checkpointMinutes: numbers,
  restartMinutes: numbers,
  costSensitivity: words(COST_SENSITIVITIES),
  horizonMonths: numbers,
  statelessRequests: fc.constantFrom(...BOOLEAN_CELLS),
  gpuPolicy: words(GPU_POLICIES),
  allowedPricingCategories: list([...PRICING_CATEGORIES, 'spot', 'dynamic']),
  allowedMarkets: list([...MARKETS, 'cloud']),
  allowedProviders: list(['aws', 'Vast', ' akash ', 'x'.repeat(64), 'x'.repeat(65)]),
  excludedProviders: list(['aws', 'Vast', ' akash ', 'x'.repeat(65)]),
  outputUnit: words(OUTPUT_UNITS),
  outputPerMonth: numbers,
  model: text(200),
  customWeights: fc.constantFrom(...BOOLEAN_CELLS),
  inputTokensPerMonth: numbers,
  task: words(WORKLOAD_TASKS),
  trainingMethod: words(TRAINING_METHODS),
  growsWithDemand: fc.constantFrom(...BOOLEAN_CELLS),
  startupMinutes: numbers,
  ingressGiBPerMonth: numbers,
};

/** Mostly-valid cells: valid values near the bounds, with a few out of range, so whole rows often pass. */
const LIKELY_NUMBERS = fc.constantFrom(
  '0',
  '0.001',
  '0.5',
  '1',
  '1.0',
  '2',
  '7',
  '12',
  '100',
  '120',
  '1000',
  '1024',
  '',
);
const likely = (values: readonly string[]) => fc.constantFrom(...values, '');
const LIKELY: Record<Field, fc.Arbitrary<string>> = {
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,10}$/),
  name: fc.string({ maxLength: 12 }),
  kind: fc.constantFrom(...WORKLOAD_KINDS),
  modelParamsBillions: LIKELY_NUMBERS,
  precision: likely(PRECISIONS),
  gpuType: fc.string({ maxLength: 8 }),
  gpusPerReplica: LIKELY_NUMBERS,
  nodes: LIKELY_NUMBERS,
  interconnect: likely(INTERCONNECTS),
  gpuHoursPerMonth: LIKELY_NUMBERS,
  jobsPerMonth: LIKELY_NUMBERS,
  hoursPerJob: LIKELY_NUMBERS,
  peakToMeanRatio: LIKELY_NUMBERS,
  datasetGiB: LIKELY_NUMBERS,
  egressGiBPerMonth: LIKELY_NUMBERS,
  dataSensitivity: likely(DATA_SENSITIVITIES),
  compliance: list(COMPLIANCE_REQUIREMENTS),
  residency: list(['US', 'eu', ' de ', 'EEA', 'ca']),
  availabilityTarget: fc.constantFrom('0', '0.5', '0.99', '0.999', '0.9999', ''),
  p99LatencyMs: LIKELY_NUMBERS,
  usersRegion: fc.constantFrom('US', 'eu', 'JP', 'global', 'Europe', 'north america', ''),
  interruptible: fc.constantFrom('true', 'no', '1', ''),
  checkpointable: fc.constantFrom('false', 'yes', '0', ''),
  checkpointMinutes: LIKELY_NUMBERS,
  restartMinutes: LIKELY_NUMBERS,
  costSensitivity: likely(COST_SENSITIVITIES),
  horizonMonths: LIKELY_NUMBERS,
  statelessRequests: fc.constantFrom('true', 'N', ''),
  gpuPolicy: likely(GPU_POLICIES),
  allowedPricingCategories: list(PRICING_CATEGORIES),
  allowedMarkets: list(MARKETS),
  allowedProviders: list(['aws', 'Vast', 'akash']),
  excludedProviders: list(['aws', 'Vast']),
  // Valid units and volumes; with a training kind, or a volume without its unit, the row is refused.
  outputUnit: likely(OUTPUT_UNITS),
  outputPerMonth: fc.constantFrom('0', '0.001', '1', '2500000000', '1e15', '1e16', ''),
  model: fc.constantFrom(
    'Llama 3.1 70B',
    'meta-llama/Meta-Llama-3.1-8B-Instruct',
    'openai/whisper-large-v3',
    ' x ',
    '',
  ),
  customWeights: fc.constantFrom('true', 'no', ''),
  // With a training kind, or beside a non-token unit, the row is refused.
  inputTokensPerMonth: fc.constantFrom('0', '3600000000', '-1', ''),
  task: likely(WORKLOAD_TASKS),
  trainingMethod: likely(TRAINING_METHODS),
  growsWithDemand: fc.constantFrom('true', 'no', 'FALSE', ''),
  // 0 (no start-up), a cached start-up, the bound, past it, text and blank (the restart time).
  startupMinutes: fc.constantFrom('0', '2', '1.5', '10000', '10000.5', '-1', 'two', ''),
  ingressGiBPerMonth: fc.constantFrom('0', '200', '1.5', '1000000000', '1000000000.5', '-1', 'lots', ''),
};
const cellFor = (f: Field) =>
  fc.oneof({ weight: 8, arbitrary: LIKELY[f] }, { weight: 1, arbitrary: CELLS[f] });

/** A header (a random subset of the fields, shuffled, usually with id, kind and a demand) and rows for it. */
const table = fc
  .tuple(fc.shuffledSubarray([...FAST_WORKLOAD_FIELDS]), fc.boolean())
  .map(([fields, core]) =>
    core ? [...new Set<Field>(['id', 'kind', 'gpuHoursPerMonth', ...fields])] : fields,
  )
  .chain((header) =>
    fc.tuple(fc.constant(header), fc.array(fc.tuple(...header.map(cellFor)), { minLength: 1, maxLength: 6 })),
  );

/** Cells that are valid for every field they can appear in (empty = absent). */
const SAFE: Partial<Record<Field, fc.Arbitrary<string>>> = {
  id: fc.constantFrom('w1', 'chat', 'a.b:c-d_e'),
  kind: fc.constantFrom(...WORKLOAD_KINDS),
  gpuHoursPerMonth: fc.constantFrom('1', '730', '0'),
  availabilityTarget: fc.constantFrom('', '0.99'),
};
const safeFor = (f: Field) => SAFE[f] ?? fc.constantFrom('', '', LIKELY_SAFE[f] ?? '');
const LIKELY_SAFE: Partial<Record<Field, string>> = {
  modelParamsBillions: '7',
  precision: 'bf16',
  nodes: '1',
  interconnect: 'none',
  peakToMeanRatio: '1.5',
  datasetGiB: '10',
  dataSensitivity: 'internal',
  compliance: 'soc2',
  residency: 'EU',
  p99LatencyMs: '500',
  usersRegion: 'US',
  interruptible: 'true',
  checkpointMinutes: '5',
  restartMinutes: '10',
  startupMinutes: '2',
  ingressGiBPerMonth: '50',
  costSensitivity: 'high',
  horizonMonths: '12',
};

/** One column gets any cell (boundaries, spellings, noise); every other cell is valid: each rule alone. */
const focusTable = fc
  .tuple(fc.shuffledSubarray([...FAST_WORKLOAD_FIELDS]), fc.constantFrom(...FAST_WORKLOAD_FIELDS))
  .map(([fields, focus]) => ({
    header: [...new Set<Field>(['id', 'kind', 'gpuHoursPerMonth', focus, ...fields])],
    focus,
  }))
  .chain(({ header, focus }) =>
    fc.tuple(
      fc.constant(header),
      fc.array(fc.tuple(...header.map((f) => (f === focus ? CELLS[f] : safeFor(f)))), {
        minLength: 1,
        maxLength: 4,
      }),
    ),
  );

/** The demand refinement: gpuHoursPerMonth around ±5 % of jobs × hours × GPUs × nodes. */
const demandTable = fc
  .record({
    jobs: fc.integer({ min: 0, max: 40 }),
    hours: fc.constantFrom(0.5, 1, 2, 3, 8),
    gpus: fc.integer({ min: 1, max: 8 }),
    nodes: fc.constantFrom('', '1', '2'),
    drift: fc.constantFrom(-0.06, -0.05, -0.049, 0, 0.0476, 0.049, 0.05, 0.0501, 0.0527, 0.06),
  })
  .map(({ jobs, hours, gpus, nodes, drift }) => {
    const implied = jobs * hours * gpus * (nodes === '' ? 1 : Number(nodes));
    return [
      ['id', 'kind', 'gpuHoursPerMonth', 'jobsPerMonth', 'hoursPerJob', 'gpusPerReplica', 'nodes'],
      [
        [
          'd',
          'batch-inference',
          String(Number((implied * (1 + drift)).toFixed(6))),
          String(jobs),
          String(hours),
          String(gpus),
          nodes,
        ],
      ],
    ] as [string[], string[][]];
  });

function agree(header: readonly string[], rows: readonly (readonly string[])[]): boolean[] {
  const fast = fastWorkloadDecoder(header);
  expect(fast).toBeDefined();
  return rows.map((cells) => {
    const got = fast!(cells);
    const want = workloadProfileFromCsv(header, cells);
    expect(got !== undefined).toBe(want.ok);
    if (got !== undefined && want.ok) {
      expect(got).toEqual(want.value);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want.value));
    }
    return want.ok;
  });
}

/** Rows where every cell is valid, so the fast path's acceptance (not only its agreement) gets exercised. */
const validRow = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  kind: fc.constantFrom(...WORKLOAD_KINDS),
  gpuHoursPerMonth: fc.integer({ min: 0, max: 1e6 }).map(String),
  availabilityTarget: fc.constantFrom('0.9', '0.99', '0.999', ''),
  residency: fc.constantFrom('EU', 'US;CA', 'de;eu;DE', ''),
  interruptible: fc.constantFrom('true', 'no', ''),
  precision: fc.constantFrom(...PRECISIONS, ''),
});

describe('fast workload decoder agrees with the schema (workloadProfileFromCsv)', () => {
  it('covers exactly the schema fields', () => {
    expect([...FAST_WORKLOAD_FIELDS].sort()).toEqual(Object.keys(workloadProfileInputSchema.shape).sort());
  });

  it('accepts exactly the rows zod accepts, with the same value, for arbitrary rows', () => {
    let accepted = 0;
    let seen = 0;
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const fast = fastWorkloadDecoder(header);
        expect(fast).toBeDefined();
        for (const cells of rows) {
          const got = fast!(cells);
          const want = workloadProfileFromCsv(header, cells);
          expect(got !== undefined).toBe(want.ok);
          seen++;
          if (want.ok) accepted++;
          if (got !== undefined && want.ok) {
            expect(got).toEqual(want.value);
            expect(JSON.stringify(got)).toBe(JSON.stringify(want.value));
          }
        }
      }),
      { numRuns: 2000 },
    );
    // The generators must reach both sides, or agreement would be trivial.
    expect(accepted).toBeGreaterThan(seen * 0.02);
    expect(accepted).toBeLessThan(seen * 0.98);
  });

  it('agrees when one column at a time takes any cell and the rest are valid', () => {
    const outcomes: boolean[] = [];
    fc.assert(
      fc.property(focusTable, ([header, rows]) => {
        outcomes.push(...agree(header, rows));
      }),
      { numRuns: 3000 },
    );
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(outcomes.length * 0.2);
    expect(outcomes.filter((x) => !x).length).toBeGreaterThan(outcomes.length * 0.2);
  });

  it('agrees on the demand consistency rule around its 5 % tolerance', () => {
    const outcomes: boolean[] = [];
    fc.assert(
      fc.property(demandTable, ([header, rows]) => {
        outcomes.push(...agree(header, rows));
      }),
      { numRuns: 500 },
    );
    expect(outcomes.some((x) => x) && outcomes.some((x) => !x)).toBe(true);
  });

  it('agrees on the output fields across kinds: inference only, a stated volume needs its unit', () => {
    const outputTable = fc
      .record({
        kind: fc.constantFrom(...WORKLOAD_KINDS),
        unit: fc.oneof(fc.constantFrom(...OUTPUT_UNITS, ''), CELLS.outputUnit),
        volume: fc.oneof(fc.constantFrom('', '1', '2500000000', '0'), CELLS.outputPerMonth),
      })
      .map(({ kind, unit, volume }) => [
        ['id', 'kind', 'gpuHoursPerMonth', 'outputUnit', 'outputPerMonth'],
        [['o', kind, '730', unit, volume]],
      ]) as fc.Arbitrary<[string[], string[][]]>;
    const outcomes: boolean[] = [];
    fc.assert(
      fc.property(outputTable, ([header, rows]) => {
        outcomes.push(...agree(header, rows));
      }),
      { numRuns: 800 },
    );
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(outcomes.length * 0.1);
    expect(outcomes.filter((x) => !x).length).toBeGreaterThan(outcomes.length * 0.1);
    // The fast path itself takes valid output rows, and the zod path refuses the others with the field named.
    const header = ['id', 'kind', 'gpuHoursPerMonth', 'outputUnit', 'outputPerMonth'];
    const fast = fastWorkloadDecoder(header)!;
    expect(fast(['img', 'realtime-inference', '730', 'images', '250000'])).toMatchObject({
      outputUnit: 'images',
      outputPerMonth: 250_000,
    });
    expect(fast(['llm', 'batch-inference', '730', '', ''])).toMatchObject({
      outputUnit: 'tokens',
      outputPerMonth: null,
    });
    expect(fast(['llm', 'batch-inference', '730', '', ''])!.assumed).toContain('outputUnit');
    expect(fast(['ft', 'fine-tuning', '730', '', ''])).toMatchObject({
      outputUnit: null,
      outputPerMonth: null,
    });
    expect(fast(['ft', 'fine-tuning', '730', '', ''])!.assumed).not.toContain('outputUnit');
    const refused = workloadProfileFromCsv(header, ['v', 'realtime-inference', '730', '', '1000']);
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('outputPerMonth needs outputUnit');
    const training = workloadProfileFromCsv(header, ['t', 'multi-node-training', '730', 'tokens', '']);
    expect(JSON.stringify(training)).toContain('a multi-node-training workload has none');
  });

  it('accepts valid rows itself (the fast path is taken), equal to zod, repeated cells included', () => {
    const header = [
      'id',
      'kind',
      'gpuHoursPerMonth',
      'availabilityTarget',
      'residency',
      'interruptible',
      'precision',
    ];
    fc.assert(
      fc.property(fc.array(validRow, { minLength: 1, maxLength: 8 }), (rows) => {
        const fast = fastWorkloadDecoder(header)!;
        for (const r of rows) {
          const cells = header.map((h) => r[h as keyof typeof r]);
          const want = workloadProfileFromCsv(header, cells);
          expect(want.ok).toBe(true);
          expect(fast(cells)).toEqual(want.ok ? want.value : undefined);
        }
      }),
    );
  });

  it('defaults an experimentation row by its size and precision as the schema does: full when one 80 GB GPU holds the full run', () => {
    const header = ['id', 'kind', 'gpuHoursPerMonth', 'modelParamsBillions', 'precision', 'trainingMethod'];
    const fast = fastWorkloadDecoder(header)!;
    for (const [size, precision, method, want] of [
      ['1.3', 'bf16', '', 'full'],
      ['5.28', 'bf16', '', 'full'],
      ['5.3', 'bf16', '', 'lora'],
      ['', '', '', 'lora'], // the kind's 7B at bf16: 104 GiB trained fully
      ['6', 'fp8', '', 'full'],
      ['1.3', 'bf16', 'qlora', 'qlora'],
    ] as const) {
      const cells = ['x', 'experimentation', '10', size, precision, method];
      const zod = workloadProfileFromCsv(header, cells);
      expect(zod.ok && zod.value.trainingMethod, cells.join(',')).toBe(want);
      expect(fast(cells), cells.join(',')).toEqual(zod.ok ? zod.value : undefined);
    }
  });

  it('never shares a list between two profiles (the column memo hands out copies)', () => {
    const fast = fastWorkloadDecoder(['id', 'kind', 'gpuHoursPerMonth', 'residency'])!;
    const a = fast(['a', 'batch-inference', '1', 'EU'])!;
    const b = fast(['b', 'batch-inference', '1', 'EU'])!;
    a.residency.push('US');
    expect(b.residency).toEqual(['EU']);
  });

  it('leaves headers with unknown or repeated columns to the zod path', () => {
    expect(fastWorkloadDecoder(['id', 'kind', 'colour'])).toBeUndefined();
    expect(fastWorkloadDecoder(['id', 'kind', 'id'])).toBeUndefined();
  });

  it('accepts valid rows over every field, their cells drawn from the field table, equal to zod', () => {
    let fastAccepted = 0;
    let rows = 0;
    fc.assert(
      fc.property(validTable, ([header, table]) => {
        const fast = fastWorkloadDecoder(header)!;
        for (const cells of table) {
          const want = workloadProfileFromCsv(header, cells);
          const got = fast(cells);
          expect(got !== undefined, JSON.stringify([header, cells, want])).toBe(want.ok);
          if (want.ok) expect(JSON.stringify(got)).toBe(JSON.stringify(want.value));
          rows++;
          if (got !== undefined) fastAccepted++;
        }
      }),
      { numRuns: 1500 },
    );
    expect(fastAccepted).toBeGreaterThan(rows * 0.8);
  });

  it('agrees on cells on and just beyond every bound the field table states', () => {
    const outcomes: boolean[] = [];
    fc.assert(
      fc.property(boundTable, ([header, rows]) => {
        outcomes.push(...agree(header, rows));
      }),
      { numRuns: 1500 },
    );
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(outcomes.length * 0.2);
    expect(outcomes.filter((x) => !x).length).toBeGreaterThan(outcomes.length * 0.2);
  });
});

/** A valid cell of one field, from its `WORKLOAD_FIELDS` entry (absent included: every field is optional but id and kind). */
function validCell(spec: WorkloadFieldSpec): fc.Arbitrary<string> {
  switch (spec.type) {
    case 'text':
      return spec.pattern === undefined
        ? fc
            .string({ minLength: 1, maxLength: 12 })
            .filter((t) => t.trim().length > 0 && /^[\x20-\x7e]+$/.test(t))
        : fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,10}$/).filter((t) => spec.pattern!.test(t));
    case 'number': {
      const top = spec.maxExclusive ? spec.max - (spec.max - spec.min) / 1000 : spec.max;
      const n = spec.integer
        ? fc.integer({ min: spec.min, max: Math.min(top, 1e6) })
        : fc.double({ min: spec.min, max: top, noNaN: true, noDefaultInfinity: true });
      return n.map(String);
    }
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'boolean':
      return fc.constantFrom('true', 'false', 'yes', 'no', '1', '0');
    case 'usersPlace':
      return fc.constantFrom('US', 'eu', 'global', 'Europe', 'JP');
    case 'list': {
      const pool =
        spec.item === 'enum'
          ? spec.values
          : spec.item === 'place'
            ? ['US', 'de', 'EU', 'EEA']
            : ['aws', 'Vast', 'akash'];
      return fc.array(fc.constantFrom(...pool), { maxLength: 3 }).map((xs) => xs.join(';'));
    }
  }
}

/** Cells on and just past each bound of a number or text field; other fields a valid cell. */
function boundCell(spec: WorkloadFieldSpec): fc.Arbitrary<string> {
  if (spec.type === 'number') {
    const eps = spec.integer ? 1 : Math.max(Math.abs(spec.max), 1) * 1e-9;
    const tiny = spec.integer ? 1 : Math.max(Math.abs(spec.min), 1e-6) * 1e-3;
    return fc.constantFrom(
      String(spec.min),
      String(spec.min - tiny),
      String(spec.max),
      String(spec.max + eps),
      spec.integer ? String(spec.min + 0.5) : String((spec.min + spec.max) / 2),
    );
  }
  if (spec.type === 'text')
    return fc.constantFrom('a'.repeat(spec.maxLength), 'a'.repeat(spec.maxLength + 1), 'ok');
  return validCell(spec);
}

const FIELD_NAMES = Object.keys(WORKLOAD_FIELDS) as Field[];
const CORE: Field[] = ['id', 'kind', 'gpuHoursPerMonth'];
/** Demand fields other than gpuHoursPerMonth: drawn freely they would mostly break the demand rule. */
const DEMAND: ReadonlySet<Field> = new Set(['jobsPerMonth', 'hoursPerJob']);

/**
 * Rows valid across fields too: a stated output volume comes with its unit, and the output fields are left
 * empty on the kinds that have no output (training, fine-tuning, experimentation).
 */
const validTable = fc
  .shuffledSubarray(FIELD_NAMES.filter((f) => !DEMAND.has(f)))
  .map((fields) => [
    ...new Set<Field>([
      ...CORE,
      ...fields,
      ...(fields.includes('outputPerMonth') ? (['outputUnit'] as const) : []),
    ]),
  ])
  .chain((header) =>
    fc.tuple(
      fc.constant(header),
      fc.array(
        fc.tuple(...header.map((f) => validCell(WORKLOAD_FIELDS[f]))).map((cells) => {
          const kind = cells[header.indexOf('kind')] as WorkloadKind;
          // Prompt tokens go only beside a token output (stated or the kind's default).
          const unit = header.includes('outputUnit') ? cells[header.indexOf('outputUnit')] : '';
          const tokensOk = unit === '' || unit === 'tokens';
          if (workloadKinds[kind].defaults.outputUnit !== null)
            return tokensOk ? cells : cells.map((c, i) => (header[i] === 'inputTokensPerMonth' ? '' : c));
          return cells.map((c, i) =>
            header[i] === 'outputUnit' ||
            header[i] === 'outputPerMonth' ||
            header[i] === 'inputTokensPerMonth'
              ? ''
              : c,
          );
        }),
        { minLength: 1, maxLength: 4 },
      ),
    ),
  );

const boundTable = fc
  .tuple(fc.shuffledSubarray(FIELD_NAMES.filter((f) => !DEMAND.has(f))), fc.constantFrom(...FIELD_NAMES))
  .map(([fields, focus]) => ({ header: [...new Set<Field>([...CORE, focus, ...fields])], focus }))
  .chain(({ header, focus }) =>
    fc.tuple(
      fc.constant(header),
      fc.array(
        fc.tuple(
          ...header.map((f) => (f === focus ? boundCell(WORKLOAD_FIELDS[f]) : validCell(WORKLOAD_FIELDS[f]))),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
  );
