import type { z } from 'zod';
import { editDistance } from './nearestNames.js';

/**
 * A validation problem as data: what went wrong (`code`), where (`path`: field names and list indexes) and a
 * sentence a founder can act on. Loaders add `file`, `row` and `column`; `formatIssue` turns it into text.
 */
export interface ValidationIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: ValidationIssue[] };

/** Where an issue was found, for people: `file:row, column`. */
export interface IssueLocation {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
}

export function issuesFromZod(error: z.ZodError, knownFields: readonly string[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = closest(key, knownFields);
        out.push({
          code: 'unknown_field',
          path: [...issue.path.map(pathKey), key],
          message: `unknown field "${key}"${hint ? `; did you mean "${hint}"?` : ''}`,
        });
      }
      continue;
    }
    const custom =
      issue.code === 'custom' ? (issue.params as { gpufit?: string } | undefined)?.gpufit : undefined;
    out.push({ code: custom ?? issue.code, path: issue.path.map(pathKey), message: issue.message });
  }
  return out;
}

function pathKey(k: PropertyKey): string | number {
  return typeof k === 'number' ? k : String(k);
}

/** The known name nearest to `name` (edit distance ≤ 3, case-insensitive), if any. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase(), 3);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** One line for people: `workloads.csv:4, column availabilityTarget: availabilityTarget must be …`. */
export function formatIssue(issue: ValidationIssue, where: IssueLocation = {}): string {
  const column = where.column ?? (issue.path.length > 0 ? issue.path.join('.') : undefined);
  const place = [where.file, where.row !== undefined ? `row ${where.row}` : undefined]
    .filter(Boolean)
    .join(', ');
  const head = [place, column ? `column ${column}` : undefined].filter(Boolean).join(', ');
  return head ? `${head}: ${issue.message}` : issue.message;
}

export function formatIssues(issues: readonly ValidationIssue[], where: IssueLocation = {}): string {
  return issues.map((i) => formatIssue(i, where)).join('\n');
}
