import { hardConstraintRisk } from '@gpufit/schema';
import { formatCents } from '../present/format.js';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import { createRounder } from '../present/rounder.js';
import type { Inline } from './blocks.js';
import { strong, t } from './blocks.js';

/** How many risks the executive summary lists; every risk is listed under its workload. */
export const TOP_RISK_COUNT = 5;

/** A candidate for the summary: its tier, what orders it inside the tier, and where it came from. */
export interface RiskCandidate {
  /**
   * 0: a dated subsidy cliff; 1: a workload's largest figure at stake; 2: a workload's first risk without a figure;
   * 3: the workload's other figures; 4: the rest.
   */
  readonly tier: 0 | 1 | 2 | 3 | 4;
  /** Tiers 1 and 3: the dollars at stake a month; otherwise the workload's recommended monthly cost. In cents. */
  readonly cents: number;
  /** The workload's place in the portfolio, then the risk's place in its list: ties keep both orders. */
  readonly order: number;
  readonly index: number;
  readonly item: Inline;
}

/** Tier first, then the larger amount, then the portfolio's order and each workload's own. */
export function byStake(a: RiskCandidate, b: RiskCandidate): number {
  return a.tier - b.tier || b.cents - a.cents || a.order - b.order || a.index - b.index;
}

/**
 * Every risk the summary could show, unranked. A workload's subsidy cliff (the projection's `subsidyCliffMonth`,
 * for a plan that runs on DePIN) is its own tier, said in the workload's `subsidy-cliff` sentence; a risk whose rule
 * puts dollars at stake (`decision.riskStakes`, schema 2.8) is shown with them; a result without `riskStakes` (an
 * older report.json) has no figures, so its risks fall to the workload-cost tiers as before. A decentralized side
 * ruled out whole is left out: the summary table already says it in the workload's row ("ineligible: <reason>"),
 * and so is a risk of the option the plan does not take (a rule id ending in `-unused`).
 */
export function riskCandidates(p: PresentedAnalysis): RiskCandidate[] {
  const r = createRounder(p.roundingMode);
  const out: RiskCandidate[] = [];
  const materialUsd = p.analysis.policy?.minMonthlySavingUsd ?? 0;
  p.workloads.forEach((w, order) => {
    const d = w.workload.decision;
    const workloadCents = w.recommendedCents ?? 0;
    const name = strong(w.workload.name);
    const stakes = d.riskStakes;
    const cliffMonth = w.projection?.subsidyCliffMonth ?? null;
    const cliffAt = stakes?.findIndex((s) => s.id === 'subsidy-cliff') ?? -1;
    if (cliffMonth !== null && d.recommendation !== 'cloud') {
      const said =
        cliffAt >= 0
          ? d.risks[cliffAt]!
          : `DePIN stops beating cloud in ${cliffMonth} as the incentive-token subsidy fades (subsidy cliff).`;
      out.push({ tier: 0, cents: workloadCents, order, index: -1, item: [name, t(`: ${said}`)] });
    }
    const hard = w.workload.fit.constraints.find((c) => c.side === 'depin' && c.scope === 'all');
    const inTable = hard !== undefined && w.depin === null ? hardConstraintRisk(hard) : null;
    // A risk of the option the plan does not take (its rule id ends in `-unused`: a cloud plan's Nosana fleet, spares
    // or stale price) is listed under its workload, not here: an all-RunPod studio plan's top risks were four
    // sentences about Nosana options it does not use. The list may then hold fewer than five.
    const shown = d.risks
      .map((risk, index) => ({ risk, index, usd: stakes?.[index]?.usdPerMonth ?? null }))
      .filter(({ risk, index }) => risk !== inTable && !(index === cliffAt && cliffMonth !== null))
      .filter(({ index }) => stakes?.[index]?.id.endsWith('-unused') !== true);
    // The workload's largest figure (the first of equals) leads; its other figures often count the same dollars
    // again (a requirement's cost and the hosted API it rules out), so they follow every workload's largest and every
    // workload's first risk without a figure: the five shown speak of five workloads where there are five, and the
    // figures shown fall from first to last (a $1,108.35 after a $128.16 read as an unsorted list).
    let lead: number | null = null;
    for (const x of shown) if (x.usd !== null && (lead === null || x.usd > lead)) lead = x.usd;
    // A lead under the policy's saving bar (USD 100 a month by default: money the plan would not move a workload
    // for) follows the risks without a figure: a lab's $38.15 of eval re-work led its list above the capacity of a
    // 256-GPU, $317,557-a-month pretrain.
    if (lead !== null && lead < materialUsd) lead = null;
    let firstWithout = true;
    let leadShown = false;
    shown.forEach(({ risk, index, usd }) => {
      if (usd !== null) {
        const cents = r.cents(usd);
        const at = t(` ($${formatCents.people(cents)} a month at stake): ${risk}`);
        const leads = usd === lead && !leadShown;
        leadShown ||= leads;
        out.push({ tier: leads ? 1 : 3, cents, order, index, item: [name, at] });
        return;
      }
      out.push({
        tier: firstWithout ? 2 : 4,
        cents: workloadCents,
        order,
        index,
        item: [name, t(`: ${risk}`)],
      });
      firstWithout = false;
    });
  });
  return out;
}

/**
 * The risks a founder should see first, ranked by the dollars at stake (docs/reports.md, "Top risks"):
 * 1. dated subsidy cliffs inside the horizon for a workload whose plan runs on DePIN, by the workload's monthly cost;
 * 2. each workload's largest monthly figure at stake (a requirement's cost, a hosted API's saving, the emissions in a
 *    price, an assumed egress, a batch volume below the billed capacity, re-work), largest first, the figure said
 *    before the sentence;
 * 3. each workload's first risk without a figure, by the workload's recommended monthly cost;
 * 4. the workloads' other figures, largest first (they often count the same dollars as the workload's largest: the
 *    certifications it requires and the hosted API they rule out), then the rest by the workload's cost.
 * Ties keep the portfolio's order and each workload's rule order. Every risk stays listed under its workload.
 */
export function shownRisks(p: PresentedAnalysis, count = TOP_RISK_COUNT): RiskCandidate[] {
  return riskCandidates(p).sort(byStake).slice(0, count);
}

/** Whether a shown risk is said with its dollars at stake (the tiers of figures), so `STAKES_NOTE` explains it. */
export function saysFigure(c: RiskCandidate): boolean {
  return c.tier === 1 || c.tier === 3;
}

/** Said under the list when it shows a figure: what the figures are, and that they do not add. */
export const STAKES_NOTE =
  "Figures are the dollars a month each risk puts at stake, against the recommended plan. They overlap (a workload's requirements and the cheaper options they rule out can count the same dollars), so they do not add. Ranked: a dated subsidy cliff first; then each workload's largest figure that reaches the policy's saving bar, largest first; then each workload's first risk without a figure, by the workload's monthly cost; then the rest. Every workload's full list is under it below.";
