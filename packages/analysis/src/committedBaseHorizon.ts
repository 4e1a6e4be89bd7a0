import { addMonths } from '@gpufit/pricing';
import { type SavingBar, savingBarShortfall, savingBarShortfallText, savingShareText } from '@gpufit/schema';
import { mixSavesEnough } from './committedBaseChoice.js';
import type { CommittedBaseMix } from './committedBaseMix.js';
import { usd, usdCents } from './usdText.js';

/**
 * A committed-base mix against the single offer it replaces, month by month over the projected horizon
 * (docs/methodology.md, "The cloud option as a committed base with on-demand bursts", under growth). The base is
 * sized on month one's demand and held for its term; under demand growth the demand above it grows on the on-demand
 * rate while the single offer's months are re-priced at their own demand, so a mix that saves in month one can save
 * little over the horizon, and cost more in its later months (finance-12-month's support-copilot-8b at 2 % a month:
 * USD 171.71 less in month one, USD 439.06 less over 12 months, and USD 25.51–108.83 more in each of months 9–12).
 */
export interface CommittedBaseHorizon {
  /** Months of the horizon. */
  readonly months: number;
  /** Σ single − Σ mix over the horizon, USD (negative when the mix costs more). */
  readonly savingUsd: number;
  /** Σ single over the horizon, USD. */
  readonly singleUsd: number;
  /**
   * Whether the horizon saving clears the bar on the months' average: at least the bar's share of the single offer's
   * horizon and its USD a month times the months (mixSavesEnough on the average month). With no growth every month is
   * month one, and this is month one's test.
   */
  readonly savesEnough: boolean;
  /** The months (index from 0) in which the mix costs more than the single offer, as printed to the cent. */
  readonly dearer: readonly { readonly index: number; readonly mixUsd: number; readonly singleUsd: number }[];
}

export function committedBaseHorizon(
  mixMonthsUsd: ArrayLike<number>,
  singleMonthsUsd: ArrayLike<number>,
  bar: SavingBar,
): CommittedBaseHorizon {
  const months = Math.min(mixMonthsUsd.length, singleMonthsUsd.length);
  let mix = 0;
  let single = 0;
  const dearer: { index: number; mixUsd: number; singleUsd: number }[] = [];
  for (let t = 0; t < months; t++) {
    const m = mixMonthsUsd[t]!;
    const s = singleMonthsUsd[t]!;
    mix += m;
    single += s;
    if (usdCents(m) > usdCents(s)) dearer.push({ index: t, mixUsd: m, singleUsd: s });
  }
  const savingUsd = single - mix;
  return {
    months,
    savingUsd,
    singleUsd: single,
    savesEnough: months > 0 && mixSavesEnough(savingUsd / months, single / months, bar),
    dearer,
  };
}

/** "2027-09 to 2027-12" (or one month, or a list when they are not consecutive). */
function monthsSaid(indices: readonly number[], startMonth: string): string {
  const first = indices[0]!;
  const last = indices[indices.length - 1]!;
  if (indices.length === 1) return addMonths(startMonth, first);
  if (last - first === indices.length - 1)
    return `${addMonths(startMonth, first)} to ${addMonths(startMonth, last)}`;
  return indices.map((t) => addMonths(startMonth, t)).join(', ');
}

/** "$1,616.91" or "$1,616.91–$1,700.23". */
function rangeSaid(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return usdCents(lo) === usdCents(hi) ? usd(lo) : `${usd(lo)}–${usd(hi)}`;
}

/** The growth said: "demand growth of 2 % a month". */
function growthSaid(growthMonthly: number): string {
  return `demand growth of ${Math.round(growthMonthly * 1000) / 10} % a month`;
}

/**
 * The risk of a mix the option took under growth that costs more than the single offer in some months: which months,
 * by how much, and what it still saves over the horizon. Null when no month is dearer or it saves nothing over the
 * horizon.
 */
export function committedBaseDearerSaid(
  h: CommittedBaseHorizon,
  context: { readonly startMonth: string; readonly growthMonthly: number },
): { readonly text: string; readonly usdPerMonth: number } | null {
  // A mix that costs more over the horizon is never taken (savesEnough), so there is nothing it "still saves".
  if (h.dearer.length === 0 || !(h.savingUsd > 0)) return null;
  const excess = h.dearer.map((d) => d.mixUsd - d.singleUsd);
  const total = excess.reduce((a, x) => a + x, 0);
  return {
    text: `${context.growthMonthly > 0 ? `Under the scenario's ${growthSaid(context.growthMonthly)}, the cloud option's committed base is sized on month one's demand and held for its term while the demand above it grows on the on-demand rate` : "As projected (the scenario's prices move by month), the cloud option's committed base with on-demand bursts does not save every month"}: in ${monthsSaid(
      h.dearer.map((d) => d.index),
      context.startMonth,
    )} it costs ${rangeSaid(h.dearer.map((d) => d.mixUsd))} a month against the single offer's ${rangeSaid(
      h.dearer.map((d) => d.singleUsd),
    )}, ${rangeSaid(excess)} more (${usd(total)} in all); over the ${h.months} months it still saves ${usd(h.savingUsd)}. Add a commitment when the demand has grown (a second term beside the first) rather than sizing the base now on the forecast.`,
    usdPerMonth: usdCents(Math.max(...excess)),
  };
}

/**
 * The rationale's sentence for a mix that saves in month one but not enough over the horizon under growth (the
 * single offer stays): its month one, its horizon saving against the bar, and the months it costs more. Empty when
 * there is nothing to say.
 */
export function committedBaseHorizonRefusedSaid(
  h: CommittedBaseHorizon,
  mix: CommittedBaseMix,
  context: {
    readonly startMonth: string;
    readonly growthMonthly: number;
    readonly mixMonthOneUsd: number | null;
    readonly singleMonthOneUsd: number | null;
    readonly bar: SavingBar;
  },
): string {
  if (h.savesEnough || h.months === 0) return '';
  const c = mix.committed;
  const what = `a committed base with on-demand bursts (${mix.instances} × ${c.instanceType ?? `${c.gpusPerInstance} × ${c.gpu}`} on ${c.providerName}'s commitment in ${c.region}, the demand above it on demand)`;
  const grows = context.growthMonthly > 0;
  const monthOne =
    context.mixMonthOneUsd !== null && context.singleMonthOneUsd !== null
      ? ` would cost ${usd(context.mixMonthOneUsd)} in month one against the single offer's ${usd(context.singleMonthOneUsd)}, but ${grows ? 'its base is held while the demand above it grows on the on-demand rate' : 'not as much in the months after'}:`
      : ':';
  const average = h.savingUsd / h.months;
  const singleAverage = h.singleUsd / h.months;
  const shortfall = savingBarShortfall(average, singleAverage, context.bar);
  const horizon =
    h.savingUsd > 0
      ? `over the ${h.months} months it saves ${usd(h.savingUsd)} (${savingShareText(average, singleAverage, context.bar)}), ${usd(average)} a month on average${shortfall === null ? '' : `, ${savingBarShortfallText(shortfall, context.bar)}`}`
      : `over the ${h.months} months it costs ${usd(-h.savingUsd)} more`;
  const dearer =
    h.dearer.length === 0
      ? ''
      : `, and in ${monthsSaid(
          h.dearer.map((d) => d.index),
          context.startMonth,
        )} it costs more than the single offer (${rangeSaid(h.dearer.map((d) => d.mixUsd))} a month against ${rangeSaid(
          h.dearer.map((d) => d.singleUsd),
        )})`;
  const opening = grows
    ? `Under ${growthSaid(context.growthMonthly)}, ${what}`
    : `As projected (the scenario's prices move by month), ${what}`;
  return `${opening}${monthOne} ${horizon}${dearer}; so the single offer stays.`;
}
