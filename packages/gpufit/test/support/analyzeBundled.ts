import { fileURLToPath } from 'node:url';
import { analyze } from '@gpufit/analysis';
import type { WorkloadProfile } from '@gpufit/schema';
import { loadInputs } from '../../src/cli/inputs.js';

/**
 * The bundled catalog's analysis (no Monte Carlo) of a workloads file of datasets/workloads (`file`, e.g.
 * `eu-genmedia.csv`), or of the README main job's without one: the inputs as the CLI loads them, the analysis,
 * and its workloads by id.
 */
export async function analyzeBundled(file?: string) {
  const inputs = await loadInputs(
    file === undefined
      ? {}
      : { workloads: fileURLToPath(new URL(`../../../../datasets/workloads/${file}`, import.meta.url)) },
  );
  const analysis = await analyzeOnBundled(inputs, inputs.workloads.rows);
  return { inputs, analysis, byId: new Map(analysis.workloads.map((w) => [w.id, w])) };
}

/** `workloads` analyzed on loaded inputs' catalog, tables and scenario, as the CLI would (no Monte Carlo). */
export function analyzeOnBundled(
  inputs: Awaited<ReturnType<typeof loadInputs>>,
  workloads: readonly WorkloadProfile[],
) {
  return analyze({
    workloads,
    offers: inputs.offers.rows,
    tiers: inputs.tiers,
    ratios: inputs.throughputRatios,
    unitThroughput: inputs.unitThroughput,
    scenario: inputs.scenario,
    monteCarlo: false,
  });
}
