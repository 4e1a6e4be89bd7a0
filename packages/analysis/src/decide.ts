import type {
  Approach,
  DecisionPolicySummary,
  FitAssessment,
  HybridSplit,
  PricedOption,
  Recommendation,
} from '@gpufit/schema';
import { savingBarShortfall, savingBarShortfallText, savingShareText } from '@gpufit/schema';
import { usd, usdCents } from './usdText.js';

/**
 * Fit meets cost (DESIGN §4, last rule). The framework's approach says which placements are acceptable and in
 * what order; the priced comparison says which of them actually saves. A decentralized or hybrid placement is
 * recommended only when it saves at least `minSavingShare` of the all-cloud cost **and** at least
 * `minMonthlySavingUsd` a month (defaults 5 % and USD 100, `SCENARIO_DEFAULTS`): the operational overhead of a
 * second platform is real — vetting hosts, handling failures, another bill (seed, "Risks startups should
 * evaluate") — and a founder does not move a workload to save USD 1.52 a month. A split is "hybrid" only when each
 * side carries at least `hybridMinShare` (10 %) of the GPU-hours; otherwise it is the placement that carries the
 * work. A hard constraint on DePIN removes those placements whatever they save.
 */
export interface DecisionRule {
  /** Placements in order of preference; cloud is always the fallback. */
  readonly candidates: readonly Recommendation[];
  /** `first`: the first candidate that saves wins; `cheapest`: the cheapest saving candidate wins. */
  readonly pick: 'first' | 'cheapest';
  /**
   * Only overflow may leave cloud: the seed's "cloud first, hybrid if overflow is acceptable" keeps the mean load
   * on cloud, so a split's cloud floor is at least mean ÷ peak (hybridFloor).
   */
  readonly overflowOnly: boolean;
}

export const decisionRules: Readonly<Record<Approach, DecisionRule>> = {
  'traditional-cloud': { candidates: ['cloud'], pick: 'first', overflowOnly: true },
  'cloud-first': { candidates: ['hybrid', 'cloud'], pick: 'first', overflowOnly: true },
  hybrid: { candidates: ['hybrid', 'cloud'], pick: 'first', overflowOnly: false },
  'depin-or-hybrid': { candidates: ['depin', 'hybrid', 'cloud'], pick: 'cheapest', overflowOnly: false },
  'depin-first': { candidates: ['depin', 'hybrid', 'cloud'], pick: 'first', overflowOnly: false },
};

export type DecisionPolicy = Pick<
  DecisionPolicySummary,
  'minSavingShare' | 'minMonthlySavingUsd' | 'hybridMinShare'
>;

export interface DecideInput {
  readonly fit: FitAssessment;
  readonly cloud: PricedOption | null;
  readonly depin: PricedOption | null;
  /** The cheapest split (hybridFor), hybrid or not: a split decentralized supply carries is named for it. */
  readonly hybrid: HybridSplit | null;
  readonly policy: DecisionPolicy;
  /**
   * The workload's own placement lists (`allowedMarkets`) leave only decentralized markets: the user chose that
   * side, so its priced option is recommended whatever the fit prefers (an on-chain agent limited to DePIN was
   * "cloud, unpriced" beside a priced Nosana option). Absent: false.
   */
  readonly cloudExcludedByWorkload?: boolean;
}

/** Whether a split is a real hybrid: each side carries at least the policy's share of the GPU-hours. */
export function isHybrid(split: HybridSplit | null, policy: DecisionPolicy): split is HybridSplit {
  if (split === null) return false;
  const min = policy.hybridMinShare;
  return split.cloudShare >= min - 1e-12 && split.depinShare >= min - 1e-12;
}

export interface DecideOutput {
  readonly recommendation: Recommendation;
  /** The split when it is a hybrid (each side carries at least the policy's share), else null. */
  readonly hybrid: HybridSplit | null;
  readonly recommendedMonthlyUsd: number | null;
  readonly monthlySavingsUsd: number | null;
  readonly rationale: string;
}

export function decide(input: DecideInput): DecideOutput {
  const { fit, cloud, depin, policy } = input;
  const hybrid = isHybrid(input.hybrid, policy) ? input.hybrid : null;
  // A split whose cheapest form leaves less than the hybrid share on cloud is decentralized supply carrying the
  // work: it is named for that placement (and priced as it), not called hybrid.
  const depinCarried =
    input.hybrid !== null && hybrid === null && input.hybrid.cloudShare < policy.hybridMinShare;
  const depinBlocked = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'all');
  const depinPartBlocked = fit.constraints.find((c) => c.side === 'depin' && c.scope === 'part');
  const cloudUsd = cloud?.cost.monthlyUsd ?? null;

  const costOf: Record<Recommendation, number | null> = {
    cloud: cloudUsd,
    depin: depinBlocked || depinPartBlocked ? null : (depin?.cost.monthlyUsd ?? null),
    hybrid: depinBlocked ? null : (hybrid?.blendedMonthlyUsd ?? null),
  };

  if (cloudUsd === null) {
    // No priced cloud option: nothing to compare against. Recommend DePIN only if the framework accepts it.
    const rule = decisionRules[fit.approach];
    const usable = rule.candidates.find((c) => c !== 'cloud' && costOf[c] !== null);
    if (usable) {
      return {
        recommendation: usable,
        hybrid,
        recommendedMonthlyUsd: costOf[usable],
        monthlySavingsUsd: null,
        rationale: `No feasible, priced cloud offer; ${usable} is the only priced placement the fit (${fit.approach}) accepts.`,
      };
    }
    if (costOf.depin !== null) {
      // The fit would prefer cloud, but nothing on cloud can be priced: the decentralized option is the one priced
      // placement, so it is recommended, and said to be a fallback, rather than leaving a priced workload out of
      // the plan as "cloud, unpriced" (a 70B int4 model on 2 × RTX 4090 with a Vast option at USD 1,154.60 was).
      return {
        recommendation: 'depin',
        hybrid: null,
        recommendedMonthlyUsd: costOf.depin,
        monthlySavingsUsd: null,
        rationale:
          input.cloudExcludedByWorkload === true
            ? `Decentralized: the workload's allowedMarkets leave no cloud market, so its decentralized option is the one placement it allows, though the fit (${fit.approach}) would prefer cloud.`
            : `Decentralized, as the only priced placement: no cloud offer in the catalog is feasible and priced for this workload, though the fit (${fit.approach}, DePIN ${fit.depin.level}) would prefer cloud. Add a cloud offer that holds it (or relax its constraints) to compare.`,
      };
    }
    return {
      recommendation: 'cloud',
      hybrid,
      recommendedMonthlyUsd: null,
      monthlySavingsUsd: null,
      rationale:
        'No feasible, priced offer in the catalog for this workload; widen the catalog or relax its constraints.',
    };
  }

  const rule = decisionRules[fit.approach];
  const candidates = [
    ...new Set(rule.candidates.map((c): Recommendation => (c === 'hybrid' && depinCarried ? 'depin' : c))),
  ];
  const saving = (c: Recommendation): number | null => {
    const usd = costOf[c];
    return usd === null ? null : cloudUsd - usd;
  };
  const threshold = Math.max(policy.minSavingShare * cloudUsd, policy.minMonthlySavingUsd);
  const saves = (c: Recommendation) => {
    const s = saving(c);
    return c !== 'cloud' && s !== null && s >= threshold;
  };
  const winners = candidates.filter(saves);
  let chosen: Recommendation = 'cloud';
  if (winners.length > 0) {
    chosen =
      rule.pick === 'first'
        ? winners[0]!
        : winners.reduce((best, c) => ((costOf[c] ?? Infinity) < (costOf[best] ?? Infinity) ? c : best));
  }
  const recommendedMonthlyUsd = costOf[chosen];
  const monthlySavingsUsd = recommendedMonthlyUsd === null ? null : cloudUsd - recommendedMonthlyUsd;
  return {
    recommendation: chosen,
    hybrid,
    recommendedMonthlyUsd,
    monthlySavingsUsd,
    rationale: explain(chosen, input, costOf, depinBlocked?.reason ?? depinPartBlocked?.reason, threshold),
  };
}

function explain(
  chosen: Recommendation,
  input: DecideInput,
  costOf: Record<Recommendation, number | null>,
  constraintReason: string | undefined,
  threshold: number,
): string {
  const { fit, policy } = input;
  const pct = `${Math.round(policy.minSavingShare * 1000) / 10} % and USD ${policy.minMonthlySavingUsd} a month`;
  if (chosen !== 'cloud') {
    return `The fit (${fit.approach}) accepts ${chosen}, and it saves at least ${pct} against the cheapest feasible cloud option.`;
  }
  if (fit.approach === 'traditional-cloud') return traditionalCloud(input, costOf, threshold);
  if (constraintReason && costOf.hybrid === null) return `Cloud: ${constraintReason}`;
  if (costOf.depin === null && costOf.hybrid === null)
    return 'Cloud: no feasible, priced DePIN option for this workload in the catalog.';
  if (!decisionRules[fit.approach].candidates.includes('depin')) {
    const whole = wholeDepinForgone(input, costOf, threshold, pct);
    if (whole !== null) return whole;
  }
  const dearer = noneCheaper(costOf);
  if (dearer !== null) return dearer;
  return `Cloud: the decentralized placements the fit accepts do not save at least ${pct} against cloud${bestSaving(input, costOf)}, the policy's bar for moving a workload (its hosts, failures and bill to manage, whatever else runs there).`;
}

/**
 * "Cloud: its decentralized option costs more than cloud ($276.85 a month against $168.42)." — when every
 * priced placement off cloud (the whole decentralized option, a hybrid split), whether the fit accepts it or not,
 * costs at least as much as cloud to the cent: said as that, not as a saving short of the policy's bar. A
 * 2-billion-document embedding backfill (fit: hybrid; no split, its demand flat) whose Nosana option cost USD 108.43 a
 * month more read "the decentralized placements the fit accepts do not save at least 5 % and USD 100 a month", as if
 * one saved a little. Null when one is cheaper (the bar sentence, the forgone saving, say it) or none is priced.
 */
function noneCheaper(costOf: Record<Recommendation, number | null>): string | null {
  const cloudUsd = costOf.cloud;
  if (cloudUsd === null) return null;
  const options: ReadonlyArray<readonly [string, number | null]> = [
    ['its decentralized option', costOf.depin],
    ['a cloud-and-decentralized split', costOf.hybrid],
  ];
  const priced = options.filter((p): p is readonly [string, number] => p[1] !== null);
  if (priced.length === 0) return null;
  const cents = priced.map(([, u]) => usdCents(u));
  if (Math.min(...cents) < usdCents(cloudUsd)) return null;
  const how = Math.min(...cents) === usdCents(cloudUsd) ? 'as much as' : 'more than';
  const names = priced.map(([n]) => n).join(' and ');
  const figures = priced.map(([, u]) => usd(u)).join(' and ');
  return `Cloud: ${names} ${priced.length === 1 ? 'costs' : 'cost'} ${how} cloud (${figures} a month against ${usd(cloudUsd)}).`;
}

/**
 * ": the best saves USD 50.08 (56.4 %)" — the most a placement the fit accepts would save, when one saves at all
 * (a reader sees how far below the bar it is); empty otherwise.
 */
function bestSaving(input: DecideInput, costOf: Record<Recommendation, number | null>): string {
  const cloudUsd = costOf.cloud;
  if (cloudUsd === null || !(cloudUsd > 0)) return '';
  let best: number | null = null;
  let bestUsd = 0;
  for (const c of decisionRules[input.fit.approach].candidates) {
    const usdOf = costOf[c];
    if (c === 'cloud' || usdOf === null) continue;
    const s = cloudUsd - usdOf;
    if (s > 0 && (best === null || s > best)) {
      best = s;
      bestUsd = usdOf;
    }
  }
  if (best === null) return '';
  const shortfall = savingBarShortfall(best, cloudUsd, input.policy);
  const part = shortfall === null ? '' : `, ${savingBarShortfallText(shortfall, input.policy)}`;
  // Said as the difference of the two monthly figures the report shows, each to the cent, so the reader's own
  // subtraction agrees: USD 144.69 against 83.58 read "the best saves $61.12" (61.115 rounded) beside the summary's
  // "USD 61.11 less".
  const shown = usdCents(cloudUsd) - usdCents(bestUsd);
  return ` (the best saves ${usd(shown)}, ${savingShareText(best, cloudUsd, input.policy)}${part})`;
}

/**
 * A fit that accepts decentralized supply only beside cloud (cloud first: the overflow; hybrid: a split) keeps the
 * workload on cloud when no split saves enough; when its decentralized option would save the threshold carrying the
 * whole workload, the rationale says so, and why the fit does not accept that (a 405B batch job on flat demand,
 * whose Vast H200 option cost USD 91,447.73 a month less than Nebius, read "the decentralized placements the fit
 * accepts do not save at least 5 %").
 */
function wholeDepinForgone(
  input: DecideInput,
  costOf: Record<Recommendation, number | null>,
  threshold: number,
  pct: string,
): string | null {
  // A hard constraint on the decentralized side (whole or all but the overflow) leaves costOf.depin null: it is
  // said by its own sentence.
  const f = forgone(input, costOf, threshold);
  if (f === null) return null;
  const { fit, hybrid: split, policy } = input;
  const overflowOnly = decisionRules[fit.approach].overflowOnly;
  const accepts = overflowOnly
    ? 'decentralized capacity may take only the overflow above the mean load'
    : 'decentralized capacity may take a share of the work beside cloud, not all of it';
  // A split is priced whenever demand peaks above the cloud floor (hybridFor; a flat demand's floor is all of it,
  // and no split is priced): one that moves nothing found no cheaper split, it did not find "no overflow" (a
  // chat API at a peak-to-mean of 4 read "its demand does not peak above its mean").
  const splitText =
    split === null
      ? overflowOnly
        ? 'this workload has no overflow to move (its demand does not peak above its mean)'
        : 'no split of this workload is cheaper than cloud'
      : split.depinShare <= 1e-12
        ? overflowOnly
          ? `moving its overflow above the mean (${Math.round((1 - split.floorShare) * 1000) / 10} % of the GPU-hours) to decentralized supply costs more than keeping it on cloud`
          : 'no split of this workload is cheaper than cloud'
        : split.depinShare < policy.hybridMinShare
          ? `a split would move only ${Math.round(split.depinShare * 1000) / 10} % of the GPU-hours, under the ${Math.round(policy.hybridMinShare * 100)} % a hybrid needs`
          : // Said as the difference of the two monthly figures the hybrid section shows, each to the cent (as
            // bestSaving does): a Flux API's split read "saves \$6.40" here beside "USD 729.80 a month: saves USD 6.41
            // against all-cloud (USD 736.21)".
            `a split saves ${usd(usdCents(split.allCloudMonthlyUsd) - usdCents(split.blendedMonthlyUsd))} a month (${savingShareText(split.savingsVsAllCloudUsd, split.allCloudMonthlyUsd, policy)}), ${splitShortfall(split, policy, pct)}`;
  return `Cloud: the fit is ${fit.approach} ${f.fitScore}, so ${accepts}, and ${splitText}. ${f.option('would carry the whole workload for')}`;
}

/** Which part of the bar a split's saving misses, in words; the whole bar when it clears both (another rule kept it). */
function splitShortfall(split: HybridSplit, policy: DecisionPolicy, pct: string): string {
  const shortfall = savingBarShortfall(split.savingsVsAllCloudUsd, split.allCloudMonthlyUsd, policy);
  return shortfall === null ? `under the bar of ${pct}` : savingBarShortfallText(shortfall, policy);
}

/**
 * The saving a fit forgoes: its decentralized option (priced, not ruled out) would save at least the threshold
 * against cloud. The fit's DePIN level, score and the factors most against it, and the option's sentence with
 * what to do if those reasons do not hold; null when it would not save the threshold.
 */
function forgone(
  { fit, depin }: DecideInput,
  costOf: Record<Recommendation, number | null>,
  threshold: number,
): { readonly fitScore: string; readonly option: (carries: string) => string } | null {
  const cloudUsd = costOf.cloud;
  const depinUsd = costOf.depin;
  if (cloudUsd === null || depinUsd === null || depin === null || !(cloudUsd - depinUsd >= threshold))
    return null;
  const saving = cloudUsd - depinUsd;
  const against = mostAgainstDepin(fit);
  return {
    fitScore: `(DePIN ${fit.depin.level}, ${Number(fit.depin.score.toFixed(1))}/100${against === '' ? '' : `; most against it: ${against}`})`,
    option: (carries) =>
      `Its decentralized option, ${depin.offer.providerName}, ${carries} ${usd(depinUsd)} a month, ${usd(saving)} (${Math.round((saving / cloudUsd) * 100)} %) less than cloud: if those reasons do not hold for this workload, a framework override (docs/framework.md) changes the fit, and the recommendation with it.`,
  };
}

/** The fit's factors that count most against DePIN, at most three: "data-movement −12.7, interconnect −10". */
function mostAgainstDepin(fit: FitAssessment): string {
  return fit.reasons
    .filter((r) => r.depin < 0)
    .sort((a, b) => a.depin - b.depin)
    .slice(0, 3)
    .map((r) => `${r.factor} −${Number((-r.depin).toFixed(1))}`)
    .join(', ');
}

/**
 * A traditional-cloud fit keeps the workload on cloud whatever DePIN saves; when its decentralized option would
 * save at least the policy's threshold, the rationale says how much, and which of the fit's factors weigh most
 * against it, so the money is never hidden (a companion-chat API kept USD 38,788.20 a month on cloud in silence).
 */
function traditionalCloud(
  input: DecideInput,
  costOf: Record<Recommendation, number | null>,
  threshold: number,
): string {
  const f = forgone(input, costOf, threshold);
  return f === null
    ? 'The fit is traditional cloud: DePIN is not a suitable placement for this workload.'
    : `The fit is traditional cloud ${f.fitScore}: DePIN is not a suitable placement for this workload. ${f.option('would cost')}`;
}
