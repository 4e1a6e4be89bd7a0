import type { Recommendation } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf } from './support/builders.js';

/**
 * An Asia team's customer LoRA jobs, kept in APAC by residency, were placed on "Lambda 1 × H100 SXM in
 * asia-northeast-1" from SkyPilot's Lambda catalog, which lists every Lambda region for every instance type (the
 * row's regionListing: every-region; its notes: "live availability not encoded"), with no word that the region may
 * not offer the type. The risk reads the column, never the notes. Since then such a row is refused for data with a
 * residency rule (pricing's `region-unconfirmed`); the risk speaks for every other workload placed on one.
 */
const LAMBDA_NOTE =
  'catalog lists every Lambda region for every type (live availability not encoded); on-demand $4.29/h per instance / 1 GPU';

const offer = (
  providerName: string,
  instanceType: string,
  region: string,
  notes: string,
  regionListing: 'every-region' | 'per-type' | null,
) => ({
  providerName,
  instanceType,
  region,
  notes,
  regionListing,
  country: 'JP',
  pricingCategory: 'Standard',
  gpu: 'H100',
  asOf: '2026-11-24',
});
const option = (o: ReturnType<typeof offer>) => ({ offer: o, cost: { monthlyUsd: 100 } });

const lambda = offer('Lambda', 'gpu_1x_h100_sxm5', 'asia-northeast-1', LAMBDA_NOTE, 'every-region');
const aws = offer(
  'Amazon Web Services',
  'p5.4xlarge',
  'ap-northeast-1',
  'rule datacenter-on-demand-aws',
  null,
);

function risks(
  input: Record<string, unknown>,
  cloud: ReturnType<typeof offer> | null,
  depin: ReturnType<typeof offer> | null,
  recommendation: Recommendation,
): readonly string[] {
  const evidence = {
    profile: profileOf({ id: 'w', kind: 'fine-tuning', jobsPerMonth: 120, hoursPerJob: 2, ...input }),
    fit: { constraints: [], reasons: [] },
    cloud: cloud === null ? null : option(cloud),
    cloudOffer: cloud,
    depin: depin === null ? null : option(depin),
    depinOffer: depin,
    recommendation,
    analysisDate: null,
    maxOfferAgeDays: 90,
    projection: null,
    distribution: null,
  } as unknown as RiskEvidence;
  return risksFor(evidence).risks.filter((r) => r.includes('live availability not encoded'));
}

describe('the region-not-confirmed risk', () => {
  it('names the row', () => {
    expect(risks({}, lambda, null, 'cloud')).toEqual([
      'Lambda gpu_1x_h100_sxm5 in asia-northeast-1 comes from a catalog that lists every region of the provider for every instance type (live availability not encoded): it does not say the type is offered in that region. Check that the provider offers it there before relying on the placement; if it does not, remove the row from your catalog and analyze again.',
    ]);
  });

  it('has no residency clause: a workload with a residency rule is never placed on such a row (region-unconfirmed)', () => {
    expect(risks({ residency: ['APAC'] }, lambda, null, 'cloud')).toEqual(risks({}, lambda, null, 'cloud'));
  });

  it('is quiet for a row whose catalog lists its own regions, and for an option the plan does not use', () => {
    expect(risks({ residency: ['APAC'] }, aws, null, 'cloud')).toEqual([]);
    expect(risks({}, aws, lambda, 'cloud')).toEqual([]);
    expect(risks({}, lambda, aws, 'depin')).toEqual([]);
  });

  it('reads the structured regionListing, not the notes: the note alone says nothing, the column alone does', () => {
    const noteOnly = { ...lambda, regionListing: null };
    expect(risks({ residency: ['APAC'] }, noteOnly, null, 'cloud')).toEqual([]);
    const columnOnly = { ...lambda, notes: 'on-demand $4.29/h per instance / 1 GPU' };
    expect(risks({ residency: ['APAC'] }, columnOnly, null, 'cloud')).toHaveLength(1);
    const perType = { ...lambda, regionListing: 'per-type' as const };
    expect(risks({}, perType, null, 'cloud')).toEqual([]);
  });

  it('is said exactly when an option the plan uses is listed every-region (property)', () => {
    const recs: Recommendation[] = ['cloud', 'depin', 'hybrid'];
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(...recs), (cloudNoted, depinNoted, rec) => {
        const cloud = cloudNoted ? lambda : aws;
        const depin = depinNoted ? { ...lambda, providerName: 'Other' } : aws;
        const usesNoted = (rec !== 'depin' && cloudNoted) || (rec !== 'cloud' && depinNoted);
        expect(risks({}, cloud, depin, rec).length).toBe(usesNoted ? 1 : 0);
      }),
    );
  });
});
