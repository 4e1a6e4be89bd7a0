import { hardConstraintRisk } from '@gpufit/schema';
import type { PresentedAnalysis } from '../present/presentAnalysis.js';
import type { Inline } from './blocks.js';
import { strong, t } from './blocks.js';

/** How many risks the executive summary lists; every risk is listed under its workload. */
export const TOP_RISK_COUNT = 5;

interface Ranked {
  readonly money: number;
  readonly order: number;
  readonly item: Inline;
}

/**
 * The risks a founder should see first. Dated, quantified risks come first (a subsidy cliff inside the
 * horizon for a workload that relies on DePIN), then each workload's first stated risk ranked by the money
 * at stake (recommended monthly cost), then the remaining risks in the same order. A decentralized side ruled out
 * whole is not repeated: the summary table says it in the workload's row.
 */
export function topRisks(p: PresentedAnalysis, count = TOP_RISK_COUNT): Inline[] {
  const cliffs: Ranked[] = [];
  const first: Ranked[] = [];
  const rest: Ranked[] = [];
  p.workloads.forEach((w, order) => {
    const money = w.recommendedCents ?? 0;
    const name = strong(w.workload.name);
    const cliff = w.projection?.subsidyCliffMonth ?? null;
    if (cliff !== null && w.workload.decision.recommendation !== 'cloud') {
      cliffs.push({
        money,
        order,
        item: [
          name,
          t(`: DePIN stops beating cloud in ${cliff} as the incentive-token subsidy fades (subsidy cliff).`),
        ],
      });
    }
    // A decentralized side ruled out whole is already in the summary table ("ineligible: <reason>"): the risk
    // that says the same is left to the workload's own list, so the five shown are ones the table does not.
    const hard = w.workload.fit.constraints.find((c) => c.side === 'depin' && c.scope === 'all');
    const inTable = hard !== undefined && w.depin === null ? hardConstraintRisk(hard) : null;
    w.workload.decision.risks
      .filter((risk) => risk !== inTable)
      .forEach((risk, i) => {
        (i === 0 ? first : rest).push({ money, order, item: [name, t(`: ${risk}`)] });
      });
  });
  const byMoney = (a: Ranked, b: Ranked): number => b.money - a.money || a.order - b.order;
  return [...cliffs.sort(byMoney), ...first.sort(byMoney), ...rest.sort(byMoney)]
    .slice(0, count)
    .map((r) => r.item);
}
