import type { Analysis, WorkloadAnalysis } from '@gpufit/schema';

export interface Change<T> {
  readonly a: T;
  readonly b: T;
}

export interface NumberChange extends Change<number | null> {
  /** b − a, or null when either side is unknown. */
  readonly delta: number | null;
}

export interface WorkloadDiff {
  readonly id: string;
  readonly name: string;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  readonly recommendation: Change<string | null>;
  readonly approach: Change<string | null>;
  readonly monthlyUsd: NumberChange;
  readonly monthlySavingsUsd: NumberChange;
  readonly cloudOffer: Change<string | null>;
  readonly depinOffer: Change<string | null>;
}

export interface AnalysisDiff {
  readonly totals: {
    readonly monthlyRecommendedUsd: NumberChange;
    readonly monthlyAllCloudUsd: NumberChange;
    readonly horizonRecommendedUsd: NumberChange;
    readonly monthlySavingsUsd: NumberChange;
  };
  readonly workloads: readonly WorkloadDiff[];
}

function num(a: number | null, b: number | null): NumberChange {
  return { a, b, delta: a === null || b === null ? null : b - a };
}

/** Totals and per-workload changes from analysis `a` to analysis `b`, workloads matched by id. */
export function diffAnalyses(a: Analysis, b: Analysis): AnalysisDiff {
  const byIdA = new Map(a.workloads.map((w) => [w.id, w]));
  const byIdB = new Map(b.workloads.map((w) => [w.id, w]));
  const ids = [...new Set([...byIdA.keys(), ...byIdB.keys()])].sort();
  return {
    totals: {
      monthlyRecommendedUsd: num(a.totals.monthlyUsd.recommended, b.totals.monthlyUsd.recommended),
      monthlyAllCloudUsd: num(a.totals.monthlyUsd.allCloud, b.totals.monthlyUsd.allCloud),
      horizonRecommendedUsd: num(a.totals.horizonUsd.recommended, b.totals.horizonUsd.recommended),
      monthlySavingsUsd: num(a.totals.monthlySavingsUsd, b.totals.monthlySavingsUsd),
    },
    workloads: ids.map((id) => workloadDiff(id, byIdA.get(id), byIdB.get(id))),
  };
}

function workloadDiff(
  id: string,
  a: WorkloadAnalysis | undefined,
  b: WorkloadAnalysis | undefined,
): WorkloadDiff {
  const pick = <T>(f: (w: WorkloadAnalysis) => T) => ({ a: a ? f(a) : null, b: b ? f(b) : null });
  const recommendation = pick((w) => w.decision.recommendation);
  const approach = pick((w) => w.decision.approach);
  const monthly = pick((w) => w.decision.recommendedMonthlyUsd);
  const savings = pick((w) => w.decision.monthlySavingsUsd);
  const cloudOffer = pick((w) => w.decision.cloud?.offer.id ?? null);
  const depinOffer = pick((w) => w.decision.depin?.offer.id ?? null);
  const status = !a
    ? 'added'
    : !b
      ? 'removed'
      : recommendation.a === recommendation.b &&
          approach.a === approach.b &&
          monthly.a === monthly.b &&
          savings.a === savings.b &&
          cloudOffer.a === cloudOffer.b &&
          depinOffer.a === depinOffer.b
        ? 'same'
        : 'changed';
  return {
    id,
    name: (b ?? a)!.name,
    status,
    recommendation,
    approach,
    monthlyUsd: num(monthly.a ?? null, monthly.b ?? null),
    monthlySavingsUsd: num(savings.a ?? null, savings.b ?? null),
    cloudOffer: { a: cloudOffer.a ?? null, b: cloudOffer.b ?? null },
    depinOffer: { a: depinOffer.a ?? null, b: depinOffer.b ?? null },
  };
}
