import {
  assumedProfileFields,
  BLOCS,
  continentOf,
  decodeCell,
  defaultOutputUnit,
  defaultTrainingMethod,
  hiddenCharacterProblem,
  outputProblems,
  type Precision,
  taskOfModel,
  trainingMethodProblem,
  usersPlaceCode,
  WORKLOAD_FIELDS,
  WORKLOAD_KINDS,
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  type WorkloadFieldSpec,
  type WorkloadKind,
  type WorkloadProfile,
  type WorkloadTask,
  workloadKinds,
} from '@gpufit/schema';
import { type CellDecoder, ColumnMemo, FAIL, NUMBER_CELL } from './columnMemo.js';

/**
 * A fast acceptor for one workloads-CSV row: it returns the profile `workloadProfileFromCsv` would return when
 * it can prove the row valid, and `undefined` otherwise (then the caller runs the zod path, which is the
 * authority and writes the messages). It never rejects on its own, so a gap here costs speed, not
 * correctness. Cells are decoded with the schema's own `decodeCell` rules; bounds, patterns, vocabularies and
 * defaults are read from the schema's field table (`WORKLOAD_FIELDS`), which the zod schema is built from too;
 * only the demand refinement (a rule across fields) is restated. test/io-fastWorkloadProfile.test.ts proves with
 * fast-check that both paths agree on arbitrary rows.
 */
export type FastWorkloadDecoder = (cells: readonly string[]) => WorkloadProfile | undefined;

export const FAST_WORKLOAD_FIELDS = [...WORKLOAD_PROFILE_FIELDS, ...WORKLOAD_PROFILE_EXTRA_FIELDS] as const;
type Field = (typeof FAST_WORKLOAD_FIELDS)[number];

const BLOC_SET: ReadonlySet<string> = new Set(BLOCS);

/** Slot of each field in the per-row value array. */
const SLOT = Object.fromEntries(FAST_WORKLOAD_FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** A number in [min, max] (or [min, max) when `maxExclusive`), whole when `integer`. */
function numberIn(spec: WorkloadFieldSpec & { type: 'number' }): CellDecoder {
  const { min, max, integer, maxExclusive } = spec;
  return (cell) => {
    if (!NUMBER_CELL.test(cell)) return FAIL;
    const x = Number(cell);
    if (!(x >= min && x <= max)) return FAIL;
    if (maxExclusive && x === max) return FAIL;
    if (integer && !Number.isInteger(x)) return FAIL;
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

/** A `;` list of provider ids (each at most `maxLength` characters), lower-cased as the schema does. */
function providerList(maxLength: number): CellDecoder {
  return (cell) => {
    const list = listCell(cell);
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.length > maxLength) return FAIL;
      list[i] = list[i]!.toLowerCase();
    }
    return list;
  };
}

/** A `;` list of residency places (countries and blocs), upper-cased as the schema does. */
const placeList: CellDecoder = (cell) => {
  const list = listCell(cell);
  for (let i = 0; i < list.length; i++) {
    const p = placeCode(list[i]!);
    if (p === FAIL) return FAIL;
    list[i] = p;
  }
  return list;
};

const usersPlace: CellDecoder = (cell) => usersPlaceCode(cell) ?? FAIL;

/** The decoder of one field, from its `WORKLOAD_FIELDS` entry. */
function decoderOf(spec: WorkloadFieldSpec): CellDecoder {
  switch (spec.type) {
    case 'text':
      return text(spec.maxLength, spec.pattern);
    case 'number':
      return numberIn(spec);
    case 'enum':
      return oneOf(new Set(spec.values));
    case 'boolean':
      return booleanCell;
    case 'usersPlace':
      return usersPlace;
    case 'list':
      return spec.item === 'enum'
        ? listOf(new Set(spec.values))
        : spec.item === 'place'
          ? placeList
          : providerList(spec.maxLength);
  }
}

const DECODERS = Object.fromEntries(
  FAST_WORKLOAD_FIELDS.map((f) => [f, decoderOf(WORKLOAD_FIELDS[f])]),
) as Record<Field, CellDecoder>;

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
  const memo = new ColumnMemo(decoders);
  const values: unknown[] = new Array(FAST_WORKLOAD_FIELDS.length).fill(undefined);
  return (cells) => {
    if (cells.length !== n) return undefined;
    values.fill(undefined);
    for (let i = 0; i < n; i++) {
      const v = memo.value(i, cells[i]!);
      if (v === FAIL) return undefined;
      values[slots[i]!] = v;
    }
    return finish(values);
  };
}

/** Fresh `[...new Set(list)]` (lists may be shared with the column memo, so never returned as they are). */
function unique<T extends string>(list: T[] | undefined): T[] {
  if (list === undefined || list.length === 0) return [];
  if (list.length === 1) return [list[0]!];
  return [...new Set(list)];
}

/** A slot whose default is the workload's id. */
const ID_DEFAULT: unique symbol = Symbol('id');

/** Slots of the list fields (absent = the empty list). */
const LIST_SLOTS = FAST_WORKLOAD_FIELDS.filter((f) => WORKLOAD_FIELDS[f].type === 'list').map((f) => SLOT[f]);

/**
 * Per kind, the default of every slot, from the field table: its value, the workload's id (`id`) or the kind's
 * own (`kind`: `workloadKinds[kind].defaults`). Lists and required fields have none (undefined).
 */
const KIND_DEFAULTS = Object.fromEntries(
  WORKLOAD_KINDS.map((kind) => {
    const own = workloadKinds[kind].defaults as unknown as Readonly<Record<string, unknown>>;
    const slots = FAST_WORKLOAD_FIELDS.map((f): unknown => {
      const spec: WorkloadFieldSpec = WORKLOAD_FIELDS[f];
      if (spec.type === 'list' || spec.default === 'required') return undefined;
      if (spec.default === 'kind') {
        if (!(f in own)) throw new Error(`WORKLOAD_FIELDS.${f}: the kind registry has no default for it`);
        return own[f];
      }
      return spec.default === 'id' ? ID_DEFAULT : spec.default;
    });
    return [kind, slots];
  }),
) as unknown as Record<WorkloadKind, readonly unknown[]>;

/** The schema's demand refinement and its transform (defaults from the field table and the kind registry). */
function finish(v: unknown[]): WorkloadProfile | undefined {
  const id = v[SLOT.id] as string | undefined;
  const kind = v[SLOT.kind] as WorkloadKind | undefined;
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
  const outputUnit = v[SLOT.outputUnit];
  const outputPerMonth = v[SLOT.outputPerMonth];
  const inputTokensPerMonth = v[SLOT.inputTokensPerMonth];
  if (
    (outputUnit !== undefined || outputPerMonth !== undefined || inputTokensPerMonth !== undefined) &&
    outputProblems({ kind, outputUnit, outputPerMonth, inputTokensPerMonth }).length > 0
  )
    return undefined;
  const trainingMethod = v[SLOT.trainingMethod];
  if (trainingMethod !== undefined && trainingMethodProblem({ kind, trainingMethod }) !== null)
    return undefined;
  const d = KIND_DEFAULTS[kind];
  // Before the defaults fill them: the fields the row left out.
  // An empty task is read from a model gpufit recognises (`taskOfModel`, as the schema does).
  const fromModel = v[SLOT.task] === undefined ? taskOfModel(v[SLOT.model] as string | undefined) : null;
  const assumed = assumedProfileFields(kind, (f) => v[SLOT[f]] === undefined, fromModel !== null);
  if (fromModel !== null) v[SLOT.task] = fromModel.task;
  // The kind's default unit, or the task's when the row names one (`defaultOutputUnit`).
  const task = v[SLOT.task] as WorkloadTask | undefined;
  if (outputUnit === undefined && task !== undefined) v[SLOT.outputUnit] = defaultOutputUnit(kind, task);
  // The kind's method, or full for a sweep whose full run fits one 80 GB GPU (`defaultTrainingMethod`).
  if (trainingMethod === undefined)
    v[SLOT.trainingMethod] = defaultTrainingMethod(
      workloadKinds[kind].defaults,
      (v[SLOT.modelParamsBillions] ?? d[SLOT.modelParamsBillions]) as number,
      (v[SLOT.precision] ?? d[SLOT.precision]) as Precision,
    );
  for (let i = 0; i < v.length; i++) {
    if (v[i] === undefined) v[i] = d[i] === ID_DEFAULT ? id : d[i];
  }
  for (const i of LIST_SLOTS) v[i] = unique(v[i] as string[] | undefined);
  return profileOf(v, assumed);
}

/** The slots as a profile, in the key order of the schema's transform (one literal: one object shape). */
function profileOf(v: readonly unknown[], assumed: WorkloadProfile['assumed']): WorkloadProfile {
  const profile: { readonly [K in keyof WorkloadProfile]: unknown } = {
    id: v[SLOT.id],
    name: v[SLOT.name],
    kind: v[SLOT.kind],
    modelParamsBillions: v[SLOT.modelParamsBillions],
    precision: v[SLOT.precision],
    gpuType: v[SLOT.gpuType],
    gpusPerReplica: v[SLOT.gpusPerReplica],
    nodes: v[SLOT.nodes],
    interconnect: v[SLOT.interconnect],
    gpuHoursPerMonth: v[SLOT.gpuHoursPerMonth],
    jobsPerMonth: v[SLOT.jobsPerMonth],
    hoursPerJob: v[SLOT.hoursPerJob],
    peakToMeanRatio: v[SLOT.peakToMeanRatio],
    datasetGiB: v[SLOT.datasetGiB],
    egressGiBPerMonth: v[SLOT.egressGiBPerMonth],
    dataSensitivity: v[SLOT.dataSensitivity],
    compliance: v[SLOT.compliance],
    residency: v[SLOT.residency],
    availabilityTarget: v[SLOT.availabilityTarget],
    p99LatencyMs: v[SLOT.p99LatencyMs],
    usersRegion: v[SLOT.usersRegion],
    interruptible: v[SLOT.interruptible],
    checkpointable: v[SLOT.checkpointable],
    checkpointMinutes: v[SLOT.checkpointMinutes],
    restartMinutes: v[SLOT.restartMinutes],
    costSensitivity: v[SLOT.costSensitivity],
    horizonMonths: v[SLOT.horizonMonths],
    statelessRequests: v[SLOT.statelessRequests],
    gpuPolicy: v[SLOT.gpuPolicy],
    allowedPricingCategories: v[SLOT.allowedPricingCategories],
    allowedMarkets: v[SLOT.allowedMarkets],
    allowedProviders: v[SLOT.allowedProviders],
    excludedProviders: v[SLOT.excludedProviders],
    outputUnit: v[SLOT.outputUnit],
    outputPerMonth: v[SLOT.outputPerMonth],
    model: v[SLOT.model],
    customWeights: v[SLOT.customWeights],
    inputTokensPerMonth: v[SLOT.inputTokensPerMonth],
    task: v[SLOT.task],
    trainingMethod: v[SLOT.trainingMethod],
    growsWithDemand: v[SLOT.growsWithDemand],
    startupMinutes: v[SLOT.startupMinutes],
    ingressGiBPerMonth: v[SLOT.ingressGiBPerMonth],
    assumed,
  };
  return profile as WorkloadProfile;
}
