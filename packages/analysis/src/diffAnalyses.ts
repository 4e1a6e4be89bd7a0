import type { Analysis, ScenarioEffect, WorkloadAnalysis } from '@gpufit/schema';
import { horizonOf } from './portfolioLedger.js';
import { chosenOption, projectionMove } from './scenarioEffects.js';
import { usd } from './usdText.js';

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
  /** The recommended option's spend over the horizon. */
  readonly horizonUsd: NumberChange;
  readonly monthlySavingsUsd: NumberChange;
  /** The recommended option, as "side offer-id" (hybrid: both offers). */
  readonly option: Change<string | null>;
  /**
   * Where the recommended option's projection moves to another offer ("cloud <offer> from YYYY-MM"), or null when it
   * stays on the chosen offer every month (`projectionMove`).
   */
  readonly moves: Change<string | null>;
  /**
   * The scenario settings that moved this workload's option or costs (labels); empty without scenario effects. A
   * setting that changed only its risk notes is in `riskNoteCauses`, not here.
   */
  readonly causes: readonly string[];
  /**
   * The scenario settings that changed only this workload's risk notes (e.g. a token price path on an offer held at
   * its token floor): they did not move a figure, so the diff does not name them as what moved it.
   */
  readonly riskNoteCauses: readonly string[];
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
  /** B's scenario settings that differ from A's and what each did (as passed to `diffAnalyses`); empty for result files. */
  readonly settings: readonly ScenarioEffect[];
  /** Why the figures moved, or why nothing changed, one sentence a line. */
  readonly explanation: readonly string[];
}

function num(a: number | null, b: number | null): NumberChange {
  return { a, b, delta: a === null || b === null ? null : b - a };
}

/**
 * Totals and per-workload changes from analysis `a` to analysis `b`, workloads matched by id. `settings`: B's
 * scenario settings measured against A (`scenarioEffects` of B run with A as its baseline, as `gpufit diff` does for
 * two scenario files); with them each changed workload names the settings that changed it, and a diff with no
 * change says why. Without them (two result files, whose scenarioEffects were measured against the default
 * scenario, not against each other) no cause is claimed.
 */
export function diffAnalyses(a: Analysis, b: Analysis, settings?: readonly ScenarioEffect[]): AnalysisDiff {
  const byIdA = new Map(a.workloads.map((w) => [w.id, w]));
  const byIdB = new Map(b.workloads.map((w) => [w.id, w]));
  const ids = [...new Set([...byIdA.keys(), ...byIdB.keys()])].sort();
  const effects = settings ?? [];
  const workloads = ids.map((id) => workloadDiff(id, byIdA.get(id), byIdB.get(id), effects));
  return {
    totals: {
      monthlyRecommendedUsd: num(a.totals.monthlyUsd.recommended, b.totals.monthlyUsd.recommended),
      monthlyAllCloudUsd: num(a.totals.monthlyUsd.allCloud, b.totals.monthlyUsd.allCloud),
      horizonRecommendedUsd: num(a.totals.horizonUsd.recommended, b.totals.horizonUsd.recommended),
      monthlySavingsUsd: num(a.totals.monthlySavingsUsd, b.totals.monthlySavingsUsd),
    },
    workloads,
    settings: effects,
    explanation: explain(workloads, effects, settings !== undefined),
  };
}

/** Amounts that print the same to the cent are the same. */
function moved(c: NumberChange): boolean {
  return c.a === null || c.b === null ? c.a !== c.b : Math.abs(c.b - c.a) >= 0.005;
}

function explain(
  workloads: readonly WorkloadDiff[],
  settings: readonly ScenarioEffect[],
  scenarioMode: boolean,
): string[] {
  const changed = workloads.filter((w) => w.status !== 'same');
  if (changed.length === 0) {
    if (!scenarioMode) return ['No workload changed.'];
    if (settings.length === 0) return ['No workload changed: the two scenarios set the same values.'];
    // A setting can change risk notes and no figure: then no workload's figures moved, but not every setting is idle.
    const notesOnly = settings.some((e) => e.effect === 'changed');
    return [
      notesOnly
        ? "No workload's option or cost changed. Each setting B changes, and what it did:"
        : 'No workload changed. Each setting B changes, and why it changes nothing:',
      ...settings.map((e) => `  ${e.message}`),
    ];
  }
  const lines: string[] = [];
  const optionChanged = changed.filter((w) => w.status !== 'changed' || w.option.a !== w.option.b);
  const costOnly = changed.filter((w) => w.status === 'changed' && w.option.a === w.option.b);
  if (optionChanged.length === 0)
    lines.push(
      `No chosen option changed; the cost of the chosen options moved, for ${costOnly.length} workload${costOnly.length === 1 ? '' : 's'}:`,
    );
  for (const w of changed) {
    const what =
      w.status === 'added'
        ? `added, ${w.option.b ?? 'no option'}`
        : w.status === 'removed'
          ? `removed (was ${w.option.a ?? 'no option'})`
          : w.option.a !== w.option.b
            ? `${w.option.a ?? 'no option'} → ${w.option.b ?? 'no option'}`
            : `same option (${w.option.b ?? 'none'})`;
    // The projection of B leaves the chosen offer in a later month: "same option" alone would hide it.
    const moves = w.moves.b !== null && w.moves.b !== w.moves.a ? `, moves to ${w.moves.b}` : '';
    const money = [
      moved(w.monthlyUsd) ? `monthly ${signed(w.monthlyUsd.delta)}` : null,
      moved(w.horizonUsd) ? `horizon ${signed(w.horizonUsd.delta)}` : null,
    ].filter((x) => x !== null);
    const why = !scenarioMode
      ? ''
      : w.causes.length > 0
        ? ` — by ${w.causes.join('; ')}`
        : ' — by the settings together (no one of them alone changes it)';
    const notesOnly =
      scenarioMode && w.riskNoteCauses.length > 0
        ? `; ${w.riskNoteCauses.join('; ')} changed its risk notes only`
        : '';
    lines.push(
      `  ${w.id}: ${what}${moves}${money.length > 0 ? `, ${money.join(', ')}` : ''}${why}${notesOnly}`,
    );
  }
  const idle = settings.filter((e) => e.effect === 'no-effect');
  if (idle.length > 0) lines.push('Settings that changed nothing:', ...idle.map((e) => `  ${e.message}`));
  return lines;
}

function signed(x: number | null): string {
  if (x === null) return 'n/a';
  return `${x >= 0 ? '+' : '−'}${usd(Math.abs(x))}`;
}

function workloadDiff(
  id: string,
  a: WorkloadAnalysis | undefined,
  b: WorkloadAnalysis | undefined,
  settings: readonly ScenarioEffect[],
): WorkloadDiff {
  const pick = <T>(f: (w: WorkloadAnalysis) => T) => ({ a: a ? f(a) : null, b: b ? f(b) : null });
  const recommendation = pick((w) => w.decision.recommendation);
  const approach = pick((w) => w.decision.approach);
  const monthly = pick((w) => w.decision.recommendedMonthlyUsd);
  const savings = pick((w) => w.decision.monthlySavingsUsd);
  const cloudOffer = pick((w) => w.decision.cloud?.offer.id ?? null);
  const depinOffer = pick((w) => w.decision.depin?.offer.id ?? null);
  const option = pick((w) => chosenOption(w));
  const moves = pick((w) => projectionMove(w));
  const horizon = pick((w) => horizonOf(w, 'recommended'));
  const monthlyUsd = num(monthly.a ?? null, monthly.b ?? null);
  const horizonUsd = num(horizon.a ?? null, horizon.b ?? null);
  const savingsUsd = num(savings.a ?? null, savings.b ?? null);
  const status = !a
    ? 'added'
    : !b
      ? 'removed'
      : recommendation.a === recommendation.b &&
          approach.a === approach.b &&
          !moved(monthlyUsd) &&
          !moved(horizonUsd) &&
          !moved(savingsUsd) &&
          cloudOffer.a === cloudOffer.b &&
          depinOffer.a === depinOffer.b &&
          moves.a === moves.b
        ? 'same'
        : 'changed';
  return {
    id,
    name: (b ?? a)!.name,
    status,
    recommendation,
    approach,
    monthlyUsd,
    horizonUsd,
    monthlySavingsUsd: savingsUsd,
    option: { a: option.a ?? null, b: option.b ?? null },
    moves: { a: moves.a ?? null, b: moves.b ?? null },
    causes: causesOf(settings, id, (what) => what !== 'risks'),
    riskNoteCauses: causesOf(settings, id, (what) => what === 'risks'),
    cloudOffer: { a: cloudOffer.a ?? null, b: cloudOffer.b ?? null },
    depinOffer: { a: depinOffer.a ?? null, b: depinOffer.b ?? null },
  };
}

/** Labels of the settings whose change of workload `id` is of a kind `kept` accepts. */
function causesOf(
  settings: readonly ScenarioEffect[],
  id: string,
  kept: (what: ScenarioEffect['changes'][number]['what']) => boolean,
): string[] {
  return settings.filter((e) => e.changes.some((c) => c.workload === id && kept(c.what))).map((e) => e.label);
}
