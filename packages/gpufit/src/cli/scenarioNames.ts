import type { NetworkInfo } from '@gpufit/analysis';
import {
  didYouMean,
  formatIssue,
  type KnownNames,
  type Offer,
  type Scenario,
  scenarioNameIssues,
  type WorkloadProfile,
} from '@gpufit/schema';
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

/**
 * The first provider a workload's `allowedProviders` / `excludedProviders` names that is no provider of the
 * catalog or known network, as a message naming the column, or null. Such a name would narrow or exclude
 * nothing without a word, as in a scenario's placement lists.
 */
export function workloadNameProblem(
  profile: Pick<WorkloadProfile, 'allowedProviders' | 'excludedProviders'>,
  known: KnownNames,
): string | null {
  for (const column of ['allowedProviders', 'excludedProviders'] as const) {
    for (const name of profile[column] ?? []) {
      if (known.providers.includes(name.toLowerCase())) continue;
      return `column ${column}: ${JSON.stringify(name)} is no provider of the catalog${didYouMean(name, known.providers)}`;
    }
  }
  return null;
}

/** Bad input (exit 2) naming the first workload whose provider lists name nothing of the catalog. */
export function assertWorkloadNames(
  workloads: readonly WorkloadProfile[],
  known: KnownNames,
  file: string,
): void {
  for (const w of workloads) {
    const problem = workloadNameProblem(w, known);
    if (problem !== null) throw badInput(`${file}, workload ${JSON.stringify(w.id)}, ${problem}`, NAMES_HINT);
  }
}
