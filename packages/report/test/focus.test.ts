import { describe, expect, test } from 'vitest';
import { FOCUS_COLUMNS } from '../src/focus/focusColumns.js';
import { renderFocus } from '../src/focus/renderFocus.js';
import { buildAnalysis } from './fixtures/analysis.js';
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
const CLAIMED = ['RegionId', 'RegionName', 'PricingCategory', 'ListUnitPrice'];
const COST_COLUMNS = ['BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost'];
const DECIMAL_COLUMNS = [...COST_COLUMNS, 'PricingQuantity', 'ListUnitPrice'];
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

  test('the conditional columns of claimed capabilities are present (RegionId, RegionName, PricingCategory, ListUnitPrice)', () => {
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
    for (const r of rows.filter((x) => (x.x_OfferId ?? '').startsWith('akash/')))
      expect(r.x_IncentiveSubsidyUsd).not.toBe('');
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

describe('FOCUS rows: one per workload × month × option', () => {
  test('months come from the projection: 12 rows per priced option (hybrid: per side)', () => {
    const a = buildAnalysis();
    const chat = rows.filter((r) => r.x_WorkloadId === 'chat-api');
    expect(chat.filter((r) => r.x_Option === 'cloud').map((r) => r.ChargePeriodStart)).toEqual(
      a.workloads[0]?.projection?.months.map((m) => `${m.month}-01T00:00:00Z`),
    );
    expect(chat.filter((r) => r.x_Option === 'hybrid' && r.x_HybridSide === 'cloud')).toHaveLength(12);
    expect(chat.filter((r) => r.x_Option === 'hybrid' && r.x_HybridSide === 'depin')).toHaveLength(12);
    expect(rows).toHaveLength(12 * (3 * 2 + 2 + 1 + 2));
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
