import type { HybridSplit, Offer, PricedOption } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMED_EGRESS_SHARE,
  GPU_CLOUD_EGRESS_CHECK_USD_PER_GIB,
  type RiskEvidence,
  riskRules,
  sayRisk,
} from '../src/risks.js';
import { riskEvidence } from './support/builders.js';

const rule = riskRules.find((r) => r.id === 'assumed-free-egress')!;
const said = (e: RiskEvidence) => sayRisk(rule, e);

/** A RunPod H100 month whose offer gives no egress price, so the GPU-cloud default $0/GiB priced its egress. */
const runpod = (egressUsdPerGiB: number | null = null, market = 'gpu-cloud'): Offer =>
  ({
    id: 'runpod:h100',
    providerName: 'RunPod',
    market,
    gpu: 'H100',
    region: 'global',
    egressUsdPerGiB,
  }) as unknown as Offer;
const option = (monthlyUsd: number, egressGiB: number): PricedOption =>
  ({
    offer: { providerName: 'RunPod' },
    cost: { monthlyUsd, components: [{ name: 'egress', usd: 0, quantity: egressGiB }] },
  }) as unknown as PricedOption;

describe('a GPU cloud egress priced at the $0 default', () => {
  it('hand-computed: a text-to-video API sending 81,920 GiB a month from RunPod ($27,125.82) — $4,096 at $0.05/GiB', () => {
    const s = said(
      riskEvidence({ recommendation: 'cloud', cloud: option(27_125.82, 81_920), cloudOffer: runpod() }),
    )!;
    expect(s.usdPerMonth).toBe(4096);
    expect(s.text).toBe(
      "81,920 GiB a month of egress leave RunPod at an assumed $0/GiB: the catalog gives no egress price for RunPod, and gpufit takes a GPU cloud's as free, as Lambda's and Nebius's are (price-facts §4; a gpufit assumption). At $0.05/GiB, the highest GPU-cloud rate on record (RunPod, and CoreWeave above 500 GB, in a third-party table of low confidence; price-facts §4), this egress would add $4,096.00 to the $27,125.82 month — confirm RunPod's bandwidth terms before relying on the figure.",
    );
  });

  it('is quiet when the offer states its price (Lambda, Nebius: 0), for a hyperscaler or marketplace, or when the plan runs on DePIN', () => {
    const e = { recommendation: 'cloud' as const, cloud: option(1_000, 100_000) };
    expect(said(riskEvidence({ ...e, cloudOffer: runpod(0) }))).toBeNull();
    expect(said(riskEvidence({ ...e, cloudOffer: runpod(null, 'hyperscaler') }))).toBeNull();
    expect(said(riskEvidence({ ...e, cloudOffer: runpod(null, 'marketplace') }))).toBeNull();
    expect(said(riskEvidence({ ...e, recommendation: 'depin', cloudOffer: runpod() }))).toBeNull();
  });

  it('puts at stake only the share of the month a hybrid plan places on cloud', () => {
    const s = said(
      riskEvidence({
        recommendation: 'hybrid',
        hybrid: { cloudShare: 0.7, depinShare: 0.3 } as HybridSplit,
        cloud: option(1_000, 10_000),
        cloudOffer: runpod(),
      }),
    )!;
    expect(s.usdPerMonth).toBe(350); // 10,000 GiB × $0.05 × 0.7
  });

  it('property: said exactly when the egress at the check rate reaches the share of the month, and its figure is that egress', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (total, gib) => {
          const s = said(
            riskEvidence({ recommendation: 'cloud', cloud: option(total, gib), cloudOffer: runpod() }),
          );
          const atRate = gib * GPU_CLOUD_EGRESS_CHECK_USD_PER_GIB;
          expect(s !== null).toBe(atRate >= ASSUMED_EGRESS_SHARE * total);
          if (s === null) return;
          expect(s.usdPerMonth!).toBeGreaterThanOrEqual(0);
          expect(Math.abs(s.usdPerMonth! - atRate)).toBeLessThanOrEqual(0.006);
        },
      ),
    );
  });
});
