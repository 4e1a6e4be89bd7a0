import type { PricedOption } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, riskRules, risksFor, sayRisk } from '../src/risks.js';
import { usd } from '../src/usdText.js';
import { profileOf, riskEvidence } from './support/builders.js';

/**
 * What a risk puts at stake a month (decision.riskStakes): the figure its sentence prints, to the cent. The
 * README main job's figures are the vectors: its chat API's SOC 2 costs $766.50 a month (Massed Compute L40S at
 * $3,212.00 against RunPod's $3,978.50), its EU fine-tune's named A100-80GB $1,108.35; the subsidy vector is the
 * sweeps' Nosana emissions as they were priced before host outages moved the sweeps to Vast ($128.16 of a $385.07
 * month: 25 % of the gross, "up to 33 %"), kept as a synthetic case.
 */
const ruleSays = (id: string, e: RiskEvidence) => sayRisk(riskRules.find((r) => r.id === id)!, e);

const option = (monthlyUsd: number, extra: Record<string, unknown> = {}): PricedOption =>
  ({
    offer: {
      providerName: 'Massed Compute',
      gpu: 'L40S',
      region: 'desmoines-usa-1',
      pricingCategory: 'Standard',
      gpusPerInstance: 1,
      usdPerGpuHour: 0.88,
      asOf: '2026-11-24',
    },
    cost: { monthlyUsd, components: [], instances: 1, ...extra },
  }) as unknown as PricedOption;

describe('the dollars a requirement costs', () => {
  const soc2 = profileOf({
    id: 'chat-api',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 730,
    compliance: ['soc2'],
  });
  const certified = (asIs: number, without: number) =>
    ruleSays(
      'certifications-narrow',
      riskEvidence({ profile: soc2, cloud: option(asIs), cloudWithoutCompliance: option(without) }),
    );

  it('hand-computed: SOC 2 on the chat API, $3,978.50 − $3,212.00 = $766.50, the saving the sentence prints', () => {
    const s = certified(3978.5, 3212)!;
    expect(s.usdPerMonth).toBe(766.5);
    expect(s.text).toContain('would cost $3,212.00 a month, $766.50 less');
  });

  it('hand-computed: a named A100-80GB, $1,108.35 less under gpuPolicy any', () => {
    const a100 = profileOf({ id: 'eu', kind: 'fine-tuning', gpuHoursPerMonth: 300, gpuType: 'A100-80GB' });
    const any = option(264.44, { throughput: { basis: 'unmeasured', ratio: 1, source: null } });
    const s = ruleSays(
      'named-gpu-narrows',
      riskEvidence({ profile: a100, cloud: option(1372.79), cloudWithAnyGpu: any, gpuPolicy: 'measured' }),
    )!;
    expect(s.usdPerMonth).toBe(1108.35);
    expect(s.text).toContain('would cost $264.44 a month, $1,108.35 less');
  });

  it('hand-computed: hours read as L4-hours (no gpuType named), $484.14 against $2,749.25 read as A100-80GB hours', () => {
    // Hand-built evidence (figures of a small-models run before the merges): the SDXL API on L4, and read as A100 hours.
    const sdxl = profileOf({
      id: 'sdxl',
      kind: 'realtime-inference',
      gpuHoursPerMonth: 1460,
      modelParamsBillions: 3.5,
    });
    const s = ruleSays(
      'unnamed-gpu-hours',
      riskEvidence({
        profile: sdxl,
        cloud: option(484.14),
        cloudAtReferenceHours: option(2749.25, { throughput: { basis: 'same', ratio: 1, source: null } }),
        hoursReadOn: 'L4',
        recommendation: 'cloud',
      }),
    )!;
    expect(s.usdPerMonth).toBe(2265.11);
    expect(s.text).toContain(
      'No gpuType is named: the stated GPU-hours are read as L4-hours, since the model fits one L4',
    );
    expect(s.text).toContain('would cost $2,749.25 a month');
    expect(s.text).toContain('$2,265.11 more: name the GPU your hours were counted on');
    // On DePIN the sentence stands without a figure; read as the reference GPU's already, nothing is said.
    const onDepin = ruleSays(
      'unnamed-gpu-hours',
      riskEvidence({
        profile: sdxl,
        cloud: option(484.14),
        cloudAtReferenceHours: option(2749.25),
        hoursReadOn: 'L4',
        recommendation: 'depin',
      }),
    )!;
    expect(onDepin.usdPerMonth).toBeNull();
    expect(
      ruleSays(
        'unnamed-gpu-hours',
        riskEvidence({ profile: sdxl, cloud: option(484.14), hoursReadOn: null }),
      ),
    ).toBeNull();
  });

  it('against the plan, not the cloud option, when the plan runs on DePIN: nothing at stake when the plan is already cheaper', () => {
    // credibility-cases' low-communication fine-tune: on Vast at $4,384.80; its cloud option $5,291.47; a cheaper
    // cloud offer without the requirement at $4,528.58 still costs more than the plan.
    const onDepin = (plan: number, without: number) =>
      ruleSays(
        'certifications-narrow',
        riskEvidence({
          profile: soc2,
          recommendation: 'depin',
          planMonthlyUsd: plan,
          cloud: option(5291.47),
          cloudWithoutCompliance: option(without),
        }),
      );
    // The plan on DePIN already beats the cheaper cloud offer: nothing is said (it named "$762.89 less" than cloud).
    expect(onDepin(4384.8, 4528.58)).toBeNull();
    const cheaper = onDepin(4384.8, 4000)!;
    expect(cheaper.text).toContain(
      "would cost $4,000.00 a month, $1,291.47 less ($384.80 below the plan's $4,384.80 a month): ",
    );
    expect(cheaper.usdPerMonth).toBe(384.8);
  });

  it('a hybrid keeps its split and saves on its cloud share, or moves whole: the better of the two', () => {
    // The chat API's SOC 2 as a hybrid 79 % on cloud: $3,978.50 on the cloud option, $3,212.00 without SOC 2.
    const hybrid = (plan: number) =>
      ruleSays(
        'certifications-narrow',
        riskEvidence({
          profile: soc2,
          recommendation: 'hybrid',
          hybrid: { cloudShare: 0.79, depinShare: 0.21 },
          planMonthlyUsd: plan,
          cloud: option(3978.5),
          cloudWithoutCompliance: option(3212),
        } as unknown as Partial<RiskEvidence>),
      )!;
    // 0.79 × $766.50 = $605.54 on the cloud share beats moving whole ($3,400.00 − $3,212.00 = $188.00).
    const split = hybrid(3400);
    expect(split.usdPerMonth).toBe(605.54);
    expect(split.text).toContain(
      '$766.50 less (on the 79 % of the month the $3,400.00 hybrid plan runs on cloud: $605.54 a month): ',
    );
    // Moving whole wins when the hybrid costs more: $3,978.00 − $3,212.00 = $766.00 against 0.79 × $766.50.
    const whole = hybrid(3978);
    expect(whole.usdPerMonth).toBe(766);
    expect(whole.text).toContain("$766.50 less ($766.00 below the plan's $3,978.00 a month): ");
  });

  it('property: never more than the saving the sentence prints, nor, on DePIN, than the plan less the cheaper option', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2000, max: 1e6, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.3, max: 1.2, noNaN: true }),
        fc.constantFrom('cloud', 'depin', 'hybrid'),
        (asIs, cut, planShare, recommendation) => {
          const without = asIs * (1 - cut);
          const plan = asIs * planShare;
          const s = ruleSays(
            'certifications-narrow',
            riskEvidence({
              profile: soc2,
              recommendation,
              planMonthlyUsd: recommendation === 'cloud' ? asIs : plan,
              cloud: option(asIs),
              cloudWithoutCompliance: option(without),
            } as Partial<RiskEvidence>),
          );
          if (s === null || s.usdPerMonth === null) return;
          expect(s.usdPerMonth).toBeGreaterThan(0);
          expect(s.usdPerMonth).toBeLessThanOrEqual(Math.round((asIs - without) * 100) / 100 + 0.005);
          // A plan wholly on DePIN gains only what the cheaper offer saves against it; a hybrid may also keep its split.
          if (recommendation === 'depin') expect(s.usdPerMonth).toBeLessThanOrEqual(plan - without + 0.01);
        },
      ),
    );
  });

  it('property: the figure is the saving, to the cent, and the sentence prints it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 200, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (asIs, r) => {
          const s = certified(asIs, asIs * r);
          if (s === null) return;
          expect(s.usdPerMonth).toBeGreaterThan(0);
          expect(Math.abs(s.usdPerMonth! - (asIs - asIs * r))).toBeLessThanOrEqual(0.005 + 1e-9 * asIs);
          expect(s.text).toContain(`, ${usd(s.usdPerMonth!)} less`);
        },
      ),
    );
  });
});

describe('the emissions in a decentralized price', () => {
  const depin = (net: number, subsidy: number) =>
    ({
      offer: { providerName: 'Nosana' },
      cost: { monthlyUsd: net, components: [{ name: 'incentive-subsidy', usd: -subsidy }] },
    }) as unknown as PricedOption;
  const depinOffer = { notes: 'gpufit assumption', incentive: { denomination: 'usd', subsidyShare: 0.25 } };
  const subsidized = (recommendation: 'depin' | 'cloud', net: number, subsidy: number) =>
    ruleSays(
      recommendation === 'cloud' ? 'subsidized-price-unused' : 'subsidized-price',
      riskEvidence({ recommendation, depin: depin(net, subsidy), depinOffer } as Partial<RiskEvidence>),
    );

  it('hand-computed: the sweeps on Nosana, $128.16 of emissions in a $385.07 month: 25 % of the cost, up to 33 %', () => {
    const s = subsidized('depin', 385.07, 128.16)!;
    expect(s.usdPerMonth).toBe(128.16);
    expect(s.text).toContain('pay 25 % of');
    // The figure is the rise the sentence speaks of: up to 128.16 ÷ 385.07 = 33 % of the price.
    expect(s.text).toContain(`rise by up to ${Math.round((s.usdPerMonth! / 385.07) * 100)} %`);
  });

  it('puts nothing at stake on the option a plan on cloud does not take', () => {
    const s = subsidized('cloud', 385.07, 128.16)!;
    expect(s.text).toContain('pay 25 % of');
    expect(s.usdPerMonth).toBeNull();
  });

  it('a hybrid puts at stake the subsidy of its burst share, what the summary counts (portfolioLedger)', () => {
    // A TTS API 79 % on cloud: Nosana's whole subsidy was $408.83 a month; the plan counts 21 % of it.
    const s = ruleSays(
      'subsidized-price',
      riskEvidence({
        recommendation: 'hybrid',
        hybrid: { cloudShare: 0.79, depinShare: 0.21 },
        depin: depin(1226.49, 408.83),
        depinOffer,
      } as unknown as Partial<RiskEvidence>),
    )!;
    expect(s.usdPerMonth).toBe(85.85); // 408.83 × 0.21 = 85.8543
  });
});

describe('the re-work interruptions add', () => {
  const interrupted = (
    total: number,
    overhead: number,
    plan: Partial<RiskEvidence> = { recommendation: 'depin' },
  ) =>
    ruleSays(
      // A plan on cloud says it as the untaken option's (`-unused`).
      plan.recommendation === 'cloud' ? 'interruptions-unused' : 'interruptions',
      riskEvidence({
        ...plan,
        depin: {
          offer: { providerName: 'Vast.ai' },
          cost: { monthlyUsd: total, components: [{ name: 'interruption-overhead', usd: overhead }] },
        },
      } as unknown as Partial<RiskEvidence>),
    );

  it('hand-computed: $61.20 of re-work in a $612.00 month (10 %)', () => {
    const s = interrupted(612, 61.2)!;
    expect(s.usdPerMonth).toBe(61.2);
    expect(s.text).toBe(
      'Interruptions add $61.20 a month of re-work on the DePIN option (10 % of its cost); more reliable (verified) hosts would cut it — how often it checkpoints, if it can, is already the cheapest for this rate.',
    );
  });

  it('is at stake only for the part of the month the plan runs on DePIN: none on cloud, the burst share of a hybrid', () => {
    expect(interrupted(612, 61.2, { recommendation: 'cloud' })!.usdPerMonth).toBeNull();
    const hybrid = { recommendation: 'hybrid', hybrid: { cloudShare: 0.75, depinShare: 0.25 } } as const;
    expect(interrupted(612, 61.2, hybrid as unknown as Partial<RiskEvidence>)!.usdPerMonth).toBe(15.3);
  });

  it('property: the figure is the dollars the sentence opens with', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (total, share) => {
          const s = interrupted(total, total * share)!;
          expect(s.text.startsWith(`Interruptions add ${usd(s.usdPerMonth!)} a month`)).toBe(true);
        },
      ),
    );
  });
});

describe('risksFor', () => {
  it('gives one stake per sentence, in its order, naming the rule; a rule with no figure carries none', () => {
    const { risks, stakes } = risksFor(
      riskEvidence({
        profile: profileOf({
          id: 'chat-api',
          kind: 'realtime-inference',
          gpuHoursPerMonth: 730,
          compliance: ['soc2'],
        }),
        cloud: option(3978.5),
        cloudWithoutCompliance: option(3212),
        analysisDate: '2026-12-04',
        maxOfferAgeDays: 1,
      }),
    );
    expect(stakes).toHaveLength(risks.length);
    expect(stakes.map((s) => s.id)).toEqual(['certifications-narrow', 'stale-price']);
    expect(stakes.map((s) => s.usdPerMonth)).toEqual([766.5, null]);
  });
});
