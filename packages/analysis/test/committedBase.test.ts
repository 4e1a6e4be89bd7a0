import { gpuTierTable } from '@gpufit/pricing';
import { HOURS_PER_MONTH, type Offer, validateScenario } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedBaseCost } from '../src/committedBaseMix.js';
import { analyze } from '../src/index.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

/**
 * gpufit prices each side on one offer, so a commitment is priced holding the peak all month and a service that
 * peaks loses it whole to on-demand. Found reading an enterprise RAG plan (review/rag.csv): a 70B chat API under GDPR
 * at a peak-to-mean of 2 ran on AWS eu-central-1 on-demand p4de at USD 80,429.71 a month for 12 months, beside the
 * 12-month commitment in the same region (USD 3.00 a GPU-hour against 4.29), where two committed instances with
 * on-demand bursts above them come to about USD 65,000.
 */
describe('committedBaseCost', () => {
  it('flat demand of 10 GPUs, 8-GPU instances at 3 committed and 4 on demand: one instance, the rest on demand', () => {
    // k = 1: 730 × (3 × 8 + 4 × 2) = 23,360; k = 2: 730 × 3 × 16 = 35,040.
    const r = committedBaseCost({
      meanGpus: 10,
      peakToMeanRatio: 1,
      committedRate: 3,
      onDemandRate: 4,
      unitGpus: 8,
    });
    expect(r?.units).toBe(1);
    expect(r?.monthlyUsd).toBeCloseTo(23_360, 6);
  });

  it('no base when a commitment is no cheaper per GPU-hour of work, or an input is no positive number', () => {
    const base = { meanGpus: 10, peakToMeanRatio: 2, unitGpus: 8 };
    expect(committedBaseCost({ ...base, committedRate: 4, onDemandRate: 4 })).toBeNull();
    expect(committedBaseCost({ ...base, committedRate: 5, onDemandRate: 4 })).toBeNull();
    expect(committedBaseCost({ ...base, meanGpus: 0, committedRate: 3, onDemandRate: 4 })).toBeNull();
    expect(
      committedBaseCost({ ...base, unitGpus: Number.NaN, committedRate: 3, onDemandRate: 4 }),
    ).toBeNull();
  });

  it('property: the whole-instance base is the cheapest of every base of 1 to 200 instances, and never dearer than all on-demand plus one instance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.constantFrom(1, 2, 4, 8),
        (meanGpus, peakToMeanRatio, onDemandRate, share, unitGpus) => {
          const committedRate = onDemandRate * share;
          const r = committedBaseCost({ meanGpus, peakToMeanRatio, committedRate, onDemandRate, unitGpus });
          expect(r).not.toBeNull();
          const at = (k: number) =>
            committedBaseCost({
              meanGpus,
              peakToMeanRatio,
              committedRate,
              onDemandRate,
              unitGpus: unitGpus * k,
            })!;
          // One instance of k × u GPUs is a base of k instances of u: the formula at k = 1 of the wider unit.
          for (let k = 1; k <= 200; k++) {
            const one = at(k);
            if (one.units === 1) expect(r!.monthlyUsd).toBeLessThanOrEqual(one.monthlyUsd * (1 + 1e-9));
          }
          // A base of one instance costs at most its own hours more than all on demand.
          expect(r!.monthlyUsd).toBeLessThanOrEqual(
            HOURS_PER_MONTH * (onDemandRate * meanGpus + committedRate * unitGpus) * (1 + 1e-9),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
const offer = (input: Parameters<typeof offerOf>[1]): Offer => offerOf('committedBase test', input);
const onDemand = offer({
  id: 'aws:p5:eu-central-1',
  market: 'hyperscaler',
  providerName: 'Amazon Web Services',
  usdPerGpuHour: 4,
  region: 'eu-central-1',
  country: 'DE',
});
const committed = (usd: number) =>
  offer({
    id: 'aws:p5:eu-central-1:committed-12mo',
    market: 'hyperscaler',
    providerName: 'Amazon Web Services',
    usdPerGpuHour: usd,
    region: 'eu-central-1',
    country: 'DE',
    pricingCategory: 'Committed',
    termMonths: 12,
  });
const scenarioResult = validateScenario({ analysisDate: '2026-12-01' });
if (!scenarioResult.ok) throw new Error('scenario');
const scenario = scenarioResult.value;
// A 70B service on 2-GPU H100 replicas, 4 replicas on average (5,840 GPU-hours), peaking at twice that.
const serviceOn = (gpuType: { gpuType?: string }) =>
  profileOf({
    id: 'w',
    kind: 'realtime-inference',
    modelParamsBillions: 70,
    precision: 'fp8',
    ...gpuType,
    gpusPerReplica: 2,
    interconnect: 'nvlink',
    gpuHoursPerMonth: 5840,
    peakToMeanRatio: 2,
    dataSensitivity: 'internal',
    availabilityTarget: 0.99,
    p99LatencyMs: 2000,
  });
const service = serviceOn({ gpuType: 'H100' });
async function decisionWith(offers: readonly Offer[]) {
  const a = await analyze({ workloads: [service], offers, tiers, scenario, monteCarlo: false });
  return a.workloads[0]!.decision;
}

describe('risk: a committed base with on-demand bursts', () => {
  // Since the cloud option takes the mix itself (committedBaseChoice.ts), the risk is said only for a mix the option
  // refused: one across two providers or two GPU types (a hybrid placement, whatever it saves; here under a bar of
  // 20 % too, which no longer decides it).
  const otherProvider = (usd: number) =>
    offer({
      id: 'ovh:h100:eu-central-1:committed-12mo',
      market: 'gpu-cloud',
      providerName: 'OVHcloud',
      usdPerGpuHour: usd,
      region: 'eu-central-1',
      country: 'DE',
      pricingCategory: 'Committed',
      termMonths: 12,
    });
  const strictResult = validateScenario({
    analysisDate: '2026-12-01',
    decision: { minSavingShare: 0.2, minMonthlySavingUsd: 100 },
  });
  if (!strictResult.ok) throw new Error('scenario');
  async function strictDecision(offers: readonly Offer[]) {
    const a = await analyze({
      workloads: [service],
      offers,
      tiers,
      scenario: strictResult.ok ? strictResult.value : scenario,
      monteCarlo: false,
    });
    return a.workloads[0]!.decision;
  }

  it('is said, with its figure, when a mix spans two providers, so the option stays one offer', async () => {
    const d = await strictDecision([onDemand, otherProvider(2.8)]);
    expect(d.cloud?.offer.id).toBe('aws:p5:eu-central-1');
    expect(d.cloud?.mix).toBeUndefined();
    const i = d.riskStakes!.findIndex((s) => s.id === 'committed-base');
    expect(i).toBeGreaterThanOrEqual(0);
    const risk = d.risks[i]!;
    expect(risk).toContain(
      "The catalog's commitment — OVHcloud 8 × H100 in eu-central-1 at $2.80/GPU-hour, a 12-month term — priced alone holds the peak all month, and lost to on-demand. A committed base of 1 × 8 H100, with the demand above it on the on-demand option (Amazon Web Services H100 in eu-central-1;",
    );
    const stake = d.riskStakes![i]!.usdPerMonth!;
    // 5,840 H100-hours on demand at USD 4: USD 23,360. One committed 8-GPU instance at USD 2.80 (USD 16,352 a
    // month) with the demand above 8 GPUs on demand: the lognormal demand of mean 8 and p99 16 (σ = 2.3263 −
    // √(2.3263² − 2 ln 2) = 0.3199) exceeds its mean by E[(D − 8)⁺] = 8 · (Φ(σ/2) − Φ(−σ/2)) = 1.0176 GPUs,
    // 730 × 4 × 1.0176 = USD 2,971 of bursts (hand arithmetic; the code's 2,969.11 is Φ to more digits):
    // USD 19,321.11, USD 4,038.89 less (17.3 %: under the bar of 20 %).
    expect(d.cloud!.cost.monthlyUsd).toBeCloseTo(23_360, 6);
    expect(stake).toBeCloseTo(4_038.89, 2);
    expect(risk).toContain('would cost about $19,321.11 a month, $4,038.89 less');
    expect(risk).toContain(
      "$4,038.89 less; gpufit did not take it as the cloud option because it spans two providers — a hybrid placement, with the cost of operating both, not the textbook mix of one provider's commitment and its on-demand of the same GPU in the same region: ask OVHcloud for that commitment and keep Amazon Web Services for the bursts if the second provider is worth it",
    );
  });

  it('is said the same under the default policy: a mix across two providers saving 17 % is refused whatever it saves', async () => {
    const d = await decisionWith([onDemand, otherProvider(2.8)]);
    expect(d.cloud?.mix).toBeUndefined();
    expect(d.cloud?.offer.id).toBe('aws:p5:eu-central-1');
    const i = d.riskStakes!.findIndex((s) => s.id === 'committed-base');
    expect(d.riskStakes![i]!.usdPerMonth!).toBeCloseTo(4_038.89, 2);
    expect(d.risks[i]!).toContain('because it spans two providers');
  });

  it('is said when the commitment is on another GPU type at the same provider: two GPU types are a hybrid too', async () => {
    // AWS's committed H200 at USD 2.80 (the same H100-class work per GPU-hour here, a tier of its own) beside AWS's
    // on-demand H100 at USD 4: one provider, two GPU types.
    const h200 = offer({
      id: 'aws:p5e:eu-central-1:committed-12mo',
      market: 'hyperscaler',
      providerName: 'Amazon Web Services',
      gpu: 'H200',
      usdPerGpuHour: 2.8,
      region: 'eu-central-1',
      country: 'DE',
      pricingCategory: 'Committed',
      termMonths: 12,
    });
    // The same service with no GPU named, so an H200 offer is feasible for it.
    const anyGpu = serviceOn({});
    const a = await analyze({
      workloads: [anyGpu],
      offers: [onDemand, h200],
      tiers: gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100'), gpuTier('H200')]),
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    expect(d.cloud?.mix).toBeUndefined();
    // The H200 commitment alone holds the peak (16 GPUs and more) all month, over USD 32,704: the on-demand H100
    // stays the single offer.
    expect(d.cloud?.offer.id).toBe('aws:p5:eu-central-1');
    const i = d.riskStakes!.findIndex((s) => s.id === 'committed-base');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(d.risks[i]!).toContain('because it spans two GPU types');
    expect(d.risks[i]!).not.toContain('two providers');
  });

  it('says nothing when the mix is the cloud option, or the commitment is already the option', async () => {
    // The same provider: the mix is the option (committedBaseOption.test.ts), no risk repeats it.
    const taken = await decisionWith([onDemand, committed(2.8)]);
    expect(taken.cloud?.mix).toBeDefined();
    expect(taken.riskStakes!.some((s) => s.id === 'committed-base')).toBe(false);
    // Cheap enough to hold the peak all month: the commitment is the option (with bursts above a base, cheaper still).
    const cheap = await decisionWith([onDemand, committed(1)]);
    expect(cheap.cloud?.offer.pricingCategory).toBe('Committed');
    expect(cheap.riskStakes!.some((s) => s.id === 'committed-base')).toBe(false);
  });
});

describe('risk: a committed base holds whole replicas', () => {
  // A 13B pretrain on 4 nodes × 8 A100 (one 32-GPU job, 200 h a month): a base of one 8-GPU instance runs none of
  // it — the job needs its four nodes at once — so its 8 committed GPUs sit idle and all 32 still run on demand.
  // The risk read "a committed base of 1 × 8 A100-80GB … about $20,292.35 a month, $7,647.23 less" beside an
  // on-demand cost of $27,939.58, where that base adds its whole month to the bill.
  const gang = profileOf({
    id: 'pt',
    kind: 'multi-node-training',
    modelParamsBillions: 13,
    precision: 'bf16',
    gpuType: 'A100-80GB',
    gpusPerReplica: 8,
    nodes: 4,
    interconnect: 'infiniband',
    jobsPerMonth: 1,
    hoursPerJob: 200,
    peakToMeanRatio: 1,
    dataSensitivity: 'internal',
    availabilityTarget: 0.99,
    interruptible: false,
    checkpointable: true,
    checkpointMinutes: 15,
    restartMinutes: 30,
  });
  const a100 = (id: string, usd: number, committedTerm: number | null) =>
    offer({
      id,
      market: 'hyperscaler',
      providerName: 'Amazon Web Services',
      gpu: 'A100-80GB',
      usdPerGpuHour: usd,
      region: 'eu-central-1',
      country: 'DE',
      interconnect: 'infiniband',
      ...(committedTerm === null ? {} : { pricingCategory: 'Committed', termMonths: committedTerm }),
    });

  it('says nothing when the base is smaller than one multi-node job: the job cannot run on part of its nodes', async () => {
    const a = await analyze({
      workloads: [gang],
      offers: [
        a100('aws:p4de:eu-central-1', 4.29, null),
        a100('aws:p4de:eu-central-1:committed-12mo', 3, 12),
      ],
      tiers,
      scenario,
      monteCarlo: false,
    });
    const d = a.workloads[0]!.decision;
    expect(d.cloud?.offer.pricingCategory).toBe('Standard');
    expect(d.riskStakes!.some((s) => s.id === 'committed-base')).toBe(false);
  });
});
