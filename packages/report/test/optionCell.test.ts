/**
 * The executive summary's option cells on a 40-workload estate: a reviewer's enterprise portfolio repeated the
 * same long "ineligible: …" or "none of 288 decentralized offers can run it: …" sentence on about 30 of 40 rows,
 * each summary line about 800 characters wide (1,045 at most). A cell now says why in a few words and keys the
 * full sentence, said once under the table.
 */
import type { Analysis, RejectionCode } from '@gpufit/schema';
import { REFUSED_OFFERS, REFUSED_SHORT, REJECTION_CODES } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Block } from '../src/document/blocks.js';
import { buildReportDocument } from '../src/document/buildReportDocument.js';
import { REASON_CELL_MAX } from '../src/document/optionCell.js';
import { escapeHtml } from '../src/html/escapeHtml.js';
import { renderHtml } from '../src/html/renderHtml.js';
import { renderMarkdown } from '../src/markdown/renderMarkdown.js';
import { presentAnalysis } from '../src/present/presentAnalysis.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

// The enterprise portfolio's own sentences (gpufit analyze /work/portfolios/R8/enterprise.csv, 2026-12-05).
const RESIDENCY = (where: string) =>
  `Data must stay in ${where}: DePIN is ineligible unless an offer is verified to run there ("will customer data cross borders?"); community hosts cannot prove where they are.`;
const REGULATED =
  'Regulated data: DePIN is ineligible unless an offer holds the certifications the data requires, because hosts can read the data they process; "if you handle regulated customer data … centralized cloud still has the edge". A saving does not change this.';
const INTERCONNECT = (nodes: number) =>
  `Needs an InfiniBand-class interconnect across ${nodes} nodes: DePIN is ineligible unless an offer provides it; tightly synchronized training stays on InfiniBand-class clusters.`;
const NONE_CERT =
  "none of 288 decentralized offers can run it: 288 lack a certification the workload requires (the offer lacks soc2); 288 are outside the residency the data needs (the offer's country is unknown or unverified); 287 are another GPU with no measured throughput ratio for this work";
const NONE_NEAREST =
  'none of 288 decentralized offers can run it: 288 are another GPU with no measured throughput ratio for this work; 34 cannot hold a replica (the model, or its stated GPUs) on one instance; 2 have no known price. The nearest fail one rule only, another GPU with no measured throughput ratio for this work — 98 offers (Akash Network (A100-80GB, any), Akash Network (B200, any), Akash Network (B300, any), and 95 more)';

type Why =
  | { readonly constraint: { readonly code: string; readonly reason: string } }
  | { readonly unavailable: string };

/** The fixture with `whys.length` workloads, each a copy of its priced cloud-only pretrain with its own reason. */
function estate(whys: readonly Why[]): Analysis {
  const a = mutableCopy(buildAnalysis());
  const base = a.workloads.find((w) => w.id === 'pretrain-7b')!;
  a.workloads = whys.map((why, i) => {
    const w = structuredClone(base);
    w.id = `w${i + 1}`;
    w.name = `Workload ${i + 1}`;
    w.fit.constraints =
      'constraint' in why
        ? [{ side: 'depin', code: why.constraint.code, reason: why.constraint.reason, scope: 'all' }]
        : [];
    w.decision.unavailable = { cloud: null, depin: 'unavailable' in why ? why.unavailable : null };
    return w;
  });
  // The totals the producer would state for these copies (the report checks its rows add up to them).
  const n = whys.length;
  const t = a.totals;
  const monthly = n * base.decision.recommendedMonthlyUsd!;
  t.monthlyUsd = { recommended: monthly, allCloud: monthly };
  t.monthlySavingsUsd = n * (base.decision.monthlySavingsUsd ?? 0);
  t.unpricedWorkloads = [];
  delete t.distribution;
  delete t.incentiveSubsidy;
  return a as Analysis;
}

/** The summary table's rows and the notes under it, read off the document model both formats render. */
function summaryOf(a: Analysis): { rows: string[][]; notes: string[] } {
  const blocks = buildReportDocument(presentAnalysis(a), []);
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.anchor === 'summary');
  const table = blocks.slice(at).find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
  const rows = table.rows.map((r) => r.map((cell) => cell.map((s) => s.text).join('')));
  const after = blocks.indexOf(table);
  const next = blocks[after + 2];
  const notes = next?.kind === 'list' ? next.items.map((i) => i.map((s) => s.text).join('')) : [];
  return { rows, notes };
}

const DEPIN = 4; // the decentralized-option column

const ENTERPRISE: Why[] = Array.from({ length: 40 }, (_, i): Why => {
  const pick = [
    { constraint: { code: 'residency', reason: RESIDENCY('US') } },
    { constraint: { code: 'residency', reason: RESIDENCY('EU') } },
    { constraint: { code: 'regulated-data', reason: REGULATED } },
    { constraint: { code: 'interconnect', reason: INTERCONNECT(2 + (i % 3)) } },
    { unavailable: NONE_CERT },
    { unavailable: NONE_NEAREST },
  ] as const;
  return pick[i % pick.length]!;
});

describe('summary option cells on a 40-workload estate', () => {
  const a = estate(ENTERPRISE);
  const md = renderMarkdown(a, { chartImageDir: 'charts' });
  const summary = md.slice(md.indexOf('## Executive summary'), md.indexOf('### Top risks'));
  const tableLines = summary.split('\n').filter((l) => l.startsWith('|'));

  test('no summary-table line is wider than the offers make it: 300 characters here (the full sentences: 800+)', () => {
    // The non-offer columns of this fixture take about 170 characters; a reason cell holds at most
    // REASON_CELL_MAX (66), under the ~130 of a long offer cell, so reasons never widen the table.
    expect(tableLines).toHaveLength(43);
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(300);
  });

  test('each distinct full sentence is said once under the table, and each row keys its own', () => {
    const { rows, notes } = summaryOf(a);
    const distinct = new Set(
      ENTERPRISE.map((why) =>
        'constraint' in why ? `ineligible: ${why.constraint.reason}` : why.unavailable,
      ),
    );
    expect(new Set(notes)).toEqual(distinct);
    expect(notes).toHaveLength(distinct.size);
    for (const note of notes) expect(summary.split(note).length - 1).toBe(1);
    rows.forEach((row, i) => {
      const why = ENTERPRISE[i]!;
      const full = 'constraint' in why ? `ineligible: ${why.constraint.reason}` : why.unavailable;
      const key = /\(note (\d+)\)$/.exec(row[DEPIN]!);
      expect(notes[Number(key?.[1]) - 1]).toBe(full);
    });
  });

  test('the short reasons say the rule: residency, the rejection codes in the sentence’s order', () => {
    const { rows } = summaryOf(a);
    expect(rows[0]![DEPIN]).toBe('ineligible: data must stay in US (note 1)');
    expect(rows[2]![DEPIN]).toBe('ineligible: regulated data (note 3)');
    expect(rows[4]![DEPIN]).toMatch(/^none: certification, residency, GPU ratio \(note \d+\)$/);
    expect(rows[5]![DEPIN]).toMatch(/^none: GPU ratio, memory, no price \(note \d+\)$/);
  });

  test('each workload’s own section keeps the full sentence', () => {
    const sections = md.slice(md.indexOf('## Workloads'));
    for (const why of ENTERPRISE)
      expect(sections).toContain(
        'constraint' in why ? `ineligible: ${why.constraint.reason}` : why.unavailable,
      );
  });

  test('the HTML report keys the same notes, in an ordered list under its summary table', () => {
    const html = renderHtml(a, { chartJsSource: 'window.Chart = function Chart() {};' });
    const summaryHtml = html.slice(html.indexOf('Executive summary'), html.indexOf('Top risks'));
    const items = [...summaryHtml.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toEqual(summaryOf(a).notes.map(escapeHtml));
    expect(summaryHtml).toContain('ineligible: data must stay in US (note 1)');
  });
});

describe('the short reasons come from decision.unavailableReasons (schema 2.13.0), not the sentence', () => {
  const cellOf = (unavailable: string, reasons?: { code: RejectionCode; offers: number }[]) => {
    const a = mutableCopy(estate([{ unavailable }]));
    if (reasons !== undefined) a.workloads[0]!.decision.unavailableReasons = { cloud: null, depin: reasons };
    return summaryOf(a as Analysis).rows[0]![DEPIN]!;
  };
  // A rule's own words can hold another reason's phrase: the sentence read back named a reason no offer failed.
  const NAMES_ANOTHER =
    'none of 288 decentralized offers can run it: 288 run on hosts the data may not use (confidential data needs datacenter hosts, and hosts that are another GPU with no measured throughput ratio for this work do not count); 12 have no known price';

  test('the data’s codes, in its order, whatever the sentence’s words', () => {
    expect(
      cellOf(NAMES_ANOTHER, [
        { code: 'hosting', offers: 288 },
        { code: 'price-unknown', offers: 12 },
      ]),
    ).toBe('none: hosting, no price (note 1)');
  });

  test('an older report.json without the field: read off the sentence, as before', () => {
    expect(cellOf(NONE_CERT)).toMatch(/^none: certification, residency, GPU ratio \(note 1\)$/);
  });
});

/** A "none of N … offers can run it: …" sentence as the analysis writes it, for the given codes. */
function unavailableSentence(codes: readonly RejectionCode[], n: number): string {
  const parts = codes.map((c) => `${n} ${REFUSED_OFFERS[c]}`);
  return `none of ${n} decentralized offers can run it: ${parts.join('; ')}`;
}

describe('property: every row’s key resolves to its own sentence', () => {
  const code = fc.constantFrom(...REJECTION_CODES);
  const why: fc.Arbitrary<Why> = fc.oneof(
    fc
      .record({
        head: fc.stringMatching(/^[A-Z][a-z ]{3,60}$/),
        tail: fc.string({ minLength: 0, maxLength: 200 }),
      })
      .map(({ head, tail }) => ({
        constraint: { code: 'residency', reason: `${head.trim() || 'Rule'}: DePIN is ineligible ${tail}` },
      })),
    fc
      .record({
        codes: fc.uniqueArray(code, { minLength: 1, maxLength: 3 }),
        n: fc.integer({ min: 2, max: 5000 }),
      })
      .map(({ codes, n }) => ({ unavailable: unavailableSentence(codes, n), codes })),
  );

  test('keys resolve, sentences are said once, cells stay within REASON_CELL_MAX, codes read back in order', () => {
    fc.assert(
      fc.property(fc.array(why, { minLength: 1, maxLength: 40 }), (whys) => {
        const { rows, notes } = summaryOf(estate(whys));
        expect(new Set(notes).size).toBe(notes.length);
        rows.forEach((row, i) => {
          const w = whys[i]!;
          const full = 'constraint' in w ? `ineligible: ${w.constraint.reason}` : w.unavailable;
          const cell = row[DEPIN]!;
          expect(cell.length).toBeLessThanOrEqual(REASON_CELL_MAX);
          const key = /\(note (\d+)\)$/.exec(cell);
          if (key === null) expect(cell).toBe(full);
          else expect(notes[Number(key[1]) - 1]).toBe(full);
          if ('codes' in w && key !== null)
            expect(cell).toContain(
              `none: ${(w.codes as RejectionCode[]).map((c) => REFUSED_SHORT[c]).join(', ')}`,
            );
        });
      }),
      { numRuns: 60, seed: 20261205 },
    );
  });
});
