import { feasibility, gpuTierTable } from '@gpufit/pricing';
import type { ComplianceRequirement, CostEstimate } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RejectionTally, ruleOf } from '../src/rejectionTally.js';
import { gpuTier, offerOf, profileOf } from './support/builders.js';

type Refusal = CostEstimate['rejections'][number];
const refused = (...rejections: ([Refusal['code'], string] | Refusal)[]) =>
  ({
    rejections: rejections.map((r) => (Array.isArray(r) ? { code: r[0], message: r[1] } : r)),
  }) as unknown as CostEstimate;

/** Three decentralized offers refused for confidential data on community hosts, spot, and memory. */
function confidentialRefused(): RejectionTally {
  const t = new RejectionTally();
  const hosting = 'confidential data needs datacenter hosts; this offer runs on community hosts';
  t.add(refused(['hosting', hosting], ['interruptible', 'spot …']));
  t.add(refused(['hosting', hosting], ['hosting', hosting]));
  t.add(refused(['memory', 'the model needs 2 GPUs']));
  return t;
}

describe('why a side has no option', () => {
  it('counts each reason once per offer, most frequent first, and names the data rule', () => {
    const t = confidentialRefused();
    expect(t.sentence('decentralized')).toBe(
      'none of 3 decentralized offers can run it: 2 run on hosts the data may not use (confidential data needs datacenter hosts); 1 is spot / interruptible, and the workload is not interruptible; 1 cannot hold a replica (the model, or its stated GPUs) on one instance',
    );
  });

  it('carries the reasons it names as data: codes and counts in the sentence’s order (the report reads them)', () => {
    const t = confidentialRefused();
    t.add(refused(['price-unknown', 'none']));
    // Four codes, three said: ties ranked by code, as the sentence ranks them.
    expect(t.reasons()).toEqual([
      { code: 'hosting', offers: 2 },
      { code: 'interruptible', offers: 1 },
      { code: 'memory', offers: 1 },
    ]);
    expect(t.sentence('decentralized')).toMatch(
      /^none of 4 decentralized offers can run it: 2 run on hosts .*; 1 is spot .*; 1 cannot hold a replica/,
    );
    expect(new RejectionTally().reasons()).toEqual([]);
  });

  it('speaks of one offer in the singular', () => {
    const t = new RejectionTally();
    t.add(
      refused(['price-below-floor', 'below the floor'], ['placement', 'excluded'], ['price-unknown', 'none']),
    );
    expect(t.sentence('cloud')).toBe(
      'the one cloud offer cannot run it: 1 is excluded by the placement lists; 1 is priced below USD 0.001 per GPU-hour after the scenario (adjustments or subsidy); 1 has no known price',
    );
    const lacks = new RejectionTally();
    lacks.add(refused(['compliance', 'the offer lacks soc2'], ['hosting', 'needs datacenter hosts']));
    expect(lacks.sentence('decentralized')).toBe(
      'the one decentralized offer cannot run it: 1 lacks a certification the workload requires (the offer lacks soc2); 1 runs on hosts the data may not use (needs datacenter hosts)',
    );
  });

  it('names the offers refused for one rule only, and what would price them', () => {
    // A DE-resident fine-tune naming H100: A100s in Frankfurt fail only the GPU policy, H100s in the US only the
    // residency; an offer failing both is not near.
    const t = new RejectionTally();
    const as = (providerName: string, gpu: string, region: string) => ({ providerName, gpu, region });
    const policy = ['gpu-policy', 'no published benchmark measures A100-80GB against H100'] as const;
    const residency = ['residency', 'the offer is in US'] as const;
    t.add(refused([...policy]), as(`Amazon Web Services`, `A100-80GB`, `eu-central-1`));
    t.add(refused([...policy]), as(`Microsoft Azure`, `A100-80GB`, `germanynorth`));
    t.add(refused([...residency]), as(`Amazon Web Services`, `H100`, `us-east-1`));
    t.add(refused([...residency], [...policy]), as(`Amazon Web Services`, `A100-80GB`, `us-east-1`));
    for (const region of ['a', 'b', 'c', 'd']) t.add(refused([...residency]), as('Lambda', 'H100', region));
    expect(t.sentence('cloud')).toBe(
      'none of 8 cloud offers can run it: 6 are outside the residency the data needs (the offer is in US); 3 are another GPU with no measured throughput ratio for this work. The nearest fail one rule only, outside the residency the data needs — 5 offers (Amazon Web Services (H100, us-east-1), Lambda (H100, a), Lambda (H100, b), and 2 more): widen residency to price them; another GPU with no measured throughput ratio for this work — 2 offers (Amazon Web Services (A100-80GB, eu-central-1), Microsoft Azure (A100-80GB, germanynorth)): set gpuPolicy any to price them (no speed-up credited)',
    );
  });

  it('a job that would outlast its horizon says what could price it (a measured ratio may shorten the run)', () => {
    const t = new RejectionTally();
    const past = [
      'horizon',
      "one job runs 2,958 h here, longer than the workload's 3-month horizon (2,190 h)",
    ] as const;
    t.add(refused([...past]), { providerName: 'Amazon Web Services', gpu: 'H200', region: 'us-east-1' });
    expect(t.sentence('cloud')).toBe(
      'the one cloud offer cannot run it: 1 would run a job past the workload’s horizon. The nearest fail one rule only, would run a job past the workload’s horizon — 1 offer (Amazon Web Services (H200, us-east-1)): a GPU measured faster for this work shortens the run (with no gpuType named, name the GPU your hours were counted on), or lengthen horizonMonths, to price them',
    );
  });

  it('phrases a precision refusal by its rule, and says what would price the offers', () => {
    // A bf16 chat model: V100s (Volta) and a T4 (Turing) cannot run bf16; an A100 is refused for memory only.
    const t = new RejectionTally();
    const as = (providerName: string, gpu: string, region: string) => ({ providerName, gpu, region });
    const bf16 = (gpu: string, generation: string) =>
      [
        'precision',
        `${gpu} (${generation}) has no bf16: bf16 needs Ampere or later; state fp16 to allow it, if the model runs at fp16`,
      ] as const;
    t.add(refused([...bf16('V100', 'Volta')]), as('Vast.ai', 'V100', 'sweden-se-eu'));
    t.add(refused([...bf16('T4', 'Turing')]), as('Microsoft Azure', 'T4', 'eastus'));
    t.add(refused(['memory', 'the model needs 2 GPUs']), as('Akash Network', 'A100-80GB', 'any'));
    expect(t.sentence('decentralized')).toBe(
      'none of 3 decentralized offers can run it: 2 have a GPU that cannot run the workload’s precision (bf16 needs Ampere or later); 1 cannot hold a replica (the model, or its stated GPUs) on one instance. The nearest fail one rule only, a GPU that cannot run the workload’s precision — 2 offers (Vast.ai (V100, sweden-se-eu), Microsoft Azure (T4, eastus)): state a precision their GPU runs (fp16 for bf16 on Volta / Turing), if the model runs at it, to price them; hold a replica (the model, or its stated GPUs) on one instance — 1 offer (Akash Network (A100-80GB, any))',
    );
  });

  it('offers refused as hosting for different rules show each rule (community hosts, unverified hosts)', () => {
    const t = new RejectionTally();
    t.add(
      refused(['hosting', 'confidential data needs datacenter hosts; this offer runs on community hosts']),
    );
    t.add(
      refused([
        'hosting',
        "confidential data may run on a decentralized network only on hosts the network verified; this offer's hosts are not verified",
      ]),
    );
    expect(t.sentence('decentralized')).toBe(
      'none of 2 decentralized offers can run it: 2 run on hosts the data may not use (confidential data needs datacenter hosts; or confidential data may run on a decentralized network only on hosts the network verified)',
    );
  });

  it('says when the catalog has no offer of the side at all', () => {
    expect(new RejectionTally().sentence('cloud')).toBe('the catalog has no cloud offer');
  });
});

describe('offers refused for gdpr: the remedy is a place and a contract, not a certificate', () => {
  const as = (providerName: string, gpu: string, region: string) => ({ providerName, gpu, region });
  // The message pricing writes (held to it below): GDPR is met in the EEA on datacenter hosts (`gdprInPlace`).
  const lacks = (what: string) => `the offer lacks ${what} (the workload requires ${what})`;
  // A compliance refusal as pricing gives it: the message, and what the offer lacks as a structured fact.
  const lacking = (...missing: ComplianceRequirement[]): Refusal => ({
    code: 'compliance',
    message: lacks(missing.join(', ')),
    missing,
  });

  it('gdpr alone: never "add the certification"; says what makes an offer eligible', () => {
    const t = new RejectionTally();
    t.add(refused(lacking('gdpr')), as('Akash Network', 'H100', 'any'));
    t.add(refused(lacking('gdpr')), as('Nosana', 'H100', 'global'));
    const s = t.sentence('decentralized');
    expect(s).not.toContain('if the provider holds the certification');
    expect(s).toContain('GDPR is met by where the data is processed and a contract, not by a certificate');
    expect(s).toContain('an offer in the EEA on datacenter hosts');
    expect(s).toContain('data processing agreement (GDPR Art. 28)');
  });

  it('gdpr beside soc2: the GDPR remedy, and the certification remedy for soc2 only', () => {
    const t = new RejectionTally();
    t.add(refused(lacking('gdpr', 'soc2')), as('Vast.ai', 'H100', 'us-tx'));
    const s = t.sentence('decentralized');
    expect(s).toContain('GDPR is met by where the data is processed');
    expect(s).toContain('; for soc2: if the provider holds it, add it to the offer’s certifications');
  });

  it('soc2 alone keeps the certification remedy', () => {
    const t = new RejectionTally();
    t.add(refused(lacking('soc2')), as('Vast.ai', 'H100', 'us-tx'));
    expect(t.sentence('decentralized')).toContain(
      ': if the provider holds the certification, add it to the offer’s certifications',
    );
  });

  it('reads what the offer lacks from the structured fact, not the wording of the message', () => {
    // Reworded messages (a translation, a rephrasing in pricing) must not change the advice.
    const t = new RejectionTally();
    t.add(
      refused({
        code: 'compliance',
        message: 'GDPR and SOC 2 are not on record for this offer',
        missing: ['gdpr', 'soc2'],
      }),
      as('Vast.ai', 'H100', 'us-tx'),
    );
    const s = t.sentence('decentralized');
    expect(s).toContain('GDPR is met by where the data is processed');
    expect(s).toContain('; for soc2: if the provider holds it, add it to the offer’s certifications');
    // The message alone, in the old wording but without the fact, says nothing of GDPR.
    const bare = new RejectionTally();
    bare.add(refused(['compliance', lacks('gdpr')]), as('Vast.ai', 'H100', 'us-tx'));
    expect(bare.sentence('decentralized')).not.toContain('GDPR is met');
  });

  it('the rejection pricing gives a GDPR workload on a community host outside the EEA: message and fact', () => {
    const tiers = gpuTierTable([gpuTier('A100-80GB', { generation: 'Ampere' }), gpuTier('H100')]);
    const offer = offerOf('rejectionTally test', {
      id: 'akash:h100:any',
      market: 'depin',
      hosting: 'community',
      region: 'any',
      country: undefined,
      usdPerGpuHour: 1.5,
      gpusPerInstance: 1,
    });
    const profile = profileOf({
      id: 'eu-batch',
      kind: 'batch-inference',
      gpuType: 'H100',
      jobsPerMonth: 30,
      hoursPerJob: 6,
      dataSensitivity: 'internal',
      compliance: ['gdpr'],
      interruptible: true,
    });
    const r = feasibility(profile, offer, { tiers }).rejections.find((x) => x.code === 'compliance')!;
    expect(r.message).toBe(lacks('gdpr'));
    expect(r.missing).toEqual(['gdpr']);
    const both = feasibility({ ...profile, compliance: ['soc2', 'gdpr'] }, offer, { tiers });
    expect(both.rejections.find((x) => x.code === 'compliance')!.missing).toEqual(['soc2', 'gdpr']);
  });
});

/**
 * The tally as it was counted before issue 19's tally pass, on the same state: every code's every distinct rule
 * (the message split on `;` and `(`) and a Set of codes per offer. The class keeps fewer rules now (only hosting
 * shows more than its first) and finds a rule without the split; the sentences and reasons must not move.
 */
class CountedEveryRule extends RejectionTally {
  override add(estimate: CostEstimate, offer?: Parameters<RejectionTally['add']>[1]): void {
    const self = this as unknown as {
      offers: number;
      byCode: Map<Refusal['code'], { count: number; rules: string[] }>;
      nearest: Map<Refusal['code'], Set<string>>;
      nearestMissing: Set<ComplianceRequirement>;
    };
    self.offers++;
    const seen = new Set<Refusal['code']>();
    for (const r of estimate.rejections) {
      if (seen.has(r.code)) continue;
      seen.add(r.code);
      const text = r.code === 'precision' ? r.message.slice(r.message.indexOf(': ') + 2) : r.message;
      const rule = text.split(/;|\(/)[0]!.trim();
      const hit = self.byCode.get(r.code);
      if (hit === undefined) self.byCode.set(r.code, { count: 1, rules: [rule] });
      else {
        hit.count++;
        if (!hit.rules.includes(rule)) hit.rules.push(rule);
      }
    }
    if (offer !== undefined && seen.size === 1) {
      const label = `${offer.providerName} (${offer.gpu}, ${offer.region})`;
      const code = estimate.rejections[0]!.code;
      if (code === 'compliance')
        for (const c of estimate.rejections[0]!.missing ?? []) self.nearestMissing.add(c);
      const names = self.nearest.get(code) ?? new Set<string>();
      self.nearest.set(code, names);
      if (![...names].includes(label)) names.add(label);
    }
  }
}

describe('the tally counts as it did when it kept every rule', () => {
  const CODES: readonly Refusal['code'][] = [
    'hosting',
    'compliance',
    'residency',
    'precision',
    'memory',
    'gpu-policy',
    'placement',
  ];
  const clause = fc.constantFrom('lacks soc2', ' in US ', 'needs datacenter hosts', 'V100 (Volta)', 'x', '');
  const sep = fc.constantFrom('; ', ' (', ': ', ', ', ';(', '');
  const message = fc.array(fc.tuple(clause, sep), { maxLength: 4 }).map((p) => p.flat().join(''));
  const rejection = fc.record({
    code: fc.constantFrom(...CODES),
    message,
    missing: fc.option(fc.subarray(['soc2', 'gdpr', 'hipaa'] as ComplianceRequirement[]), { nil: undefined }),
  });
  const offer = fc.record({
    providerName: fc.constantFrom('Lambda', 'RunPod', 'Vast.ai'),
    gpu: fc.constantFrom('H100', 'A100-80GB'),
    region: fc.constantFrom('us-east-1', 'eu-central-1'),
  });
  it('gives the same sentence and reasons for any refusals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(rejection, { maxLength: 4 }), fc.option(offer, { nil: undefined })), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 5 }),
        (refusals, top) => {
          const fast = new RejectionTally();
          const slow = new CountedEveryRule();
          for (const [rs, o] of refusals) {
            const e = {
              rejections: rs.map((r) => (r.missing === undefined ? { code: r.code, message: r.message } : r)),
            } as unknown as CostEstimate;
            fast.add(e, o);
            slow.add(e, o);
          }
          expect(fast.sentence('cloud', top)).toBe(slow.sentence('cloud', top));
          expect(fast.reasons(top)).toEqual(slow.reasons(top));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a rule is the text before the first ; or (, trimmed, as the split read it (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ';', '(', ')', ':', 'é') }), (text) => {
        expect(ruleOf(text)).toBe(text.split(/;|\(/)[0]!.trim());
      }),
    );
  });
});
