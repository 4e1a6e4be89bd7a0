import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS } from '../src/csv/csvColumns.js';
import { FORMULA_TRIGGERS, neutralizeFormula } from '../src/csv/neutralizeFormula.js';
import { renderCsv } from '../src/csv/renderCsv.js';
import { quoteField } from '../src/csv/writeCsv.js';
import { renderFocus } from '../src/focus/renderFocus.js';
import { presentAnalysis } from '../src/present/presentAnalysis.js';
import { buildAnalysis, FORMULA_NAME } from './fixtures/analysis.js';
import { withDistribution } from './fixtures/portfolio.js';
import { INJECTION_PAYLOADS, withEveryInputString } from './helpers/injection.js';
import { parseCsv, parseCsvRecords } from './helpers/parseCsv.js';

const csv = renderCsv(buildAnalysis());
const records = parseCsvRecords(csv);

/** Columns the renderer writes as numbers (never neutralized, so negative amounts stay numeric). */
const NUMERIC_COLUMNS = [
  'cloudFitScore',
  'depinFitScore',
  'listUsdPerGpuHour',
  'cloudShare',
  'depinShare',
  'monthlyUsd',
  'horizonUsd',
  'usdPerJob',
  'monthlySavingsVsAllCloudUsd',
  'incentiveSubsidyMonthlyUsd',
  'billedGpuHoursPerMonth',
  'gpusPerReplica',
  'replicas',
  'horizonP10Usd',
  'horizonP50Usd',
  'horizonP90Usd',
  'pDepinCheaper',
  'seed',
  'monthlyP10Usd',
  'monthlyP50Usd',
  'monthlyP90Usd',
  'horizonMeanUsd',
  'outputPerMonth',
  'usdPerOutputUnitsAtStatedVolume',
];
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('renderCsv: one row per workload × option', () => {
  test('the header is the documented column list, in order', () => {
    const [header] = parseCsv(csv.slice(1));
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.name));
  });

  test('UTF-8 with a byte-order mark for Excel, CRLF after every record', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
  });

  test('every workload has its cloud, depin, hybrid and recommended rows, in that order', () => {
    const a = buildAnalysis();
    expect(records).toHaveLength(a.workloads.length * 4);
    a.workloads.forEach((w, i) => {
      expect(records.slice(i * 4, i * 4 + 4).map((r) => [r.workloadId, r.option])).toEqual([
        [w.id, 'cloud'],
        [w.id, 'depin'],
        [w.id, 'hybrid'],
        [w.id, 'recommended'],
      ]);
    });
  });

  test('the plan row (option recommended) repeats the recommended option row, which alone is flagged', () => {
    for (let i = 0; i < records.length; i += 4) {
      const rec = records[i + 3] ?? {};
      const chosen = records.slice(i, i + 3).find((r) => r.option === rec.recommendedOption) ?? {};
      const strip = ({ option: _, rowType: __, isRecommended: ___, ...rest }: Record<string, string>) => rest;
      expect(strip(rec)).toEqual(strip(chosen));
      expect([rec.rowType, rec.isRecommended]).toEqual(['plan', 'false']);
      expect([chosen.rowType, chosen.isRecommended]).toEqual(['option', 'true']);
      expect(records.slice(i, i + 4).filter((r) => r.isRecommended === 'true')).toHaveLength(1);
    }
  });

  test('a spreadsheet filter on one flag sums to the plan total: isRecommended = true, or rowType = plan', () => {
    const cents = (rows: Record<string, string>[]) =>
      rows.reduce((sum, r) => sum + (r.monthlyUsd === '' ? 0 : Math.round(Number(r.monthlyUsd) * 100)), 0);
    const plan = Math.round(buildAnalysis().totals.monthlyUsd.recommended * 100);
    expect(plan).toBeGreaterThan(0);
    expect(cents(records.filter((r) => r.isRecommended === 'true'))).toBe(plan);
    expect(cents(records.filter((r) => r.rowType === 'plan'))).toBe(plan);
    expect(cents(records.filter((r) => r.rowType === 'option'))).toBeGreaterThan(plan);
  });

  test('with the joint Monte Carlo the filters still sum to the plan total, and the plan rows state it', () => {
    const { a } = withDistribution();
    const all = parseCsvRecords(renderCsv(a));
    const cents = (rows: Record<string, string>[], col = 'monthlyUsd') =>
      rows.reduce((sum, r) => sum + (r[col] === '' ? 0 : Math.round(Number(r[col]) * 100)), 0);
    const plan = Math.round(a.totals.monthlyUsd.recommended * 100);
    expect(cents(all.filter((r) => r.isRecommended === 'true'))).toBe(plan);
    expect(cents(all.filter((r) => r.rowType === 'plan'))).toBe(plan);
    const whole = (option: string) =>
      all.filter((r) => r.rowType === 'plan-distribution' && r.option === option);
    expect(cents(whole('recommended'))).toBe(plan);
    // Horizons are the figures every output prints (presentAnalysis: the sum of the workloads' shown horizons, each
    // the sum of its cent-rounded months), so the plan-distribution row states what the plan rows add up to.
    const shown = presentAnalysis(a).totals;
    expect(cents(whole('recommended'), 'horizonUsd')).toBe(shown.horizonRecommendedCents);
    expect(
      cents(
        all.filter((r) => r.rowType === 'plan'),
        'horizonUsd',
      ),
    ).toBe(shown.horizonRecommendedCents);
    expect(Math.abs(shown.horizonRecommendedCents / 100 - a.totals.horizonUsd.recommended)).toBeLessThan(
      a.totals.horizonUsd.recommended * 0.01,
    );
    expect(cents(whole('all-cloud'))).toBe(Math.round(a.totals.monthlyUsd.allCloud * 100));
    expect(cents(whole('all-cloud'), 'horizonUsd')).toBe(shown.horizonAllCloudCents);
    // No deterministic all-decentralized total in report.json: empty, never a made-up number or 0.
    expect(whole('all-decentralized').map((r) => [r.monthlyUsd, r.horizonUsd])).toEqual([['', '']]);
  });

  test('numeric columns hold plain numbers (no grouping) or nothing', () => {
    for (const r of records) {
      for (const c of NUMERIC_COLUMNS) if (r[c] !== '') expect(r[c]).toMatch(NUMBER);
    }
  });

  test('a negative amount stays a number: it is not prefixed like formula text', () => {
    const subsidy = records.find((r) => r.workloadId === 'chat-api' && r.option === 'depin');
    expect(subsidy?.incentiveSubsidyMonthlyUsd).toBe('-466.00');
  });

  test('a missing value is an empty cell with a status, never 0', () => {
    const pretrainDepin = records.find((r) => r.workloadId === 'pretrain-7b' && r.option === 'depin');
    expect(pretrainDepin).toMatchObject({
      status: 'ineligible',
      monthlyUsd: '',
      horizonUsd: '',
      offerId: '',
    });
    expect(pretrainDepin?.statusReason).toContain('InfiniBand');
    const ocrCloud = records.find((r) => r.workloadId === 'claims-ocr' && r.option === 'cloud');
    expect(ocrCloud).toMatchObject({ status: 'infeasible', monthlyUsd: '', listUsdPerGpuHour: '' });
  });

  test('hybrid shares add up to exactly 1', () => {
    for (const r of records.filter((x) => x.option === 'hybrid' && x.cloudShare !== '')) {
      expect(Math.round((Number(r.cloudShare) + Number(r.depinShare)) * 1000)).toBe(1000);
    }
  });

  test('horizonUsd is the sum of the FOCUS forecast rows of the same option', () => {
    const focus = parseCsvRecords(renderFocus(buildAnalysis()));
    for (const r of records.filter((x) => x.option !== 'recommended' && x.horizonUsd !== '')) {
      const rows = focus.filter((f) => f.x_WorkloadId === r.workloadId && f.x_Option === r.option);
      const cents = rows.reduce((a, f) => a + Math.round(Number(f.BilledCost) * 100), 0);
      expect(cents).toBe(Math.round(Number(r.horizonUsd) * 100));
    }
  });

  test('a name with commas, quotes and line breaks survives the round trip (RFC 4180)', () => {
    const name = 'Batch, "nightly"\r\nrun';
    const text = renderCsv(buildAnalysis({ renameWorkloads: (n, i) => (i === 1 ? name : n) }));
    expect(parseCsvRecords(text).filter((r) => r.workloadName === name)).toHaveLength(4);
  });

  test('the formula-looking workload name is neutralized with a leading quote', () => {
    expect(records.filter((r) => r.workloadName === `'${FORMULA_NAME}`)).toHaveLength(4);
    expect(records.some((r) => r.workloadName === FORMULA_NAME)).toBe(false);
  });

  test('is byte-identical for the same input', () => {
    expect(renderCsv(buildAnalysis())).toBe(csv);
  });

  test('header: false gives the rows alone, to append: the whole report without its mark and header line', () => {
    const rows = renderCsv(buildAnalysis(), { header: false });
    expect(rows.startsWith('\uFEFF')).toBe(false);
    expect(csv).toBe(`${csv.slice(0, csv.indexOf('\r\n') + 2)}${rows}`);
    expect(rows.split('\r\n')[0]).not.toBe(CSV_COLUMNS.map((c) => c.name).join(','));
  });
});

describe('the true unit cost at a stated volume in report.csv', () => {
  const base = buildAnalysis();
  const chat = base.workloads.find((w) => w.id === 'chat-api')!;
  const stated = {
    outputPerMonth: 2_500_000_000,
    recommendation: chat.decision.recommendation,
    monthlyUsd: chat.decision.recommendedMonthlyUsd!,
    usd: (chat.decision.recommendedMonthlyUsd! / 2.5e9) * 1e6,
    capacityShare: null,
  };
  const a = {
    ...base,
    workloads: base.workloads.map((w) =>
      w.id === 'chat-api'
        ? {
            ...w,
            unitCost: {
              unit: 'tokens' as const,
              per: 1e6,
              modelSizeBand: 'small',
              basis: 'measured-throughput' as const,
              figures: [],
              gaps: [],
              atStatedVolume: stated,
            },
          }
        : w,
    ),
  };
  const rows = parseCsvRecords(renderCsv(a));

  test('is on the recommended option row and the plan row only, equal to report.json to 4 decimals', () => {
    const mine = rows.filter((r) => r.workloadId === 'chat-api');
    const filled = mine.filter((r) => r.usdPerOutputUnitsAtStatedVolume !== '');
    expect(filled.map((r) => r.option).sort()).toEqual([chat.decision.recommendation, 'recommended'].sort());
    for (const r of filled) {
      expect(r.outputPerMonth).toBe('2500000000');
      expect(r.outputUnit).toBe('tokens');
      expect(r.usdPerOutputUnitsAtStatedVolume).toBe(stated.usd.toFixed(4));
    }
    expect(rows.filter((r) => r.workloadId !== 'chat-api' && r.outputPerMonth !== '')).toEqual([]);
  });
});

describe('the whole plan’s spend range (totals.distribution) in report.csv', () => {
  const { a, d } = withDistribution();
  const all = parseCsvRecords(renderCsv(a));
  const PLANS = [
    ['recommended', 'recommended'],
    ['all-cloud', 'allCloud'],
    ['all-decentralized', 'allDecentralized'],
  ] as const;

  const n = a.workloads.length * 4;

  test('the workload rows come first; then one plan-distribution row per plan', () => {
    expect(all.slice(0, n).every((r) => r.rowType === 'option' || r.rowType === 'plan')).toBe(true);
    expect(all.slice(n).every((r) => (r.rowType ?? '').startsWith('plan-distribution'))).toBe(true);
    const plans = all.filter((r) => r.rowType === 'plan-distribution');
    expect(plans.map((r) => r.option)).toEqual(PLANS.map(([o]) => o));
    for (const r of plans) expect([r.workloadId, r.isRecommended, r.month]).toEqual(['', 'false', '']);
  });

  test('horizon P10/P50/P90 and mean equal report.json’s, to the cent', () => {
    for (const [option, key] of PLANS) {
      const row = all.find((r) => r.rowType === 'plan-distribution' && r.option === option)!;
      const h = d[key].horizon;
      expect([row.horizonP10Usd, row.horizonP50Usd, row.horizonP90Usd, row.horizonMeanUsd]).toEqual(
        [h.p10, h.p50, h.p90, d[key].horizonMeanUsd].map((x) => x.toFixed(2)),
      );
      expect(row.seed).toBe(String(d.seed));
    }
    // 112,345.678 → 112345.68; 90,000.004 → 90000.00
    expect(all.find((r) => r.option === 'recommended' && r.rowType === 'plan-distribution')).toMatchObject({
      horizonP10Usd: '90000.00',
      horizonP90Usd: '112345.68',
    });
  });

  test('one plan-distribution-month row per plan and month, equal to report.json’s months', () => {
    const months = all.filter((r) => r.rowType === 'plan-distribution-month');
    expect(months).toHaveLength(3 * d.recommended.months.length);
    for (const [option, key] of PLANS) {
      const mine = months.filter((r) => r.option === option);
      expect(mine.map((r) => [r.month, r.monthlyP10Usd, r.monthlyP50Usd, r.monthlyP90Usd])).toEqual(
        d[key].months.map((m) => [m.month, m.p10.toFixed(2), m.p50.toFixed(2), m.p90.toFixed(2)]),
      );
      // Money that is not a percentile of this row stays empty: nothing to sum by mistake.
      for (const r of mine) expect([r.monthlyUsd, r.horizonUsd, r.horizonP50Usd]).toEqual(['', '', '']);
    }
  });

  test('property: any distribution is written to the cent, P10 ≤ P50 ≤ P90 kept, workload rows untouched', () => {
    const sorted3 = fc
      .tuple(
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
      )
      .map(([x, y, z]) => [x, y, z].sort((u, v) => u - v) as [number, number, number]);
    const planArb = fc.record({
      horizon: sorted3,
      mean: fc.double({ min: 0, max: 1e8, noNaN: true }),
      months: fc.array(sorted3, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.tuple(planArb, planArb, planArb), (plans) => {
        const [rec, cloud, dec] = plans.map((x) => ({
          horizonMeanUsd: x.mean,
          horizon: { p10: x.horizon[0], p50: x.horizon[1], p90: x.horizon[2] },
          months: x.months.map(([p10, p50, p90], i) => ({ month: `2027-0${i + 1}`, p10, p50, p90 })),
        }));
        const analysis = {
          ...a,
          totals: {
            ...a.totals,
            distribution: { ...d, recommended: rec!, allCloud: cloud!, allDecentralized: dec! },
          },
        };
        const rows = parseCsvRecords(renderCsv(analysis));
        expect(rows.slice(0, n)).toEqual(all.slice(0, n));
        const near = (cell: string | undefined, x: number) =>
          expect(Math.abs(Number(cell) - x)).toBeLessThanOrEqual(0.005 + x * 1e-12);
        const extra = rows.slice(n);
        expect(extra).toHaveLength(3 + rec!.months.length + cloud!.months.length + dec!.months.length);
        for (const [i, plan] of [rec!, cloud!, dec!].entries()) {
          const row = extra[i]!;
          near(row.horizonP10Usd, plan.horizon.p10);
          near(row.horizonP90Usd, plan.horizon.p90);
          near(row.horizonMeanUsd, plan.horizonMeanUsd);
          expect(Number(row.horizonP10Usd)).toBeLessThanOrEqual(Number(row.horizonP50Usd));
          expect(Number(row.horizonP50Usd)).toBeLessThanOrEqual(Number(row.horizonP90Usd));
        }
        for (const r of extra.filter((x) => x.rowType === 'plan-distribution-month')) {
          expect(Number(r.monthlyP10Usd)).toBeLessThanOrEqual(Number(r.monthlyP50Usd));
          expect(Number(r.monthlyP50Usd)).toBeLessThanOrEqual(Number(r.monthlyP90Usd));
          expect(Number(r.monthlyP10Usd)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});

describe('formula injection is neutralized in every field that comes from input', () => {
  const fixture = buildAnalysis();
  const outputs = [
    ['report.csv', renderCsv],
    ['forecast-focus.csv', renderFocus],
  ] as const;

  test('the walk reaches every kind of input string (names, ids, providers, regions, sources, reasons)', () => {
    const { paths } = withEveryInputString(fixture, '=1');
    for (const expected of [
      'scenario.name',
      'workloads.0.id',
      'workloads.0.name',
      'workloads.0.decision.cloud.offer.id',
      'workloads.0.decision.cloud.offer.provider',
      'workloads.0.decision.cloud.offer.providerName',
      'workloads.0.decision.cloud.offer.gpu',
      'workloads.0.decision.cloud.offer.region',
      'workloads.0.decision.cloud.offer.country',
      'workloads.0.decision.cloud.offer.source',
      'workloads.0.decision.cloud.offer.asOf',
      'workloads.0.decision.depin.cost.components.4.unit',
      'workloads.0.decision.hybrid.floorReason',
      'workloads.5.decision.cloud.cost.rejections.0.message',
      'sources.0.source',
      'frameworkVersion',
      'rejected.0.reason',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  for (const [file, render] of outputs) {
    test.each(INJECTION_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
      `${file}: %s in every input string`,
      (_, payload) => {
        const { analysis } = withEveryInputString(fixture, payload);
        const text = render(analysis);
        const rows = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
        const cellsWithPayload = rows.flat().filter((c) => c.includes(payload.trim()));
        expect(cellsWithPayload.length).toBeGreaterThan(0);
        for (const cell of rows.flat()) {
          if (NUMBER.test(cell)) continue;
          expect(
            (FORMULA_TRIGGERS as readonly string[]).includes(cell.charAt(0)),
            `cell ${JSON.stringify(cell)}`,
          ).toBe(false);
        }
        expect(rows.flat()).toContain(`'${payload}`);
      },
    );
  }
});

describe('neutralizeFormula and quoteField', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
  ])('quote %j → %j', (input, output) => {
    expect(quoteField(input)).toBe(output);
  });
});
