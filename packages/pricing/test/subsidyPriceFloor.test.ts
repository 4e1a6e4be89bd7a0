import { MIN_USD_PER_GPU_HOUR } from '@gpufit/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spendPath } from '../src/index.js';
import { depinBasis, scenario } from './support/bases.js';

/**
 * gpufit never prices a GPU-hour below USD 0.001 (MIN_USD_PER_GPU_HOUR): the estimate refuses a subsidized price
 * under it at month 0 (effectivePrice). A scenario whose subsidy share rises took later months below it: Nosana's
 * RTX3060 at USD 0.07194 a GPU-hour unsubsidized, half paid by the network at month 0 (USD 0.036), 99 % from month
 * 4, was projected at USD 0.00072 a GPU-hour (datasets/workloads/cases/subsidy-floor.csv with datasets/workloads/cases/subsidy-floor-scenario.json).
 * Each month's tenant price is g × (1 − relief(t)); spendPath holds it at the floor.
 */
const nosana = (g: number, share: number) =>
  depinBasis({
    offerId: 'nosana:rtx3060',
    provider: 'nosana',
    computeUsdPerMonth: 1000 * g,
    interruptionUsdPerMonth: 0,
    interruptionsPerMonth: 0,
    dataUsdPerMonth: 0,
    subsidyShare: share,
    grossUsdPerGpuHour: g,
    incentive: { symbol: 'NOS', denomination: 'usd-pegged' },
  });
const rising = (share: number, later: number, passThrough = 1) =>
  scenario({
    startMonth: '2027-01',
    horizonMonths: 6,
    subsidyPassThrough: passThrough,
    subsidies: { nosana: { kind: 'step', share, steps: [{ month: '2027-04', share: later }] } },
  });

describe('a rising subsidy share never prices a month below the floor', () => {
  it('holds the review case at USD 0.001 a GPU-hour from month 4 (it had been 0.00072), and says so', () => {
    const path = spendPath(nosana(0.07194, 0.5), rising(0.5, 0.99));
    // 1,000 GPU-hours a month: 0.07194 × 0.5 × 1,000 = 35.97 for months 1–3, then the floor's 1.00.
    expect([...path.expectedUsd].map((u) => Math.round(u * 1e6) / 1e6)).toEqual([
      35.97, 35.97, 35.97, 1, 1, 1,
    ]);
    expect(path.priceFloorFrom).toBe(3);
    expect(path.assumptions).toContain(
      "nosana:rtx3060: from month 4 the subsidy schedule's share (99 %) would take the tenant price below gpufit's floor of 0.001 USD per GPU-hour; such a month is priced at the floor, never lower",
    );
    // The emissions still pay 99 % of the unsubsidized price: the subsidy line is the schedule's.
    expect(path.subsidyUsd[5]).toBeCloseTo(0.07194 * 0.99 * 1000, 9);
  });

  it('changes nothing when the floor does not bind, or the basis states no GPU-hour price', () => {
    const free = spendPath(nosana(2, 0.5), rising(0.5, 0.99));
    expect(free.priceFloorFrom).toBeNull();
    expect(free.expectedUsd[5]).toBeCloseTo(2 * 0.01 * 1000, 9);
    const unknown = spendPath({ ...nosana(0.07194, 0.5), grossUsdPerGpuHour: null }, rising(0.5, 0.99));
    expect(unknown.priceFloorFrom).toBeNull();
  });

  it('every month of a generated scenario prices a GPU-hour at the floor or above, and at the schedule where it can (property)', () => {
    fc.assert(
      fc.property(
        // An unsubsidized price whose month-0 subsidized price clears the floor (the estimate refuses the rest).
        fc.double({ min: 0.002, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.uniqueArray(
          fc.record({
            at: fc.integer({ min: 1, max: 23 }),
            share: fc.double({ min: 0, max: 0.99, noNaN: true }),
          }),
          { minLength: 1, maxLength: 4, selector: (x) => x.at },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (g, s0, steps, passThrough, growth) => {
          fc.pre(g * (1 - s0) >= MIN_USD_PER_GPU_HOUR);
          const month = (t: number) =>
            `${2027 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
          const sc = scenario({
            startMonth: '2027-01',
            horizonMonths: 24,
            subsidyPassThrough: passThrough,
            demandGrowthMonthly: growth,
            subsidies: {
              nosana: {
                kind: 'step',
                share: s0,
                steps: steps.map((x) => ({ month: month(x.at), share: x.share })),
              },
            },
          });
          const path = spendPath(nosana(g, s0), sc);
          for (let t = 0; t < path.months; t++) {
            const hours = 1000 * path.demandFactor[t]!;
            const perHour = path.expectedUsd[t]! / hours;
            expect(perHour).toBeGreaterThanOrEqual(MIN_USD_PER_GPU_HOUR * (1 - 1e-9));
            const scheduled = g * (1 - (s0 - passThrough * (s0 - path.subsidyShare[t]!)));
            expect(perHour).toBeCloseTo(Math.max(scheduled, MIN_USD_PER_GPU_HOUR), 9);
          }
          expect(path.priceFloorFrom === 0).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
