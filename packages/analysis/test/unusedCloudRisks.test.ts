import type { Recommendation } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, risksFor } from '../src/risks.js';
import { profileOf, riskEvidence } from './support/builders.js';

/**
 * Risks of the cloud option alone, for a plan wholly on DePIN: the option the plan does not take. An image upscaler
 * placed on Nosana had "Amazon Web Services is priced on L4 instead of RTX4090 …" as its own risk, which could reach
 * the summary's top risks. Such a risk now has an `-unused` id (left out of the top risks, topRisks.ts), names the
 * cloud option as the one the plan does not take, and follows the plan's own risks; a hybrid takes both options.
 */
const base = {
  region: 'us-east-1',
  country: 'US',
  pricingCategory: 'Standard',
  asOf: '2026-11-24',
  gpusPerInstance: 1,
};
const awsOffer = { ...base, id: 'aws:g6', provider: 'aws', providerName: 'Amazon Web Services', gpu: 'L4' };
const nosanaOffer = {
  ...base,
  id: 'nosana:4090',
  providerName: 'Nosana',
  gpu: 'RTX4090',
  region: 'eu',
  country: 'DE',
};
const measured = {
  basis: 'measured',
  ratio: 0.277,
  offerGpu: 'L4',
  demandGpu: 'RTX4090',
  source: 'MLPerf Inference v5.1',
};
const upscaler = profileOf({
  id: 'upscale',
  kind: 'batch-inference',
  gpuType: 'RTX4090',
  gpuHoursPerMonth: 200,
});

function risks(recommendation: Recommendation, e: Partial<RiskEvidence>): { ids: string[]; texts: string[] } {
  const r = risksFor(
    riskEvidence({
      profile: upscaler,
      recommendation,
      depinOffer: { notes: '' },
      ...e,
    } as unknown as Partial<RiskEvidence>),
  );
  return { ids: r.stakes.map((s) => s.id), texts: r.risks };
}

const cloudOnL4 = {
  cloud: { offer: awsOffer, cost: { monthlyUsd: 900, components: [], throughput: measured } },
  depin: {
    offer: nosanaOffer,
    cost: { monthlyUsd: 280, components: [], throughput: { basis: 'same', ratio: 1 } },
  },
} as unknown as Partial<RiskEvidence>;

describe('a GPU substitution of the cloud option alone', () => {
  it('is the untaken option’s for a plan wholly on DePIN, said as such', () => {
    const { ids, texts } = risks('depin', cloudOnL4);
    expect(ids).toContain('gpu-substituted-unused');
    expect(ids).not.toContain('gpu-substituted');
    expect(texts[ids.indexOf('gpu-substituted-unused')]).toMatch(
      /^The cloud option \(Amazon Web Services\), which the plan does not take, is priced on L4 instead of RTX4090, at a measured 0\.277×/,
    );
  });

  it('is the plan’s when the plan runs on cloud or is hybrid', () => {
    for (const rec of ['cloud', 'hybrid'] as const) {
      const { ids, texts } = risks(rec, cloudOnL4);
      expect(ids).toContain('gpu-substituted');
      expect(ids).not.toContain('gpu-substituted-unused');
      expect(texts[ids.indexOf('gpu-substituted')]).toMatch(/^Amazon Web Services is priced on L4/);
    }
  });

  it('stays the plan’s when the DePIN option is substituted too', () => {
    const both = {
      ...cloudOnL4,
      depin: { offer: nosanaOffer, cost: { monthlyUsd: 280, components: [], throughput: measured } },
    } as unknown as Partial<RiskEvidence>;
    const { ids, texts } = risks('depin', both);
    expect(ids).toContain('gpu-substituted');
    expect(ids).not.toContain('gpu-substituted-unused');
    expect(texts[ids.indexOf('gpu-substituted')]).toMatch(/^Amazon Web Services and Nosana are priced on L4/);
  });
});

describe('an unreserved cloud fleet and capacity booked ahead', () => {
  const fleet = {
    profile: profileOf({ id: 'api', kind: 'realtime-inference', gpuHoursPerMonth: 58_400 }),
    cloud: {
      offer: { ...awsOffer, gpu: 'H100', gpusPerInstance: 8 },
      cost: { monthlyUsd: 300_000, components: [], instances: 10, gpusPerInstance: 8 },
    },
    cloudOffer: { ...awsOffer, gpu: 'H100', instanceType: 'p5.48xlarge', minimumBillableSeconds: 86_400 },
    depin: { offer: nosanaOffer, cost: { monthlyUsd: 200_000, components: [] } },
  } as unknown as Partial<RiskEvidence>;

  it('are the untaken option’s for a plan wholly on DePIN', () => {
    const { ids, texts } = risks('depin', fleet);
    expect(ids).toEqual(
      expect.arrayContaining(['unreserved-cloud-fleet-unused', 'booked-by-the-day-unused']),
    );
    expect(ids).not.toContain('unreserved-cloud-fleet');
    expect(ids).not.toContain('booked-by-the-day');
    expect(texts[ids.indexOf('unreserved-cloud-fleet-unused')]).toMatch(
      /^The cloud option, which the plan does not take, holds 10 × 8 H100 \(80 GPUs\) at once/,
    );
    expect(texts[ids.indexOf('booked-by-the-day-unused')]).toMatch(
      /^The cloud option \(Amazon Web Services p5\.48xlarge, us-east-1\), which the plan does not take, is capacity booked ahead/,
    );
  });

  it('are the plan’s for a cloud or hybrid plan, in their own place and words', () => {
    for (const rec of ['cloud', 'hybrid'] as const) {
      const { ids, texts } = risks(rec, fleet);
      expect(ids).toEqual(expect.arrayContaining(['unreserved-cloud-fleet', 'booked-by-the-day']));
      expect(ids.filter((id) => id.endsWith('-unused') && id.includes('cloud'))).toEqual([]);
      expect(texts[ids.indexOf('unreserved-cloud-fleet')]).toMatch(/^The cloud option holds 10 × 8 H100/);
    }
  });
});

describe('an option far from a latency-sensitive service’s users', () => {
  const api = profileOf({
    id: 'api',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 730,
    usersRegion: 'EU',
    p99LatencyMs: 300,
  });
  const latency = { constraints: [], reasons: [{ factor: 'latency', cloud: 1, depin: 0 }] };
  const farCloud = {
    profile: api,
    fit: latency,
    cloud: { offer: awsOffer, cost: { monthlyUsd: 900, components: [] } },
    depin: { offer: nosanaOffer, cost: { monthlyUsd: 280, components: [] } },
  } as unknown as Partial<RiskEvidence>;

  it('of the cloud option alone is the untaken option’s for a plan wholly on DePIN', () => {
    const { ids, texts } = risks('depin', farCloud);
    expect(ids).toContain('far-from-users-unused');
    expect(ids).not.toContain('far-from-users');
    expect(texts[ids.indexOf('far-from-users-unused')]).toMatch(
      /^Its users are in EU, but the cloud option \(Amazon Web Services us-east-1\), which the plan does not take, runs in US, outside that region/,
    );
  });

  it('is the plan’s for a hybrid, and when the DePIN option is far too', () => {
    expect(risks('hybrid', farCloud).ids).toContain('far-from-users');
    const bothFar = {
      ...farCloud,
      depin: { offer: { ...nosanaOffer, country: 'US' }, cost: { monthlyUsd: 280, components: [] } },
    } as unknown as Partial<RiskEvidence>;
    const { ids } = risks('depin', bothFar);
    expect(ids).toContain('far-from-users');
    expect(ids).not.toContain('far-from-users-unused');
  });
});

/**
 * The reverse case: for a plan wholly on cloud a sentence that names the decentralized option alone ("Nosana is
 * priced on …", "the decentralized option (Nosana eu) runs in DE") is the untaken option's too.
 */
describe('a risk of the decentralized option alone, for a plan wholly on cloud', () => {
  const depinOnL4 = {
    cloud: {
      offer: { ...awsOffer, gpu: 'RTX4090' },
      cost: { monthlyUsd: 900, components: [], throughput: { basis: 'same', ratio: 1 } },
    },
    depin: {
      offer: { ...nosanaOffer, gpu: 'L4' },
      cost: { monthlyUsd: 280, components: [], throughput: measured },
    },
  } as unknown as Partial<RiskEvidence>;

  it('a GPU substitution is the untaken option’s, said as such', () => {
    const { ids, texts } = risks('cloud', depinOnL4);
    expect(ids).toContain('gpu-substituted-unused');
    expect(ids).not.toContain('gpu-substituted');
    expect(texts[ids.indexOf('gpu-substituted-unused')]).toMatch(
      /^The decentralized option \(Nosana\), which the plan does not take, is priced on L4 instead of RTX4090, at a measured 0\.277×/,
    );
  });

  it('a GPU substitution is the plan’s for a DePIN or hybrid plan', () => {
    for (const rec of ['depin', 'hybrid'] as const) {
      const { ids, texts } = risks(rec, depinOnL4);
      expect(ids).toContain('gpu-substituted');
      expect(ids).not.toContain('gpu-substituted-unused');
      expect(texts[ids.indexOf('gpu-substituted')]).toMatch(/^Nosana is priced on L4/);
    }
  });

  const api = profileOf({
    id: 'api',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 730,
    usersRegion: 'US',
    p99LatencyMs: 300,
  });
  const farDepin = {
    profile: api,
    fit: { constraints: [], reasons: [{ factor: 'latency', cloud: 1, depin: 0 }] },
    cloud: { offer: awsOffer, cost: { monthlyUsd: 900, components: [] } },
    depin: { offer: nosanaOffer, cost: { monthlyUsd: 280, components: [] } },
  } as unknown as Partial<RiskEvidence>;

  it('an option far from the users is the untaken option’s, said as such', () => {
    const { ids, texts } = risks('cloud', farDepin);
    expect(ids).toContain('far-from-users-unused');
    expect(ids).not.toContain('far-from-users');
    expect(texts[ids.indexOf('far-from-users-unused')]).toMatch(
      /^Its users are in US, but the decentralized option \(Nosana eu\), which the plan does not take, runs in DE, outside that region/,
    );
  });

  it('an option far from the users is the plan’s for a hybrid or DePIN plan, and when both are far', () => {
    for (const rec of ['depin', 'hybrid'] as const) {
      const { ids, texts } = risks(rec, farDepin);
      expect(ids).toContain('far-from-users');
      expect(texts[ids.indexOf('far-from-users')]).not.toContain('which the plan does not take');
    }
    const bothFar = {
      ...farDepin,
      cloud: {
        offer: { ...awsOffer, region: 'eu-west-1', country: 'IE' },
        cost: { monthlyUsd: 900, components: [] },
      },
    } as unknown as Partial<RiskEvidence>;
    const { ids } = risks('cloud', bothFar);
    expect(ids).toContain('far-from-users');
    expect(ids).not.toContain('far-from-users-unused');
  });
});
