import { join } from 'node:path';
import { type NetworkInfo, type ProviderOffers, withDefaultSubsidies } from '@gpufit/analysis';
import {
  type GpuTierTable,
  gpuTierTable,
  type HostedApiPriceTable,
  hostedApiPriceTable,
  type ThroughputRatioTable,
  throughputRatioTable,
  type UnitThroughputTable,
  unitThroughputTable,
} from '@gpufit/pricing';
import type { KnownNames, Offer, Scenario, ScenarioInput, WorkloadProfile } from '@gpufit/schema';
import { formatIssue, MAX_HORIZON_MONTHS, validateScenario } from '@gpufit/schema';
import { validateFrameworkOverride } from '@gpufit/scoring';
import { catalogCacheDir, loadCatalogCached, type OfferSelection } from '../catalog/catalogCache.js';
import { bundledDatasetsDir } from '../data/bundledDatasetsDir.js';
import {
  loadGpuTiers,
  loadHostedApiPrices,
  loadHostedApiTerms,
  loadNetworks,
  loadThroughputRatios,
  loadUnitThroughput,
} from '../data/loadReferenceData.js';
import { INPUT_LIMITS, type InputLimit } from '../io/inputLimits.js';
import { LoadError } from '../io/loadError.js';
import { loadOffersCsv, loadOffersOfGpu } from '../io/loadOffers.js';
import type { LoadResult } from '../io/loadTypes.js';
import { loadWorkloadsCsv } from '../io/loadWorkloads.js';
import { loadWorkloadsJson } from '../io/loadWorkloadsJson.js';
import type { AsOfCeiling } from '../io/offerTable.js';
import { readJsonDocument } from '../io/readJsonDocument.js';
import { catalogFormatHint } from './catalogFormatHint.js';
import { todayUtc } from './clock.js';
import { badInput } from './errors.js';
import { checkedAnalysisDate } from './runPolicy.js';
import { compileScenarioFormulas, type ScenarioFormulas } from './scenarioFormulas.js';
import { assertScenarioNames, assertWorkloadNames, knownNames } from './scenarioNames.js';

export interface InputPaths {
  readonly workloads?: string | undefined;
  readonly catalog?: string | undefined;
  readonly scenario?: string | undefined;
  readonly strict?: boolean | undefined;
  /** The run's `--analysis-date`: offers dated after it (or the scenario's, or today) are rejected. */
  readonly analysisDate?: string | undefined;
}

export interface Inputs {
  readonly workloads: LoadResult<WorkloadProfile>;
  readonly offers: LoadResult<Offer>;
  readonly scenario: Scenario;
  /** What the scenario file said, before defaults (null: no file). */
  readonly scenarioInput: ScenarioInput | null;
  /** The bundled default scenario (with each network's default subsidy schedule): what a scenario file is measured against. */
  readonly defaultScenario: Scenario;
  /** The scenario's formulas, compiled (null: it has none, and mathjs was not loaded). */
  readonly formulas: ScenarioFormulas | null;
  readonly tiers: GpuTierTable;
  /** Measured GPU-to-GPU throughput ratios (`datasets/throughput-ratios.csv`), for converting demand between GPUs. */
  readonly throughputRatios: ThroughputRatioTable;
  /** Measured output per GPU (`datasets/unit-throughput.csv`), for cost per unit of output. */
  readonly unitThroughput: UnitThroughputTable;
  /** Hosted API prices per token and their providers' terms (`datasets/hosted-api-prices.csv`, `hosted-api-terms.csv`). */
  readonly hostedApiPrices: HostedApiPriceTable;
  readonly networks: readonly NetworkInfo[];
  /** Providers and tokens a scenario or an option may name (`knownNames`). */
  readonly names: KnownNames;
  readonly paths: { readonly workloads: string; readonly catalog: string; readonly scenario: string | null };
}

export const bundled = {
  workloads: () => join(bundledDatasetsDir(), 'workloads', 'seed-startup.csv'),
  catalog: () => join(bundledDatasetsDir(), 'offers.csv'),
  scenario: () => join(bundledDatasetsDir(), 'scenarios', 'default.json'),
};

const PATH_ERRORS: Readonly<Record<string, string>> = {
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
};

/** Turns a loader's file-level error into bad input (exit 2) with its file, row and column. */
export async function asBadInput<T>(
  work: Promise<T>,
  hint = 'Fix the file and run again; `gpufit validate FILE` lists every problem.',
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof LoadError) throw badInput(error.message, hint);
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      const path = (error as { path?: string }).path ?? 'file';
      if (error.code === 'ENOENT') throw badInput(`${path}: no such file`);
      // A path that names no readable file is the user's input, not a failure of gpufit.
      if (PATH_ERRORS[error.code]) throw badInput(`${path}: ${PATH_ERRORS[error.code]}`);
    }
    throw error;
  }
}

/**
 * A JSON file a command reads whole (a scenario, a result file), read in chunks up to `limit` (a larger file or
 * an endless stream stops there); not JSON, not UTF-8, empty or too large is bad input naming the file.
 */
export async function readJsonFile(path: string, limit: InputLimit): Promise<unknown> {
  const doc = await asBadInput(readJsonDocument(path, path, limit));
  if (doc.empty) throw badInput(`${path}: the file is empty; ${limit.what} is a JSON object`);
  return doc.data;
}

const CATALOG_COLUMNS_HINT =
  'An offer catalog is CSV with the columns of datasets/offers.csv (id, provider, market, gpu, …); docs/cli.md, "Refresh the catalog".';

/** Whether catalogs go through the catalog cache (`--no-cache` turns it off for the run). */
export const catalogCache = { enabled: true };

/**
 * Loads an offer catalog for a command. A file in another format gpufit knows (a SkyPilot vms.csv, a Vast or
 * Akash JSON response, a workloads file) is bad input whose message names that format and the importer to use;
 * a catalog without one valid offer is refused (`consequence` says what it would have meant).
 */
export async function loadCatalogFile(
  path: string,
  strict: boolean,
  consequence = '',
  ceiling: AsOfCeiling = asOfCeiling(null),
): Promise<LoadResult<Offer>> {
  return (await loadCatalogSelection(path, strict, null, consequence, ceiling)).offers;
}

/**
 * `loadCatalogFile` for a query that needs only the offers `select` keeps: from a warm cache, or with the cache
 * off, `offers.rows` holds just those (`selected` says so; the books and rejections are still the whole
 * catalog's, and `providers` counts the whole catalog's offers by provider), otherwise every offer (`selected`
 * and `providers` null). The same checks and errors as `loadCatalogFile`.
 */
export async function loadCatalogSelection(
  path: string,
  strict: boolean,
  select: OfferSelection | null,
  consequence = '',
  ceiling: AsOfCeiling = asOfCeiling(null),
): Promise<{
  offers: LoadResult<Offer>;
  selected: OfferSelection | null;
  providers: ProviderOffers | null;
}> {
  let offers: LoadResult<Offer>;
  let selected: OfferSelection | null;
  let providers: ProviderOffers | null;
  try {
    const dir = catalogCache.enabled ? catalogCacheDir() : null;
    if (dir === null && select !== null) {
      // No cache to fill: every row is still read and validated, but only the selected offers are kept.
      ({ providers, ...offers } = await loadOffersOfGpu(path, { strict, asOfCeiling: ceiling }, select.gpu));
      selected = select;
    } else {
      ({
        result: offers,
        selected,
        providers,
      } = await loadCatalogCached(
        path,
        { dir, strict, ceiling },
        () => loadOffersCsv(path, { strict, asOfCeiling: ceiling }),
        select,
      ));
    }
  } catch (error) {
    const format = error instanceof LoadError && error.row <= 1 ? await catalogFormatHint(path) : null;
    if (format !== null) throw badInput(format, CATALOG_COLUMNS_HINT);
    return asBadInput(Promise.reject(error));
  }
  if (offers.accounting.accepted === 0) {
    const why = offers.warnings[0]?.message ?? `all ${offers.accounting.read} rows were rejected`;
    const format = await catalogFormatHint(path);
    throw badInput(
      format ?? `${path}: no valid offers in the catalog${consequence} (${why})`,
      format === null
        ? `Run \`gpufit validate ${path} --as offers\` to see each problem.`
        : CATALOG_COLUMNS_HINT,
    );
  }
  return { offers, selected, providers };
}

/**
 * The latest day an offer may be dated (see `AsOfCeiling`): today, or a later analysis date (a plan made for a
 * future day). An earlier analysis date does not lower it, as a catalog read since is no typo.
 */
export function asOfCeiling(analysisDate: string | null): AsOfCeiling {
  const today = todayUtc();
  return analysisDate !== null && analysisDate > today
    ? { day: analysisDate, what: 'the analysis date' }
    : { day: today, what: 'today' };
}

export interface ScenarioFile {
  readonly scenario: Scenario;
  readonly input: ScenarioInput;
  readonly formulas: ScenarioFormulas | null;
}

/**
 * Reads, validates and prepares a scenario file; every problem is bad input naming the file and the field:
 * the JSON (a UTF-8 BOM, as Windows editors write, is allowed), the scenario schema, the scoring framework
 * override (`framework.…`), and each formula (compiled once here; mathjs is loaded only when there is one).
 */
export async function loadScenarioFile(path: string): Promise<ScenarioFile> {
  const json = await readJsonFile(path, INPUT_LIMITS.scenarioJson);
  const result = validateScenario(json);
  if (!result.ok) {
    throw badInput(
      result.issues.map((i) => formatIssue(i, { file: path })).join('\n'),
      'See datasets/scenarios/README.md and packages/schema/json-schema/scenario.schema.json.',
    );
  }
  if (Object.keys(result.value.framework).length > 0) {
    const framework = validateFrameworkOverride(result.value.framework);
    if (!framework.ok) {
      throw badInput(
        framework.issues
          .map((i) => formatIssue({ ...i, path: ['framework', ...i.path] }, { file: path }))
          .join('\n'),
        'See docs/framework.md for the framework settings a scenario may override.',
      );
    }
  }
  // Without horizonMonths each workload keeps its own horizon: check formulas over the longest one may state.
  const formulas = await compileScenarioFormulas(result.value, path, {
    startMonth: result.value.startMonth,
    months: (json as ScenarioInput).horizonMonths ?? MAX_HORIZON_MONTHS,
  });
  return { scenario: result.value, input: json as ScenarioInput, formulas };
}

export async function loadWorkloadsFile(path: string, strict: boolean): Promise<LoadResult<WorkloadProfile>> {
  const options = { strict };
  return asBadInput(
    /\.json$/i.test(path) ? loadWorkloadsJson(path, options) : loadWorkloadsCsv(path, options),
  );
}

/**
 * Everything but the workloads: catalog, scenario (with each network's default subsidy schedule), tiers, measured
 * throughput ratios, networks.
 */
export type Context = Omit<Inputs, 'workloads'>;

export async function loadContext(paths: InputPaths): Promise<Context> {
  const strict = paths.strict ?? false;
  const catalogPath = paths.catalog ?? bundled.catalog();
  const scenarioPath = paths.scenario ?? null;
  const analysisDate = checkedAnalysisDate(paths.analysisDate);
  const scenarioLoad = scenarioPath === null ? null : loadScenarioFile(scenarioPath);
  const [offers, tierRows, ratioRows, unitRows, hostedRows, hostedTerms, networks, scenarioFile] =
    await Promise.all([
      // Without one priced offer every workload would come out at $0: an empty catalog is refused.
      (async () => {
        const fixed = analysisDate ?? (await scenarioLoad)?.scenario.analysisDate ?? null;
        return loadCatalogFile(catalogPath, strict, ', so nothing can be priced', asOfCeiling(fixed));
      })(),
      loadGpuTiers(),
      loadThroughputRatios(),
      loadUnitThroughput(),
      loadHostedApiPrices(),
      loadHostedApiTerms(),
      loadNetworks(),
      scenarioLoad,
    ]);
  const names = knownNames(offers.rows, networks);
  // Every name the user's scenario writes must name something of this catalog, or it would be silently ignored.
  if (scenarioFile !== null) assertScenarioNames(scenarioFile.scenario, names, scenarioPath!);
  const defaults = (await loadScenarioFile(bundled.scenario())).scenario;
  const base = scenarioFile?.scenario ?? defaults;
  return {
    offers,
    scenario: withDefaultSubsidies(base, networks),
    defaultScenario: withDefaultSubsidies(defaults, networks),
    scenarioInput: scenarioFile?.input ?? null,
    formulas: scenarioFile?.formulas ?? null,
    tiers: gpuTierTable(tierRows),
    throughputRatios: throughputRatioTable(ratioRows),
    unitThroughput: unitThroughputTable(unitRows),
    hostedApiPrices: hostedApiPriceTable(hostedRows, hostedTerms),
    networks,
    names,
    paths: {
      workloads: paths.workloads ?? bundled.workloads(),
      catalog: catalogPath,
      scenario: scenarioPath,
    },
  };
}

/** Workloads, catalog, scenario (with each network's default subsidy schedule), GPU tiers and networks. */
export async function loadInputs(paths: InputPaths): Promise<Inputs> {
  const [context, workloads] = await Promise.all([
    loadContext(paths),
    loadWorkloadsFile(paths.workloads ?? bundled.workloads(), paths.strict ?? false),
  ]);
  assertWorkloadNames(workloads.rows, context.names, workloads.file);
  return { ...context, workloads };
}
