import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presentAnalysis } from '@gpufit/report';
import { scenarioInputSchema } from '@gpufit/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';
import { whatifData } from '../src/whatif/whatifData.js';
import {
  defaultSettings,
  exportScenario,
  runWhatif,
  type WhatifData,
  type WhatifSettings,
} from '../src/whatif/whatifEngine.js';

/**
 * The what-if page's engine (the code its Web Worker runs) against the CLI's analysis of the bundled example:
 * the same figures, to the cent, at the default settings, and for moved settings once they are exported as a
 * scenario file and analyzed by the CLI's path (`--scenario`).
 */

let data: WhatifData;
let dir: string;
const figures = (a: Awaited<ReturnType<typeof runScenarioAnalysis>>['analysis']) => {
  const shown = presentAnalysis(a);
  return {
    total: shown.totals.monthlyRecommendedCents,
    allCloud: shown.totals.monthlyAllCloudCents,
    workloads: shown.workloads.map((w) => [
      w.workload.id,
      w.workload.decision.recommendation,
      w.recommendedCents,
    ]),
  };
};
const page = (r: Awaited<ReturnType<typeof runWhatif>>) => ({
  total: r.monthlyRecommendedCents,
  allCloud: r.monthlyAllCloudCents,
  workloads: r.workloads.map((w) => [w.id, w.recommendation, w.monthlyCents]),
});

const cli = await runScenarioAnalysis(undefined, {});

beforeAll(async () => {
  const inputs = await cli.whatif();
  if (inputs === null) throw new Error('the bundled example has no formulas');
  data = whatifData(inputs);
  dir = await mkdtemp(join(tmpdir(), 'gpufit-whatif-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the what-if engine', () => {
  test('default settings: the CLI’s plan, workload by workload, to the cent', async () => {
    const result = await runWhatif(data, defaultSettings(data));
    expect(page(result)).toEqual(figures(cli.analysis));
    expect(result.monthlyRecommendedCents).toBe(5_281_877);
  });

  test('the page carries only the offers some workload can run on', () => {
    expect(data.offers.length).toBeGreaterThan(0);
    expect(data.offers.length).toBeLessThan(2_687);
  });

  test('moved settings, exported as a scenario file: the CLI’s analysis of it gives the page’s figures', async () => {
    const base = defaultSettings(data);
    const moved: WhatifSettings = {
      ...base,
      priceLevel: 0.6,
      demandGrowthMonthly: 0.04,
      minSavingShare: 0.02,
      subsidyEnd: { ...base.subsidyEnd, akash: '2027-04' },
    };
    const { scenario, pinsLeftOut } = exportScenario(data, moved);
    expect(pinsLeftOut).toEqual([]);
    expect(scenarioInputSchema.safeParse(scenario).success).toBe(true);
    const file = join(dir, 'whatif-scenario.json');
    await writeFile(file, `${JSON.stringify(scenario, null, 2)}\n`);
    const viaCli = await runScenarioAnalysis(undefined, { scenario: file });
    const result = await runWhatif(data, moved);
    expect(page(result)).toEqual(figures(viaCli.analysis));
    expect(result.monthlyRecommendedCents).not.toBe(5_281_877);
  });

  test('a pin moves its workload to that side, and is named as not exported', async () => {
    const base = defaultSettings(data);
    const id = data.workloads[0]!.id;
    const result = await runWhatif(data, { ...base, pins: { ...base.pins, [id]: 'cloud' } });
    expect(result.workloads[0]!.recommendation).toBe('cloud');
    expect(exportScenario(data, { ...base, pins: { ...base.pins, [id]: 'cloud' } }).pinsLeftOut).toEqual([
      id,
    ]);
  });
});
