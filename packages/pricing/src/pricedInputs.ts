/**
 * The inputs of a cloud-versus-DePIN comparison that break-even (§5.11) solves for and sensitivity (§5.11)
 * swings, as a registry built by one constructor: each says how to read its current value and how to
 * re-state the comparison with another value. The re-stated comparison is re-priced with the cost model
 * (`estimateCost`), so every non-linearity of the model (replicas, checkpoints, tiers) is kept.
 *
 * Interruption rate: the downtime it implies moves with it — an offer's availability a is rewritten so its
 * downtime odds (1 − a)/a scale with the rate (the relation `estimateCost` uses to derive one from the other),
 * which leaves the comparison unchanged at the current rate.
 * Incentive token price: a token-denominated offer charges a fixed number of tokens per GPU-hour, so its USD
 * price scales with the token's price (`tokenPriceRatio`), down to its token floor when the comparison has one.
 */
import {
  type CostEstimate,
  isTermCommitment,
  namedEntry,
  type Offer,
  type Scenario,
  type WorkloadProfile,
} from '@gpufit/schema';
import { PricingAssertionError } from './assert.js';
import { ASSUMED_OUTAGE_HOURS } from './assumptions.js';
import { termFactor } from './commitments/termFactor.js';
import { offerFacts } from './estimate/offerFacts.js';
import { initialSubsidyShare, subsidyEntryFor } from './incentives/subsidyScheduleFor.js';
import { flooredTokenUsdPerGpuHour } from './incentives/tokenFloor.js';

export interface PricedComparison {
  readonly profile: WorkloadProfile;
  readonly cloud: Offer;
  readonly depin: Offer;
  readonly scenario: Scenario;
  /**
   * The floor under the DePIN offer's token-denominated price (incentives/tokenFloor.ts), USD per GPU-hour: a
   * lower token price moves its list price u no lower than min(floor, u + e) − R · e, e its incentive emissions per
   * GPU-hour. Absent: no floor.
   */
  readonly depinTokenFloorUsdPerGpuHour?: number;
}

/** The single-month cost model: `(p, o, s) => estimateCost(p, o, { tiers, scenario: s })`. */
export type CostFunction = (profile: WorkloadProfile, offer: Offer, scenario: Scenario) => CostEstimate;

export type CurrentValue = { readonly value: number } | { readonly value: null; readonly reason: string };

export interface PricedInputSpec {
  readonly id: PricedInputId;
  /** What a founder reads in a tornado chart. */
  readonly label: string;
  readonly unit: string;
  readonly current: (c: PricedComparison, costOf: CostFunction) => CurrentValue;
  readonly apply: (c: PricedComparison, value: number) => PricedComparison;
  /** Where break-even looks for the value that equalizes the two costs. */
  readonly range: (current: number, c: PricedComparison) => readonly [number, number];
  /** Highest meaningful value (a swing is clamped to it). */
  readonly max: number;
}

export const PRICED_INPUT_IDS = [
  'depinUsdPerGpuHour',
  'cloudUsdPerGpuHour',
  'subsidyShare',
  'interruptionsPerHour',
  'gpuHoursPerMonth',
  'egressGiBPerMonth',
  'utilization',
  'tokenPriceUsd',
] as const;
export type PricedInputId = (typeof PRICED_INPUT_IDS)[number];

function definePricedInputs(specs: { [K in PricedInputId]: Omit<PricedInputSpec, 'id'> }): {
  readonly [K in PricedInputId]: PricedInputSpec;
} {
  const out = {} as Record<PricedInputId, PricedInputSpec>;
  for (const id of PRICED_INPUT_IDS) out[id] = { id, ...specs[id] };
  return out;
}

const known = (value: number): CurrentValue => ({ value });
const unknown = (reason: string): CurrentValue => ({ value: null, reason });
const odds = (a: number): number => (1 - a) / a;

/** The demand in GPU-hours a month the profile states (or implies from jobs). */
function demandGpuHours(p: WorkloadProfile): number {
  return p.gpuHoursPerMonth ?? (p.jobsPerMonth ?? 0) * p.hoursPerJob * (p.gpusPerReplica ?? 1) * p.nodes;
}

/**
 * Utilization a committed estimate implies: run hours × term factor ÷ (run + waste hours). A service's always-on
 * unit held beyond its work counts as run, as `estimateCost` counts it.
 */
function impliedUtilization(estimate: CostEstimate, offer: Offer, profile: WorkloadProfile): number | null {
  const hours = (name: string): number => estimate.components.find((x) => x.name === name)?.quantity ?? 0;
  const run =
    hours('gpu-time') + hours('billing-rounding') + hours('interruption-overhead') + hours('idle-capacity');
  const waste = hours('commitment-waste');
  if (!(run > 0)) return null;
  const spread = termFactor(offer, profile.horizonMonths);
  return Math.min(1, (run * spread) / (run + waste));
}

export const pricedInputs = definePricedInputs({
  depinUsdPerGpuHour: {
    label: 'DePIN price',
    unit: 'USD/GPU-hour',
    current: (c) =>
      c.depin.usdPerGpuHour === null ? unknown('the DePIN offer has no price') : known(c.depin.usdPerGpuHour),
    apply: (c, v) => ({ ...c, depin: { ...c.depin, usdPerGpuHour: v } }),
    range: (v) => [v / 100, v * 20],
    max: 1000,
  },
  cloudUsdPerGpuHour: {
    label: 'cloud price',
    unit: 'USD/GPU-hour',
    current: (c) =>
      c.cloud.usdPerGpuHour === null ? unknown('the cloud offer has no price') : known(c.cloud.usdPerGpuHour),
    apply: (c, v) => ({ ...c, cloud: { ...c.cloud, usdPerGpuHour: v } }),
    range: (v) => [v / 100, v * 20],
    max: 1000,
  },
  subsidyShare: {
    label: 'incentive subsidy share',
    unit: 'share',
    // Only for a network that pays one: an offer with an incentive token (datasets/networks.csv), or a share the
    // scenario grants its network. Vast, with neither, read "DePIN and cloud cost the same at 0.1529 share … DePIN
    // is cheaper above it", a break-even on emissions it does not have.
    current: (c) => {
      const share = initialSubsidyShare(c.depin, c.scenario);
      return c.depin.incentive != null || share > 0
        ? known(share)
        : unknown("the DePIN offer's network pays no incentive subsidy (no incentive token)");
    },
    apply: (c, v) => {
      // v is the share in force in the month priced, against today's s0 (the scenario schedule's own `share` for the
      // network, else the offer's), which today's list price has in it: the list stays what a tenant pays today, so
      // the unsubsidized price list ÷ (1 − s0) is held and the tenant pays it × (1 − v) (pass-through 1; DESIGN
      // §5.7). Setting the schedule's share to v alone would move nothing: month 0 bills the list whatever its share
      // (unsubsidizedPrice.ts). So the schedule's share becomes v and the list the price a tenant pays at v.
      const s0 = initialSubsidyShare(c.depin, c.scenario);
      const list = c.depin.usdPerGpuHour;
      const { subsidies } = c.scenario;
      const entry = subsidyEntryFor(c.depin.provider, c.depin.incentive?.symbol, subsidies);
      const key = entry?.key ?? c.depin.provider;
      const schedule = entry?.value ?? { kind: 'none' as const };
      // defineProperty: a network may be called `__proto__`, which an object literal's key would not keep.
      const next = Object.defineProperty({ ...subsidies }, key, {
        value: { ...schedule, share: v },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      const depin = list === null ? c.depin : { ...c.depin, usdPerGpuHour: (list * (1 - v)) / (1 - s0) };
      return { ...c, depin, scenario: { ...c.scenario, subsidies: next } };
    },
    range: () => [0, 0.99],
    max: 0.99,
  },
  interruptionsPerHour: {
    label: 'DePIN interruption rate',
    unit: 'per hour',
    current: (c) => known(offerFacts(c.depin).interruptionsPerHour),
    apply: (c, v) => {
      const facts = offerFacts(c.depin);
      const a0 = facts.availability;
      const l0 = facts.interruptionsPerHour;
      const availability =
        a0 === null
          ? null
          : l0 > 0 && a0 > 0
            ? 1 / (1 + (odds(a0) * v) / l0)
            : 1 / (1 + v * ASSUMED_OUTAGE_HOURS);
      return { ...c, depin: { ...c.depin, interruptionsPerHour: v, availability } };
    },
    range: (v) => [0, Math.max(1, 10 * v)],
    max: 60,
  },
  gpuHoursPerMonth: {
    label: 'demand',
    unit: 'GPU-hours/month',
    current: (c) => {
      const v = demandGpuHours(c.profile);
      return v > 0 ? known(v) : unknown('the workload states no demand');
    },
    apply: (c, v) => {
      const f = v / demandGpuHours(c.profile);
      const p = c.profile;
      return {
        ...c,
        profile: {
          ...p,
          gpuHoursPerMonth: p.gpuHoursPerMonth === null ? null : p.gpuHoursPerMonth * f,
          jobsPerMonth: p.jobsPerMonth === null ? null : p.jobsPerMonth * f,
        },
      };
    },
    range: (v) => [v / 100, v * 100],
    max: 1e9,
  },
  egressGiBPerMonth: {
    label: 'egress volume',
    unit: 'GiB/month',
    current: (c) => known(c.profile.egressGiBPerMonth),
    apply: (c, v) => ({ ...c, profile: { ...c.profile, egressGiBPerMonth: v } }),
    range: (v) => [0, Math.max(100_000, 100 * v)],
    max: 1e9,
  },
  utilization: {
    label: 'committed utilization',
    unit: 'share',
    current: (c, costOf) => {
      if (!isTermCommitment(c.cloud)) {
        return unknown('the cloud option is not a commitment, so utilization does not change its cost');
      }
      if (c.scenario.committedUtilization !== null) return known(c.scenario.committedUtilization);
      const u = impliedUtilization(costOf(c.profile, c.cloud, c.scenario), c.cloud, c.profile);
      return u === null ? unknown('the committed estimate has no running hours') : known(u);
    },
    apply: (c, v) => ({ ...c, scenario: { ...c.scenario, committedUtilization: v } }),
    range: () => [0.01, 1],
    max: 1,
  },
  tokenPriceUsd: {
    label: 'incentive token price',
    unit: 'USD',
    current: (c) => {
      const incentive = c.depin.incentive;
      if (incentive?.denomination !== 'token') return unknown('the DePIN offer is not priced in its token');
      const model = namedEntry(c.scenario.tokenPrices, incentive.symbol)?.value;
      return model === undefined
        ? unknown(`the scenario has no price model for ${incentive.symbol}`)
        : known(model.spotUsd);
    },
    apply: (c, v) => {
      const symbol = c.depin.incentive?.symbol;
      const spot =
        symbol === undefined ? undefined : namedEntry(c.scenario.tokenPrices, symbol)?.value.spotUsd;
      const price = c.depin.usdPerGpuHour;
      if (spot === undefined || price === null) return c;
      const floor = c.depinTokenFloorUsdPerGpuHour;
      // The hosts' outside option holds the price (incentives/tokenFloor.ts), at the token ratio v ÷ spot; the
      // list has month 0's share s in it (the scenario's for the network, else the offer's), so the emissions pay
      // list · s ÷ (1 − s) a GPU-hour at the reference price.
      const s = initialSubsidyShare(c.depin, c.scenario);
      const usdPerGpuHour =
        floor === undefined
          ? (price * v) / spot
          : flooredTokenUsdPerGpuHour(price, v / spot, floor, (price * s) / (1 - s));
      return { ...c, depin: { ...c.depin, usdPerGpuHour } };
    },
    range: (v) => [v / 100, v * 20],
    max: 1e9,
  },
});

/**
 * Monthly USD of one option, or null when the cost model cannot price it (infeasible, unpriced, or an input
 * outside what the model accepts, which it reports with a `PricingAssertionError`).
 */
export function monthlyUsdOf(
  costOf: CostFunction,
  c: PricedComparison,
  side: 'cloud' | 'depin',
): number | null {
  let estimate: CostEstimate;
  try {
    estimate = costOf(c.profile, c[side], c.scenario);
  } catch (error) {
    if (error instanceof PricingAssertionError) return null;
    throw error;
  }
  return estimate.feasible && estimate.monthlyUsd !== null && Number.isFinite(estimate.monthlyUsd)
    ? estimate.monthlyUsd
    : null;
}
