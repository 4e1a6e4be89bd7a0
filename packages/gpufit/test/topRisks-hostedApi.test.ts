/**
 * datasets/workloads/hosted-api.csv on the bundled catalog (no Monte Carlo): the report's top risks are ranked by
 * the dollars each risk puts at stake. A founder found the support chatbot's hosted API — $6.60 a month against
 * $642.40 rented, $635.80 a month at stake — missing from the top five, which were the 70B workloads' risks in
 * the order of their monthly cost. (Since serving spares follow the demand, 2026-12: $621.96 rented, $615.36.)
 */
import { fileURLToPath } from 'node:url';
import { analyze } from '@gpufit/analysis';
import { renderMarkdown } from '@gpufit/report';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';

describe('datasets/workloads/hosted-api.csv: top risks by the dollars at stake', async () => {
  const inputs = await loadInputs({
    workloads: fileURLToPath(new URL('../../../datasets/workloads/hosted-api.csv', import.meta.url)),
  });
  const analysis = await analyze({
    workloads: inputs.workloads.rows,
    offers: inputs.offers.rows,
    tiers: inputs.tiers,
    ratios: inputs.throughputRatios,
    unitThroughput: inputs.unitThroughput,
    hostedApiPrices: inputs.hostedApiPrices,
    scenario: inputs.scenario,
    monteCarlo: false,
  });
  const md = renderMarkdown(analysis, {});
  // The numbered lines right after the heading (the list ends at its first blank line).
  const top = md
    .slice(md.indexOf('### Top risks'))
    .split('\n\n')[1]!
    .split('\n')
    .filter((l) => /^\d\. /.test(l));

  it('shows five: one figure a workload, largest first, the chatbot’s hosted API among them', () => {
    expect(top).toHaveLength(5);
    const figures = top.map((l) => /\(\\\$([\d,.]+) a month at stake\)/.exec(l)?.[1]);
    // A hosted API the workload's requirements rule out (the clinical and legal workloads') puts nothing at stake.
    expect(figures).toEqual(['16,481.24', '5,427.84', '954.58', '615.36', undefined]);
    expect(top[3]).toMatch(/^4\. \*\*Support chatbot .*A hosted API sells Llama 3\.1 8B Instruct/);
    expect(md).toContain('They overlap (a workload');
  });

  it('each figure is the one the workload’s risk states: the rented month less the hosted month', () => {
    const chat = analysis.workloads.find((w) => w.id === 'chat-8b')!.decision;
    const i = chat.riskStakes!.findIndex((s) => s.id === 'hosted-api-cheaper');
    expect(chat.riskStakes![i]!.usdPerMonth).toBe(615.36);
    expect(chat.risks[i]).toContain('would cost about $6.60 there against $621.96');
  });
});
