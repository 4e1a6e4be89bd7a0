import type { NetworkInfo } from '@gpufit/analysis';
import { formatIssue, type KnownNames, type Offer, type Scenario, scenarioNameIssues } from '@gpufit/schema';
import { badInput } from './errors.js';

/** The names a scenario or an option may use: the catalog's providers and tokens, and the known DePIN networks. */
export function knownNames(offers: readonly Offer[], networks: readonly NetworkInfo[]): KnownNames {
  const providers = new Set<string>();
  const tokens = new Set<string>();
  for (const o of offers) {
    providers.add(o.provider);
    if (o.incentive !== null) tokens.add(o.incentive.symbol);
  }
  for (const n of networks) {
    providers.add(n.provider);
    if (n.incentiveSymbol !== null) tokens.add(n.incentiveSymbol);
  }
  return { providers: [...providers].sort(), tokens: [...tokens].sort() };
}

export const NAMES_HINT =
  'Names are matched ignoring case against the catalog in use (--catalog, else the bundled one) and the DePIN networks of datasets/networks.csv.';

/** Bad input (exit 2) listing every name of the scenario file that names nothing, with the nearest known names. */
export function assertScenarioNames(scenario: Scenario, known: KnownNames, file: string): void {
  const issues = scenarioNameIssues(scenario, known);
  if (issues.length > 0) throw badInput(issues.map((i) => formatIssue(i, { file })).join('\n'), NAMES_HINT);
}
