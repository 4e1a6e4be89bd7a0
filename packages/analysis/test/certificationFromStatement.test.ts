import type { Offer, PricedOption } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { type RiskEvidence, riskRules, sayRisk } from '../src/risks.js';
import { profileOf, riskEvidence } from './support/builders.js';

const rule = riskRules.find((r) => r.id === 'certification-from-statement')!;
/** The rule's sentence, or null. */
const said = (e: RiskEvidence) => sayRisk(rule, e)?.text ?? null;
const offer = (market: Offer['market'], certifications: string[]): Offer =>
  ({ providerName: 'RunPod', market, certifications }) as unknown as Offer;
const cloud = { offer: { providerName: 'RunPod' }, cost: { monthlyUsd: 3978.5 } } as unknown as PricedOption;
const soc2 = (dataSensitivity = 'confidential', compliance = ['soc2']) =>
  profileOf({
    id: 'chat-api',
    kind: 'realtime-inference',
    gpuHoursPerMonth: 2190,
    dataSensitivity,
    compliance,
  });

describe("a GPU cloud's certification on record from its own statement", () => {
  it('asks for the SOC 2 Type II report when the plan relies on a GPU cloud for soc2', () => {
    expect(
      said(riskEvidence({ profile: soc2(), cloud, cloudOffer: offer('gpu-cloud', ['soc2', 'gdpr']) })),
    ).toBe(
      'The soc2 on record for RunPod is no audit report gpufit read (the bundled catalog takes a GPU cloud\'s certifications from its own public statements, datasets/README.md, "Certifications of GPU clouds"): before relying on it, ask RunPod for the report (a SOC 2 Type II report covering the service you use).',
    );
  });

  it('for regulated data also asks for the agreement that covers it', () => {
    const text = said(
      riskEvidence({ profile: soc2('regulated', ['gdpr']), cloud, cloudOffer: offer('gpu-cloud', ['gdpr']) }),
    );
    expect(text).toContain('The gdpr on record for RunPod');
    expect(text).toContain('ask RunPod for the data processing agreement (gdpr has no audit report).');
    expect(text).not.toContain('SOC 2 Type II');
    expect(text).not.toContain('the report');
  });

  it('is quiet for a hyperscaler, a plan on DePIN, no certification asked, or none held on record', () => {
    const e = { profile: soc2(), cloud };
    expect(said(riskEvidence({ ...e, cloudOffer: offer('hyperscaler', ['soc2']) }))).toBeNull();
    expect(
      said(riskEvidence({ ...e, recommendation: 'depin', cloudOffer: offer('gpu-cloud', ['soc2']) })),
    ).toBeNull();
    expect(
      said(riskEvidence({ ...e, profile: soc2('internal', []), cloudOffer: offer('gpu-cloud', ['soc2']) })),
    ).toBeNull();
    expect(said(riskEvidence({ ...e, cloudOffer: offer('gpu-cloud', []) }))).toBeNull();
  });
});
