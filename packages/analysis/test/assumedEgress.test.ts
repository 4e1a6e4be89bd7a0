import type { HybridSplit, Offer, PricedOption } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMED_EGRESS_SHARE, type RiskEvidence, riskRules, sayRisk } from '../src/risks.js';
import { riskEvidence } from './support/builders.js';

const rule = riskRules.find((r) => r.id === 'assumed-egress')!;
/** The rule's sentence, or null. */
const said = (e: RiskEvidence) => sayRisk(rule, e)?.text ?? null;

/** A Nosana RTX 4090 month: 6,000 GiB of results at the assumed $0.03/GiB = $180 of $560.50 (a founder's upscaler). */
const nosana = (egressUsdPerGiB: number | null = null): Offer =>
  ({
    id: 'nosana:rtx4090',
    providerName: 'Nosana',
    market: 'depin',
    gpu: 'RTX4090',
    region: 'global',
    egressUsdPerGiB,
  }) as unknown as Offer;
const option = (monthlyUsd: number, egressUsd: number): PricedOption =>
  ({
    offer: { providerName: 'Nosana' },
    cost: { monthlyUsd, components: [{ name: 'egress', usd: egressUsd }] },
  }) as unknown as PricedOption;

describe('an egress price the offer does not give', () => {
  it('hand-computed: $180 of $560.50 at an assumed $0.03/GiB; at $0–0.06 the month is $380.50–$740.50', () => {
    expect(
      said(riskEvidence({ recommendation: 'depin', depin: option(560.5, 180), depinOffer: nosana() })),
    ).toBe(
      "$180.00 of the Nosana option's $560.50 a month (RTX4090, global) is egress at an assumed $0.03/GiB (Nosana publishes no egress price; marketplace hosts charge $0–0.06/GiB on Vast): at the host's own rate the month costs between $380.50 and $740.50 — check the hosts' bandwidth price before relying on it.",
    );
  });

  it('puts the assumed egress at stake, the dollars the sentence opens with: the month lies within ± them', () => {
    const s = sayRisk(
      rule,
      riskEvidence({ recommendation: 'depin', depin: option(560.5, 180), depinOffer: nosana() }),
    )!;
    expect(s.usdPerMonth).toBe(180);
    // Both sides of a hybrid plan: the sum of the two, each at the share of the month the plan places there.
    const both = sayRisk(
      rule,
      riskEvidence({
        recommendation: 'hybrid',
        hybrid: { cloudShare: 0.7, depinShare: 0.3 } as HybridSplit,
        cloud: option(1000, 300),
        cloudOffer: { ...nosana(), market: 'marketplace' } as Offer,
        depin: option(560.5, 180),
        depinOffer: nosana(),
      }),
    )!;
    expect(both.usdPerMonth).toBe(264); // 300 × 0.7 + 180 × 0.3
  });

  it('is quiet when the offer states its egress price, under the share, on a side the plan does not use, or at a $0 default', () => {
    const e = { recommendation: 'depin' as const, depin: option(560.5, 180) };
    expect(said(riskEvidence({ ...e, depinOffer: nosana(0.03) }))).toBeNull();
    expect(said(riskEvidence({ ...e, depin: option(560.5, 50), depinOffer: nosana() }))).toBeNull();
    expect(said(riskEvidence({ ...e, recommendation: 'cloud', depinOffer: nosana() }))).toBeNull();
    // A cloud's default is its own tier, not the marketplace hosts' range: a hyperscaler ($0.09) and a GPU cloud ($0).
    for (const market of ['gpu-cloud', 'hyperscaler'] as const) {
      const cloudOffer = { ...nosana(), market } as Offer;
      expect(
        said(riskEvidence({ recommendation: 'cloud', cloud: option(1_000, 300), cloudOffer })),
      ).toBeNull();
    }
  });

  it('property: said exactly from the share up, and the range holds the month (low ≤ month ≤ high)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (total, share) => {
          const egress = total * share;
          const text = said(
            riskEvidence({ recommendation: 'depin', depin: option(total, egress), depinOffer: nosana() }),
          );
          expect(text !== null).toBe(egress >= ASSUMED_EGRESS_SHARE * total);
          if (text === null) return;
          const [low, high] = /between \$([\d,.]+) and \$([\d,.]+)/
            .exec(text)!
            .slice(1)
            .map((x) => Number(x.replaceAll(',', '')));
          expect(low!).toBeLessThanOrEqual(total + 0.005);
          expect(high!).toBeGreaterThanOrEqual(total - 0.005);
        },
      ),
    );
  });

  it('property: the figure at stake is the egress the sentence prints, and the range is the month ± it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: ASSUMED_EGRESS_SHARE, max: 0.99, noNaN: true }),
        (total, share) => {
          const s = sayRisk(
            rule,
            riskEvidence({
              recommendation: 'depin',
              depin: option(total, total * share),
              depinOffer: nosana(),
            }),
          )!;
          const dollars = (re: RegExp) =>
            re
              .exec(s.text)!
              .slice(1)
              .map((x) => Number(x.replaceAll(',', '')));
          const [egress, month] = dollars(/^\$([\d,.]+) of the Nosana option's \$([\d,.]+) a month/);
          const [low, high] = dollars(/between \$([\d,.]+) and \$([\d,.]+)/);
          expect(s.usdPerMonth).toBe(egress);
          expect(Math.abs(low! - (month! - s.usdPerMonth!))).toBeLessThanOrEqual(0.011);
          expect(Math.abs(high! - (month! + s.usdPerMonth!))).toBeLessThanOrEqual(0.011);
        },
      ),
    );
  });
});
