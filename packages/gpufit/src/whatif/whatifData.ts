import { type NetworkInfo, unpricedNetworks, withWorkloadHorizon } from '@gpufit/analysis';
import {
  gpuTierTable,
  interruptibleRule,
  throughputRatioTable,
  workFloor,
  workFloorKey,
} from '@gpufit/pricing';
import type { Offer, ScenarioInput, WorkloadProfile } from '@gpufit/schema';
import {
  type WhatifData,
  whatifMarkets,
  whatifNetworks,
  whatifPricingCategories,
  whatifTokens,
} from './whatifEngine.js';

/** The inputs of one analyze run the what-if page is built from (`gpufit analyze` passes them to writeReportSet). */
export interface WhatifInputs
  extends Omit<
    WhatifData,
    'scenarioInput' | 'networks' | 'tokens' | 'markets' | 'pricingCategories' | 'unpricedNetworks'
  > {
  /** Every offer of the catalog (the page keeps the feasible ones). */
  readonly offers: readonly Offer[];
  readonly networks: readonly NetworkInfo[];
  readonly scenarioInput: ScenarioInput | null;
}

/**
 * The offers some workload can run on at all: pricing's feasibility pre-filter (`costFloor`: GPU, memory,
 * interconnect, country, host tier…) passes them for at least one workload, under the run's scenario. What the
 * page's controls move (prices, subsidies, demand growth, interruption rates (`costFloor` assumes no re-work), the saving rule, pins that narrow the markets) never
 * makes another offer feasible, so the page needs no other offer to choose exactly what the CLI would.
 *
 * `costFloor` without reliability figures is `workFloor` (the same for every offer of one `workFloorKey`) and then
 * refuses only by `interruptibleRule`, so each key's `workFloor` is asked once per workload: the bundled catalog's
 * 2,661 priced offers hold 806 keys (the README's main job: 150 → 75–80 ms here, 2026-12-03). A test holds it to
 * `costFloor` offer by offer.
 */
export function feasibleOffers(inputs: WhatifInputs): Offer[] {
  const { options, workloads } = floorInputs(inputs);
  // Per key, the workloads whose work fits an offer of that key.
  const fitting = new Map<string, WorkloadProfile[]>();
  return inputs.offers.filter((o) => {
    // An offer without a price fails every floor (`price-unknown`), and its key is not its priced twin's.
    if (o.usdPerGpuHour === null) return false;
    const key = workFloorKey(o);
    let fits = fitting.get(key);
    if (fits === undefined) {
      fits = workloads.filter((w) => workFloor(w, o, options) !== null);
      fitting.set(key, fits);
    }
    return fits.some((w) => interruptibleRule(w, o) === null);
  });
}

/**
 * What the pre-filter asks `costFloor` (or `workFloor`) with: the run's tiers, ratios and scenario, verdicts only,
 * and the workloads over the run's horizon (`workloadHorizon`: a scenario file's `horizonMonths` sets it where a workload
 * states none and caps it, never extends it).
 */
export function floorInputs(inputs: WhatifInputs) {
  return {
    options: {
      tiers: gpuTierTable(inputs.tierRows),
      ratios: throughputRatioTable(inputs.ratioRows),
      scenario: inputs.scenario,
      verdictOnly: true,
      skipOfferTerms: true,
    },
    workloads: inputs.workloads.map((w) => withWorkloadHorizon(w, inputs.horizonMonths ?? undefined)),
  };
}

/**
 * An offer as the page carries it: its texts that only the report's sentences quote (where its price, reliability
 * and egress figures come from, its notes) are left out, about 60 % of the offers' bytes. No figure the page
 * shows reads them (recommendations, costs, cliffs, break-evens, the fan: a property test runs the page's engine
 * on both); the risks that quote the notes are not on the page.
 */
export function slimOffer(o: Offer): Offer {
  return { ...o, notes: '', source: '', reliabilitySource: null, egressSource: null };
}

/** The page's data: the run's inputs with only the feasible offers, slimmed (`slimOffer`). */
export function whatifData(inputs: WhatifInputs, slim = true): WhatifData {
  const feasible = feasibleOffers(inputs);
  const offers = slim ? feasible.map(slimOffer) : feasible;
  return {
    workloads: inputs.workloads,
    offers,
    tierRows: inputs.tierRows,
    ratioRows: inputs.ratioRows,
    unitRows: inputs.unitRows,
    scenario: inputs.scenario,
    scenarioInput: inputs.scenarioInput ?? {},
    horizonMonths: inputs.horizonMonths,
    networks: whatifNetworks(offers, inputs.networks),
    tokens: whatifTokens(offers, inputs.scenario),
    markets: whatifMarkets(offers, inputs.scenario),
    pricingCategories: whatifPricingCategories(offers, inputs.scenario),
    // Of the whole catalog, as the CLI's analysis has them (the page's offers are only the feasible ones).
    unpricedNetworks: unpricedNetworks(inputs.offers, inputs.networks),
  };
}
