import type { WorkloadProfileInput } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { feasibilityDetail } from '../src/feasibility/feasibility.js';
import { farthestRoundTripMs, leastRoundTripMs, NETWORK_SHARE_OF_P99 } from '../src/index.js';
import { offer, profile } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

/**
 * A service far from its users: the least measured round trip between two countries (cloudping.co's one-year p50
 * between AWS regions, datasets/network-latency.csv: us-west-2 ↔ ap-northeast-2 123.122 ms, us-west-2 ↔
 * ap-northeast-1 98.046 ms, us-east-1 ↔ eu-west-1 69.558 ms) may take at most half a p99 budget.
 */
describe('the least measured round trip between users and an offer', () => {
  it('between two countries: the closest pair of their AWS regions, either direction', () => {
    expect(leastRoundTripMs('KR', 'US')).toEqual({ ms: 123.1, from: 'KR' });
    expect(leastRoundTripMs('US', 'JP')).toEqual({ ms: 98, from: 'US' });
    expect(leastRoundTripMs('US', 'IE')).toEqual({ ms: 69.6, from: 'US' });
  });

  it('from a bloc: its nearest member; inside the place, global or unmeasured: none', () => {
    expect(leastRoundTripMs('EU', 'US')).toEqual({ ms: 69.6, from: 'IE' });
    expect(leastRoundTripMs('EU', 'DE')).toBeNull();
    expect(leastRoundTripMs('KR', 'KR')).toBeNull();
    expect(leastRoundTripMs('global', 'US')).toBeNull();
    // Finland has no AWS region: nothing measured from it
    expect(leastRoundTripMs('FI', 'US')).toBeNull();
  });

  it('the farthest: an offer of unknown country may be that far', () => {
    expect(farthestRoundTripMs('KR')).toBeGreaterThan(300);
    expect(farthestRoundTripMs('global')).toBeNull();
  });
});

describe('feasibility: a service too far from its users for its p99 budget', () => {
  const api = (p99LatencyMs: number, usersRegion = 'KR'): WorkloadProfileInput => ({
    id: 'voice',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 730,
    usersRegion,
    p99LatencyMs,
  });
  const codes = (p: WorkloadProfileInput, country: string | undefined) =>
    feasibilityDetail(profile(p), offer({ country }), { tiers: TEST_TIERS }).rejections.map((r) => r.code);

  it('a 150 ms voice model for Korean users is not priced in the US: 123.1 ms is over half its budget', () => {
    const f = feasibilityDetail(profile(api(150)), offer({ country: 'US' }), { tiers: TEST_TIERS });
    expect(f.rejections.map((r) => r.code)).toEqual(['latency']);
    expect(f.rejections[0]!.message).toBe(
      "the offer is in US, and a round trip between KR and US alone takes at least 123.1 ms (AWS inter-region p50, cloudping.co), more than 50 % of the workload's p99 budget of 150 ms",
    );
    expect(NETWORK_SHARE_OF_P99).toBe(0.5);
  });

  it('is priced in the US with 300 ms, in Korea or Japan with 150 ms, and anywhere when its country is unknown', () => {
    expect(codes(api(300), 'US')).toEqual([]);
    expect(codes(api(150), 'KR')).toEqual([]);
    expect(codes(api(150), 'JP')).toEqual([]); // 24.9 ms (ap-northeast-3 ↔ ap-northeast-2)
    expect(codes(api(150), undefined)).toEqual([]);
  });

  it('only a service is refused: a batch job has no users waiting', () => {
    const batch: WorkloadProfileInput = {
      id: 'b',
      kind: 'batch-inference',
      gpuHoursPerMonth: 100,
      usersRegion: 'KR',
    };
    expect(codes(batch, 'US')).toEqual([]);
  });
});
