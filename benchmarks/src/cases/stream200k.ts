import { isCommitted, type Offer } from '@gpufit/schema';
import { bundledAnalysisInput } from '../bundledInput.js';
import { growCatalog } from '../generate/catalog.js';
import { generateProfiles } from '../generate/workloads.js';
import { analyzeStream, indexOfferParts, sidesOfMarkets } from '../gpufitSource.js';
import { cpuMs, loadAverage, progress } from '../harness/measure.js';
import { result } from '../harness/result.js';
import { median } from '../harness/stats.js';
import type { BenchCase } from './types.js';

const WORKLOADS = 6_000;
const LARGE = 200_000;
const SEED = 7;
const CATALOG_SEED = 2;

/**
 * Streamed analysis (`analyzeStream`, JSON and CSV rendered into counting sinks, no disk) of generated workloads
 * over the bundled catalog and over a 200k-offer catalog grown from it: the marginal CPU per workload (a run of
 * n minus a run of n/5, ÷ 4n/5, so the catalog's index build is left out), and the offers priced per workload.
 */
export const stream200k: BenchCase = {
  name: 'stream-200k',
  results: ['stream-200k', 'stream-rate'],
  summary:
    'streamed analysis (analyzeStream, JSON + CSV rendered) of generated workloads: marginal CPU per workload on a 200,000-offer catalog grown from the bundled one, against the bundled catalog; and workloads/s on the bundled catalog',
  async run(ctx) {
    const { catalog, tables: base } = await bundledAnalysisInput('stream-200k');
    const n = ctx.quick ? 250 : WORKLOADS;
    const workloads = generateProfiles(SEED, n);
    const bundled = catalog.offers.rows;
    const large = growCatalog(bundled, ctx.quick ? 20_000 : LARGE, CATALOG_SEED);
    let bytes = 0;
    const sink = {
      write: (text: string) => {
        bytes += text.length;
      },
    };
    const stream = (offers: readonly Offer[], count: number) => () =>
      analyzeStream(
        (async function* () {
          for (let i = 0; i < count; i += 500)
            yield workloads.slice(i, Math.min(count, i + 500)).map((value) => ({ ok: true as const, value }));
        })(),
        { ...base, offers },
        { json: sink, csv: sink },
      );
    const small = Math.floor(n / 5);
    const marginal = async (offers: readonly Offer[]) =>
      ((await cpuMs(stream(offers, n))) - (await cpuMs(stream(offers, small)))) / (n - small);
    // Offers priced per workload, from the same three-part index the streamed analysis uses.
    const sides = sidesOfMarkets(base.scenario.decision.decentralizedMarkets);
    const priced = (offers: readonly Offer[]) => {
      const index = indexOfferParts(offers, base, 3, (o) =>
        sides[o.market] === 'depin' ? 0 : isCommitted(o.pricingCategory) ? 1 : 2,
      );
      for (const p of workloads.slice(0, small)) index.cheapest(p);
      return {
        estimates: index.stats.estimates / small,
        floors: index.stats.classFloors / small,
      };
    };
    await stream(bundled, small)();
    await stream(large, small)();
    const runs = ctx.quick ? 1 : 3;
    const b: number[] = [];
    const l: number[] = [];
    for (let r = 0; r < runs; r++) {
      b.push(await marginal(bundled));
      l.push(await marginal(large));
      progress(
        `stream-200k: run ${r + 1}/${runs}: ${l[r]!.toFixed(3)} ms a workload on ${large.length} offers, ${b[r]!.toFixed(3)} on ${bundled.length} (load ${loadAverage()})`,
      );
    }
    const pricedBundled = priced(bundled);
    const pricedLarge = priced(large);
    if (bytes === 0) throw new Error('stream-200k: the streamed analyses wrote nothing');
    const bundledMs = median(b);
    const note = `analyzeStream over ${n} generated workloads (seed ${SEED}), JSON and CSV rendered into counting sinks, default scenario; marginal CPU (user + system) per workload = (run of ${n} − run of ${small}) ÷ ${n - small}, so the index build is left out; median of ${runs} alternating runs; offers priced per workload ${pricedLarge.estimates.toFixed(1)} on ${large.length} offers, ${pricedBundled.estimates.toFixed(1)} on ${bundled.length}, work floors (pricing's workFloor, one per class reached) ${pricedLarge.floors.toFixed(1)} and ${pricedBundled.floors.toFixed(1)}; load average ${loadAverage()} at the end`;
    return [
      result({
        name: 'stream-200k',
        unit: 'ms/workload',
        value: median(l),
        floor: bundledMs,
        target: { ratioAtMost: 2 },
        note: `value: a ${large.length}-offer catalog grown from the bundled one (seed ${CATALOG_SEED}); floor: the bundled ${bundled.length}-offer catalog; ${note}`,
      }),
      result({
        name: 'stream-rate',
        unit: 'workloads/s',
        value: 1000 / bundledMs,
        floor: null,
        target: { valueAtLeast: 10_000 },
        note: `1 ÷ the floor of stream-200k (the bundled catalog, one core); the CLI adds reading the CSV and writing the files. ${note}`,
      }),
    ];
  },
};
