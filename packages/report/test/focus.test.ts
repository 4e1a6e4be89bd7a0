import { PRICING_CATEGORIES } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FOCUS_COLUMNS, skuId } from '../src/focus/focusColumns.js';
import { renderFocus, renderFocusChunks } from '../src/focus/renderFocus.js';
import { buildAnalysis, OFFERS } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';
import { parseCsv, parseCsvRecords } from './helpers/parseCsv.js';

/**
 * One test per rule of ../shared/reference/focus-1.2-forecast-notes.md (what the official FOCUS validator,
 * rules model 1.2, demands of forecast rows), plus the FOCUS facts the notes list as unchecked but expected.
 */
const text = renderFocus(buildAnalysis());
const rows = parseCsvRecords(text);
const header = parseCsv(text)[0] ?? [];

const REQUIRED = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
  'InvoiceId',
  'ServiceSubcategory',
  'ChargeFrequency',
];
/** Conditional columns for the capabilities a gpufit forecast claims (regions, pricing categories, list prices). */
const CLAIMED = [
  'RegionId',
  'RegionName',
  'PricingCategory',
  'ListUnitPrice',
  // PUBLIC_PRICE_LIST_SUPPORTED + UNIT_PRICING_SUPPORTED (CostAndUsage-D-058..061)
  'SkuId',
  'SkuPriceId',
  'SkuMeter',
  'SkuPriceDetails',
  // PUBLIC_PRICE_LIST_SUPPORTED + VIRTUAL_CURRENCY_SUPPORTED (CostAndUsage-D-047, D-051, D-055)
  'PricingCurrencyContractedUnitPrice',
  'PricingCurrencyEffectiveCost',
  'PricingCurrencyListUnitPrice',
];
const COST_COLUMNS = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'];
const DECIMAL_COLUMNS = [
  ...COST_COLUMNS,
  'PricingQuantity',
  'ListUnitPrice',
  'PricingCurrencyContractedUnitPrice',
  'PricingCurrencyEffectiveCost',
  'PricingCurrencyListUnitPrice',
];
const DATE_COLUMNS = ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd'];
/** FOCUS 1.2 Compute subcategories (ServiceSubcategory allowed values). */
const COMPUTE_SUBCATEGORIES = [
  'Containers',
  'End User Computing',
  'Quantum',
  'Serverless Compute',
  'Virtual Machines',
  'Other (Compute)',
];
const FOCUS_SPEC_COLUMNS = new Set([...REQUIRED, ...CLAIMED, 'PricingCurrency']);
const cents = (s: string | undefined): number => Math.round(Number(s) * 100);

describe('FOCUS 1.2 forecast rows: the validator rules in focus-1.2-forecast-notes.md', () => {
  test('every column required of CostAndUsage is present, plus InvoiceId, ServiceSubcategory, ChargeFrequency', () => {
    for (const c of REQUIRED) expect(header).toContain(c);
  });

  test('the conditional columns of claimed capabilities are present (regions, categories, list prices, SKUs, virtual currency)', () => {
    for (const c of CLAIMED) expect(header).toContain(c);
  });

  test('the columns the issue names are present, with x_ extensions for the incentive subsidy and the fit approach', () => {
    for (const c of ['PricingCurrency', 'x_IncentiveSubsidyUsd', 'x_FitApproach', 'x_ForecastRow'])
      expect(header).toContain(c);
  });

  test('ChargeCategory-C-003-M: Usage, never Forecast', () => {
    expect(new Set(rows.map((r) => r.ChargeCategory))).toEqual(new Set(['Usage']));
  });

  test('ChargeClass-C-005-C: empty on every row', () => {
    expect(rows.every((r) => r.ChargeClass === '')).toBe(true);
  });

  test('ChargeFrequency-C-003-M: Usage-Based, never Monthly', () => {
    expect(new Set(rows.map((r) => r.ChargeFrequency))).toEqual(new Set(['Usage-Based']));
  });

  test('PricingCategory-C-007-M: Standard, Dynamic, Committed or Other', () => {
    for (const r of rows) expect(['Standard', 'Dynamic', 'Committed', 'Other']).toContain(r.PricingCategory);
  });

  test('cost columns are never null: BilledCost, EffectiveCost, ListCost, ContractedCost', () => {
    for (const r of rows) for (const c of COST_COLUMNS) expect(r[c]).not.toBe('');
  });

  test('Decimal columns always carry a decimal point (never 12 or 0)', () => {
    for (const r of rows) {
      for (const c of DECIMAL_COLUMNS) if (r[c] !== '') expect(r[c], `${c}=${r[c]}`).toMatch(/^-?\d+\.\d+$/);
    }
  });

  test('date-times are YYYY-MM-DDT00:00:00Z, never date-only', () => {
    for (const r of rows) for (const c of DATE_COLUMNS) expect(r[c]).toMatch(/^\d{4}-\d{2}-01T00:00:00Z$/);
  });

  test('InvoiceId-C-003-C: the column is present and empty on every row', () => {
    expect(header).toContain('InvoiceId');
    expect(rows.every((r) => r.InvoiceId === '')).toBe(true);
  });

  test('PricingUnit-C-005-C / C-006-C: PricingQuantity and PricingUnit are both set or both empty', () => {
    const a = mutableCopy(buildAnalysis());
    const cost = a.workloads[1]?.decision.cloud?.cost;
    if (cost) cost.billedGpuHoursPerMonth = null;
    const all = [...rows, ...parseCsvRecords(renderFocus(a))];
    expect(all.some((r) => r.PricingQuantity === '')).toBe(true);
    for (const r of all) expect(r.PricingQuantity === '').toBe(r.PricingUnit === '');
  });

  test('BillingCurrency-C-003-M: upper-case ISO 4217 USD', () => {
    expect(new Set(rows.map((r) => r.BillingCurrency))).toEqual(new Set(['USD']));
    expect(new Set(rows.map((r) => r.PricingCurrency))).toEqual(new Set(['USD']));
  });

  test('ServiceName-C-005-C / C-008-C: each ServiceName has exactly one ServiceCategory (and subcategory)', () => {
    const byName = new Map<string, Set<string>>();
    for (const r of rows) {
      const key = `${r.ServiceCategory}/${r.ServiceSubcategory}`;
      byName.set(r.ServiceName ?? '', (byName.get(r.ServiceName ?? '') ?? new Set()).add(key));
    }
    for (const categories of byName.values()) expect(categories.size).toBe(1);
  });

  test('ServiceSubcategory-C-004-M: every subcategory is one of its category’s allowed values', () => {
    for (const r of rows) {
      expect(r.ServiceCategory).toBe('Compute');
      expect(COMPUTE_SUBCATEGORIES).toContain(r.ServiceSubcategory);
    }
  });

  test('ProviderName, PublisherName and InvoiceIssuerName are never empty (DePIN: the network)', () => {
    for (const r of rows)
      for (const c of ['ProviderName', 'PublisherName', 'InvoiceIssuerName']) expect(r[c]).not.toBe('');
    expect(rows.filter((r) => r.x_Market === 'depin').map((r) => r.ProviderName)).toContain('Akash Network');
  });

  test('BillingAccountId and RegionId/RegionName are set on every row', () => {
    for (const r of rows)
      for (const c of ['BillingAccountId', 'BillingAccountName', 'RegionId', 'RegionName'])
        expect(r[c]).not.toBe('');
  });

  test('charge periods lie inside their billing period and end after they start', () => {
    for (const r of rows) {
      expect((r.ChargePeriodStart ?? '') >= (r.BillingPeriodStart ?? '')).toBe(true);
      expect((r.ChargePeriodEnd ?? '') <= (r.BillingPeriodEnd ?? '')).toBe(true);
      expect((r.ChargePeriodEnd ?? '') > (r.ChargePeriodStart ?? '')).toBe(true);
    }
  });

  test('every column that is not a FOCUS column carries the x_ prefix', () => {
    for (const c of header) if (!FOCUS_SPEC_COLUMNS.has(c)) expect(c).toMatch(/^x_[A-Z]/);
  });

  test('every row is marked x_ForecastRow = true', () => {
    expect(new Set(rows.map((r) => r.x_ForecastRow))).toEqual(new Set(['true']));
  });

  test('no placeholder zero for a missing value: unpriced options have no rows, and no incentive means an empty subsidy', () => {
    expect(rows.some((r) => r.x_WorkloadId === 'claims-ocr')).toBe(false);
    expect(rows.some((r) => r.x_WorkloadId === 'pretrain-7b' && r.x_Option === 'depin')).toBe(false);
    for (const r of rows.filter((x) => x.x_Market !== 'depin')) expect(r.x_IncentiveSubsidyUsd).toBe('');
    // The subsidy pays GPU time: it is on the GPU-hours rows, never on a data row.
    for (const r of rows.filter((x) => (x.x_OfferId ?? '').startsWith('akash/')))
      expect(r.x_IncentiveSubsidyUsd === '').toBe(r.x_Charge !== 'gpu-hours');
  });

  test('ListCost = ListUnitPrice × PricingQuantity, to the cent (FOCUS ListCost rule)', () => {
    for (const r of rows.filter((x) => x.ListUnitPrice !== '')) {
      expect(Math.abs(Number(r.ListUnitPrice) * Number(r.PricingQuantity) - Number(r.ListCost))).toBeLessThan(
        0.005,
      );
    }
  });

  test('ListCost − EffectiveCost is the incentive-token subsidy; Effective, Billed and Contracted costs agree', () => {
    for (const r of rows) {
      expect(cents(r.ListCost) - cents(r.EffectiveCost)).toBe(
        r.x_IncentiveSubsidyUsd === '' ? 0 : cents(r.x_IncentiveSubsidyUsd),
      );
      expect(r.EffectiveCost).toBe(r.BilledCost);
      expect(r.ContractedCost).toBe(r.BilledCost);
    }
  });

  test('the incentive subsidy follows the projection: ListCost is the unsubsidized price, the subsidy ends in month 10', () => {
    // Fixture: 1,344 GPU-hours at USD 1.71 unsubsidized, demand +3 % a month, AKT share 35 % falling to 0 over 9 months.
    const exp = rows.filter((r) => r.x_WorkloadId === 'research-sandbox' && r.x_Option === 'depin');
    exp.forEach((r, m) => {
      expect(Math.abs(cents(r.ListCost) - 1344 * 1.71 * 1.03 ** m * 100)).toBeLessThanOrEqual(2);
    });
    expect(exp.map((r) => r.x_IncentiveSubsidyUsd).slice(9)).toEqual(['0.00', '0.00', '0.00']);
    expect(Number(exp[8]?.x_IncentiveSubsidyUsd)).toBeGreaterThan(0);
  });
});

describe('FOCUS rows written in pieces (renderFocusChunks)', () => {
  test('a header piece, then one piece a workload with priced rows, each whole records ending in CRLF', () => {
    const a = buildAnalysis();
    const pieces = [...renderFocusChunks(a)];
    expect(pieces[0]).toBe(`${FOCUS_COLUMNS.map((c) => c.name).join(',')}\r\n`);
    const workloadsWithRows = new Set(rows.map((r) => r.x_WorkloadId));
    expect(pieces).toHaveLength(1 + workloadsWithRows.size);
    for (const [i, piece] of pieces.slice(1).entries()) {
      expect(piece.endsWith('\r\n')).toBe(true);
      // Each piece holds one workload's records, whole (a record cut between pieces would parse as two).
      const ids = new Set(parseCsvRecords(pieces[0]! + piece).map((r) => r.x_WorkloadId));
      expect(ids.size, `piece ${i + 1}`).toBe(1);
    }
    // Every record of the whole text is in exactly one piece, in the same order.
    expect(pieces.slice(1).flatMap((p) => parseCsvRecords(pieces[0]! + p))).toEqual(rows);
  });
});

describe('FOCUS rows: one per workload × month × option', () => {
  test('months come from the projection: 12 rows per priced option (hybrid: per side)', () => {
    const a = buildAnalysis();
    const chat = rows.filter((r) => r.x_WorkloadId === 'chat-api');
    expect(
      chat
        .filter((r) => r.x_Option === 'cloud' && r.x_Charge === 'gpu-hours')
        .map((r) => r.ChargePeriodStart),
    ).toEqual(a.workloads[0]?.projection?.months.map((m) => `${m.month}-01T00:00:00Z`));
    const side = (s: string) =>
      chat.filter((r) => r.x_Option === 'hybrid' && r.x_HybridSide === s && r.x_Charge === 'gpu-hours');
    expect(side('cloud')).toHaveLength(12);
    expect(side('depin')).toHaveLength(12);
    const gpuRows = rows.filter((r) => r.x_Charge === 'gpu-hours');
    expect(gpuRows).toHaveLength(12 * (3 * 2 + 2 + 1 + 2));
  });

  test("a workload without a projection repeats its monthly cost over the scenario's horizon", () => {
    const a = mutableCopy(buildAnalysis());
    const w = a.workloads[1];
    if (w === undefined) throw new Error('fixture changed');
    w.projection = null;
    w.distribution = null;
    const mine = parseCsvRecords(renderFocus(a)).filter(
      (r) => r.x_WorkloadId === w.id && r.x_Option === 'depin',
    );
    expect(mine.map((r) => r.ChargePeriodStart)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}-01T00:00:00Z`),
    );
    expect(new Set(mine.map((r) => r.BilledCost))).toEqual(new Set(['599.19']));
  });

  test('the months of an option add up to its shown horizon total', () => {
    const horizon = buildAnalysis().workloads[0]?.projection?.horizonCloudUsd ?? 0;
    const cloud = rows.filter((r) => r.x_WorkloadId === 'chat-api' && r.x_Option === 'cloud');
    expect(cloud.reduce((a, r) => a + cents(r.BilledCost), 0)).toBe(Math.round(horizon * 100));
  });

  test("ListUnitPrice is the offer's list GPU-hour price on the GPU-hours row; egress is its own row at its own price", () => {
    // chat-api on cloud: 3,650 GPU-hours at USD 1.861 and 1,800 GiB egress at USD 0.09. Before, the one row read
    // ListUnitPrice = (6,792.65 + 162.00) ÷ 3,650 = 1.9053849315, a price no provider lists.
    const month = rows.filter(
      (r) =>
        r.x_WorkloadId === 'chat-api' &&
        r.x_Option === 'cloud' &&
        r.ChargePeriodStart === rows[0]?.ChargePeriodStart,
    );
    const gpu = month.find((r) => r.x_Charge === 'gpu-hours');
    const egress = month.find((r) => r.x_Charge === 'egress');
    expect(gpu?.ListUnitPrice).toBe('1.861');
    expect(gpu?.PricingUnit).toBe('GPU-Hours');
    expect(egress?.ListUnitPrice).toBe('0.09');
    expect(egress?.PricingUnit).toBe('GiB');
    expect(Number(egress?.ListCost)).toBeCloseTo(
      Number(egress?.ListUnitPrice) * Number(egress?.PricingQuantity),
      2,
    );
    // A USD 0 egress line (Akash charges none) gets no row.
    expect(rows.some((r) => (r.x_OfferId ?? '').startsWith('akash/') && r.x_Charge === 'egress')).toBe(false);
  });

  test("property: a month's rows of one option add up to its spend, whatever its egress", () => {
    fc.assert(
      // Up to 70,000 GiB at USD 0.09 (USD 6,300 of the option's USD 6,954.65 a month).
      fc.property(
        fc.double({ min: 0, max: 7e4, noNaN: true }),
        fc.double({ min: 0, max: 0.09, noNaN: true }),
        (gib, price) => {
          const a = mutableCopy(buildAnalysis());
          const cost = a.workloads[0]?.decision.cloud?.cost;
          const line = cost?.components.find((c) => c.name === 'egress');
          const gpu = cost?.components.find((c) => c.name === 'gpu-time');
          if (cost === undefined || line === undefined || gpu === undefined)
            throw new Error('fixture changed');
          // The month's spend stays the projection's: only its split between GPU time and egress moves.
          gpu.usd += line.usd - gib * price;
          gpu.quantity = gpu.usd / gpu.unitPriceUsd;
          line.quantity = gib;
          line.unitPriceUsd = price;
          line.usd = gib * price;
          const all = parseCsvRecords(renderFocus(a)).filter((r) => r.x_WorkloadId === 'chat-api');
          const byMonth = new Map<string, number>();
          for (const r of all) {
            expect(cents(r.BilledCost)).toBeGreaterThanOrEqual(0);
            const k = `${r.x_Option}|${r.x_HybridSide}|${r.ChargePeriodStart}`;
            byMonth.set(k, (byMonth.get(k) ?? 0) + cents(r.BilledCost));
            if (r.ListUnitPrice !== '')
              expect(
                Math.abs(Number(r.ListUnitPrice) * Number(r.PricingQuantity) - Number(r.ListCost)),
              ).toBeLessThan(0.0051);
          }
          const gpuOnly = new Map(
            all
              .filter((r) => r.x_Charge === 'gpu-hours')
              .map((r) => [`${r.x_Option}|${r.x_HybridSide}|${r.ChargePeriodStart}`, 0]),
          );
          expect([...byMonth.keys()].sort()).toEqual([...gpuOnly.keys()].sort());
          const horizon = a.workloads[0]?.projection?.horizonCloudUsd ?? 0;
          const cloud = [...byMonth].filter(([k]) => k.startsWith('cloud|')).reduce((s, [, v]) => s + v, 0);
          expect(cloud).toBe(Math.round(horizon * 100));
        },
      ),
      { numRuns: 40 },
    );
  });

  test('x_Recommended marks exactly the rows of the recommended option', () => {
    for (const r of rows) expect(r.x_Recommended).toBe(String(r.x_Option === r.x_Recommendation));
  });

  test('the header is the documented column list, in order', () => {
    expect(header).toEqual(FOCUS_COLUMNS.map((c) => c.name));
  });

  test('UTF-8 without a byte-order mark (loaders read the first header as BilledCost), CRLF', () => {
    expect(text.startsWith('BilledCost,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('is byte-identical for the same input', () => {
    expect(renderFocus(buildAnalysis())).toBe(text);
  });
});

describe('FOCUS SKUs: an offer is one price of a SKU', () => {
  test('SkuId, SkuPriceId, SkuMeter and SkuPriceDetails are set on every Usage row', () => {
    for (const r of rows)
      for (const c of ['SkuId', 'SkuPriceId', 'SkuMeter', 'SkuPriceDetails']) expect(r[c]).not.toBe('');
    for (const r of rows)
      expect([
        'GPU-hours',
        'Data transfer out (GiB)',
        'Data transfer in (GiB)',
        'Checkpoint sync (GiB)',
      ]).toContain(r.SkuMeter);
    for (const r of rows) expect(r.SkuMeter === 'GPU-hours').toBe(r.x_Charge === 'gpu-hours');
  });

  test('SkuPriceId-C-008-M: each SkuPriceId has one SkuId; SkuPriceId is the offer id', () => {
    const parents = new Map<string, Set<string>>();
    for (const r of rows) {
      expect(r.SkuPriceId).toBe(r.x_Charge === 'gpu-hours' ? r.x_OfferId : `${r.x_OfferId}/${r.x_Charge}`);
      parents.set(r.SkuPriceId ?? '', (parents.get(r.SkuPriceId ?? '') ?? new Set()).add(r.SkuId ?? ''));
    }
    for (const p of parents.values()) expect(p.size).toBe(1);
  });

  test('SkuId-C-009-M: the same machine under two pricing categories is one SkuId with two SkuPriceIds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRICING_CATEGORIES), fc.constantFrom(...PRICING_CATEGORIES), (a, b) => {
        const base = OFFERS.akashH100;
        const x = { ...base, id: `${base.id}/${a}`, pricingCategory: a };
        const y = { ...base, id: `${base.id}/${b}`, pricingCategory: b };
        return skuId(x) === skuId(y);
      }),
    );
    expect(skuId({ ...OFFERS.awsP5, instanceType: null })).toBe('aws/1x H100/us-east-1');
    expect(skuId({ ...OFFERS.awsP5, instanceType: 'p5.48xlarge' })).toBe('aws/p5.48xlarge/us-east-1');
  });

  test('SkuPriceDetails: a JSON object of x_ keys, the same every month for a SkuPriceId; numbers are per GPU-hour', () => {
    const byPrice = new Map<string, Set<string>>();
    for (const r of rows) {
      const d = JSON.parse(r.SkuPriceDetails ?? '') as Record<string, unknown>;
      for (const k of Object.keys(d)) expect(k).toMatch(/^x_[A-Z]/);
      byPrice.set(
        r.SkuPriceId ?? '',
        (byPrice.get(r.SkuPriceId ?? '') ?? new Set()).add(r.SkuPriceDetails ?? ''),
      );
      if (r.x_Charge !== 'gpu-hours') {
        // A data row's price is per GiB, its own line's.
        expect(d.x_Component).toBe(r.x_Charge);
        expect(Number(d.x_UsdPerGiB)).toBe(Number(r.ListUnitPrice));
        continue;
      }
      expect(d.x_Gpu).toBe(r.x_Gpu);
      expect(d.x_PricingCategory).toBe(r.PricingCategory);
      if (r.x_OfferListUnitPrice !== '')
        expect(Number(d.x_CatalogUsdPerGpuHour)).toBeCloseTo(Number(r.x_OfferListUnitPrice), 4);
    }
    for (const d of byPrice.values()) expect(d.size).toBe(1);
  });
});

/** The fixture with chat-api's DePIN offer (Akash, AKT path in the projection) priced in its token. */
function tokenPriced(symbol: string | undefined): Record<string, string>[] {
  const a = mutableCopy(buildAnalysis());
  const offer = a.workloads[0]?.decision.depin?.offer;
  if (offer === undefined) throw new Error('fixture changed');
  if (symbol === undefined) delete offer.pricingCurrency;
  else offer.pricingCurrency = symbol;
  return parseCsvRecords(renderFocus(a)).filter((r) => r.x_WorkloadId === 'chat-api');
}

describe('FOCUS virtual currency: a price set in the incentive token', () => {
  const chat = tokenPriced('AKT');
  const depinSide = chat.filter((r) => r.x_Market === 'depin');
  const cloudSide = chat.filter((r) => r.x_Market !== 'depin');

  test('DePIN rows (option and hybrid side) carry PricingCurrency = the token, billing stays USD; cloud rows stay USD', () => {
    expect(depinSide.length).toBe(24);
    for (const r of depinSide) {
      expect(r.PricingCurrency).toBe('AKT');
      expect(r.BillingCurrency).toBe('USD');
    }
    for (const r of cloudSide) expect(r.PricingCurrency).toBe('USD');
  });

  test('the PricingCurrency* columns are the USD columns at the month’s token price (tokens to 6 decimals, unit prices to 10)', () => {
    for (const r of depinSide) {
      const price = Number(r.x_IncentiveTokenPriceUsd);
      expect(price).toBeGreaterThan(0);
      expect(r.PricingCurrencyEffectiveCost).toMatch(/^\d+\.\d{1,6}$/);
      expect(Number(r.PricingCurrencyEffectiveCost) * price).toBeCloseTo(Number(r.EffectiveCost), 2);
      const qty = Number(r.PricingQuantity);
      expect(Number(r.PricingCurrencyListUnitPrice) * price * qty).toBeCloseTo(Number(r.ListCost), 2);
      expect(Number(r.PricingCurrencyContractedUnitPrice) * price * qty).toBeCloseTo(
        Number(r.ContractedCost),
        2,
      );
      // The contracted (after the incentive) price is never above the list price.
      expect(Number(r.PricingCurrencyContractedUnitPrice)).toBeLessThanOrEqual(
        Number(r.PricingCurrencyListUnitPrice),
      );
    }
  });

  test('USD rows: each PricingCurrency* column equals its USD twin; the unit prices multiply back to the cent', () => {
    for (const r of rows) {
      expect(r.PricingCurrency).toBe('USD');
      expect(r.PricingCurrencyListUnitPrice).toBe(r.ListUnitPrice);
      expect(r.PricingCurrencyEffectiveCost).toBe(r.EffectiveCost);
      if (r.PricingQuantity !== '')
        expect(
          Math.abs(
            cents(String(Number(r.PricingCurrencyContractedUnitPrice) * Number(r.PricingQuantity))) -
              cents(r.ContractedCost),
          ),
        ).toBeLessThanOrEqual(1);
    }
  });

  test('an offer in USD, or a token with no projected price, is priced in USD (never a token amount gpufit did not compute)', () => {
    for (const r of tokenPriced(undefined)) expect(r.PricingCurrency).toBe('USD');
    for (const r of tokenPriced('USD')) expect(r.PricingCurrency).toBe('USD');
    const a = mutableCopy(buildAnalysis());
    const w = a.workloads[0];
    const offer = w?.decision.depin?.offer;
    if (w === undefined || offer === undefined || w.projection === null) throw new Error('fixture changed');
    offer.pricingCurrency = 'AKT';
    for (const m of w.projection.months) m.tokenPriceUsd = null;
    for (const r of parseCsvRecords(renderFocus(a))) expect(r.PricingCurrency).toBe('USD');
  });

  test('property: token amounts are non-negative and scale inversely with the token price (any positive price path)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (factor) => {
        const a = mutableCopy(buildAnalysis());
        const w = a.workloads[0];
        const offer = w?.decision.depin?.offer;
        if (w === undefined || offer === undefined || w.projection === null)
          throw new Error('fixture changed');
        offer.pricingCurrency = 'AKT';
        const before = parseCsvRecords(renderFocus(a)).filter((r) => r.PricingCurrency === 'AKT');
        // Scaling the whole path leaves the token ratio (and so the USD columns) unchanged.
        for (const m of w.projection.months) if (m.tokenPriceUsd !== null) m.tokenPriceUsd *= factor;
        const after = parseCsvRecords(renderFocus(a)).filter((r) => r.PricingCurrency === 'AKT');
        expect(after.length).toBe(before.length);
        after.forEach((r, i) => {
          const b = before[i];
          expect(r.EffectiveCost).toBe(b?.EffectiveCost);
          expect(Number(r.PricingCurrencyEffectiveCost)).toBeGreaterThanOrEqual(0);
          expect(Number(r.PricingCurrencyEffectiveCost) * factor).toBeCloseTo(
            Number(b?.PricingCurrencyEffectiveCost),
            3,
          );
        });
      }),
      { numRuns: 20 },
    );
  });

  test('the incentive subsidy of a token-priced offer moves with the token price (ListCost − BilledCost)', () => {
    const usd = tokenPriced(undefined).filter((r) => r.x_Option === 'depin');
    const tok = depinSide.filter((r) => r.x_Option === 'depin');
    const p0 = Number(tok[0]?.x_IncentiveTokenPriceUsd);
    tok.forEach((r, m) => {
      const ratio = Number(r.x_IncentiveTokenPriceUsd) / p0;
      expect(r.BilledCost).toBe(usd[m]?.BilledCost);
      expect(Number(r.x_IncentiveSubsidyUsd)).toBeCloseTo(Number(usd[m]?.x_IncentiveSubsidyUsd) * ratio, 1);
    });
  });
});
