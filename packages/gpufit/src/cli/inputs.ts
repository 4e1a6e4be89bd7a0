import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GpuTierTable, gpuTierTable } from '@gpufit/pricing';
import type { Offer, Scenario, ScenarioInput, WorkloadProfile } from '@gpufit/schema';
import { formatIssue, validateScenario } from '@gpufit/schema';
import { withDefaultSubsidies } from '../analysis/defaultSubsidies.js';
import { bundledDatasetsDir } from '../data/bundledDatasetsDir.js';
import type { NetworkInfo } from '../data/datasetTypes.js';
import { loadGpuTiers, loadNetworks } from '../data/loadReferenceData.js';
import { LoadError } from '../io/loadError.js';
import { loadOffersCsv } from '../io/loadOffers.js';
import type { LoadResult } from '../io/loadTypes.js';
import { loadWorkloadsCsv } from '../io/loadWorkloads.js';
import { loadWorkloadsJson } from '../io/loadWorkloadsJson.js';
import { badInput } from './errors.js';

export interface InputPaths {
  readonly workloads?: string | undefined;
  readonly catalog?: string | undefined;
  readonly scenario?: string | undefined;
  readonly strict?: boolean | undefined;
}

export interface Inputs {
  readonly workloads: LoadResult<WorkloadProfile>;
  readonly offers: LoadResult<Offer>;
  readonly scenario: Scenario;
  /** What the scenario file said, before defaults (null: no file). */
  readonly scenarioInput: ScenarioInput | null;
  readonly tiers: GpuTierTable;
  readonly networks: readonly NetworkInfo[];
  readonly paths: { readonly workloads: string; readonly catalog: string; readonly scenario: string | null };
}

export const bundled = {
  workloads: () => join(bundledDatasetsDir(), 'workloads', 'seed-startup.csv'),
  catalog: () => join(bundledDatasetsDir(), 'offers.csv'),
  scenario: () => join(bundledDatasetsDir(), 'scenarios', 'default.json'),
};

/** Turns a loader's file-level error into bad input (exit 2) with its file, row and column. */
export async function asBadInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof LoadError)
      throw badInput(
        error.message,
        'Fix the file and run again; `gpufit validate FILE` lists every problem.',
      );
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw badInput(`${(error as { path?: string }).path ?? 'file'}: no such file`);
    }
    throw error;
  }
}

export async function loadScenarioFile(path: string): Promise<{ scenario: Scenario; input: ScenarioInput }> {
  const text = await asBadInput(readFile(path, 'utf8'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw badInput(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = validateScenario(json);
  if (!result.ok) {
    throw badInput(
      result.issues.map((i) => formatIssue(i, { file: path })).join('\n'),
      'See datasets/scenarios/README.md and packages/schema/json-schema/scenario.schema.json.',
    );
  }
  return { scenario: result.value, input: json as ScenarioInput };
}

export async function loadWorkloadsFile(path: string, strict: boolean): Promise<LoadResult<WorkloadProfile>> {
  const options = { strict };
  return asBadInput(
    /\.json$/i.test(path) ? loadWorkloadsJson(path, options) : loadWorkloadsCsv(path, options),
  );
}

/** Workloads, catalog, scenario (with each network's default subsidy schedule), GPU tiers and networks. */
export async function loadInputs(paths: InputPaths): Promise<Inputs> {
  const strict = paths.strict ?? false;
  const workloadsPath = paths.workloads ?? bundled.workloads();
  const catalogPath = paths.catalog ?? bundled.catalog();
  const scenarioPath = paths.scenario ?? null;
  const [workloads, offers, tierRows, networks, scenarioFile] = await Promise.all([
    loadWorkloadsFile(workloadsPath, strict),
    asBadInput(loadOffersCsv(catalogPath, { strict })),
    loadGpuTiers(),
    loadNetworks(),
    scenarioPath === null ? null : loadScenarioFile(scenarioPath),
  ]);
  const base = scenarioFile?.scenario ?? (await loadScenarioFile(bundled.scenario())).scenario;
  return {
    workloads,
    offers,
    scenario: withDefaultSubsidies(base, networks),
    scenarioInput: scenarioFile?.input ?? null,
    tiers: gpuTierTable(tierRows),
    networks,
    paths: { workloads: workloadsPath, catalog: catalogPath, scenario: scenarioPath },
  };
}
