import { gpuTierTable } from '@gpufit/pricing';
import { validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * An Indian voice-AI team's agent LLM (data must stay in India, SOC 2) ran on AWS H100 in ap-south-1; its top risk
 * read "Without that requirement, Lambda GH200 in asia-south-1 at $2.29/GPU-hour would cost $3,445.35 a month,
 * $8,610.21 less" — a row of SkyPilot's Lambda catalog, which lists every Lambda region for every type ("live
 * availability not encoded"), with no word that Lambda may not offer the type in India. The region-not-confirmed
 * rule spoke only of an option the plan uses; a cheaper option a risk names now carries the same caveat, and for
 * data that must stay in a place such a row is refused outright (pricing's `region-unconfirmed`).
 * Prices: AWS p5.4xlarge ap-south-1 $8.256 and Lambda gpu_1x_h100_sxm5 $4.29 a GPU-hour (datasets/offers.csv).
 */
const tiers = gpuTierTable([
  gpuTier('A100-80GB', { generation: 'Ampere' }),
  gpuTier('H100', { generation: 'Hopper' }),
]);
const scenario = (() => {
  const r = validateScenario({ analysisDate: '2026-12-05' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
})();
const aws = offerOf('regionUnconfirmedAlternative test', {
  id: 'aws:p5.4xlarge:ap-south-1:standard',
  market: 'hyperscaler',
  providerName: 'Amazon Web Services',
  instanceType: 'p5.4xlarge',
  region: 'ap-south-1',
  country: 'IN',
  usdPerGpuHour: 8.256,
  gpusPerInstance: 1,
  certifications: ['soc2', 'iso27001'],
});
const lambda = (regionListing: 'every-region' | 'per-type' | undefined) =>
  offerOf('regionUnconfirmedAlternative test', {
    id: 'lambda:gpu-1x-h100-sxm5:asia-south-1:standard',
    market: 'gpu-cloud',
    providerName: 'Lambda',
    instanceType: 'gpu_1x_h100_sxm5',
    region: 'asia-south-1',
    country: 'IN',
    usdPerGpuHour: 4.29,
    gpusPerInstance: 1,
    ...(regionListing !== undefined && { regionListing }),
  });
const agent = (extra: Record<string, unknown> = {}) =>
  profileOf({
    id: 'agent',
    kind: 'realtime-inference',
    modelParamsBillions: 8,
    gpuType: 'H100',
    gpuHoursPerMonth: 730,
    dataSensitivity: 'confidential',
    compliance: ['soc2'],
    residency: ['IN'],
    p99LatencyMs: 800,
    usersRegion: 'IN',
    interruptible: false,
    ...extra,
  });
const risksOf = async (
  offers: Parameters<typeof analyze>[0]['offers'],
  profile = agent(),
): Promise<readonly string[]> => {
  const a = await analyze({ workloads: [profile], offers, tiers, scenario, monteCarlo: false });
  return a.workloads[0]!.decision.risks;
};
const CAVEAT =
  'That Lambda row (gpu_1x_h100_sxm5 in asia-south-1) comes from a catalog that lists every region of the provider for every instance type (live availability not encoded): it does not say the type is offered there';

describe('a cheaper option a risk names from a catalog row that lists every region', () => {
  it('is not named at all for data that must stay in a place: the row is refused (region-unconfirmed)', async () => {
    const risks = await risksOf([aws, lambda('every-region')]);
    expect(risks.filter((r) => r.includes('Lambda'))).toEqual([]);
  });

  it('without a residency, says that the type may not be offered there', async () => {
    const risks = await risksOf([aws, lambda('every-region')], agent({ residency: [] }));
    const cert = risks.find((r) => r.startsWith('Requiring soc2'))!;
    expect(cert).toContain('Without that requirement, Lambda H100 in asia-south-1 at $4.29/GPU-hour');
    expect(cert).toContain(`${CAVEAT}; check with Lambda before counting on the figure.`);
    // The plan's own option is AWS: the region-not-confirmed rule about the plan's option stays quiet.
    expect(risks.filter((r) => r.startsWith('Lambda gpu_1x_h100_sxm5'))).toEqual([]);
  });

  it('is said exactly when the named row lists every region; with a residency, only a confirmed row is named (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'every-region' | 'per-type' | undefined>('every-region', 'per-type', undefined),
        fc.boolean(),
        async (listing, resident) => {
          const risks = await risksOf([aws, lambda(listing)], agent({ residency: resident ? ['IN'] : [] }));
          const cert = risks.find((r) => r.startsWith('Requiring soc2'));
          const refused = resident && listing === 'every-region';
          expect(cert === undefined).toBe(refused);
          if (cert !== undefined) expect(cert.includes(CAVEAT)).toBe(listing === 'every-region');
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a residency-bound workload whose only offers in place are every-region rows has no cloud option, and says why as data', async () => {
    const a = await analyze({
      workloads: [agent({ compliance: [] })],
      offers: [lambda('every-region')],
      tiers,
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    expect(d.cloud).toBeNull();
    expect(d.unavailableReasons?.cloud).toEqual([{ code: 'region-unconfirmed', offers: 1 }]);
    expect(d.unavailable?.cloud).toContain(
      'not confirmed to offer their GPU in the region the data must stay in',
    );
  });
});
