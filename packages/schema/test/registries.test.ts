import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCommitted,
  isInterruptibleCategory,
  isTextReportFormat,
  MARKET_REGISTRY,
  MARKETS,
  offerInputSchema,
  offerSchema,
  PRICING_CATEGORIES,
  PRICING_CATEGORY_REGISTRY,
  placementPolicySchema,
  REPORT_FORMAT_REGISTRY,
  REPORT_FORMATS,
  SCENARIO_DEFAULTS,
  SUBSIDY_KIND_REGISTRY,
  SUBSIDY_KINDS,
  subsidyScheduleSchema,
  TEXT_REPORT_FORMAT_IDS,
  workloadProfileInputSchema,
} from '../src/index.js';

const OFFER = {
  id: 'x:h100:us',
  provider: 'x',
  market: 'depin',
  gpu: 'H100',
  gpuMemoryGiB: 80,
  gpusPerInstance: 1,
  region: 'us-west',
  pricingCategory: 'Standard',
  usdPerGpuHour: 2.71,
  source: 'test',
  asOf: '2026-09-20',
};

const enumValues = (schema: unknown): unknown[] => (schema as { options: unknown[] }).options;

describe('registries: one source for markets, pricing categories, subsidy kinds and report formats', () => {
  it('each registry is keyed by its own ids, in the order of its id list', () => {
    for (const [ids, reg] of [
      [MARKETS, MARKET_REGISTRY],
      [PRICING_CATEGORIES, PRICING_CATEGORY_REGISTRY],
      [SUBSIDY_KINDS, SUBSIDY_KIND_REGISTRY],
      [REPORT_FORMATS, REPORT_FORMAT_REGISTRY],
    ] as const) {
      expect(Object.keys(reg)).toEqual([...ids]);
      for (const id of ids) expect((reg as Record<string, { id: string }>)[id]!.id).toBe(id);
    }
  });

  it('the zod enums of offers, workloads and placement lists are the registry ids', () => {
    const offerShape = offerInputSchema.shape;
    expect(enumValues(offerShape.market)).toEqual([...MARKETS]);
    expect(enumValues(offerShape.pricingCategory)).toEqual([...PRICING_CATEGORIES]);
    const wShape = workloadProfileInputSchema.shape;
    expect(enumValues(wShape.allowedMarkets.unwrap().element)).toEqual([...MARKETS]);
    expect(enumValues(wShape.allowedPricingCategories.unwrap().element)).toEqual([...PRICING_CATEGORIES]);
    const pShape = placementPolicySchema.shape;
    expect(enumValues(pShape.allowedMarkets.unwrap().element)).toEqual([...MARKETS]);
  });

  it('the subsidy schedule union has one variant per subsidy kind, with the parameters the registry lists', () => {
    const variants = subsidyScheduleSchema.options.map((o) => Object.keys(o.shape));
    expect(variants.map((keys) => keys[0])).toEqual(['kind', 'kind', 'kind', 'kind', 'kind']);
    expect(subsidyScheduleSchema.options.map((o) => o.shape.kind.value)).toEqual([...SUBSIDY_KINDS]);
    for (const [i, kind] of SUBSIDY_KINDS.entries())
      expect(variants[i]).toEqual(['kind', 'share', ...Object.keys(SUBSIDY_KIND_REGISTRY[kind].params)]);
  });

  it('the default decentralized side is every market whose registry side is depin', () => {
    expect(SCENARIO_DEFAULTS.decentralizedMarkets).toEqual(
      MARKETS.filter((m) => MARKET_REGISTRY[m].side === 'depin'),
    );
    expect(SCENARIO_DEFAULTS.decentralizedMarkets).toEqual(['marketplace', 'depin']);
  });

  it('an offer without hosting gets its market default; a term is needed exactly for committed categories', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MARKETS), fc.constantFrom(...PRICING_CATEGORIES), (market, category) => {
        const base = { ...OFFER, market, pricingCategory: category };
        const parsed = offerSchema.safeParse(base);
        expect(parsed.success).toBe(!isCommitted(category));
        const withTerm = offerSchema.safeParse({ ...base, termMonths: 12 });
        expect(withTerm.success).toBe(isCommitted(category));
        const ok = parsed.success ? parsed.data : withTerm.data!;
        expect(ok.hosting).toBe(MARKET_REGISTRY[market].hosting);
      }),
    );
  });

  it('every market has a FOCUS service, every category a FOCUS PricingCategory, a label each', () => {
    for (const m of MARKETS) {
      const e = MARKET_REGISTRY[m];
      expect(e.label.length).toBeGreaterThan(0);
      expect(e.focus.serviceCategory).toBe('Compute');
      // FOCUS: one ServiceName has one ServiceSubcategory across every market.
      for (const n of MARKETS)
        if (MARKET_REGISTRY[n].focus.serviceName === e.focus.serviceName)
          expect(MARKET_REGISTRY[n].focus.serviceSubcategory).toBe(e.focus.serviceSubcategory);
    }
    for (const c of PRICING_CATEGORIES) {
      expect(['Standard', 'Dynamic', 'Committed']).toContain(PRICING_CATEGORY_REGISTRY[c].focus);
      expect(isInterruptibleCategory(c) && isCommitted(c)).toBe(false);
    }
  });

  it('report formats: text ones have a file each, distinct; png is the binary one', () => {
    expect(TEXT_REPORT_FORMAT_IDS).toEqual(REPORT_FORMATS.filter(isTextReportFormat));
    expect(REPORT_FORMATS.filter((f) => !isTextReportFormat(f))).toEqual(['whatif', 'png']);
    const names = REPORT_FORMATS.map((f) => REPORT_FORMAT_REGISTRY[f].fileName);
    expect(new Set(names).size).toBe(names.length);
  });
});
