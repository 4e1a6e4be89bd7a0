import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gpuTierTable, throughputRatioTable, unitThroughputTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import { loadBundledCatalog, withDefaultSubsidies } from './gpufitSource.js';

/**
 * What the CLI's `analyze` gives the engine for the bundled catalog and `datasets/scenarios/default.json`: the
 * catalog (its offers are `catalog.offers.rows`) and the reference tables and scenario, as the analysis input
 * takes them. `caseName` names the bench case in the error when the scenario file does not validate.
 */
export async function bundledAnalysisInput(caseName: string) {
  const catalog = await loadBundledCatalog();
  const file = join(catalog.datasetsDir, 'scenarios', 'default.json');
  const scenario = validateScenario(JSON.parse(await readFile(file, 'utf8')));
  if (!scenario.ok) throw new Error(`${caseName}: ${file} does not validate`);
  return {
    catalog,
    tables: {
      tiers: gpuTierTable(catalog.gpuTiers),
      ratios: throughputRatioTable(catalog.throughputRatios),
      unitThroughput: unitThroughputTable(catalog.unitThroughput),
      scenario: withDefaultSubsidies(scenario.value, catalog.networks),
    },
  };
}
