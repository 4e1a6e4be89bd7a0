import type { OfferInput, WorkloadProfileInput } from '@gpufit/schema';
import { WORKLOAD_TASKS } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { feasibilityDetail } from '../src/feasibility/feasibility.js';
import { estimateCost, feasibility, gpusForModel, modelMemoryGiB } from '../src/index.js';
import { offer, profile, scenario } from './support/builders.js';
import { TEST_TIERS } from './support/tiers.js';

describe('model memory', () => {
  it.each([
    // params (B), precision, phase, GiB — by hand: params × bytes ÷ 2³⁰
    [8, 'fp16', 'inference', (8e9 * 2 * 1.2) / 2 ** 30], // 17.88 GiB: weights × 1.2 (BentoML handbook)
    [70, 'int4', 'inference', (70e9 * 0.5 * 1.2) / 2 ** 30], // 39.1 GiB
    [70, 'bf16', 'training', (70e9 * 16) / 2 ** 30], // 1043 GiB: 16 bytes/param (ZeRO, mixed-precision Adam)
    [7, 'fp32', 'training', (7e9 * 16) / 2 ** 30], // 4 + 4 + 8
    [7, 'fp8', 'training', (7e9 * 14) / 2 ** 30], // 1 + 1 + 12
  ] as const)('%iB %s %s → %f GiB', (params, precision, phase, gib) => {
    expect(modelMemoryGiB(params, precision, phase)).toBeCloseTo(gib, 9);
  });

  it.each([
    [17.88, 24, 1, 1],
    [17.88, 16, 1, 2],
    [80, 80, 1, 1], // an exact fit does not round up
    [1043.1, 80, 1, 14],
    [1043.1, 80, 4, 4], // 14 GPUs over 4 nodes
  ])('%f GiB on %f GiB GPUs over %i node(s) → %i per node', (gib, gpu, nodes, n) => {
    expect(gpusForModel(gib, gpu, nodes)).toBe(n);
  });
});

const base: WorkloadProfileInput = { id: 'w', kind: 'batch-inference', gpuHoursPerMonth: 100 };

describe('feasibility: every reason an offer cannot run a workload', () => {
  it.each<[string, WorkloadProfileInput, Partial<OfferInput>, string[]]>([
    ['a feasible pair', base, {}, []],
    ['unknown price', base, { usdPerGpuHour: undefined }, ['price-unknown']],
    [
      'another GPU than asked, with no measured ratio: not priced (gpuPolicy measured, the default)',
      { ...base, gpuType: 'H100' },
      {},
      ['gpu-policy'],
    ],
    [
      'another GPU than asked under gpuPolicy any: priced',
      { ...base, gpuType: 'H100', gpuPolicy: 'any' },
      {},
      [],
    ],
    ['the named GPU under gpuPolicy exact', { ...base, gpuType: 'A100-80GB', gpuPolicy: 'exact' }, {}, []],
    [
      'another GPU under gpuPolicy exact',
      { ...base, gpuType: 'H100', gpuPolicy: 'exact' },
      {},
      ['gpu-policy'],
    ],
    [
      'the asked GPU family',
      { ...base, gpuType: 'H100' },
      { gpu: 'H100-PCIe', gpuMemoryGiB: 80 },
      ['gpu-unknown'],
    ],
    ['a GPU missing from the tier table', base, { gpu: 'MI300X', gpuMemoryGiB: 192 }, ['gpu-unknown']],
    [
      'too little memory on one instance',
      { ...base, modelParamsBillions: 70, gpuPolicy: 'any' },
      { gpu: 'RTX4090', gpuMemoryGiB: 24, gpusPerInstance: 2 },
      ['memory'],
    ],
    [
      'a stated 1 × A100-80GB footprint does not fit two 24 GiB cards',
      { ...base, modelParamsBillions: 70, gpusPerReplica: 1, gpuPolicy: 'any' },
      { gpu: 'RTX4090', gpuMemoryGiB: 24, gpusPerInstance: 2 },
      ['memory'],
    ],
    [
      'a stated gpusPerReplica caps the memory estimate (quantized or LoRA)',
      { ...base, modelParamsBillions: 70, gpusPerReplica: 1 },
      {},
      [],
    ],
    [
      'InfiniBand needed between nodes',
      {
        ...base,
        kind: 'multi-node-training',
        nodes: 2,
        jobsPerMonth: 1,
        hoursPerJob: 10,
        gpuHoursPerMonth: undefined,
      },
      { interconnect: 'nvlink' },
      ['interconnect'],
    ],
    [
      'NVLink needed inside a multi-GPU replica',
      { ...base, interconnect: 'nvlink', modelParamsBillions: 70, gpuPolicy: 'any' },
      { gpu: 'L40S', gpuMemoryGiB: 48, gpusPerInstance: 4 },
      ['interconnect'],
    ],
    [
      'missing certifications',
      { ...base, compliance: ['hipaa', 'soc2'] },
      { certifications: ['soc2'] },
      ['compliance'],
    ],
    ['outside the residency', { ...base, residency: ['EU'] }, { country: 'US' }, ['residency']],
    ['inside a residency bloc', { ...base, residency: ['EU'] }, { country: 'DE' }, []],
    [
      // "community hosts cannot prove where they are": a host's own word on its country does not meet residency
      'a residency rule on an unverified community host that states a country inside it',
      { ...base, residency: ['APAC'] },
      { market: 'marketplace', hosting: 'community', verified: false, country: 'TH' },
      ['residency'],
    ],
    [
      'a residency rule on a verified community host inside it',
      { ...base, residency: ['APAC'] },
      { market: 'marketplace', hosting: 'community', verified: true, country: 'TH' },
      [],
    ],
    [
      'a residency rule on an unverified datacenter host inside it',
      { ...base, residency: ['EU'] },
      { market: 'depin', hosting: 'datacenter', verified: false, country: 'DE' },
      [],
    ],
    [
      'unknown offer country with a residency rule',
      { ...base, residency: ['DE'] },
      { country: undefined },
      ['residency'],
    ],
    [
      'regulated data on community hosts',
      { ...base, dataSensitivity: 'regulated' },
      { market: 'depin' },
      ['hosting'],
    ],
    ['internal data on community hosts', base, { market: 'depin' }, []],
    [
      'confidential data on unverified datacenter hosts of a DePIN network',
      { ...base, dataSensitivity: 'confidential' },
      { market: 'depin', hosting: 'datacenter', verified: false },
      ['hosting'],
    ],
    [
      'confidential data on verified datacenter hosts of a DePIN network',
      { ...base, dataSensitivity: 'confidential' },
      { market: 'depin', hosting: 'datacenter', verified: true },
      [],
    ],
    [
      'confidential data on a GPU cloud (operator-run datacenter)',
      { ...base, dataSensitivity: 'confidential' },
      { market: 'gpu-cloud' },
      [],
    ],
    [
      'regulated data on verified datacenter hosts without a certification',
      { ...base, dataSensitivity: 'regulated' },
      { market: 'marketplace', hosting: 'datacenter', verified: true },
      ['hosting'],
    ],
    [
      'regulated data on a certified hyperscaler',
      { ...base, dataSensitivity: 'regulated' },
      { market: 'hyperscaler', certifications: ['soc2', 'iso27001'] },
      [],
    ],
    [
      'spot capacity for a workload that is not interruptible',
      { ...base, interruptible: false },
      { pricingCategory: 'Dynamic' },
      ['interruptible'],
    ],
    [
      'spot capacity for interruptible work',
      { ...base, interruptible: true },
      { pricingCategory: 'Dynamic' },
      [],
    ],
    [
      'a pricing category the workload does not allow',
      { ...base, allowedPricingCategories: ['Standard', 'Committed'] },
      { pricingCategory: 'Dynamic' },
      ['placement'],
    ],
    ['a market the workload does not allow', { ...base, allowedMarkets: ['depin'] }, {}, ['placement']],
    ['a provider the workload excludes', { ...base, excludedProviders: ['TestCloud'] }, {}, ['placement']],
    ['a provider the workload allows', { ...base, allowedProviders: ['testcloud'] }, {}, []],
  ])('%s', (_label, p, o, codes) => {
    const f = feasibility(profile(p), offer(o), { tiers: TEST_TIERS });
    expect(f.rejections.map((r) => r.code)).toEqual(codes);
    expect(f.feasible).toBe(codes.length === 0);
    for (const r of f.rejections) expect(r.message.length).toBeGreaterThan(20);
  });

  describe('a stated gpusPerReplica: it may shrink gpufit’s estimate, never an inference replica below its weights', () => {
    const GIB = 2 ** 30;
    it('405B at bf16 (754 GiB of weights) stated on one 80 GB GPU: no 8-GPU instance of them holds it', () => {
      const p = { ...base, modelParamsBillions: 405, precision: 'bf16', gpusPerReplica: 1 } as const;
      const f = feasibility(profile(p), offer({}), { tiers: TEST_TIERS });
      expect(f.rejections.map((r) => r.code)).toEqual(['memory']);
      expect(f.rejections[0]!.message).toMatch(/needs 10 GPUs of 80 GiB on one instance; the offer has 8/);
    });

    it('70B at bf16 stated on one GPU: each replica gets the two GPUs its 130 GiB of weights need, and says so', () => {
      const p = { ...base, modelParamsBillions: 70, precision: 'bf16', gpusPerReplica: 1 } as const;
      const f = feasibilityDetail(profile(p), offer({}), { tiers: TEST_TIERS });
      expect(f.feasible).toBe(true);
      expect(f.gpusPerReplica).toBe(2);
      expect(f.demandGpusPerReplica).toBe(2);
      expect((70e9 * 2) / GIB).toBeCloseTo(130.39, 2);
      expect(f.memoryNote).toBe(
        "memory: the stated 1 × A100-80GB per replica holds 80 GiB, less than the model's weights alone (130 GiB: 70B parameters at bf16); each replica is sized to hold the weights",
      );
      // Its GPU-hours stay the work stated; a job's wall hours run on the two GPUs.
      const jobs = { ...p, gpuHoursPerMonth: undefined, jobsPerMonth: 10, hoursPerJob: 3 };
      const e = estimateCost(profile(jobs), offer({}), { tiers: TEST_TIERS, scenario: scenario() });
      expect(e.feasible).toBe(true);
      expect(e.gpusPerReplica).toBe(2);
    });

    it('a stated count between the weights and gpufit’s estimate is used as stated (the KV cache is the user’s call)', () => {
      // 70B at fp8: 65.2 GiB of weights, 78.2 GiB with the 20 % overhead; one 80 GB GPU holds either.
      const p = { ...base, modelParamsBillions: 70, precision: 'fp8', gpusPerReplica: 1 } as const;
      const f = feasibilityDetail(profile(p), offer({}), { tiers: TEST_TIERS });
      expect(f.gpusPerReplica).toBe(1);
      expect(f.memoryNote).toBeNull();
    });

    it('an inference footprint stated under the estimate names what may shrink it for the task: a KV cache only for text', () => {
      // 72B at fp8: 67.1 GiB of weights, 80.5 GiB with the 20 % overhead, stated on one 80 GB GPU. A diffusion model
      // keeps no KV cache (Flux-dev at bf16 on a 24 GB RTX 3090 read "e.g. a smaller KV cache").
      const note = (task: (typeof WORKLOAD_TASKS)[number] | undefined) =>
        feasibilityDetail(
          profile({
            ...base,
            modelParamsBillions: 72,
            precision: 'fp8',
            gpusPerReplica: 1,
            ...(task ? { task } : {}),
          }),
          offer({}),
          { tiers: TEST_TIERS },
        ).memoryNote;
      const head =
        'memory: gpufit estimates 80.5 GiB (72B parameters, fp8, inference), but the stated 1 × A100-80GB per replica holds 80 GiB; the stated footprint is used';
      expect(note('text-generation')).toBe(`${head} (e.g. a smaller KV cache)`);
      expect(note(undefined)).toBe(`${head} (e.g. a smaller KV cache)`);
      for (const task of WORKLOAD_TASKS.filter((t) => t !== 'text-generation'))
        expect(note(task)).toBe(`${head} (e.g. a smaller batch, or parts of the pipeline offloaded)`);
    });

    it('an inference replica stated on more GPUs than its estimate needs keeps that memory on every GPU (its headroom)', () => {
      // 70B fp8: 78.2 GiB estimated, one H100's worth; stated 2 × H100 with NVLink for the KV cache. On an A100-80GB
      // offer it was priced on one GPU a replica (GPU-hours conserved), its KV cache gone and its NVLink dropped.
      const p = {
        ...base,
        modelParamsBillions: 70,
        precision: 'fp8',
        gpuType: 'H100',
        gpuPolicy: 'any',
        gpusPerReplica: 2,
        interconnect: 'nvlink',
      } as const;
      const a100 = offer({ gpu: 'A100-80GB', gpuMemoryGiB: 80, gpusPerInstance: 8, interconnect: 'nvlink' });
      const f = feasibilityDetail(profile(p), a100, { tiers: TEST_TIERS });
      expect(f.feasible).toBe(true);
      expect(f.gpusPerReplica).toBe(2);
      // A one-GPU A100 instance cannot hold the 2-GPU replica (it held the 1-GPU one).
      const single = feasibilityDetail(profile(p), { ...a100, gpusPerInstance: 1 }, { tiers: TEST_TIERS });
      expect(single.rejections.map((r) => r.code)).toEqual(['memory']);
      // Stated at what the estimate needs (one GPU): nothing changes.
      const one = feasibilityDetail(profile({ ...p, gpusPerReplica: 1 }), a100, { tiers: TEST_TIERS });
      expect(one.gpusPerReplica).toBe(1);
    });

    /** A 70B bf16 fine-tune, 4 jobs of 10 h a month. */
    const ft70 = {
      ...base,
      kind: 'fine-tuning',
      modelParamsBillions: 70,
      precision: 'bf16',
      gpuHoursPerMonth: undefined,
      jobsPerMonth: 4,
      hoursPerJob: 10,
    } as const;

    it('training keeps the stated footprint (a full fine-tune of a 70B model stated on one GPU: offloaded state)', () => {
      const p = { ...ft70, trainingMethod: 'full', gpusPerReplica: 1 } as const;
      const f = feasibilityDetail(profile(p), offer({}), { tiers: TEST_TIERS });
      expect(f.feasible).toBe(true);
      expect(f.gpusPerReplica).toBe(1);
      // 70e9 × 16 B / 2³⁰ = 1043 GiB estimated, 80 GiB stated.
      expect(f.memoryNote).toBe(
        'memory: gpufit estimates 1043 GiB (70B parameters, bf16, full training), but the stated 1 × A100-80GB per replica holds 80 GiB; the stated footprint is used (e.g. offloaded or 8-bit optimizer state; a LoRA or QLoRA run says so in trainingMethod)',
      );
    });

    it('a QLoRA fine-tune of a 70B model fits one 80 GB GPU by its method, with nothing stated and no note', () => {
      // 70e9 × (0.515875 + 0.01 × 16) B / 2³⁰ = 44.06 GiB: one A100-80GB; trained fully it would need 14.
      const f = feasibilityDetail(profile({ ...ft70, trainingMethod: 'qlora' }), offer({}), {
        tiers: TEST_TIERS,
      });
      expect(f.feasible).toBe(true);
      expect(f.gpusPerReplica).toBe(1);
      expect(f.memoryNote).toBeNull();
      const full = profile({ ...ft70, trainingMethod: 'full' });
      expect(
        feasibilityDetail(full, offer({ gpusPerInstance: 16 }), { tiers: TEST_TIERS }).gpusPerReplica,
      ).toBe(14);
    });
  });

  describe('gdpr: a regulation met by the catalog record or inside the EEA on datacenter hosts (gdprInPlace)', () => {
    const gdpr: WorkloadProfileInput = { ...base, compliance: ['gdpr'] };
    it.each<[string, WorkloadProfileInput, Partial<OfferInput>, string[]]>([
      ['a GPU cloud in Finland with no record', gdpr, { country: 'FI' }, []],
      ['a GPU cloud in Norway (EEA, not EU)', gdpr, { country: 'NO' }, []],
      ['a GPU cloud in Switzerland (not EEA) with no record', gdpr, { country: 'CH' }, ['compliance']],
      ['a GPU cloud in the US with no record', gdpr, { country: 'US' }, ['compliance']],
      ['a hyperscaler in the US that records gdpr', gdpr, { country: 'US', certifications: ['gdpr'] }, []],
      [
        'community hosts in Germany',
        gdpr,
        { market: 'marketplace', hosting: 'community', country: 'DE' },
        ['compliance'],
      ],
      [
        'unverified datacenter hosts of a marketplace in Germany',
        gdpr,
        { market: 'marketplace', hosting: 'datacenter', verified: false, country: 'DE' },
        ['compliance'],
      ],
      [
        'verified datacenter hosts of a DePIN network in Germany',
        gdpr,
        { market: 'depin', hosting: 'datacenter', verified: true, country: 'DE' },
        [],
      ],
      ['an unknown country', gdpr, { country: undefined }, ['compliance']],
      [
        'gdpr met in place does not meet soc2',
        { ...base, compliance: ['gdpr', 'soc2'] },
        { country: 'FR' },
        ['compliance'],
      ],
    ])('%s', (_label, p, o, codes) => {
      const f = feasibility(profile(p), offer(o), { tiers: TEST_TIERS });
      expect(f.rejections.map((r) => r.code)).toEqual(codes);
    });

    it('names only what is missing', () => {
      const f = feasibility(profile({ ...base, compliance: ['gdpr', 'soc2'] }), offer({ country: 'FR' }), {
        tiers: TEST_TIERS,
      });
      expect(f.rejections[0]?.message).toBe('the offer lacks soc2 (the workload requires gdpr, soc2)');
    });

    it('the estimate says to sign the agreement when gdpr is met in place, not when it is on record', () => {
      const inPlace = estimateCost(profile(gdpr), offer({ country: 'FI', providerName: 'Nebius' }), {
        tiers: TEST_TIERS,
        scenario: scenario(),
      });
      expect(inPlace.assumptions).toContain(
        'gdpr: the offer runs in FI, inside the EEA, on datacenter hosts, so the data does not leave the EEA (GDPR Chapter V); the catalog records no GDPR programme for Nebius: sign its data processing agreement (Art. 28) before sending it personal data',
      );
      const recorded = estimateCost(profile(gdpr), offer({ country: 'FI', certifications: ['gdpr'] }), {
        tiers: TEST_TIERS,
        scenario: scenario(),
      });
      expect(recorded.assumptions.filter((a) => a.startsWith('gdpr:'))).toEqual([]);
      expect(recorded.monthlyUsd).toBe(inPlace.monthlyUsd);
    });
  });

  it('lists every reason, not only the first', () => {
    const f = feasibility(
      profile({ ...base, dataSensitivity: 'regulated', compliance: ['hipaa'], residency: ['EU'] }),
      offer({ market: 'depin', country: 'US', usdPerGpuHour: undefined }),
      { tiers: TEST_TIERS },
    );
    expect(f.rejections.map((r) => r.code)).toEqual(['price-unknown', 'compliance', 'residency', 'hosting']);
  });

  it('says how many GPUs the model needs in its memory message', () => {
    const f = feasibility(
      profile({ ...base, modelParamsBillions: 70, gpuPolicy: 'any' }),
      offer({ gpu: 'RTX4090', gpuMemoryGiB: 24, gpusPerInstance: 2 }),
      { tiers: TEST_TIERS },
    );
    expect(f.rejections[0]?.message).toMatch(
      /156 GiB .* needs 7 GPUs of 24 GiB on one instance; the offer has 2/,
    );
  });

  it('an infeasible offer costs nothing: monthlyUsd null, no components, the same reasons', () => {
    const p = profile({ ...base, residency: ['EU'] });
    const o = offer({ country: 'US' });
    const e = estimateCost(p, o, { tiers: TEST_TIERS });
    expect(e).toMatchObject({
      feasible: false,
      monthlyUsd: null,
      usdPerJob: null,
      components: [],
      billedGpuHoursPerMonth: null,
    });
    expect(e.rejections).toEqual(feasibility(p, o, { tiers: TEST_TIERS }).rejections);
  });
});

describe('scenario placement lists narrow every workload', () => {
  it('a scenario that excludes a provider or allows only some categories', () => {
    const p = profile(base);
    const excluded = feasibility(p, offer(), {
      tiers: TEST_TIERS,
      scenario: scenario({ placement: { excludedProviders: ['testcloud'] } }),
    });
    expect(excluded.rejections.map((r) => r.code)).toEqual(['placement']);
    expect(excluded.rejections[0]!.message).toMatch(/the scenario excludes provider testcloud/);
    const onlyCommitted = feasibility(p, offer(), {
      tiers: TEST_TIERS,
      scenario: scenario({ placement: { allowedPricingCategories: ['Committed'] } }),
    });
    expect(onlyCommitted.rejections[0]!.message).toMatch(
      /allows only Committed pricing; this offer is Standard/,
    );
  });

  it('the scenario gpuPolicy applies to a workload that sets none; the workload’s own wins', () => {
    const named = { ...base, gpuType: 'H100' };
    const any = { tiers: TEST_TIERS, scenario: scenario({ gpuPolicy: 'any' }) };
    expect(feasibility(profile(named), offer(), any).feasible).toBe(true);
    expect(feasibility(profile({ ...named, gpuPolicy: 'exact' }), offer(), any).feasible).toBe(false);
  });
});
