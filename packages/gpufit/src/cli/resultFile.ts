import { formatIssue, issuesFromZod } from '@gpufit/schema';
import { z } from 'zod';
import { badInput } from './errors.js';

const money = z.number().finite().nullable();
const chosen = z.object({ offer: z.object({ id: z.string() }) }).nullable();

/**
 * What `gpufit diff` reads of a result file (`analyze --format json`): the totals and, per workload, its id,
 * name and decision. Other fields pass through unchecked. A file edited by hand or written by something else
 * is then bad input naming the field, not a TypeError deep in the comparison.
 */
export const diffableResultSchema = z.looseObject({
  schemaVersion: z.string(),
  totals: z.looseObject({
    monthlyUsd: z.looseObject({ recommended: z.number().finite(), allCloud: z.number().finite() }),
    horizonUsd: z.looseObject({ recommended: z.number().finite() }),
    monthlySavingsUsd: z.number().finite(),
  }),
  workloads: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      decision: z.looseObject({
        recommendation: z.string().nullable(),
        approach: z.string().nullable(),
        recommendedMonthlyUsd: money,
        monthlySavingsUsd: money,
        cloud: chosen.optional(),
        depin: chosen.optional(),
      }),
    }),
  ),
});

/** Throws bad input listing every field of `json` that `diff` cannot read. */
export function checkResultFile(path: string, json: unknown): void {
  const r = diffableResultSchema.safeParse(json);
  if (r.success) return;
  throw badInput(
    issuesFromZod(r.error)
      .slice(0, 10)
      .map((i) => formatIssue(i, { file: path }))
      .join('\n'),
    'diff compares result files written by `gpufit analyze --format json` (or two scenario files).',
  );
}
