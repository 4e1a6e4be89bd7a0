import { ANALYSIS_SCHEMA_VERSION, analysisResultSchema, formatIssue, issuesFromZod } from '@gpufit/schema';
import { badInput } from './errors.js';

/**
 * Throws bad input listing the fields of `json` that are not an analysis result (`analysisResultSchema`, the
 * schema report.json's JSON Schema is generated from): a file edited by hand, written by something else, or of
 * another major schema version is refused naming the file and the field, not a TypeError deep in the comparison.
 */
export function checkResultFile(path: string, json: unknown): void {
  const r = analysisResultSchema.safeParse(json);
  if (r.success) return;
  const issues = issuesFromZod(r.error);
  const version = issues.find((i) => i.path.length === 1 && i.path[0] === 'schemaVersion');
  if (version !== undefined && typeof (json as { schemaVersion?: unknown }).schemaVersion === 'string') {
    // Another major version: its fields mean other things, so the version is the one thing to say.
    throw badInput(
      formatIssue(version, { file: path }),
      `diff compares result files of schema ${ANALYSIS_SCHEMA_VERSION.split('.')[0]}.x; run \`gpufit analyze --format json\` again to compare with this version.`,
    );
  }
  throw badInput(
    issues
      .slice(0, 10)
      .map((i) => formatIssue(i, { file: path }))
      .join('\n'),
    'diff compares result files written by `gpufit analyze --format json` (or two scenario files).',
  );
}
