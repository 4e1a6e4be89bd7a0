import type { EgressTier, Offer } from '@gpufit/schema';
import { INTERCONNECTS } from '@gpufit/schema';
import { assert } from '../assert.js';
import {
  ASSUMED_OUTAGE_HOURS,
  CHECKPOINT_STORAGE,
  EGRESS_DEFAULTS,
  RELIABILITY_DEFAULTS,
} from '../assumptions.js';
import { freeEgressAllowanceGiB } from '../data/freeEgressAllowanceGiB.js';
import { tieredEgressUsd } from '../data/tieredEgressUsd.js';
import { gdprInPlace } from '../feasibility/gdprInPlace.js';
import { INVALID_AMOUNT } from '../messages.js';
import { tierKey } from '../tiers/gpuTierTable.js';

/** What pricing derives from an offer alone, computed once per offer object. */
export interface OfferFacts {
  readonly gpuKey: string;
  readonly certifications: ReadonlySet<string>;
  /** Meets a `gdpr` requirement by running inside the EEA on datacenter hosts (`gdprInPlace`). */
  readonly gdprInPlace: boolean;
  readonly interconnectRank: number;
  /** Interruptions per instance-hour (Infinity when the offer is never available). */
  readonly interruptionsPerHour: number;
  readonly interruptionNote: string | null;
  /** Node availability; null = derive from the interruptions and the workload's restart time. */
  readonly availability: number | null;
  readonly availabilityNote: string | null;
  /** A workload's egress: from the first paid tier, the account's free allowance taken as used (`freeEgressAllowanceGiB`). */
  readonly egressUsd: (gib: number) => number;
  readonly egressNote: string | null;
  /** The account's free allowance the offer's tiers open with, GiB a month; 0 when none. */
  readonly egressAllowanceGiB: number;
  readonly checkpointStorage: 'in-provider' | 'off-provider';
}

const cache = new WeakMap<Offer, OfferFacts>();

export function offerFacts(offer: Offer): OfferFacts {
  let facts = cache.get(offer);
  if (facts === undefined) {
    facts = derive(offer);
    cache.set(offer, facts);
  }
  return facts;
}

function derive(o: Offer): OfferFacts {
  const fallback = RELIABILITY_DEFAULTS[o.market][o.pricingCategory];
  let interruptionsPerHour: number;
  let interruptionNote: string | null = null;
  if (o.interruptionsPerHour !== null) {
    interruptionsPerHour = o.interruptionsPerHour;
  } else if (o.availability !== null) {
    interruptionsPerHour = interruptionsFromAvailability(o.availability);
    interruptionNote = `interruptions derived from the offer's availability ${o.availability}: outages assumed to last ${ASSUMED_OUTAGE_HOURS} h on average, so λ = (1 − a)/(a × ${ASSUMED_OUTAGE_HOURS} h) — a gpufit assumption`;
  } else if (fallback.interruptionsPerHour !== null) {
    interruptionsPerHour = fallback.interruptionsPerHour;
    interruptionNote = fallback.note;
  } else {
    interruptionsPerHour = interruptionsFromAvailability(fallback.availability ?? 1);
    interruptionNote = `${fallback.note}; interruptions derived from it with outages of ${ASSUMED_OUTAGE_HOURS} h on average`;
  }

  let availability: number | null;
  let availabilityNote: string | null = null;
  if (o.availability !== null) availability = o.availability;
  else if (o.interruptionsPerHour !== null) availability = null;
  else {
    availability = fallback.availability;
    availabilityNote = fallback.note;
  }

  let egressUsd: (gib: number) => number;
  let egressNote: string | null = null;
  const tiers = o.egressTiers;
  const egressAllowanceGiB = tiers !== null ? freeEgressAllowanceGiB(tiers) : 0;
  if (tiers !== null && tiers.length > 0) egressUsd = egressSchedule(tiers, egressAllowanceGiB);
  else {
    const flat = o.egressUsdPerGiB ?? EGRESS_DEFAULTS[o.market].usdPerGiB;
    if (o.egressUsdPerGiB === null) egressNote = EGRESS_DEFAULTS[o.market].note;
    egressUsd = (gib) => gib * flat;
  }

  return {
    gpuKey: tierKey(o.gpu),
    certifications: new Set(o.certifications),
    gdprInPlace: gdprInPlace(o),
    interconnectRank: INTERCONNECTS.indexOf(o.interconnect),
    interruptionsPerHour,
    interruptionNote,
    availability,
    availabilityNote,
    egressUsd,
    egressNote,
    egressAllowanceGiB,
    checkpointStorage: CHECKPOINT_STORAGE[o.market],
  };
}

/**
 * Offers with the same egress tiers share one function, which keeps its last answer: a catalog search prices the
 * data of a profile's groups one after another, mostly under one provider's tiers (the tiered sum was 2 % of a
 * streamed analysis). A NaN amount is never kept (NaN !== NaN), so it still fails `tieredEgressUsd`'s check.
 */
const schedules = new Map<string, (gib: number) => number>();

/** `allowance` is `freeEgressAllowanceGiB(tiers)`, a function of the key: the caller has it already. */
function egressSchedule(tiers: readonly EgressTier[], allowance: number): (gib: number) => number {
  const key = tiers.map((t) => `${t.upToGiB}/${t.usdPerGiB}`).join(';');
  let schedule = schedules.get(key);
  if (schedule === undefined) {
    let lastGib = Number.NaN;
    let lastUsd = 0;
    schedule = (gib) => {
      if (gib !== lastGib) {
        // The allowance is checked here, not by tieredEgressUsd, which an amount offset by it would hide.
        assert(Number.isFinite(gib) && gib >= 0, INVALID_AMOUNT, gib);
        lastUsd = tieredEgressUsd(allowance + gib, tiers);
        lastGib = gib;
      }
      return lastUsd;
    };
    schedules.set(key, schedule);
  }
  return schedule;
}

/** a = M/(M + D) with mean outage D ⇒ λ = 1/M = (1 − a)/(a·D); a = 0 ⇒ Infinity (never up). */
export function interruptionsFromAvailability(availability: number): number {
  if (availability <= 0) return Number.POSITIVE_INFINITY;
  return (1 - availability) / (availability * ASSUMED_OUTAGE_HOURS);
}
