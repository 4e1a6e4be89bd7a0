import { join } from 'node:path';
import { estimateCost, gpuTierTable } from '@gpufit/pricing';
import { type Offer, scenarioSchema, type WorkloadProfile } from '@gpufit/schema';
import { growCatalog } from '../generate/catalog.js';
import { generateProfiles } from '../generate/workloads.js';
import {
  bundledDatasetsDir,
  cheapestFeasible,
  indexOffers,
  loadGpuTiers,
  loadOffersCsv,
  preferOffer,
} from '../gpufitSource.js';
import { progress, timeOnce } from '../harness/measure.js';
import { result } from '../harness/result.js';
import { median } from '../harness/stats.js';
import type { BenchCase } from './types.js';

const WORKLOADS = 100_000;
const OFFERS = 20_000;
const SAMPLE = 500;
const SEED = 2;

interface Best {
  readonly id: string;
  readonly usd: number;
}

/** A workload whose pricing threw (an estimateCost assertion), kept apart in both paths. */
const THREW = Symbol('threw');
let firstError: string | null = null;

function guarded<T>(work: () => T): T | typeof THREW {
  try {
    return work();
  } catch (error) {
    firstError ??= error instanceof Error ? error.message : String(error);
    return THREW;
  }
}

/**
 * The floor: `estimateCost` for every pair, cheapest feasible by monthlyUsd, ties by `preferOffer` (inside the
 * users' region, then the lowest offer id) — what `bestOffers` does. With `explain: false` in the options it is the
 * same loop without the sentences.
 */
function naive(
  profile: WorkloadProfile,
  offers: readonly Offer[],
  options: Parameters<typeof estimateCost>[2],
): Best | null {
  let best: Offer | null = null;
  let bestUsd = Number.POSITIVE_INFINITY;
  for (const offer of offers) {
    const e = estimateCost(profile, offer, options);
    if (!e.feasible || e.monthlyUsd === null) continue;
    if (preferOffer(profile, e.monthlyUsd, offer, bestUsd, best)) {
      best = offer;
      bestUsd = e.monthlyUsd;
    }
  }
  return best === null ? null : { id: best.id, usd: bestUsd };
}

export const match: BenchCase = {
  name: 'match',
  results: ['match'],
  summary:
    'cheapestFeasible (branch and bound) for 100,000 workloads over a 20,000-offer catalog grown from datasets/offers.csv, against the naive estimateCost loop over every pair, timed on a 500-workload sample and compared per workload',
  async run(ctx) {
    const workloads = ctx.quick ? WORKLOADS / 50 : WORKLOADS;
    const sampleSize = ctx.quick ? 20 : SAMPLE;
    const real = (await loadOffersCsv(join(bundledDatasetsDir(), 'offers.csv'))).rows;
    const offers = growCatalog(real, OFFERS, SEED);
    const tiers = gpuTierTable(await loadGpuTiers());
    const scenario = scenarioSchema.parse({});
    const options = { tiers, scenario };
    const profiles = generateProfiles(SEED, workloads);
    // A deterministic sample spread over the whole list: every (workloads / sample)-th workload.
    const stride = Math.floor(workloads / sampleSize);
    const sample = Array.from({ length: sampleSize }, (_, k) => profiles[k * stride]!);
    progress(
      `match: ${offers.length} offers (${real.length} real rows grown), ${workloads} workloads, floor sample ${sampleSize}`,
    );

    // Identical answers on the sample: same offer id and the same monthlyUsd, bit for bit.
    const fastSample = sample.map((p) => guarded(() => cheapestFeasible([p], offers, options)[0]!));
    const floorAnswers: (Best | null | typeof THREW)[] = [];
    const floorRuns: number[] = [];
    const runs = ctx.quick ? 1 : 3;
    for (let r = 0; r < runs; r++) {
      floorRuns.push(
        await timeOnce(() => {
          floorAnswers.length = 0;
          for (const p of sample) floorAnswers.push(guarded(() => naive(p, offers, options)));
        }),
      );
      progress(`match: floor run ${r + 1}/${runs} ${(floorRuns[r]! / sampleSize).toFixed(2)} ms/workload`);
    }
    let mismatches = 0;
    let sampleThrew = 0;
    sample.forEach((_, k) => {
      const f = fastSample[k]!;
      const want = floorAnswers[k]!;
      if (f === THREW || want === THREW) {
        sampleThrew++;
        return;
      }
      const got = f === null ? null : { id: f.offer.id, usd: f.estimate.monthlyUsd };
      if (
        (want === null) !== (got === null) ||
        (want !== null && (want.id !== got!.id || want.usd !== got!.usd))
      ) {
        mismatches++;
      }
    });
    if (mismatches > 0)
      throw new Error(`match: ${mismatches} of ${sampleSize} sample answers differ from the naive loop`);

    // The fast path over all workloads, index build included, after a warm-up on 2,000 of them.
    cheapestFeasible(profiles.slice(0, Math.min(2000, workloads)), offers, options);
    const fastRuns: number[] = [];
    let estimates = 0;
    let threw = 0;
    for (let r = 0; r < runs; r++) {
      fastRuns.push(
        await timeOnce(() => {
          const index = indexOffers(offers, options);
          threw = 0;
          for (const p of profiles) if (guarded(() => index.cheapest(p)) === THREW) threw++;
          estimates = index.stats.estimates;
        }),
      );
      progress(
        `match: fast run ${r + 1}/${runs} ${((fastRuns[r]! / workloads) * 1000).toFixed(1)} µs/workload`,
      );
    }
    // For the record: the naive loop without sentences (`explain: false`), on a fifth of the sample, once — how
    // much of the speed-up is the search rather than skipping the strings.
    const quiet = sample.slice(0, Math.max(1, Math.floor(sampleSize / 5)));
    const quietOptions = { ...options, explain: false };
    const quietMs = await timeOnce(() => {
      for (const p of quiet) guarded(() => naive(p, offers, quietOptions));
    });
    const perWorkload = (ms: number, n: number) => (ms / n) * 1000;
    const quietPerWorkload = perWorkload(quietMs, quiet.length);
    progress(`match: naive loop with explain:false ${(quietPerWorkload / 1000).toFixed(2)} ms/workload`);
    const value = perWorkload(median(fastRuns), workloads);
    const floor = perWorkload(median(floorRuns), sampleSize);
    const found = fastSample.filter((b) => b !== null && b !== THREW).length;
    const errors =
      threw + sampleThrew > 0
        ? ` estimateCost threw on ${threw} of the ${workloads} workloads in the fast path and on ${sampleThrew} of the sample (${firstError}); those are skipped in both paths.`
        : '';
    return [
      result({
        name: 'match',
        unit: 'µs/workload',
        value,
        floor,
        target: { ratioAtMost: 0.05 },
        note: `value: all ${workloads} workloads × ${offers.length} offers (index build included; ${(estimates / workloads).toFixed(1)} estimateCost calls per workload); floor: naive loop over all ${offers.length} offers on a ${sampleSize}-workload sample (every ${stride}th), per-workload time extrapolated; identical answers on the sample (${found} with a feasible offer, ${sampleSize - found - sampleThrew} with none); median of ${runs} runs; target ratio <= 0.05 = at least 20× faster. The naive loop with explain:false takes ${Math.round(quietPerWorkload)} µs/workload (${quiet.length} workloads, one run): ${Math.round(quietPerWorkload / value)}× the fast path.${errors}`,
      }),
    ];
  },
};
