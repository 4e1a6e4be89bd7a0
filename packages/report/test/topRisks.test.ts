import type { RiskStake } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../src/document/blocks.js';
import { byStake, riskCandidates, saysFigure, shownRisks } from '../src/document/topRisks.js';
import type { PresentedAnalysis } from '../src/present/presentAnalysis.js';

/** A workload as the top risks read it: its name, monthly cost, plan, and each risk with its rule and figure. */
interface Shown {
  readonly name: string;
  readonly monthlyUsd: number;
  readonly recommendation?: 'cloud' | 'depin' | 'hybrid';
  readonly cliff?: string;
  readonly risks: readonly (readonly [id: string, usdPerMonth: number | null, text?: string])[];
  /** false: an older report.json, written before risk stakes (schema 2.7). */
  readonly stakes?: boolean;
}

function presented(workloads: readonly Shown[], minMonthlySavingUsd = 0): PresentedAnalysis {
  return {
    roundingMode: 'halfEven',
    analysis: { policy: { minSavingShare: 0.05, minMonthlySavingUsd, hybridMinShare: 0.1 } },
    workloads: workloads.map((w) => ({
      recommendedCents: Math.round(w.monthlyUsd * 100),
      projection: w.cliff === undefined ? null : { subsidyCliffMonth: w.cliff },
      depin: null,
      workload: {
        name: w.name,
        fit: { constraints: [] },
        decision: {
          recommendation: w.recommendation ?? 'cloud',
          risks: w.risks.map(([id, , text]) => text ?? `${w.name} ${id}.`),
          ...(w.stakes !== false && {
            riskStakes: w.risks.map(([id, usdPerMonth]): RiskStake => ({ id, usdPerMonth })),
          }),
        },
      },
    })),
  } as unknown as PresentedAnalysis;
}

/** The summary's items, in its order. */
const topRisks = (p: PresentedAnalysis, count?: number): Inline[] => shownRisks(p, count).map((c) => c.item);

/** An item as text: "name ($x a month at stake): sentence". */
const text = (item: Inline): string => item.map((s) => s.text).join('');

/**
 * The risks and figures `gpufit analyze datasets/workloads/hosted-api.csv` wrote (bundled catalog, 2026-12-05).
 * Before stakes, the top five were the two clinical workloads' and the legal one's risks by the workloads' cost, and
 * the support chatbot's hosted API, $635.80 a month of its $642.40 (100× cheaper), was not among them. A hosted API
 * the workload's requirements rule out ("not counted") puts nothing at stake.
 */
const HOSTED_API: readonly Shown[] = [
  {
    name: 'chat-8b',
    monthlyUsd: 642.4,
    risks: [
      ['hosted-api-cheaper', 635.8],
      ['volume-below-capacity', null],
      ['far-from-users', null],
      ['gpu-substituted', null],
      ['redundancy', null],
      ['uncertain-saving', null],
    ],
  },
  {
    name: 'api-70b',
    monthlyUsd: 7971.6,
    risks: [
      ['hosted-api-cheaper', 7023.6],
      ['volume-below-capacity', null],
      ['fleet-beyond-listings-unused', null],
      ['redundancy', null],
      ['uncertain-saving', null],
    ],
  },
  {
    name: 'legal-70b',
    monthlyUsd: 11624.36,
    risks: [
      ['volume-below-capacity', null],
      ['certifications-narrow', 3652.76],
      ['certification-from-statement', null],
      ['gpu-substituted', null],
      ['hosted-api-not-counted', null],
    ],
  },
  {
    name: 'batch-8b',
    monthlyUsd: 295.14,
    risks: [
      ['cloud-spot', null],
      ['gpu-substituted', null],
    ],
  },
  {
    name: 'hipaa-70b',
    monthlyUsd: 25872.69,
    risks: [
      ['hard-constraint', null],
      ['volume-below-capacity', null],
      ['certifications-narrow', 17901.09],
      ['gpu-substituted', null],
      ['stale-price', null],
      ['hosted-api-not-counted', null],
    ],
  },
];

describe('top risks, by the dollars at stake', () => {
  it('hosted-api.csv: each workload’s largest figure first, so the chatbot’s $635.80 hosted API is shown', () => {
    expect(topRisks(presented(HOSTED_API)).map(text)).toEqual([
      'hipaa-70b ($17,901.09 a month at stake): hipaa-70b certifications-narrow.',
      'api-70b ($7,023.60 a month at stake): api-70b hosted-api-cheaper.',
      'legal-70b ($3,652.76 a month at stake): legal-70b certifications-narrow.',
      'chat-8b ($635.80 a month at stake): chat-8b hosted-api-cheaper.',
      'hipaa-70b: hipaa-70b hard-constraint.',
    ]);
  });

  it('the README main job: one figure a workload, largest first, then the dollar-free notes by the workloads’ months', () => {
    const main: Shown[] = [
      {
        name: 'chat-api',
        monthlyUsd: 3978.5,
        risks: [
          ['certifications-narrow', 766.5],
          ['certification-from-statement', null],
        ],
      },
      { name: 'nightly-embeddings', monthlyUsd: 29.15, risks: [['cloud-spot', null]] },
      {
        name: 'research-sweeps',
        monthlyUsd: 385.07,
        recommendation: 'depin',
        risks: [
          ['subsidized-price', 128.16],
          ['token-denominated', null],
        ],
      },
      { name: 'pretrain-70b', monthlyUsd: 46499.32, risks: [['unreserved-cloud-fleet', null]] },
      {
        name: 'eu-regulated-finetune',
        monthlyUsd: 1372.79,
        risks: [
          ['certifications-narrow', 1221.56],
          ['named-gpu-narrows', 1108.35],
        ],
      },
    ];
    expect(topRisks(presented(main)).map(text)).toEqual([
      'eu-regulated-finetune ($1,221.56 a month at stake): eu-regulated-finetune certifications-narrow.',
      'chat-api ($766.50 a month at stake): chat-api certifications-narrow.',
      'research-sweeps ($128.16 a month at stake): research-sweeps subsidized-price.',
      // The fine-tune's second figure counts much the same dollars as its first: it follows the other workloads'.
      'pretrain-70b: pretrain-70b unreserved-cloud-fleet.',
      'chat-api: chat-api certification-from-statement.',
    ]);
  });

  it('a lead under the saving bar follows the risks without a figure', () => {
    // A lab's plan: $38.15 of eval re-work had led the list above the capacity of a 256-GPU, $317,557-a-month
    // pretrain. Under the default bar (USD 100 a month) it follows every workload's first risk without a figure.
    const lab: Shown[] = [
      { name: 'pretrain', monthlyUsd: 317557.32, risks: [['unreserved-cloud-fleet', null]] },
      { name: 'post-train', monthlyUsd: 16026.64, risks: [['unreserved-cloud-fleet', null]] },
      {
        name: 'eval',
        monthlyUsd: 640.2,
        risks: [
          ['depin-rework', 38.15],
          ['fleet-beyond-listings', null],
        ],
      },
      { name: 'demo', monthlyUsd: 3198.43, risks: [['hosted-api-cheaper', 150]] },
    ];
    expect(topRisks(presented(lab, 100)).map(text)).toEqual([
      'demo ($150.00 a month at stake): demo hosted-api-cheaper.',
      'pretrain: pretrain unreserved-cloud-fleet.',
      'post-train: post-train unreserved-cloud-fleet.',
      'eval: eval fleet-beyond-listings.',
      'eval ($38.15 a month at stake): eval depin-rework.',
    ]);
    // With no bar (an older report.json without the policy, or a bar of 0) every lead ranks by its figure.
    expect(text(topRisks(presented(lab, 0))[1]!)).toBe('eval ($38.15 a month at stake): eval depin-rework.');
  });

  it('a risk of the option the plan does not take is left out of the top list: the plan’s own risks only', () => {
    // A two-person studio's plan, all on RunPod: its top risks were the 8B chat's hosted API, then four sentences
    // about Nosana options the plan does not use (a fleet beyond the listings, spares, a stale price).
    const studio: Shown[] = [
      {
        name: 'sdxl',
        monthlyUsd: 1133.95,
        risks: [
          ['fleet-beyond-listings-unused', null],
          ['redundancy-unused', null],
          ['stale-price-unused', null],
        ],
      },
      {
        name: 'chat-8b',
        monthlyUsd: 753.5,
        risks: [
          ['hosted-api-cheaper', 712.25],
          ['redundancy-unused', null],
        ],
      },
      {
        name: 'whisper',
        monthlyUsd: 125.8,
        risks: [
          ['cloud-spot', null],
          ['stale-price-unused', null],
        ],
      },
    ];
    expect(topRisks(presented(studio)).map(text)).toEqual([
      'chat-8b ($712.25 a month at stake): chat-8b hosted-api-cheaper.',
      'whisper: whisper cloud-spot.',
    ]);
  });

  it('the note on figures goes with a shown figure: five dated cliffs can fill the list without one', () => {
    const cliffs = (n: number): Shown[] =>
      Array.from({ length: n }, (_, i) => ({
        name: `depin-${i}`,
        monthlyUsd: 500 - i,
        recommendation: 'depin' as const,
        cliff: '2027-06',
        risks: [['subsidy-cliff', null, `Subsidy cliff in 2027-06 (${i}).`]],
      }));
    const priced: Shown = { name: 'api', monthlyUsd: 9000, risks: [['certifications-narrow', 700]] };
    const five = shownRisks(presented([priced, ...cliffs(5)]));
    expect(five.map((c) => text(c.item))).toEqual(
      cliffs(5).map((w, i) => `${w.name}: Subsidy cliff in 2027-06 (${i}).`),
    );
    expect(five.some(saysFigure)).toBe(false);
    const four = shownRisks(presented([priced, ...cliffs(4)]));
    expect(text(four[4]!.item)).toBe('api ($700.00 a month at stake): api certifications-narrow.');
    expect(four.some(saysFigure)).toBe(true);
  });

  it('a dated subsidy cliff leads, in its own sentence, said once', () => {
    const cliff =
      'Subsidy cliff: DePIN stops beating cloud in 2027-06 as the incentive subsidy fades (from 25 % to 5 %).';
    const top = topRisks(
      presented([
        { name: 'big', monthlyUsd: 9000, risks: [['certifications-narrow', 5000]] },
        {
          name: 'small',
          monthlyUsd: 50,
          recommendation: 'depin',
          cliff: '2027-06',
          risks: [
            ['subsidy-cliff', null, cliff],
            ['subsidized-price', 12.5],
          ],
        },
      ]),
    ).map(text);
    expect(top).toEqual([
      `small: ${cliff}`,
      'big ($5,000.00 a month at stake): big certifications-narrow.',
      'small ($12.50 a month at stake): small subsidized-price.',
    ]);
  });

  it('an older report.json (no riskStakes) ranks as before: cliffs, each first risk by the workload’s cost, the rest', () => {
    const older = (w: Shown): Shown => ({ ...w, stakes: false });
    const top = topRisks(
      presented([
        older({
          name: 'a',
          monthlyUsd: 100,
          risks: [
            ['x', null],
            ['y', null],
          ],
        }),
        older({
          name: 'b',
          monthlyUsd: 900,
          risks: [
            ['x', null],
            ['y', null],
          ],
        }),
        older({ name: 'c', monthlyUsd: 10, recommendation: 'depin', cliff: '2027-03', risks: [['x', null]] }),
      ]),
    ).map(text);
    expect(top).toEqual([
      'c: DePIN stops beating cloud in 2027-03 as the incentive-token subsidy fades (subsidy cliff).',
      'b: b x.',
      'a: a x.',
      'c: c x.',
      'b: b y.',
    ]);
  });
});

describe('top risks, properties', () => {
  const stake = fc.option(
    fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    { nil: null },
  );
  const workload = fc.record({
    monthlyUsd: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    stakes: fc.array(stake, { maxLength: 6 }),
  });
  const portfolio = fc.array(workload, { minLength: 1, maxLength: 8 }).map((ws) =>
    presented(
      ws.map((w, i) => ({
        name: `w${i}`,
        monthlyUsd: w.monthlyUsd,
        risks: w.stakes.map((s, j) => [`rule-${j}`, s] as const),
      })),
    ),
  );

  it('the ranking is a permutation of every risk; within a tier a larger figure never follows a smaller one', () => {
    fc.assert(
      fc.property(portfolio, (p) => {
        const candidates = riskCandidates(p);
        const ranked = [...candidates].sort(byStake);
        const all = p.workloads.reduce((n, w) => n + w.workload.decision.risks.length, 0);
        expect(ranked).toHaveLength(all);
        expect(new Set(ranked.map((c) => `${c.order}/${c.index}`)).size).toBe(all);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.tier).toBeLessThanOrEqual(b.tier);
          if (a.tier === b.tier) expect(a.cents).toBeGreaterThanOrEqual(b.cents);
        }
        // Each workload's lead figure comes before every risk without one and every other figure, and at most one
        // lead a workload: the figures shown first speak of different workloads and fall from first to last.
        const lastLead = ranked.findLastIndex((c) => c.tier === 1);
        const firstOther = ranked.findIndex((c) => c.tier >= 2);
        if (lastLead >= 0 && firstOther >= 0) expect(lastLead).toBeLessThan(firstOther);
        const leads = ranked.filter((c) => c.tier === 1);
        expect(new Set(leads.map((c) => c.order)).size).toBe(leads.length);
        // A workload's lead figure is its largest.
        for (const lead of leads) {
          for (const other of ranked.filter((c) => c.tier === 3 && c.order === lead.order)) {
            expect(lead.cents).toBeGreaterThanOrEqual(other.cents);
          }
        }
        expect(topRisks(p, 5)).toEqual(ranked.slice(0, 5).map((c) => c.item));
      }),
    );
  });
});
