import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePortfolioOut,
  inlinePortfolioGroup,
  MONTE_CARLO_BLOCK_TRIALS,
  PORTFOLIO_GROUP_INVALID,
  type PortfolioGroupRunner,
  type PortfolioOut,
  type PortfolioWorkloadInput,
  PricingAssertionError,
  portfolioInGroups,
  portfolioKernel,
  portfolioMonteCarlo,
  portfolioPlan,
  projectSpend,
  summarizePortfolio,
} from '../src/index.js';
import { PORTFOLIO_SPAN_DOUBLES } from '../src/portfolioMonteCarlo.js';
import { basis, depinBasis, scenario } from './support/bases.js';
import { portfolioKernelReference } from './support/portfolioKernelReference.js';

const volatile = (trials = 4000) =>
  scenario({
    horizonMonths: 12,
    demandGrowthMonthly: 0.02,
    subsidies: { akash: { kind: 'exponential', halfLifeMonths: 6 } },
    tokenPrices: { AKT: { spotUsd: 3, annualDrift: 0.1, annualVolatility: 0.8 } },
    monteCarlo: { trials, seed: 5, depinPriceSpread: 0.25, demandVolatility: 0.2 },
  });

/** Three workloads: on-demand cloud only, spot cloud + token-paid DePIN (hybrid), list cloud + DePIN (depin). */
function workloads(): PortfolioWorkloadInput[] {
  return [
    { seed: 1, horizonMonths: 12, cloud: basis(), depin: null, recommended: [1, 0], keepSamples: true },
    {
      seed: 2,
      horizonMonths: 12,
      cloud: basis({
        provider: 'spotcloud',
        priceSigma: 0.3,
        interruptionUsdPerMonth: 300,
        interruptionsPerMonth: 20,
      }),
      depin: depinBasis({ incentive: { symbol: 'AKT', denomination: 'token' } }),
      recommended: [0.4, 0.6],
      keepSamples: true,
    },
    {
      seed: 3,
      horizonMonths: 6,
      cloud: basis({ computeUsdPerMonth: 4_000 }),
      depin: depinBasis(),
      recommended: [0, 1],
    },
  ];
}

/** The deterministic horizon totals of the three plans (projectSpend, the figures the report prints). */
function deterministic(ws: PortfolioWorkloadInput[], s: ReturnType<typeof volatile>) {
  let recommended = 0;
  let allCloud = 0;
  let allDecentralized = 0;
  for (const w of ws) {
    const p = projectSpend({ cloud: w.cloud, depin: w.depin }, { ...s, horizonMonths: w.horizonMonths });
    const c = p.horizonCloudUsd ?? p.horizonDepinUsd!;
    const d = p.horizonDepinUsd ?? c;
    recommended += w.recommended[0] * c + w.recommended[1] * d;
    allCloud += c;
    allDecentralized += d;
  }
  return { recommended, allCloud, allDecentralized };
}

/**
 * Every path of the kernel: a common and an own demand shock, price groups, a token path, Poisson interruptions
 * on cloud and on DePIN, a shorter horizon, kept samples.
 */
function pinnedPlan() {
  const [cloudOnly, hybrid, third] = workloads();
  const ws = [
    cloudOnly!,
    hybrid!,
    { ...third!, depin: depinBasis({ interruptionUsdPerMonth: 50, interruptionsPerMonth: 400 }) },
  ];
  const s = volatile(3000);
  // Pinned before demand persistence: independent months.
  return portfolioPlan(ws, { ...s, monteCarlo: { ...s.monteCarlo, demandPersistence: 0 } });
}
/**
 * Pinned at 5b00086 (the kernel as first written, kept as test/support/portfolioKernelReference.ts), and pinned
 * again when standard normals moved from the polar method to the ziggurat (prng.ts): every draw changed there.
 */
const PINNED_DIGEST = 'f06a4fd72e10ffadda5d627386615170907620bbd1e9ab4fbaef66c30d7efae5';

function sha256(arrays: readonly Float64Array[]): string {
  const digest = createHash('sha256');
  for (const a of arrays) digest.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return digest.digest('hex');
}

describe('portfolioMonteCarlo (joint Monte Carlo of a plan)', () => {
  it('gives, bit for bit, the output of the kernel as first written (digest pinned from it, before its loop invariants were hoisted)', () => {
    const params = pinnedPlan();
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    expect(sha256([...out.horizon, ...out.monthly, ...out.samples])).toBe(PINNED_DIGEST);
    const first = allocatePortfolioOut(params);
    portfolioKernelReference(params, 0, params.trials, first);
    expect(sha256([...first.horizon, ...first.monthly, ...first.samples])).toBe(PINNED_DIGEST);
  });

  it('with persistent demand (φ = 0.9, the default): the kernel gives the reference, bit for bit', () => {
    const [cloudOnly, hybrid, third] = workloads();
    const params = portfolioPlan([cloudOnly!, hybrid!, third!], volatile(3000));
    expect(params.demandPersistence).toBe(0.9);
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    const reference = allocatePortfolioOut(params);
    portfolioKernelReference(params, 0, params.trials, reference);
    expect(sha256([...out.horizon, ...out.monthly, ...out.samples])).toBe(
      sha256([...reference.horizon, ...reference.monthly, ...reference.samples]),
    );
    // And it is not the independent-months output.
    const flat = portfolioPlan([cloudOnly!, hybrid!, third!], {
      ...volatile(3000),
      monteCarlo: { ...volatile(3000).monteCarlo, demandPersistence: 0 },
    });
    const flatOut = allocatePortfolioOut(flat);
    portfolioKernel(flat, 0, flat.trials, flatOut);
    expect(Array.from(flatOut.horizon[0])).not.toEqual(Array.from(out.horizon[0]));
  });

  it('under a token floor: the kernel gives the reference bit for bit, and no trial month spends below the floor', () => {
    const [cloudOnly, hybrid, third] = workloads();
    // The hybrid's AKT-priced option held at 80 % of its price: AKT (drift +0.1, volatility 0.8) falls below it often.
    const floored = {
      ...hybrid!,
      depin: depinBasis({
        incentive: { symbol: 'AKT', denomination: 'token' },
        tokenFloor: {
          usdPerGpuHour: 0.8,
          grossUsdPerGpuHour: 1,
          offerId: 'vast:x',
          providerName: 'Vast.ai',
          gpu: 'H100',
        },
      }),
      recommended: [0, 1] as const,
    };
    const s = volatile(1500);
    const params = portfolioPlan([cloudOnly!, floored, third!], s);
    expect(params.workloads[1]!.options[1].tokenFloor).toBeDefined();
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    const reference = allocatePortfolioOut(params);
    portfolioKernelReference(params, 0, params.trials, reference);
    expect(sha256([...out.horizon, ...out.monthly, ...out.samples])).toBe(
      sha256([...reference.horizon, ...reference.monthly, ...reference.samples]),
    );
    // The floor moves the output: without it the same plan spends less in some trial.
    const free = portfolioPlan([cloudOnly!, { ...floored, depin: hybrid!.depin }, third!], s);
    const freeOut = allocatePortfolioOut(free);
    portfolioKernel(free, 0, free.trials, freeOut);
    let lower = 0;
    for (let i = 0; i < params.trials; i++) {
      // The same trial with and without the floor: never less with it (to rounding: usd · max(R·P, φ) against
      // usd · R · P multiplies in another order).
      expect(out.samples[1]![i]!).toBeGreaterThanOrEqual(freeOut.samples[1]![i]! * (1 - 1e-12));
      if (freeOut.samples[1]![i]! < out.samples[1]![i]!) lower++;
    }
    expect(lower).toBeGreaterThan(0);
  });

  it('in groups of 1 and 2 workloads: the same pinned digest (the plan sums, then every group’s samples in order)', async () => {
    const params = pinnedPlan();
    for (const size of [1, 2]) {
      const samples: Float64Array[] = [];
      let last: PortfolioOut | undefined;
      const run: PortfolioGroupRunner = (group, into) => {
        last = inlinePortfolioGroup(group, into) as PortfolioOut;
        samples.push(...last.samples.map((a) => a.slice()));
        return last;
      };
      await portfolioInGroups(params, run, size);
      expect(sha256([...last!.horizon, ...last!.monthly, ...samples])).toBe(PINNED_DIGEST);
    }
  });

  it('property: grouped equals ungrouped, bit for bit, for any small portfolio and any group size', async () => {
    const variants = (i: number, v: number): Pick<PortfolioWorkloadInput, 'cloud' | 'depin'> =>
      [
        { cloud: basis(), depin: null },
        { cloud: workloads()[1]!.cloud, depin: workloads()[1]!.depin },
        { cloud: basis({ computeUsdPerMonth: 4_000 + 100 * i }), depin: depinBasis() },
        { cloud: basis(), depin: depinBasis({ interruptionUsdPerMonth: 50, interruptionsPerMonth: 400 }) },
      ][v]!;
    const bits = (xs: readonly Float64Array[]) =>
      xs.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            variant: fc.integer({ min: 0, max: 3 }),
            horizon: fc.integer({ min: 1, max: 14 }),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
            keep: fc.boolean(),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1_300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        async (rows, size, trials, seed) => {
          const ws = rows.map((r, i): PortfolioWorkloadInput => {
            const v = variants(i, r.variant);
            return {
              seed: seed ^ (i * 7919),
              horizonMonths: r.horizon,
              ...v,
              recommended: v.depin === null ? [1, 0] : [1 - r.share, r.share],
              keepSamples: r.keep,
            };
          });
          const s = volatile(trials);
          const params = portfolioPlan(ws, s, { seed });
          const whole = allocatePortfolioOut(params);
          portfolioKernel(params, 0, params.trials, whole);
          const samples: Float64Array[] = [];
          const groups: number[] = [];
          let last: PortfolioOut | undefined;
          const run: PortfolioGroupRunner = (group, into) => {
            groups.push(group.workloads.length);
            last = inlinePortfolioGroup(group, into) as PortfolioOut;
            samples.push(...last.samples.map((a) => a.slice()));
            return last;
          };
          const grouped = await portfolioInGroups(params, run, size);
          expect(groups).toEqual(
            Array.from({ length: Math.ceil(ws.length / size) }, (_, g) =>
              Math.min(size, ws.length - g * size),
            ),
          );
          expect(bits([...last!.horizon, ...last!.monthly])).toEqual(
            bits([...whole.horizon, ...whole.monthly]),
          );
          expect(bits(samples)).toEqual(bits(whole.samples));
          expect(grouped).toEqual(summarizePortfolio(params, whole));
          expect(grouped).toEqual(portfolioMonteCarlo(ws, s, { seed }));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: the kernel equals its slow path (the kernel before its fixed-month fast paths), bit for bit', () => {
    // Options with and without interruption draws, price shocks (a provider's spread, the DePIN spread or
    // none), token paths and demand volatility: every combination the fast paths pick between.
    const option = fc.record({
      priceSigma: fc.constantFrom(null, 0, 0.2),
      interruptionsPerMonth: fc.constantFrom(0, 3, 400),
      token: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cloud: option,
            depin: fc.option(option, { nil: null }),
            horizon: fc.integer({ min: 1, max: 14 }),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
            keep: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom(0, 0.25),
        fc.constantFrom(0, 0.2),
        fc.integer({ min: 1, max: 1_300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (rows, depinSpread, demandVolatility, trials, seed) => {
          const made = (o: { priceSigma: number | null; interruptionsPerMonth: number; token: boolean }) => ({
            priceSigma: o.priceSigma,
            interruptionsPerMonth: o.interruptionsPerMonth,
            interruptionUsdPerMonth: o.interruptionsPerMonth > 0 ? 250 : 0,
            incentive: o.token ? { symbol: 'AKT', denomination: 'token' as const } : null,
          });
          const ws = rows.map((r, i): PortfolioWorkloadInput => {
            const depin = r.depin === null ? null : depinBasis(made(r.depin));
            return {
              seed: seed ^ (i * 7919),
              horizonMonths: r.horizon,
              cloud: basis({ provider: `cloud${i % 2}`, ...made(r.cloud) }),
              depin,
              recommended: depin === null ? [1, 0] : [1 - r.share, r.share],
              keepSamples: r.keep,
            };
          });
          const s = volatile(trials);
          const params = portfolioPlan(
            ws,
            { ...s, monteCarlo: { ...s.monteCarlo, depinPriceSpread: depinSpread, demandVolatility } },
            { seed },
          );
          const fast = allocatePortfolioOut(params);
          portfolioKernel(params, 0, params.trials, fast);
          const slow = allocatePortfolioOut(params);
          portfolioKernelReference(params, 0, params.trials, slow);
          const bits = (xs: readonly Float64Array[]) =>
            xs.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex'));
          expect(bits([...fast.horizon, ...fast.monthly, ...fast.samples])).toEqual(
            bits([...slow.horizon, ...slow.monthly, ...slow.samples]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('spans: a plan whose common shocks fill several spans equals the reference, bit for bit, whole and over ranges across spans', () => {
    // 120 months, two price groups and a token path: 242 doubles of common shocks a trial, so a span holds 4
    // blocks and 10 blocks of trials take 3 spans (each workload's model is built once a span).
    const long = (months: number) =>
      workloads().map((w) => ({ ...w, horizonMonths: w.horizonMonths === 12 ? months : 60 }));
    const s = volatile(10 * MONTE_CARLO_BLOCK_TRIALS);
    const params = portfolioPlan(long(120), { ...s, horizonMonths: 120 });
    const stride = params.months + params.priceGroups.length + params.tokens.length * params.months;
    expect(stride).toBe(242);
    expect(Math.floor(PORTFOLIO_SPAN_DOUBLES / (MONTE_CARLO_BLOCK_TRIALS * stride))).toBe(4);
    const bits = (o: PortfolioOut) =>
      [...o.horizon, ...o.monthly, ...o.samples].map((a) =>
        Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex'),
      );
    const ref = allocatePortfolioOut(params);
    portfolioKernelReference(params, 0, params.trials, ref);
    const whole = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, whole);
    expect(bits(whole)).toEqual(bits(ref));
    const split = allocatePortfolioOut(params);
    for (const [a, b] of [
      [0, 1500],
      [1500, 9000],
      [9000, params.trials],
    ] as const)
      portfolioKernel(params, a, b, split);
    expect(bits(split)).toEqual(bits(ref));
  });

  it('groups reuse every earlier group’s kept-sample arrays, not only the last group’s', async () => {
    // Groups of two: two kept, none kept, two kept. The third group reuses the first group's arrays.
    const ws = [...workloads(), ...workloads()].map((w, i) => ({
      ...w,
      seed: i + 1,
      keepSamples: i < 2 || i >= 4,
    }));
    const params = portfolioPlan(ws, volatile(300));
    const seen: (readonly Float64Array[])[] = [];
    const run: PortfolioGroupRunner = (group, into) => {
      const out = inlinePortfolioGroup(group, into) as PortfolioOut;
      seen.push([...out.samples]);
      return out;
    };
    const grouped = await portfolioInGroups(params, run, 2);
    expect(seen.map((g) => g.length)).toEqual([2, 0, 2]);
    expect(seen[2]![0]).toBe(seen[0]![0]);
    expect(seen[2]![1]).toBe(seen[0]![1]);
    expect(grouped).toEqual(await portfolioInGroups(params, inlinePortfolioGroup, ws.length));
  });

  it('refuses a group size that is not a positive whole number', async () => {
    const params = portfolioPlan(workloads(), volatile(50));
    for (const size of [0, -1, 1.5, Number.NaN]) {
      await expect(portfolioInGroups(params, inlinePortfolioGroup, size)).rejects.toThrow(
        PORTFOLIO_GROUP_INVALID,
      );
    }
  });

  it('the mean of each plan’s horizon spend is its deterministic total within 4 standard errors', () => {
    const s = volatile(20_000);
    const ws = workloads();
    const params = portfolioPlan(ws, s);
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    const want = deterministic(ws, s);
    (['recommended', 'allCloud', 'allDecentralized'] as const).forEach((plan, p) => {
      const h = out.horizon[p as 0 | 1 | 2];
      let sum = 0;
      let sq = 0;
      for (const x of h) {
        sum += x;
        sq += x * x;
      }
      const n = h.length;
      const mean = sum / n;
      const se = Math.sqrt((sq / n - mean * mean) / n);
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(mean - want[plan])).toBeLessThan(4 * se);
    });
  });

  it('with every volatility at zero, every percentile is the deterministic total', () => {
    const s = scenario({
      horizonMonths: 12,
      demandGrowthMonthly: 0.02,
      monteCarlo: { trials: 40, seed: 5, depinPriceSpread: 0, demandVolatility: 0 },
    });
    const ws = workloads().map((w) => ({ ...w, cloud: { ...w.cloud!, priceSigma: null } }));
    ws[1] = { ...ws[1]!, depin: depinBasis() };
    const d = portfolioMonteCarlo(ws, s, { interruptions: 'expected' });
    const want = deterministic(ws, s);
    for (const plan of ['recommended', 'allCloud', 'allDecentralized'] as const) {
      for (const q of ['p10', 'p50', 'p90'] as const) {
        expect(Math.abs(d[plan].horizon[q] - want[plan])).toBeLessThanOrEqual(1e-9 * want[plan]);
      }
      expect(d[plan].horizonMeanUsd).toBeCloseTo(want[plan], 6);
    }
    // Month 6 on: workload 3 (6-month horizon) adds nothing.
    const cloudOnly = projectSpend({ cloud: ws[0]!.cloud!, depin: null }, s);
    expect(d.allCloud.months).toHaveLength(12);
    expect(d.allCloud.months[0]!.month).toBe(cloudOnly.months[0]!.month);
  });

  it('is deterministic for a seed and identical however the trials are split (blocks, odd ranges)', () => {
    const s = volatile(3 * MONTE_CARLO_BLOCK_TRIALS + 100);
    const params = portfolioPlan(workloads(), s);
    const whole = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, whole);
    const split = allocatePortfolioOut(params);
    for (const [a, b] of [
      [0, 700],
      [700, 1024],
      [1024, 2500],
      [2500, params.trials],
    ] as const)
      portfolioKernel(params, a, b, split);
    for (let p = 0; p < 3; p++) {
      expect(split.horizon[p as 0]).toEqual(whole.horizon[p as 0]);
      expect(split.monthly[p as 0]).toEqual(whole.monthly[p as 0]);
    }
    expect(split.samples).toEqual(whole.samples);
    expect(summarizePortfolio(params, split)).toEqual(summarizePortfolio(params, whole));
    const other = portfolioMonteCarlo(workloads(), volatile(3 * MONTE_CARLO_BLOCK_TRIALS + 100), { seed: 6 });
    expect(other.recommended.horizon.p50).not.toBe(summarizePortfolio(params, whole).recommended.horizon.p50);
  });

  it('pRecommendedCheaper is the share of trials in which the recommended plan spends less than all-cloud', () => {
    const s = volatile(3 * MONTE_CARLO_BLOCK_TRIALS + 100);
    const params = portfolioPlan(workloads(), s);
    const out = allocatePortfolioOut(params);
    portfolioKernel(params, 0, params.trials, out);
    let cheaper = 0;
    for (let i = 0; i < params.trials; i++) if (out.horizon[0][i]! < out.horizon[1][i]!) cheaper++;
    const d = summarizePortfolio(params, out);
    expect(d.pRecommendedCheaper).toBe(cheaper / params.trials);
    // Not vacuous: the recommended plan is cheaper in some trials, and the share is a probability.
    expect(cheaper).toBeGreaterThan(0);
    expect(d.pRecommendedCheaper!).toBeGreaterThanOrEqual(0);
    expect(d.pRecommendedCheaper!).toBeLessThanOrEqual(1);
    // One plan (every workload on cloud): never cheaper than itself.
    const onDemand = portfolioMonteCarlo([workloads()[0]!], volatile());
    expect(onDemand.pRecommendedCheaper).toBe(0);
  });

  it('an on-demand-only plan has a narrower band than a spot/DePIN-heavy one; all-cloud parts sum', () => {
    const d = portfolioMonteCarlo(workloads(), volatile());
    const width = (x: { p10: number; p90: number; p50: number }) => (x.p90 - x.p10) / x.p50;
    const onDemand = portfolioMonteCarlo([workloads()[0]!], volatile());
    expect(width(onDemand.allCloud.horizon)).toBeLessThan(width(d.allDecentralized.horizon));
    // A cloud-only workload's kept samples are its own all-cloud spend.
    expect(onDemand.workloads[0]).toEqual(onDemand.recommended.horizon);
    expect(onDemand.recommended).toEqual(onDemand.allCloud);
    expect(onDemand.allDecentralized).toEqual(onDemand.allCloud);
  });

  it('common shocks: with correlation 1 the plan band is wider than with independent demand', () => {
    const ws = [0, 1, 2, 3].map(
      (i): PortfolioWorkloadInput => ({
        seed: i,
        horizonMonths: 12,
        cloud: basis(),
        depin: null,
        recommended: [1, 0],
      }),
    );
    const width = (rho: number) => {
      const d = portfolioMonteCarlo(ws, volatile(), { demandCorrelation: rho });
      return d.allCloud.horizon.p90 - d.allCloud.horizon.p10;
    };
    expect(width(1)).toBeGreaterThan(1.5 * width(0));
  });

  it('property: P10 ≤ P50 ≤ P90, every figure finite and non-negative, for any seed and shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, share, rho) => {
          const ws = workloads();
          ws[1] = { ...ws[1]!, recommended: [1 - share, share] };
          const d = portfolioMonteCarlo(ws, volatile(300), { seed, demandCorrelation: rho });
          for (const plan of [d.recommended, d.allCloud, d.allDecentralized]) {
            for (const q of [plan.horizon, ...plan.months]) {
              expect(q.p10).toBeGreaterThanOrEqual(0);
              expect(q.p10).toBeLessThanOrEqual(q.p50);
              expect(q.p50).toBeLessThanOrEqual(q.p90);
              expect(Number.isFinite(q.p90)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses placement shares that do not sum to 1, or a depin share without a depin option', () => {
    const ws = workloads();
    expect(() => portfolioPlan([{ ...ws[1]!, recommended: [0.5, 0.6] }], volatile())).toThrow(
      PricingAssertionError,
    );
    expect(() => portfolioPlan([{ ...ws[0]!, recommended: [0, 1] }], volatile())).toThrow(/depin share/);
    expect(() => portfolioPlan([{ ...ws[2]!, cloud: null, recommended: [0.5, 0.5] }], volatile())).toThrow(
      /cloud share without a cloud option/,
    );
  });

  describe('a workload with no cloud option', () => {
    const depinOnly = (): PortfolioWorkloadInput => ({
      seed: 9,
      horizonMonths: 12,
      cloud: null,
      depin: depinBasis({ incentive: { symbol: 'AKT', denomination: 'token' } }),
      recommended: [0, 1],
      keepSamples: true,
    });

    it('is on its decentralized option in every plan: the three plans spend the same, trial by trial', () => {
      const params = portfolioPlan([depinOnly()], volatile());
      const out = allocatePortfolioOut(params);
      portfolioKernel(params, 0, params.trials, out);
      expect(out.horizon[1]).toEqual(out.horizon[0]);
      expect(out.horizon[2]).toEqual(out.horizon[0]);
      expect(out.monthly[1]).toEqual(out.monthly[0]);
      expect(out.samples[0]).toEqual(out.horizon[0]);
    });

    it('its mean horizon spend is its decentralized projection within 4 standard errors', () => {
      const s = volatile(20_000);
      const params = portfolioPlan([depinOnly()], s);
      const out = allocatePortfolioOut(params);
      portfolioKernel(params, 0, params.trials, out);
      const want = projectSpend({ cloud: null, depin: depinOnly().depin }, s).horizonDepinUsd!;
      let sum = 0;
      let sq = 0;
      for (const x of out.horizon[0]) {
        sum += x;
        sq += x * x;
      }
      const n = out.horizon[0].length;
      const mean = sum / n;
      const se = Math.sqrt((sq / n - mean * mean) / n);
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(mean - want)).toBeLessThan(4 * se);
    });

    it('beside other workloads, adds to all-cloud what it adds to the recommended plan (deterministic totals)', () => {
      const s = scenario({
        horizonMonths: 12,
        demandGrowthMonthly: 0.02,
        monteCarlo: { trials: 40, seed: 5, depinPriceSpread: 0, demandVolatility: 0 },
      });
      const ws = [
        ...workloads().map((w) => ({ ...w, cloud: { ...w.cloud!, priceSigma: null } })),
        depinOnly(),
      ];
      ws[1] = { ...ws[1]!, depin: depinBasis() };
      ws[3] = { ...ws[3]!, depin: depinBasis() };
      const d = portfolioMonteCarlo(ws, s, { interruptions: 'expected' });
      const want = deterministic(ws, s);
      const alone = projectSpend({ cloud: null, depin: depinBasis() }, s).horizonDepinUsd!;
      const without = deterministic(ws.slice(0, 3), s);
      expect(want.allCloud - without.allCloud).toBeCloseTo(alone, 6);
      expect(want.recommended - without.recommended).toBeCloseTo(alone, 6);
      for (const plan of ['recommended', 'allCloud', 'allDecentralized'] as const) {
        expect(Math.abs(d[plan].horizon.p50 - want[plan])).toBeLessThanOrEqual(1e-9 * want[plan]);
      }
    });
  });
});
