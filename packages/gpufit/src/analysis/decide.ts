import type { Approach, FitAssessment, HybridSplit, PricedOption, Recommendation } from '@gpufit/schema';

/**
 * Fit meets cost (DESIGN §4, last rule). The framework's approach says which placements are acceptable and in
 * what order; the priced comparison says which of them actually saves. A DePIN or hybrid placement is
 * recommended only when it saves at least `MIN_SAVING_SHARE` of the all-cloud cost (the operational overhead of
 * a second platform is real: vetting hosts, handling failures — seed, "Risks startups should evaluate");
 * a hard constraint on DePIN removes those placements whatever they save.
 */
export interface DecisionRule {
  /** Placements in order of preference; cloud is always the fallback. */
  readonly candidates: readonly Recommendation[];
  /** `first`: the first candidate that saves wins; `cheapest`: the cheapest saving candidate wins. */
  readonly pick: 'first' | 'cheapest';
}

export const decisionRules: Readonly<Record<Approach, DecisionRule>> = {
  'traditional-cloud': { candidates: ['cloud'], pick: 'first' },
  'cloud-first': { candidates: ['hybrid', 'cloud'], pick: 'first' },
  hybrid: { candidates: ['hybrid', 'cloud'], pick: 'first' },
  'depin-or-hybrid': { candidates: ['depin', 'hybrid', 'cloud'], pick: 'cheapest' },
  'depin-first': { candidates: ['depin', 'hybrid', 'cloud'], pick: 'first' },
};

/** gpufit assumption: a second platform must save at least 5 % of the all-cloud monthly cost. */
export const MIN_SAVING_SHARE = 0.05;

export interface DecideInput {
  readonly fit: FitAssessment;
  readonly cloud: PricedOption | null;
  readonly depin: PricedOption | null;
  readonly hybrid: HybridSplit | null;
}

export interface DecideOutput {
  readonly recommendation: Recommendation;
  readonly recommendedMonthlyUsd: number | null;
  readonly monthlySavingsUsd: number | null;
  readonly rationale: string;
}

export function decide(input: DecideInput): DecideOutput {
  const { fit, cloud, depin, hybrid } = input;
  const minShare = MIN_SAVING_SHARE;
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
        recommendedMonthlyUsd: costOf[usable],
        monthlySavingsUsd: null,
        rationale: `No feasible, priced cloud offer; ${usable} is the only priced placement the fit (${fit.approach}) accepts.`,
      };
    }
    return {
      recommendation: 'cloud',
      recommendedMonthlyUsd: null,
      monthlySavingsUsd: null,
      rationale:
        'No feasible, priced offer in the catalog for this workload; widen the catalog or relax its constraints.',
    };
  }

  const rule = decisionRules[fit.approach];
  const saving = (c: Recommendation): number | null => {
    const usd = costOf[c];
    return usd === null ? null : cloudUsd - usd;
  };
  const saves = (c: Recommendation) => {
    const s = saving(c);
    return c !== 'cloud' && s !== null && s >= minShare * cloudUsd;
  };
  const winners = rule.candidates.filter(saves);
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
    recommendedMonthlyUsd,
    monthlySavingsUsd,
    rationale: explain(chosen, input, costOf, depinBlocked?.reason ?? depinPartBlocked?.reason, minShare),
  };
}

function explain(
  chosen: Recommendation,
  { fit }: DecideInput,
  costOf: Record<Recommendation, number | null>,
  constraintReason: string | undefined,
  minShare: number,
): string {
  const pct = `${Math.round(minShare * 100)} %`;
  if (chosen !== 'cloud') {
    return `The fit (${fit.approach}) accepts ${chosen}, and it saves at least ${pct} against the cheapest feasible cloud option.`;
  }
  if (fit.approach === 'traditional-cloud')
    return 'The fit is traditional cloud: DePIN is not a suitable placement for this workload.';
  if (constraintReason && costOf.hybrid === null) return `Cloud: ${constraintReason}`;
  if (costOf.depin === null && costOf.hybrid === null)
    return 'Cloud: no feasible, priced DePIN option for this workload in the catalog.';
  return `Cloud: the DePIN placements the fit accepts do not save at least ${pct} against cloud, so they are not worth a second platform.`;
}
