import { analyze } from '@gpufit/analysis';
import { renderMarkdown } from '@gpufit/report';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../src/cli/inputs.js';

/**
 * Under demand growth the headline's monthly figures are month one's: a founder read "USD 49,332.40 a month" for a
 * plan whose 24th month costs about USD 129,000. The executive summary now says what the last month costs.
 */
const inputs = await loadInputs({});
const run = (demandGrowthMonthly: number) =>
  analyze({
    workloads: inputs.workloads.rows,
    offers: inputs.offers.rows,
    tiers: inputs.tiers,
    ratios: inputs.throughputRatios,
    scenario: { ...inputs.scenario, demandGrowthMonthly, horizonMonths: 24 },
    horizonMonths: 24,
    monteCarlo: false,
  });

describe('the headline under demand growth', () => {
  it("says the figures are month one's and what the plan's last month costs, recommended and all-cloud", async () => {
    const a = await run(0.05);
    let recommended = 0;
    let allCloud = 0;
    for (const w of a.workloads) {
      const m = w.projection!.months[23]!;
      // The bundled example has no hybrid: each workload is on one side.
      recommended += w.decision.recommendation === 'depin' ? m.depinUsd! : m.cloudUsd!;
      allCloud += m.cloudUsd ?? m.depinUsd!;
    }
    const md = renderMarkdown(a);
    const said = md.match(
      /These are month one's figures: with the inference workloads' demand at ×3\.07 of today's by 2028-12 \(4 training workloads keep their size\), the plan's last month costs (USD [\d,.]+) \(all-cloud (USD [\d,.]+)\)\./,
    );
    expect(said).not.toBeNull();
    // Each month is allocated to the cent in the report; the sums agree to a cent a workload.
    const cents = (s: string) => Number(s.replace(/[^\d.]/g, ''));
    expect(Math.abs(cents(said![1]!) - recommended)).toBeLessThan(0.01 * a.workloads.length);
    expect(Math.abs(cents(said![2]!) - allCloud)).toBeLessThan(0.01 * a.workloads.length);
  });

  it('without growth nothing is added', async () => {
    expect(renderMarkdown(await run(0))).not.toContain("month one's figures");
  });
});
