import type { ValidationIssue } from './issues.js';
import { didYouMean } from './nearestNames.js';
import type { Scenario } from './scenario.js';

/** The names a scenario may refer to: those of the catalog in use and of the known DePIN networks. */
export interface KnownNames {
  /** Providers and networks, as offers hold them (lower-case). */
  readonly providers: readonly string[];
  /** Incentive token symbols (e.g. AKT). */
  readonly tokens: readonly string[];
}

function unknownName(
  path: (string | number)[],
  name: string,
  what: string,
  known: readonly string[],
): ValidationIssue {
  return {
    code: 'unknown_name',
    path,
    message: `${JSON.stringify(name)} is no ${what} of the catalog${didYouMean(name, known)}`,
  };
}

const has = (known: readonly string[], name: string) => {
  const lower = name.toLowerCase();
  return known.some((k) => k.toLowerCase() === lower);
};

/** Keys of a record that name the same thing once case is ignored (`akash` and `Akash`): all but the first. */
function caseTwins(field: string, record: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const first = new Map<string, string>();
  const out: ValidationIssue[] = [];
  for (const key of Object.keys(record)) {
    const earlier = first.get(key.toLowerCase());
    if (earlier === undefined) first.set(key.toLowerCase(), key);
    else {
      out.push({
        code: 'duplicate_name',
        path: [field, key],
        message: `${JSON.stringify(key)} and ${JSON.stringify(earlier)} name the same thing (names ignore case); keep one`,
      });
    }
  }
  return out;
}

/**
 * Every name a scenario writes must name something (issue 16): the keys of `subsidies` (a network or an
 * incentive token), of `tokenPrices` (a token), a price adjustment's `provider`, and the placement's provider
 * lists; matched ignoring case, as the engine applies them. A name that matches nothing would be a setting
 * silently ignored, so it is an issue with the nearest known names. Markets and pricing categories are closed
 * lists the schema itself checks.
 */
export function scenarioNameIssues(scenario: Scenario, known: KnownNames): ValidationIssue[] {
  const networksAndTokens = [...known.providers, ...known.tokens];
  const issues: ValidationIssue[] = [...caseTwins('subsidies', scenario.subsidies)];
  for (const key of Object.keys(scenario.subsidies)) {
    if (!has(networksAndTokens, key))
      issues.push(unknownName(['subsidies', key], key, 'network or incentive token', networksAndTokens));
  }
  issues.push(...caseTwins('tokenPrices', scenario.tokenPrices));
  for (const key of Object.keys(scenario.tokenPrices)) {
    if (!has(known.tokens, key))
      issues.push(unknownName(['tokenPrices', key], key, 'incentive token', known.tokens));
  }
  scenario.priceAdjustments.forEach((a, i) => {
    if (a.provider !== undefined && !has(known.providers, a.provider))
      issues.push(unknownName(['priceAdjustments', i, 'provider'], a.provider, 'provider', known.providers));
  });
  for (const list of ['allowedProviders', 'excludedProviders'] as const) {
    scenario.placement[list].forEach((p, i) => {
      if (!has(known.providers, p))
        issues.push(unknownName(['placement', list, i], p, 'provider', known.providers));
    });
  }
  return issues;
}
