import { join } from 'node:path';
import { costFloor } from '@gpufit/pricing';
import type { Offer } from '@gpufit/schema';
import { describe, expect, test } from 'vitest';
import { runScenarioAnalysis } from '../src/commands/analyze.js';
import { bundledDatasetsDir } from '../src/data/bundledDatasetsDir.js';
import { feasibleOffers, floorInputs, type WhatifInputs } from '../src/whatif/whatifData.js';

/** The definition, offer by offer: `costFloor` passes the offer for at least one workload. */
function byCostFloor(inputs: WhatifInputs): Offer[] {
  const { options, workloads } = floorInputs(inputs);
  return inputs.offers.filter((o) => workloads.some((w) => costFloor(w, o, options) !== null));
}

async function whatifInputs(portfolio: string | undefined, horizonMonths?: number): Promise<WhatifInputs> {
  const path = portfolio === undefined ? undefined : join(bundledDatasetsDir(), 'workloads', portfolio);
  const inputs = await (await runScenarioAnalysis(path, {}, false)).whatif();
  if (inputs === null) throw new Error(`no what-if inputs for ${portfolio ?? 'the bundled example'}`);
  // As a scenario file's horizonMonths sets it for every workload.
  return horizonMonths === undefined ? inputs : { ...inputs, horizonMonths };
}

describe('feasibleOffers: one workFloor per offer key and workload, the same offers as costFloor offer by offer', () => {
  test.each([
    ['the bundled example', undefined, undefined],
    ['credibility-cases.csv', 'credibility-cases.csv', undefined],
    ['eu-genmedia.csv', 'eu-genmedia.csv', undefined],
    ['finance-12-month.csv', 'finance-12-month.csv', undefined],
    ['seed-startup.csv, every workload over 3 months', 'seed-startup.csv', 3],
    ['the bundled example, every workload over 1 month', undefined, 1],
  ])('%s', async (_, portfolio, horizon) => {
    const inputs = await whatifInputs(portfolio, horizon);
    const fast = feasibleOffers(inputs).map((o) => o.id);
    const slow = byCostFloor(inputs).map((o) => o.id);
    expect(fast).toEqual(slow);
    // Neither everything nor nothing: the comparison would hold trivially either way.
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.length).toBeLessThan(inputs.offers.length);
  });

  test('an offer without a price is never kept, though a priced twin of the same key is', async () => {
    const inputs = await whatifInputs(undefined);
    const kept = feasibleOffers(inputs);
    const twin = { ...kept[0]!, id: `${kept[0]!.id}-unpriced`, usdPerGpuHour: null };
    const offers = [twin, ...inputs.offers];
    const ids = feasibleOffers({ ...inputs, offers }).map((o) => o.id);
    expect(ids).not.toContain(twin.id);
    expect(ids).toContain(kept[0]!.id);
    expect(byCostFloor({ ...inputs, offers }).map((o) => o.id)).toEqual(ids);
  });
});

describe('feasibleOffers: a GPU that cannot run the workloads’ precision is not on the page', () => {
  test('bf16 only: no Volta or Turing offer is kept; as fp16 the V100s and T4s are', async () => {
    const inputs = await whatifInputs(undefined);
    const gen = new Map(inputs.tierRows.map((t) => [t.gpu, t.generation]));
    const at = (precision: 'bf16' | 'fp16'): WhatifInputs => ({
      ...inputs,
      workloads: inputs.workloads.map((w) => ({ ...w, precision, gpuType: null, gpuPolicy: 'any' })),
    });
    const gens = (i: WhatifInputs) => new Set(feasibleOffers(i).map((o) => gen.get(o.gpu)));
    const bf16 = gens(at('bf16'));
    expect(bf16.has('Volta') || bf16.has('Turing')).toBe(false);
    expect(bf16.has('Ampere')).toBe(true);
    const fp16 = gens(at('fp16'));
    expect(fp16.has('Volta') && fp16.has('Turing')).toBe(true);
    expect(feasibleOffers(at('bf16')).map((o) => o.id)).toEqual(byCostFloor(at('bf16')).map((o) => o.id));
  });
});
