import type { OfferRef, PricedOption } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { armHost } from '../src/armHost.js';
import { type RiskEvidence, riskRules } from '../src/risks.js';

const ref = (gpu: string, provider: string, instanceType: string | null) =>
  ({ gpu, provider, providerName: provider, instanceType }) as OfferRef;

const option = (o: OfferRef) => ({ offer: o }) as unknown as PricedOption;

const rule = riskRules.find((r) => r.id === 'arm-host')!;
const said = (e: Partial<RiskEvidence>) => {
  const out = rule.check({ cloud: null, depin: null, ...e } as RiskEvidence);
  return out === null ? null : typeof out === 'string' ? out : out.text;
};

describe('an Arm host is said where the plan runs on one', () => {
  it('knows the Grace superchips and AWS Graviton GPU instances, and nothing else', () => {
    expect(armHost(ref('GH200', 'lambda', 'gpu_1x_gh200'))?.cpu).toContain('Grace');
    expect(armHost(ref('GB200', 'coreweave', 'NVIDIA GB200 NVL72 (4-GPU slice)'))?.cpu).toContain('Grace');
    expect(armHost(ref('T4', 'aws', 'g5g.xlarge'))?.cpu).toContain('Graviton');
    expect(armHost(ref('T4', 'aws', 'g4dn.xlarge'))).toBeNull();
    expect(armHost(ref('T4', 'gcp', 'g5g.xlarge'))).toBeNull(); // the family name is AWS's
    expect(armHost(ref('H100', 'lambda', 'gpu_1x_h100_sxm5'))).toBeNull();
    expect(armHost(ref('T4', 'aws', null))).toBeNull();
  });

  it('names the offer, the CPU and what to rebuild, for a side the plan runs on only', () => {
    // A reviewer's EU image API was placed on Lambda GH200 with no word that its images must be arm64.
    const gh200 = option(ref('GH200', 'lambda', 'gpu_1x_gh200'));
    const text = said({ cloud: gh200, recommendation: 'cloud' });
    expect(text).toContain(
      'lambda GH200 (gpu_1x_gh200) runs beside an NVIDIA Grace CPU, an Arm (aarch64) processor',
    );
    expect(text).toContain('must be built for linux/arm64');
    // The decentralized option on an Arm host is not said when the plan keeps the workload on cloud.
    expect(said({ depin: gh200, recommendation: 'cloud' })).toBeNull();
    expect(said({ depin: gh200, recommendation: 'hybrid' })).toContain('runs beside');
    // An instance name with its own parentheses is left out rather than nested.
    const gb200 = said({
      cloud: option(ref('GB200', 'coreweave', 'NVIDIA GB200 NVL72 (4-GPU slice)')),
      recommendation: 'cloud',
    });
    expect(gb200).toContain('coreweave GB200 runs beside');
    // An x86 host says nothing.
    expect(said({ cloud: option(ref('H100', 'aws', 'p5.48xlarge')), recommendation: 'cloud' })).toBeNull();
  });
});
