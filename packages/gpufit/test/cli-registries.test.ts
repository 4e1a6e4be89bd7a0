// The CLI's choices and help come from the registries of @gpufit/schema: every entry is offered and listed, and
// nothing else is (the built bundle, as a user runs it).
import {
  MARKET_REGISTRY,
  MARKETS,
  PRICING_CATEGORIES,
  PRICING_CATEGORY_REGISTRY,
  REPORT_FORMAT_REGISTRY,
  REPORT_FORMATS,
} from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './support/runBuiltCli.js';

/** Help text with its line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The choices commander lists when a value is not one of them. */
async function choicesOf(args: readonly string[]): Promise<string[]> {
  const r = await runBuiltCli(args);
  expect(r.code, r.stderr).toBe(2);
  const m = /Allowed choices are (.+)\./.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return m![1]!.split(', ');
}

describe('CLI choices and help from the registries', () => {
  it('analyze --format offers exactly the report formats, in registry order, then jsonl (shards for `merge`)', async () => {
    const r = await runBuiltCli(['analyze', '--format', 'json,nope']);
    expect(r.code, r.stderr).toBe(2);
    const m = /"nope" is not a report format; choose from (.+) \(several/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(m![1]!.split(', ')).toEqual([...REPORT_FORMATS, 'jsonl']);
  });

  it('offers --market and --category offer exactly the markets (and cloud) and the pricing categories', async () => {
    expect(await choicesOf(['offers', '--market', 'nope'])).toEqual([...MARKETS, 'cloud']);
    expect(await choicesOf(['offers', '--category', 'nope'])).toEqual([...PRICING_CATEGORIES]);
  });

  it('help lists every registry entry with its label or description', async () => {
    const analyze = flat((await runBuiltCli(['analyze', '--help'])).stdout);
    for (const f of REPORT_FORMATS)
      expect(analyze).toContain(`${f}: ${REPORT_FORMAT_REGISTRY[f].description}`);
    for (const m of MARKETS) expect(analyze).toContain(`${m} (${MARKET_REGISTRY[m].label})`);
    for (const c of PRICING_CATEGORIES)
      expect(analyze).toContain(`${c} (${PRICING_CATEGORY_REGISTRY[c].label})`);
    const offers = flat((await runBuiltCli(['offers', '--help'])).stdout);
    for (const m of MARKETS) expect(offers).toContain(`${m} (${MARKET_REGISTRY[m].label})`);
    for (const c of PRICING_CATEGORIES)
      expect(offers).toContain(`${c} (${PRICING_CATEGORY_REGISTRY[c].label})`);
  });

  it('--allow-market and --allow-category refuse a name outside the registry and name the registry entries', async () => {
    const market = await runBuiltCli(['simulate', '--allow-market', 'hyperscaler,moon', '--trials', '100']);
    expect(market.code).toBe(2);
    for (const m of MARKETS) expect(market.stderr).toContain(m);
    const category = await runBuiltCli(['simulate', '--allow-category', 'Spot', '--trials', '100']);
    expect(category.code).toBe(2);
    for (const c of PRICING_CATEGORIES) expect(category.stderr).toContain(c);
  });
});
