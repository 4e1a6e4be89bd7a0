import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_SCHEMA_VERSION, analysisResultSchema } from '@gpufit/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaErrors } from './support/jsonSchemaCheck.js';
import { runBuiltCli } from './support/runBuiltCli.js';

/**
 * report.json is described by zod (`analysisResultSchema`), its JSON Schema is generated from that
 * (packages/schema/json-schema/analysis-result.schema.json), and `gpufit diff` validates result files with it.
 */
const SCHEMA_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'schema',
  'json-schema',
  'analysis-result.schema.json',
);
const jsonSchema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));

/** report.json of the README's main job (`gpufit analyze --format json` on the bundled example). */
let report: Record<string, unknown>;

beforeAll(async () => {
  const run = await runBuiltCli(['analyze', '--format', 'json'], { timeoutMs: 120_000 });
  if (run.code !== 0) throw new Error(run.stderr);
  report = JSON.parse(run.stdout);
}, 150_000);

/** What the tampering below reaches into, loosely typed (it writes wrong types on purpose). */
interface Editable {
  [key: string]: unknown;
  schemaVersion: unknown;
  totals: Record<string, unknown>;
  workloads: (Record<string, unknown> & { decision: Record<string, unknown> })[];
}

/** `report` with `edit` applied to a copy. */
function tampered(edit: (r: Editable) => unknown): Record<string, unknown> {
  const copy = structuredClone(report);
  edit(copy as unknown as Editable);
  return copy;
}

describe('report.json and its schemas', () => {
  it('the main job has every workload, with an assumed list, and the current schema version', () => {
    expect(report.schemaVersion).toBe(ANALYSIS_SCHEMA_VERSION);
    const workloads = report.workloads as { assumed: unknown }[];
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) expect(Array.isArray(w.assumed)).toBe(true);
  });

  it('validates with the zod schema, which names every field it writes (parsing drops nothing)', () => {
    const r = analysisResultSchema.safeParse(report);
    expect(r.error?.issues ?? []).toEqual([]);
    expect(r.data).toEqual(report);
  });

  it('validates against the generated JSON Schema', () => {
    expect(jsonSchemaErrors(jsonSchema, report)).toEqual([]);
  });

  it.each([
    [
      'a money figure as text',
      (r: Editable) => (r.workloads[1]!.decision.recommendedMonthlyUsd = '12'),
      /recommendedMonthlyUsd/,
    ],
    ['a total left out', (r: Editable) => delete r.totals.monthlySavingsUsd, /monthlySavingsUsd/],
    [
      'an unknown recommendation',
      (r: Editable) => (r.workloads[0]!.decision.recommendation = 'moon'),
      /recommendation/,
    ],
    ['an unknown assumed field', (r: Editable) => (r.workloads[0]!.assumed = ['id']), /assumed/],
    [
      'a risk figure as text',
      (r: Editable) =>
        ((r.workloads[0]!.decision.riskStakes as { usdPerMonth: unknown }[])[0]!.usdPerMonth = '766.50'),
      /riskStakes(\.0\.|\[0\]\.)usdPerMonth/,
    ],
    [
      'a refusal count of 0 (JSON Schema minimum)',
      (r: Editable) =>
        ((r.workloads[0]!.decision.unavailableReasons as { depin: { offers: unknown }[] }).depin[0]!.offers =
          0),
      /unavailableReasons(\.depin\.0\.|\.depin\[0\]\.)offers/,
    ],
    ['schema major 1', (r: Editable) => (r.schemaVersion = '1.4.0'), /schemaVersion/],
    ['schema major 3', (r: Editable) => (r.schemaVersion = '3.0.0'), /schemaVersion/],
  ])('refuses %s, in zod and in the JSON Schema, naming the field', (_what, edit, field) => {
    const bad = tampered(edit);
    const r = analysisResultSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).join(' ')).toMatch(field);
    expect(jsonSchemaErrors(jsonSchema, bad).join(' ')).toMatch(field);
  });

  it('refuses risk stakes that are not one per risk, naming the field (zod: a JSON Schema cannot say it)', () => {
    const bad = tampered((x) => (x.workloads[0]!.decision.riskStakes as unknown[]).pop());
    const risks = ((bad as unknown as Editable).workloads[0]!.decision.risks as unknown[]).length;
    expect(risks).toBeGreaterThan(1);
    const r = analysisResultSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      `workloads.0.decision.riskStakes: riskStakes must hold one entry per risk (${risks} risks)`,
    ]);
  });

  it('reads a 2.1 result file (no assumed lists, no risk stakes) and ignores fields a later 2.x adds', () => {
    const older = tampered((r) => {
      r.schemaVersion = '2.1.0';
      for (const w of r.workloads) delete w.assumed;
      for (const w of r.workloads) delete w.decision.riskStakes;
      r.laterField = { any: 1 };
    });
    expect(analysisResultSchema.safeParse(older).success).toBe(true);
  });
});

describe('gpufit diff validates result files with the schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpufit-diff-schema-'));
  const write = (name: string, json: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(json));
    return path;
  };

  it('exits 2 naming the file and the field of a tampered report.json, or its schema major', {
    timeout: 180_000,
  }, async () => {
    const real = write('real.json', report);
    const cases = [
      [
        tampered((r) => (r.workloads[2]!.decision.monthlySavingsUsd = 'lots')),
        /tampered\.json, column workloads\.2\.decision\.monthlySavingsUsd/,
      ],
      [tampered((r) => delete r.workloads[0]!.fit), /tampered\.json, column workloads\.0\.fit/],
      [
        tampered((r) => (r.schemaVersion = '1.0.0')),
        /tampered\.json, column schemaVersion: schemaVersion "1\.0\.0" is not a 2\.x result/,
      ],
    ] as const;
    for (const [bad, message] of cases) {
      const run = await runBuiltCli(['diff', write('tampered.json', bad), real], { timeoutMs: 60_000 });
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const same = await runBuiltCli(['diff', real, real, '--json']);
    expect(same.code, same.stderr).toBe(0);
  });
});
