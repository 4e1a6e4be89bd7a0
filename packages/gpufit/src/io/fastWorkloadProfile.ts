import {
  ASSUMABLE_PROFILE_FIELDS,
  BLOCS,
  COMPLIANCE_REQUIREMENTS,
  COST_SENSITIVITIES,
  continentOf,
  DATA_SENSITIVITIES,
  decodeCell,
  GPU_POLICIES,
  hiddenCharacterProblem,
  INTERCONNECTS,
  MARKETS,
  PRECISIONS,
  PRICING_CATEGORIES,
  usersPlaceCode,
  WORKLOAD_KINDS,
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadProfile,
  workloadKinds,
} from '@gpufit/schema';

/**
 * A fast acceptor for one workloads-CSV row: it returns the profile `workloadProfileFromCsv` would return when
 * it can prove the row valid, and `undefined` otherwise (then the caller runs the zod path, which is the
 * authority and writes the messages). It never rejects on its own, so a gap here costs speed, not
 * correctness. Cells are decoded with the schema's own `decodeCell`; the checks below restate the bounds,
 * patterns, refinements and defaults of `workloadProfileSchema`, and test/io-fastWorkloadProfile.test.ts
 * proves with fast-check that both paths agree on arbitrary rows. Change them together.
 */
export type FastWorkloadDecoder = (cells: readonly string[]) => WorkloadProfile | undefined;

export const FAST_WORKLOAD_FIELDS = [...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS] as const;
type Field = (typeof FAST_WORKLOAD_FIELDS)[number];

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const KINDS: ReadonlySet<string> = new Set(WORKLOAD_KINDS);
const PRECISION_SET: ReadonlySet<string> = new Set(PRECISIONS);
const INTERCONNECT_SET: ReadonlySet<string> = new Set(INTERCONNECTS);
const SENSITIVITY_SET: ReadonlySet<string> = new Set(DATA_SENSITIVITIES);
const COMPLIANCE_SET: ReadonlySet<string> = new Set(COMPLIANCE_REQUIREMENTS);
const COST_SET: ReadonlySet<string> = new Set(COST_SENSITIVITIES);
const BLOC_SET: ReadonlySet<string> = new Set(BLOCS);
const GPU_POLICY_SET: ReadonlySet<string> = new Set(GPU_POLICIES);
const CATEGORY_SET: ReadonlySet<string> = new Set(PRICING_CATEGORIES);
const MARKET_SET: ReadonlySet<string> = new Set(MARKETS);

/** Slot of each field in the per-row value array. */
const SLOT = Object.fromEntries(FAST_WORKLOAD_FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** What a cell decoder returns when it cannot prove the cell valid. */
const FAIL: unique symbol = Symbol('fail');
type CellDecoder = (cell: string) => unknown;

/**
 * A number cell as `decodeCell('number', …)` reads it (same pattern, copied from csvCodec.ts so the hot path
 * allocates nothing); anything else is left to the zod path.
 */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function numberIn(min: number, max: number, whole: boolean): CellDecoder {
  return (cell) => {
    if (!NUMBER.test(cell)) return FAIL;
    const x = Number(cell);
    if (!(x >= min && x <= max)) return FAIL;
    if (whole && !Number.isInteger(x)) return FAIL;
    return x;
  };
}

/** Booleans go through the schema's own codec, memoized: a column holds few distinct spellings. */
const booleanCache = new Map<string, boolean | typeof FAIL>();
const booleanCell: CellDecoder = (cell) => {
  let v = booleanCache.get(cell);
  if (v === undefined) {
    const decoded = decodeCell('boolean', 'value', cell);
    v = decoded.ok ? (decoded.value as boolean) : FAIL;
    if (booleanCache.size < 1000) booleanCache.set(cell, v);
  }
  return v;
};

function oneOf(values: ReadonlySet<string>): CellDecoder {
  return (cell) => (values.has(cell) ? cell : FAIL);
}

function text(max: number, pattern?: RegExp): CellDecoder {
  return (cell) =>
    cell.length <= max &&
    (pattern === undefined || pattern.test(cell)) &&
    hiddenCharacterProblem(cell) === null
      ? cell
      : FAIL;
}

function placeCode(s: string): string | typeof FAIL {
  const u = s.trim().toUpperCase();
  return continentOf(u) !== null || BLOC_SET.has(u) ? u : FAIL;
}

function listCell(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(';')) {
    const t = part.trim();
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** A `;` list whose every item is one of `values`. */
function listOf(values: ReadonlySet<string>): CellDecoder {
  return (cell) => {
    const list = listCell(cell);
    for (const v of list) if (!values.has(v)) return FAIL;
    return list;
  };
}

/** A `;` list of provider ids (each at most 64 characters), lower-cased as the schema does. */
const providerList: CellDecoder = (cell) => {
  const list = listCell(cell);
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.length > 64) return FAIL;
    list[i] = list[i]!.toLowerCase();
  }
  return list;
};

/** 0 ≤ x < 1: the schema's `max(1)` and then `lt(1)`. */
function belowOne(inRange: CellDecoder): CellDecoder {
  return (cell) => {
    const x = inRange(cell);
    return x === 1 ? FAIL : x;
  };
}

/** The bounds, patterns and vocabularies of `workloadProfileInputSchema`, one decoder per field. */
const DECODERS: Record<Field, CellDecoder> = {
  id: text(64, ID),
  name: text(200),
  kind: oneOf(KINDS),
  modelParamsBillions: numberIn(0.001, 100_000, false),
  precision: oneOf(PRECISION_SET),
  gpuType: text(64),
  gpusPerReplica: numberIn(1, 1024, true),
  nodes: numberIn(1, 100_000, true),
  interconnect: oneOf(INTERCONNECT_SET),
  gpuHoursPerMonth: numberIn(0, 1e9, false),
  jobsPerMonth: numberIn(0, 1e9, false),
  hoursPerJob: numberIn(0.001, 100_000, false),
  peakToMeanRatio: numberIn(1, 1000, false),
  datasetGiB: numberIn(0, 1e9, false),
  egressGiBPerMonth: numberIn(0, 1e9, false),
  dataSensitivity: oneOf(SENSITIVITY_SET),
  compliance: (cell) => {
    const list = listCell(cell);
    for (const c of list) if (!COMPLIANCE_SET.has(c)) return FAIL;
    return list;
  },
  residency: (cell) => {
    const list = listCell(cell);
    for (let i = 0; i < list.length; i++) {
      const p = placeCode(list[i]!);
      if (p === FAIL) return FAIL;
      list[i] = p;
    }
    return list;
  },
  availabilityTarget: belowOne(numberIn(0, 1, false)),
  p99LatencyMs: numberIn(1, 86_400_000, false),
  usersRegion: (cell) => usersPlaceCode(cell) ?? FAIL,
  interruptible: booleanCell,
  checkpointable: booleanCell,
  checkpointMinutes: numberIn(0, 10_000, false),
  restartMinutes: numberIn(0, 10_000, false),
  costSensitivity: oneOf(COST_SET),
  horizonMonths: numberIn(1, 120, true),
  statelessRequests: booleanCell,
  gpuPolicy: oneOf(GPU_POLICY_SET),
  allowedPricingCategories: listOf(CATEGORY_SET),
  allowedMarkets: listOf(MARKET_SET),
  allowedProviders: providerList,
  excludedProviders: providerList,
};

/**
 * Builds the fast decoder for one header. Returns undefined when the header has a column the fast path does
 * not know (such rows always go the zod way). Each column remembers its last cell and decoded value: real
 * portfolios repeat kinds, precisions, flags and regions row after row, and a repeated cell is not re-parsed.
 */
export function fastWorkloadDecoder(header: readonly string[]): FastWorkloadDecoder | undefined {
  const known: ReadonlySet<string> = new Set(FAST_WORKLOAD_FIELDS);
  const fields: string[] = [];
  const decoders: CellDecoder[] = [];
  const slots: number[] = [];
  for (const h of header) {
    if (!known.has(h) || fields.includes(h)) return undefined;
    fields.push(h);
    decoders.push(DECODERS[h as Field]);
    slots.push(SLOT[h as Field]);
  }
  const n = decoders.length;
  const lastCell: string[] = new Array(n).fill('');
  const lastValue: unknown[] = new Array(n).fill(undefined);
  const values: unknown[] = new Array(FAST_WORKLOAD_FIELDS.length).fill(undefined);
  return (cells) => {
    if (cells.length !== n) return undefined;
    values.fill(undefined);
    for (let i = 0; i < n; i++) {
      const raw = cells[i]!;
      if (raw.length === 0) continue;
      let v: unknown;
      if (raw === lastCell[i]) {
        v = lastValue[i];
      } else {
        const cell = raw.trim();
        v = cell.length === 0 ? undefined : decoders[i]!(cell);
        lastCell[i] = raw;
        lastValue[i] = v;
      }
      if (v === FAIL) return undefined;
      values[slots[i]!] = v;
    }
    return finish(values as Slots);
  };
}

/** The per-row values by slot, typed as the schema's decoded input. */
interface Slots {
  [i: number]: unknown;
}

/** Fresh `[...new Set(list)]` (lists may be shared with the column memo, so never returned as they are). */
function unique<T extends string>(list: T[] | undefined): T[] {
  if (list === undefined || list.length === 0) return [];
  if (list.length === 1) return [list[0]!];
  return [...new Set(list)];
}

/** The schema's refinements and its transform (defaults from the kind registry), in the same key order. */
function finish(v: Slots): WorkloadProfile | undefined {
  const id = v[SLOT.id] as string | undefined;
  const kind = v[SLOT.kind] as WorkloadProfile['kind'] | undefined;
  if (id === undefined || kind === undefined) return undefined;
  const gpuHoursPerMonth = v[SLOT.gpuHoursPerMonth] as number | undefined;
  const jobsPerMonth = v[SLOT.jobsPerMonth] as number | undefined;
  const hoursPerJob = v[SLOT.hoursPerJob] as number | undefined;
  const gpusPerReplica = v[SLOT.gpusPerReplica] as number | undefined;
  const nodes = v[SLOT.nodes] as number | undefined;
  const hasJobs = jobsPerMonth !== undefined;
  const hasHours = hoursPerJob !== undefined;
  if (gpuHoursPerMonth === undefined && !(hasJobs && hasHours)) return undefined;
  if (gpuHoursPerMonth !== undefined && hasJobs && hasHours && gpusPerReplica !== undefined) {
    const implied = jobsPerMonth * hoursPerJob * gpusPerReplica * (nodes ?? 1);
    const tolerance = 0.05 * Math.max(implied, gpuHoursPerMonth);
    if (Math.abs(implied - gpuHoursPerMonth) > tolerance) return undefined;
  }
  const d = workloadKinds[kind].defaults;
  return {
    id,
    name: (v[SLOT.name] as string | undefined) ?? id,
    kind,
    modelParamsBillions: (v[SLOT.modelParamsBillions] as number | undefined) ?? d.modelParamsBillions,
    precision: (v[SLOT.precision] as WorkloadProfile['precision'] | undefined) ?? d.precision,
    gpuType: (v[SLOT.gpuType] as string | undefined) ?? null,
    gpusPerReplica: gpusPerReplica ?? null,
    nodes: nodes ?? 1,
    interconnect: (v[SLOT.interconnect] as WorkloadProfile['interconnect'] | undefined) ?? d.interconnect,
    gpuHoursPerMonth: gpuHoursPerMonth ?? null,
    jobsPerMonth: jobsPerMonth ?? null,
    hoursPerJob: hoursPerJob ?? d.hoursPerJob,
    peakToMeanRatio: (v[SLOT.peakToMeanRatio] as number | undefined) ?? d.peakToMeanRatio,
    datasetGiB: (v[SLOT.datasetGiB] as number | undefined) ?? 0,
    egressGiBPerMonth: (v[SLOT.egressGiBPerMonth] as number | undefined) ?? 0,
    dataSensitivity:
      (v[SLOT.dataSensitivity] as WorkloadProfile['dataSensitivity'] | undefined) ?? d.dataSensitivity,
    compliance: unique(v[SLOT.compliance] as WorkloadProfile['compliance'] | undefined),
    residency: unique(v[SLOT.residency] as string[] | undefined),
    availabilityTarget: (v[SLOT.availabilityTarget] as number | undefined) ?? d.availabilityTarget,
    p99LatencyMs: (v[SLOT.p99LatencyMs] as number | undefined) ?? d.p99LatencyMs,
    usersRegion: (v[SLOT.usersRegion] as string | undefined) ?? null,
    interruptible: (v[SLOT.interruptible] as boolean | undefined) ?? d.interruptible,
    checkpointable: (v[SLOT.checkpointable] as boolean | undefined) ?? d.checkpointable,
    checkpointMinutes: (v[SLOT.checkpointMinutes] as number | undefined) ?? 5,
    restartMinutes: (v[SLOT.restartMinutes] as number | undefined) ?? 10,
    costSensitivity:
      (v[SLOT.costSensitivity] as WorkloadProfile['costSensitivity'] | undefined) ?? d.costSensitivity,
    horizonMonths: (v[SLOT.horizonMonths] as number | undefined) ?? 12,
    statelessRequests: (v[SLOT.statelessRequests] as boolean | undefined) ?? d.statelessRequests,
    gpuPolicy: (v[SLOT.gpuPolicy] as WorkloadProfile['gpuPolicy'] | undefined) ?? null,
    allowedPricingCategories: unique(
      v[SLOT.allowedPricingCategories] as WorkloadProfile['allowedPricingCategories'] | undefined,
    ),
    allowedMarkets: unique(v[SLOT.allowedMarkets] as WorkloadProfile['allowedMarkets'] | undefined),
    allowedProviders: unique(v[SLOT.allowedProviders] as string[] | undefined),
    excludedProviders: unique(v[SLOT.excludedProviders] as string[] | undefined),
    assumed: ASSUMABLE_PROFILE_FIELDS.filter((f) => v[SLOT[f]] === undefined),
  };
}
