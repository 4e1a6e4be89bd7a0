// Issue 18 item 2 from the command line: scenario settings that change nothing are warned about (stderr and the
// report), with the reason.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisResultSchema } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

const DATASETS = join(import.meta.dirname, '..', '..', '..', 'datasets');
const FINANCE = join(DATASETS, 'workloads', 'finance-12-month.csv');
const CRASH = join(DATASETS, 'scenarios', 'token-crash.json');

describe('scenario effects (built CLI)', () => {
  it('the finance token-crash scenario: each no-effect setting is a warning on stderr and in the report, with its reason', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gpufit-effects-'));
    const r = await runBuiltCli(['analyze', FINANCE, '--scenario', CRASH, '--trials', '200', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'warning: Subsidy for akash ends at month 6 (2027-07): no chosen offer is on akash (the decentralized options went to spheron and vast, none of which has a subsidy)',
    );
    expect(r.stderr).toMatch(/warning: AKT price path \(.*\): no chosen offer is priced in AKT\n/);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(analysisResultSchema.safeParse(json).success).toBe(true);
    const effects = json.scenarioEffects as { setting: string; effect: string; message: string }[];
    expect(effects.map((e) => `${e.setting} ${e.effect}`)).toEqual([
      'horizonMonths changed',
      'subsidies.akash no-effect',
      'subsidies.nosana no-effect',
      'subsidies.render no-effect',
      'tokenPrices.AKT no-effect',
      'tokenPrices.NOS no-effect',
      'tokenPrices.RENDER no-effect',
    ]);
    // Every no-effect warning on stderr is in the report too, and nothing else is warned about.
    const warned = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warned).toEqual(
      effects.filter((e) => e.effect === 'no-effect').map((e) => `warning: ${e.message}`),
    );
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## Scenario settings and their effect');
    for (const e of effects) expect(md).toContain(e.message.replaceAll('$', '\\$'));
  });

  it('no scenario file: no effects, no warnings', async () => {
    const r = await runBuiltCli(['analyze', '--format', 'json', '--trials', '200']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenarioEffects).toBeUndefined();
    expect(r.stderr).not.toContain('warning:');
  });
});
