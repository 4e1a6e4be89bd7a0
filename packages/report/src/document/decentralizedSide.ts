/**
 * The founder's question "could we put part of this on DePIN?", answered for the whole plan in the executive
 * summary (a reviewer's consumer app read "saves USD 0.00" there while its all-decentralized P50 was about
 * $43,000 lower, the reasons scattered over the workloads' sections):
 *
 * - which providers the decentralized options are on, each named as what it is — a DePIN network, or a
 *   marketplace such as Vast.ai, which the decentralized side counts too (`policy.decentralizedMarkets`) — and how
 *   many workloads the plan places there;
 * - when two or more decentralized placements of the plan are all on one provider, that they move together;
 * - the cheaper decentralized options the plan does not take, each with its reason in a few words: the fit rules
 *   DePIN out, a requirement does, the saving misses the policy's bar — which part of it: the share of the cloud
 *   cost, the dollars a month, or both — or, when the saving clears the bar, the fit takes DePIN only as a hybrid
 *   split (the workload's section has the whole rationale).
 *
 * Nothing when no workload has a decentralized option.
 */
import {
  joinWithAnd,
  MARKET_REGISTRY,
  savingBarShortfall,
  savingBarShortfallText,
  savingShareText,
  type UnpricedNetwork,
} from '@gpufit/schema';
import type { PresentedAnalysis, ShownWorkload } from '../present/presentAnalysis.js';
import type { Block } from './blocks.js';
import { strong, t } from './blocks.js';
import { usd } from './usd.js';

/** A forgone decentralized option: the workload, what it would save against the recommendation, and why not. */
export interface ForgoneOption {
  readonly workload: ShownWorkload;
  readonly provider: string;
  readonly lessCents: number;
  readonly why: string;
}

/** Why the plan keeps a workload off its cheaper decentralized option, in a few words. */
export function forgoneReason(w: ShownWorkload, p: PresentedAnalysis): string {
  const { fit, decision } = w.workload;
  if (decision.approach === 'traditional-cloud')
    return `the fit rules DePIN out, its DePIN fit ${fit.depin.level}`;
  if (fit.constraints.some((c) => c.side === 'depin')) return 'a requirement keeps it off DePIN';
  const splitOnly = decision.approach === 'cloud-first' || decision.approach === 'hybrid';
  const policy = p.analysis.policy;
  const cloudUsd = decision.cloud?.cost.monthlyUsd ?? null;
  const depinUsd = decision.depin?.cost.monthlyUsd ?? null;
  if (policy === undefined || cloudUsd === null || depinUsd === null || !(cloudUsd > 0))
    return splitOnly ? 'the fit takes DePIN only as a hybrid split' : 'under the policy’s saving bar';
  // Which part of the bar the saving misses: a USD 30.26 saving at 19.8 % read "under the bar of 5 % and USD 100
  // a month", though only the dollars fail. The bar comes before the fit's preference for a split: a hybrid-fit
  // nightly eval whose Vast option saved USD 62.70 read "the fit takes DePIN only as a hybrid split" beside its
  // section's "do not save at least 5 % and USD 100 a month", while a hybrid-fit batch beside it that cleared the
  // bar went to Vast whole — the split was never what kept it on cloud.
  const saving = cloudUsd - depinUsd;
  const shortfall = savingBarShortfall(saving, cloudUsd, policy);
  const share = savingShareText(saving, cloudUsd, policy);
  if (shortfall !== null) return `${share}, ${savingBarShortfallText(shortfall, policy)}`;
  return splitOnly
    ? 'the fit takes DePIN only as a hybrid split'
    : `${share}, which the workload’s section explains`;
}

/** The workloads whose decentralized option costs less than their recommendation, most forgone first. */
export function forgoneOptions(p: PresentedAnalysis): ForgoneOption[] {
  const out: ForgoneOption[] = [];
  for (const w of p.workloads) {
    const depin = w.depin;
    if (w.workload.decision.recommendation === 'depin') continue;
    if (depin === null || depin.status !== 'priced' || depin.monthlyCents === null) continue;
    if (w.recommendedCents === null) continue;
    const lessCents = w.recommendedCents - depin.monthlyCents;
    if (lessCents <= 0) continue;
    out.push({ workload: w, provider: depin.offer.providerName, lessCents, why: forgoneReason(w, p) });
  }
  return out.sort((a, b) => b.lessCents - a.lessCents || a.workload.index - b.workload.index);
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The DePIN networks the catalog cannot price, said plainly after the networks that were compared: " Not compared: io.net and Render Network — the
 * catalog holds no io.net offer and Render Network’s 2 offers carry no USD price; import a priced offer to compare
 * them (datasets/README.md)." Empty when every network has a priced offer
 * or the analysis does not say (`catalog.unpricedNetworks` absent).
 */
export function unpricedNetworksText(p: PresentedAnalysis): string {
  const said = notComparedSaid(p.analysis.catalog?.unpricedNetworks ?? []);
  return said === null ? '' : ` ${said}`;
}

/**
 * The sentence `unpricedNetworksText` says of the networks the catalog cannot price ("Not compared: io.net and
 * Render Network — …"), also the footer of `gpufit offers` when it lists decentralized offers; null for none.
 */
export function notComparedSaid(un: readonly UnpricedNetwork[]): string | null {
  if (un.length === 0) return null;
  const why = un.map((n) =>
    n.reason === 'no-offer'
      ? `the catalog holds no ${n.name} offer`
      : `${n.name}’s ${n.offers === 1 ? 'one offer carries' : `${n.offers} offers carry`} no USD price`,
  );
  return `Not compared: ${joinWithAnd(un.map((n) => n.name))} — ${joinWithAnd(why)}; import a priced offer to compare ${un.length === 1 ? 'it' : 'them'} (datasets/README.md).`;
}

export function decentralizedSide(p: PresentedAnalysis): Block[] {
  const withOption = p.workloads.filter((w) => w.depin !== null);
  if (withOption.length === 0) return [];
  // Providers of the decentralized options, most workloads first, each named as what its market is.
  const providers = new Map<string, { label: string; workloads: number }>();
  for (const w of withOption) {
    const o = w.depin!.offer;
    const entry = providers.get(o.providerName) ?? {
      label: `${o.providerName} (${MARKET_REGISTRY[o.market].label}`,
      workloads: 0,
    };
    entry.workloads += 1;
    providers.set(o.providerName, entry);
  }
  const listed = [...providers.values()]
    .sort((a, b) => b.workloads - a.workloads || a.label.localeCompare(b.label))
    .map((e) => `${e.label}, ${count(e.workloads, 'workload')})`);
  const placed = p.workloads.filter(
    (w) => w.depin !== null && w.workload.decision.recommendation !== 'cloud',
  );
  const placedProviders = [...new Set(placed.map((w) => w.depin!.offer.providerName))];
  const partly = placed.some((w) => w.workload.decision.recommendation === 'hybrid')
    ? ', in whole or in part'
    : '';
  const placedText =
    placed.length === 0
      ? 'the plan places no workload there'
      : `the plan places ${count(placed.length, 'workload')} there${partly} (${joinWithAnd(placedProviders)})`;
  const together =
    placed.length >= 2 && placedProviders.length === 1
      ? ` ${placed.length === 2 ? 'Both' : `All ${placed.length}`} are on ${placedProviders[0]}: one provider’s outage, price change or terms move them together.`
      : '';
  const forgone = forgoneOptions(p);
  const forgoneText =
    forgone.length === 0
      ? ' No decentralized option costs less than what the plan recommends.'
      : ` Cheaper decentralized options the plan does not take, ${usd(forgone.reduce((a, f) => a + f.lessCents, 0))} a month in all: ${forgone
          .map((f) => `${f.workload.workload.name} on ${f.provider}, ${usd(f.lessCents)} less (${f.why})`)
          .join('; ')}. Each workload’s section says why in full.`;
  return [
    {
      kind: 'paragraph',
      content: [
        strong('Decentralized side:'),
        t(
          ` the decentralized options found are on ${joinWithAnd(listed)}; ${placedText}.${together}${forgoneText}${unpricedNetworksText(p)}`,
        ),
      ],
    },
  ];
}
