import {
  addMonths,
  breakEven,
  type CostBasis,
  type CostBasisResult,
  type CostFunction,
  committedBaseBasis,
  costBasis,
  estimateCost,
  type GpuTier,
  initialSubsidyShare,
  monteCarlo,
  offersWithInterruptionMultipliers,
  precisionSupport,
  projectSpend,
  referenceGpu,
  sensitivity,
  spendPath,
  spreadSigma,
  type TokenFloor,
  withDemandPath,
  withTokenFloor,
} from '@gpufit/pricing';
import {
  type Distribution,
  demandGrowthOf,
  namedEntry,
  type Offer,
  type Projection,
  type WorkloadAnalysis,
  type WorkloadProfile,
} from '@gpufit/schema';
import { assessFit, explainFit, type FrameworkOverride, resolveFramework } from '@gpufit/scoring';
import type { AnalyzeInput, MonteCarloRunner } from './analyzeInput.js';
import { type BestOffers, bestOffers, explained, priced, type SideBest } from './bestOffers.js';
import { cloudOptionReasons } from './cloudOptionReasons.js';
import {
  committedBaseChoice,
  committedBaseImmaterialSaid,
  committedBaseSaid,
} from './committedBaseChoice.js';
import { committedBaseComparison } from './committedBaseComparison.js';
import {
  committedBaseDearerSaid,
  committedBaseHorizon,
  committedBaseHorizonRefusedSaid,
} from './committedBaseHorizon.js';
import { committedBasePairs, type PartnerSearch, partnerSearch } from './committedBasePartners.js';
import { decide } from './decide.js';
import { compareHostedApi } from './hostedApiComparison.js';
import { hybridFor } from './hybridFor.js';
import { type IndexedBestOffers, indexedBestOffers } from './indexedBestOffers.js';
import { listedPlaces } from './listedPlaces.js';
import { notSlowerByDatasheet } from './notSlowerByDatasheet.js';
import { requirementCeilingUsd, risksFor } from './risks.js';
import { sidesOfMarkets } from './sides.js';
import { tokenFloors } from './tokenFloors.js';
import { unitCostFor } from './unitCost.js';
import { withWorkloadHorizon } from './workloadHorizon.js';
import { workloadSeed } from './workloadSeed.js';

/** One workload's analysis and the offers it cites (for the portfolio's sources). */
export interface AnalyzedWorkload {
  readonly workload: WorkloadAnalysis;
  readonly offersUsed: readonly Offer[];
  /** The cost bases its projection used (absent without one), for the portfolio's joint Monte Carlo. */
  readonly bases?: {
    /** Null for a workload with no cloud option (then `depin` is not null). */
    readonly cloud: CostBasis | null;
    readonly depin: CostBasis | null;
    readonly horizonMonths: number;
    /** The growth its demand follows (schema's `demandGrowthOf`: the scenario's, or 0 for a kind sized by its plan). */
    readonly demandGrowthMonthly: number;
  };
}

export interface WorkloadAnalyzerOptions
  extends Pick<
    AnalyzeInput,
    | 'offers'
    | 'tiers'
    | 'ratios'
    | 'unitThroughput'
    | 'hostedApiPrices'
    | 'scenario'
    | 'framework'
    | 'monteCarlo'
    | 'compileFormula'
    | 'priceAdjuster'
    | 'horizonMonths'
  > {
  /** Break-evens and tornado sensitivity (hundreds of re-pricings each); default true. */
  readonly deep?: boolean;
  /**
   * How the cheapest offers are found; default: the offer indexes (`indexedBestOffers`), and every offer priced
   * (`bestOffers`, which also says why a side has none) when a side has no option or a price adjuster is set.
   */
  readonly findBest?: (profile: WorkloadProfile) => BestOffers;
  /**
   * The cheapest cloud offer when it costs at most `usd` a month, else null (what a named GPU costs is searched
   * with it); default: the offer index's (`IndexedBestOffers.cloudAtMost`), or `findBest`'s cloud offer when
   * `findBest` is given.
   */
  readonly findCloudAtMost?: (profile: WorkloadProfile, usd: number) => SideBest | null;
}

const inlineMonteCarlo: MonteCarloRunner = (bases, scenario, options) => monteCarlo(bases, scenario, options);

/**
 * The per-workload step of the data flow (DESIGN §2): fit → cheapest feasible cloud and DePIN option →
 * projection → Monte Carlo → hybrid split → break-evens and sensitivity → decision → risks. Built once per
 * portfolio (the framework override is validated once), then called for each workload, in any order: a
 * workload's numbers depend only on it, the offers and the scenario.
 */
export function createWorkloadAnalyzer(
  options: WorkloadAnalyzerOptions,
): (profile: WorkloadProfile) => Promise<AnalyzedWorkload> {
  const { scenario, tiers } = options;
  // The scenario's interruption multipliers are written onto the offers before anything indexes or prices them,
  // so the estimates, the index bounds and the Monte Carlo read one rate (the same array when there are none).
  const offers = offersWithInterruptionMultipliers(options.offers, scenario.interruptionRateMultipliers);
  const framework = options.framework ?? (scenario.framework as FrameworkOverride);
  const fitOptions = Object.keys(framework).length > 0 ? { framework } : {};
  // The fit's latency-critical budget, for the risk of an option far from its users (risks.ts).
  const criticalMs = resolveFramework(fitOptions.framework).config.factors.latency.params.criticalMs;
  const latency = criticalMs === undefined ? {} : { latencyCriticalMs: criticalMs };
  const runMonteCarlo = options.monteCarlo === false ? null : (options.monteCarlo ?? inlineMonteCarlo);
  const deep = options.deep ?? true;
  // The scenario's user formulas (compiled by the caller): price adjustments in every estimate, formula
  // subsidy schedules in the projection and the Monte Carlo plan.
  const adjust = options.priceAdjuster === undefined ? {} : { priceAdjuster: options.priceAdjuster };
  const formulas = options.compileFormula === undefined ? {} : { compileFormula: options.compileFormula };
  const ratios = options.ratios === undefined ? {} : { ratios: options.ratios };
  const estimateOptions = { tiers, scenario, ...ratios, ...adjust };
  const screenOptions = { ...estimateOptions, explain: false };
  const estimate = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, estimateOptions);
  const screen = (p: WorkloadProfile, o: Offer) => estimateCost(p, o, screenOptions);
  // Break-even and sensitivity re-price hundreds of times: numbers only, no assumption sentences.
  const costOf: CostFunction = (p, o, s) =>
    estimateCost(p, o, { tiers, scenario: s, explain: false, ...ratios, ...adjust });
  // Every offer is screened without its sentences; the winners are priced again with them.
  const sides = sidesOfMarkets(scenario.decision.decentralizedMarkets);
  const listings = listedPlaces(offers);
  // The floor under each token-denominated price: its hosts' outside option in this catalog (tokenFloors.ts).
  const floorOf = tokenFloors(offers);
  let offersById: Map<string, Offer> | null = null;
  const floorOfId = (id: string): TokenFloor | null => {
    offersById ??= new Map(offers.map((o) => [o.id, o]));
    const o = offersById.get(id);
    return o === undefined ? null : floorOf(o);
  };
  // Whether an offer's catalog lists every region of its provider for every type (regionListing every-region): a
  // cheaper option a risk names from such a row is said with that caveat (risks.ts, `regionUnconfirmedSaid`).
  const everyRegionListed = (id: string): boolean => {
    offersById ??= new Map(offers.map((o) => [o.id, o]));
    return offersById.get(id)?.regionListing === 'every-region';
  };
  const policy = scenario.decision;
  // A committed base's partners (committedBasePartners.ts): the cloud side's offers by provider, GPU, region and
  // kind, indexed when a committed base first looks for one; searched by pricing's cost floor, except under a
  // scenario's price formulas, which the floor does not bound.
  let partners: PartnerSearch | null = null;
  const partnersOf = (): PartnerSearch => {
    partners ??= partnerSearch(
      offers.filter((o) => sides[o.market] === 'cloud'),
      options.priceAdjuster === undefined ? { tiers, scenario, ...ratios } : null,
    );
    return partners;
  };
  const exhaustive = (p: WorkloadProfile) => explained(bestOffers(p, offers, screen, sides), p, estimate);
  const findBest =
    options.findBest ?? (options.priceAdjuster === undefined ? indexedOrExhaustive() : exhaustive);
  // What a profile's certifications cost: the cheapest cloud offer that lacks one of them on record (the bundled
  // catalog records them for the hyperscalers and, where a provider states them, for GPU clouds — a GPU cloud may
  // hold soc2 and not hipaa), found among those offers alone — gathered, and indexed, once per set of
  // certifications asked, when a workload first asks for it.
  // With `native`, only offers whose GPU runs the profile's precision natively (`precisionSupport`): an A100 runs
  // fp8 weight-only, and a buyer of an fp8 service expects the alternative named to run fp8 as stated.
  const lacking = new Map<string, { offers: readonly Offer[]; index: IndexedBestOffers | null }>();
  const runsNatively = (o: Offer, p: WorkloadProfile): boolean => {
    const tier = tiers.get(o.gpu);
    if (tier === undefined) return true;
    const v = precisionSupport(tier, p.precision, false);
    return v.runs && !v.weightOnly;
  };
  const cheapestLacking = (
    asked: WorkloadProfile['compliance'],
    p: WorkloadProfile,
    atMostUsd: number,
    native: boolean,
  ): SideBest | null => {
    const key = `${[...asked].sort().join(';')}${native ? `|native ${p.precision}` : ''}`;
    let pool = lacking.get(key);
    if (pool === undefined) {
      pool = {
        offers: offers.filter(
          (o) =>
            sides[o.market] === 'cloud' &&
            !asked.every((c) => o.certifications.includes(c)) &&
            (!native || runsNatively(o, p)),
        ),
        index: null,
      };
      lacking.set(key, pool);
    }
    if (options.priceAdjuster !== undefined)
      return atMost(bestOffers(p, pool.offers, screen, sides).cloud, atMostUsd);
    pool.index ??= indexedBestOffers(pool.offers, { tiers, scenario, ...ratios });
    return pool.index.cloudAtMost(p, atMostUsd);
  };

  /**
   * The same winners as `exhaustive` (the indexes price only the offers that can still win; packages/gpufit's
   * match tests hold them to pricing every offer) without pricing the whole catalog for every workload. A side
   * without an option says why from the rejection tally of every offer of that side, so only that side's offers
   * are priced for it (in catalog order, as `bestOffers` counts them). A price adjuster (user code) may move any
   * offer below its index bound, so with one every offer is priced.
   */
  // The offer index over the whole catalog, built when first asked for (by the default search, or by the search
  // for what a named GPU costs).
  let indexed: IndexedBestOffers | null = null;
  const index = (): IndexedBestOffers => {
    indexed ??= indexedBestOffers(offers, { tiers, scenario, ...ratios });
    return indexed;
  };
  // What naming a GPU costs: the cheapest cloud option with the same profile under gpuPolicy any when it costs at
  // most `atMostUsd`, without the sentences (a price adjuster prices every offer, as `findBest` does then).
  const cheapestAnyGpu = (p: WorkloadProfile, atMostUsd: number): SideBest | null => {
    if (options.findCloudAtMost !== undefined) return options.findCloudAtMost(p, atMostUsd);
    if (options.priceAdjuster !== undefined || options.findBest !== undefined) {
      const found = options.priceAdjuster !== undefined ? bestOffers(p, offers, screen, sides) : findBest(p);
      return atMost(found.cloud, atMostUsd);
    }
    return index().cloudAtMost(p, atMostUsd);
  };

  // What a named GPU costs when the cheapest GPU under gpuPolicy any is slower by its datasheet alone (a ratio no
  // workload is moved on): the cheapest cloud option on a GPU of the catalog's cloud side that is not slower by its
  // datasheet (`notSlowerByDatasheet`), each priced at the named GPU's own speed — the profile with that GPU named
  // under gpuPolicy exact reads the stated hours as its hours, ratio 1, no speed-up credited — through the same
  // search as `cheapestAnyGpu` (compliance, residency, interruptibility all hold). The ceiling falls to each option
  // found, so only a cheaper one is priced in full.
  let cloudGpus: readonly string[] | null = null;
  const cheapestNotSlower = (
    p: WorkloadProfile,
    named: GpuTier,
    atMostUsd: number,
  ): { best: SideBest; gpu: string } | null => {
    cloudGpus ??= [...new Set(offers.filter((o) => sides[o.market] === 'cloud').map((o) => o.gpu))];
    let found: { best: SideBest; gpu: string } | null = null;
    let ceiling = atMostUsd;
    for (const gpu of cloudGpus) {
      const tier = tiers.get(gpu);
      if (tier === undefined || tier.gpu.toLowerCase() === named.gpu.toLowerCase()) continue;
      if (!notSlowerByDatasheet(tier, named)) continue;
      const best = cheapestAnyGpu({ ...p, gpuType: tier.gpu, gpuPolicy: 'exact' }, ceiling);
      const usd = best?.estimate.monthlyUsd ?? null;
      if (best == null || usd === null) continue;
      if (found === null || usd < (found.best.estimate.monthlyUsd ?? Number.POSITIVE_INFINITY)) {
        found = { best, gpu: tier.gpu };
        ceiling = usd;
      }
    }
    return found;
  };

  // The cheapest offer of each side for a profile, numbers only (a month's demand under growth): the index, or every
  // offer under a price adjuster, or the caller's own search.
  const cheapestAt = (p: WorkloadProfile): BestOffers =>
    options.priceAdjuster !== undefined
      ? bestOffers(p, offers, screen, sides)
      : options.findBest !== undefined
        ? options.findBest(p)
        : index().best(p);

  function indexedOrExhaustive(): (p: WorkloadProfile) => BestOffers {
    const ofSide = { cloud: [] as Offer[], depin: [] as Offer[] };
    for (const o of offers) ofSide[sides[o.market]].push(o);
    const why = (p: WorkloadProfile, side: 'cloud' | 'depin') => {
      const b = bestOffers(p, ofSide[side], screen, sides);
      return { said: b.unavailable?.[side] ?? null, reasons: b.unavailableReasons?.[side] ?? null };
    };
    return (p) => {
      const best = index().best(p);
      const cloud = best.cloud === null ? why(p, 'cloud') : null;
      const depin = best.depin === null ? why(p, 'depin') : null;
      const unavailable = { cloud: cloud?.said ?? null, depin: depin?.said ?? null };
      const unavailableReasons = { cloud: cloud?.reasons ?? null, depin: depin?.reasons ?? null };
      return explained({ ...best, unavailable, unavailableReasons }, p, estimate);
    };
  }

  return async (stated) => {
    // The workload's horizon through the scenario's (workloadHorizon.ts: a scenario sets it where the workload states
    // none and caps it, never extends it) is the horizon of every figure: a dataset's one-off ingress and a
    // commitment's term are spread over it (with the profile's own 12 months under a 24-month scenario, the upload was
    // paid twice).
    const profile = withWorkloadHorizon(stated, options.horizonMonths);
    // The result carries every sentence (report.json's fit.reasons[].sentence, constraints[].reason).
    const best = findBest(profile);
    // Its SLA sentences are made true for the cloud option placed (a marketplace may be counted as cloud).
    const fit = cloudOptionReasons(
      explainFit(assessFit(profile, fitOptions), profile, fitOptions),
      best.cloud?.offer,
    );
    // The cloud option: the single cheapest cloud offer, or a committed base with on-demand bursts on one provider
    // and one GPU type when that is cheaper (committedBaseChoice.ts).
    const cloudChoice = committedBaseChoice(
      profile,
      best,
      tiers,
      committedBasePairs(profile, best, partnersOf(), screen, estimate),
      policy,
    );
    const depinEligible = !fit.constraints.some((c) => c.side === 'depin' && c.scope === 'all');
    const depin = priced(best.depin, tiers);

    const cloudBasis = best.cloud ? costBasis(best.cloud.estimate, best.cloud.offer) : null;
    const depinBasis = best.depin && depinEligible ? costBasis(best.depin.estimate, best.depin.offer) : null;
    // The growth this workload's demand follows: the scenario's for a kind that grows with demand (a served API,
    // a recurring batch over new data), none for a run sized by its plan (training, fine-tuning, experimentation: a
    // 64-GPU pretrain of 240 h grew to 737 h a month under 5 % a month), unless the workload states
    // growsWithDemand (per-customer fine-tunes grow). schema's demandGrowthOf.
    const workloadScenario = {
      ...scenario,
      horizonMonths: profile.horizonMonths,
      demandGrowthMonthly: demandGrowthOf(profile, scenario.demandGrowthMonthly),
    };
    let projection: Projection | null = null;
    let distribution: Distribution | null = null;
    let bases: AnalyzedWorkload['bases'];
    // Under demand growth each month is priced at its own demand: on the chosen offer, or on the side's cheapest
    // offer at that demand when it clears the policy's bar for moving a workload (demandPath.ts). One search a
    // month serves both sides (the months' demands are the same for each).
    const searched = new Map<string, BestOffers>();
    const cheapestOfSide = (p: WorkloadProfile, which: 'cloud' | 'depin'): SideBest | null => {
      const key = `${p.gpuHoursPerMonth}|${p.jobsPerMonth}|${p.egressGiBPerMonth}|${p.outputPerMonth}`;
      let found = searched.get(key);
      if (found === undefined) {
        found = cheapestAt(p);
        searched.set(key, found);
      }
      return found[which];
    };
    const grown = (
      basis: CostBasisResult | null,
      side: SideBest | null,
      which: 'cloud' | 'depin',
    ): CostBasis | null =>
      basis?.ok && side
        ? withDemandPath(
            basis.value,
            profile,
            side.offer,
            estimateOptions,
            workloadScenario.demandGrowthMonthly,
            workloadScenario.horizonMonths,
            (p) => cheapestOfSide(p, which),
            { usd: policy.minMonthlySavingUsd, share: policy.minSavingShare },
          )
        : null;
    // A token-denominated option's USD price is held at its hosts' outside option (pricing's tokenFloor.ts).
    // A month priced on another offer (demand growth) is held at that offer's own floor, or at none.
    const floored = (basis: CostBasis | null, side: SideBest | null, floor: TokenFloor | null) =>
      basis !== null && side !== null ? withTokenFloor(basis, floor, side.estimate, floorOfId) : basis;
    const depinFloor = best.depin ? floorOf(best.depin.offer) : null;
    // A mix's month is its fixed base plus its bursts at the month's demand (committedBaseBasis.ts): not re-priced
    // on another offer under growth (the base is held for its term), never token-priced.
    const candidate = cloudChoice.option !== null ? cloudChoice.mix : null;
    const mixOk =
      candidate !== null
        ? committedBaseBasis({
            month: {
              baseUsd: candidate.baseMonthlyUsd,
              baseGpus: candidate.baseDemandGpus,
              burstUsdPerGpuHour: candidate.onDemandRate,
              meanGpus: candidate.meanGpus,
              peakToMeanRatio: candidate.peakToMeanRatio,
            },
            offerId: candidate.committed.id,
            provider: candidate.committed.provider,
            market: candidate.committed.market,
            burstPriceSigma: spreadSigma(
              candidate.onDemand.usdPerGpuHourMin,
              candidate.onDemand.usdPerGpuHourMax,
            ),
          })
        : null;
    const singleOk = floored(
      grown(cloudBasis, best.cloud, 'cloud'),
      best.cloud,
      best.cloud ? floorOf(best.cloud.offer) : null,
    );
    // The mix is the cloud option only when it also saves the bar over the horizon as projected, on the months'
    // average (under demand growth its base is held while the single offer's months are re-priced at their own demand,
    // and may move to a cheaper offer): the option never costs more than the single offer it replaces, month one or
    // horizon, and never saves less than the bar (committedBaseHorizon.ts).
    const monthsOf = (b: CostBasis) => spendPath(b, workloadScenario, formulas).expectedUsd;
    const mixVsSingle =
      candidate !== null && mixOk !== null && singleOk !== null
        ? committedBaseHorizon(monthsOf(mixOk), monthsOf(singleOk), policy)
        : null;
    const mixed =
      candidate !== null && mixOk !== null && (mixVsSingle === null || mixVsSingle.savesEnough)
        ? candidate
        : null;
    const cloud = mixed !== null ? cloudChoice.option : priced(best.cloud, tiers);
    const cloudOk = mixed !== null ? mixOk : singleOk;
    const offersUsed = [
      ...(mixed === null ? [best.cloud?.offer] : [mixed.committed, mixed.onDemand]),
      best.depin?.offer,
    ].filter((o): o is Offer => o !== undefined);
    const depinOk = floored(grown(depinBasis, best.depin, 'depin'), best.depin, depinFloor);
    // A projection needs the cloud option, or, for a workload with none, its decentralized option (an unpriceable
    // cloud option leaves the workload without one, as before).
    if (cloudOk !== null || (best.cloud === null && depinOk !== null)) {
      bases = {
        cloud: cloudOk,
        depin: depinOk,
        horizonMonths: workloadScenario.horizonMonths,
        demandGrowthMonthly: workloadScenario.demandGrowthMonthly,
      };
      projection = projectSpend({ cloud: cloudOk, depin: depinOk }, workloadScenario, formulas);
      // The per-workload Monte Carlo compares the two sides; a one-sided workload gets its band from the
      // portfolio's (totals.distribution.workloads).
      if (cloudOk !== null && depinOk !== null && runMonteCarlo) {
        distribution = await runMonteCarlo({ cloud: cloudOk, depin: depinOk }, workloadScenario, {
          seed: workloadSeed(scenario.monteCarlo.seed, profile.id),
          trials: scenario.monteCarlo.trials,
          ...formulas,
        });
      }
    }

    // A split must beat the cloud option it replaces: the mix's total when the mix is the cloud option.
    const splitBest =
      cloud?.mix !== undefined && best.cloud !== null
        ? { ...best, cloud: { offer: best.cloud.offer, estimate: cloud.cost } }
        : best;
    const split = depinEligible
      ? hybridFor(
          profile,
          fit,
          splitBest,
          (o) => estimateCost(profile, o, { ...screenOptions, servingSpares: 'peak' }),
          mixed ?? undefined,
        )
      : null;
    // Break-evens and sensitivity re-price the cloud offer against the decentralized one. For a cloud option that is
    // a committed base with on-demand bursts the cost model prices no mix, so the cloud side is held at the mix's own
    // month (its offer, the commitment, is priced as the option's cost) and only the decentralized side's inputs are
    // solved for and swung (committedBaseComparison.ts): the ones that leave the cloud option as it is.
    const comparison =
      deep && best.cloud && best.depin && depinEligible && (mixed === null || cloud !== null)
        ? {
            profile,
            cloud: mixed === null ? best.cloud.offer : mixed.committed,
            depin: best.depin.offer,
            scenario: workloadScenario,
            ...(depinFloor !== null && { depinTokenFloorUsdPerGpuHour: depinFloor.usdPerGpuHour }),
          }
        : null;
    const compared =
      comparison !== null && mixed !== null && cloud !== null
        ? committedBaseComparison(costOf, comparison.cloud, cloud.cost)
        : { costOf, breakEven: {}, sensitivity: {} };
    const breakEvens = comparison ? breakEven(comparison, compared.costOf, compared.breakEven) : [];
    const tornado = comparison ? sensitivity(comparison, compared.costOf, compared.sensitivity) : null;
    // The workload's own market list leaves only decentralized markets: the user chose that side.
    const cloudExcludedByWorkload =
      profile.allowedMarkets.length > 0 && profile.allowedMarkets.every((m) => sides[m] === 'depin');
    const decision = decide({
      fit,
      cloud,
      depin: depinEligible ? depin : null,
      hybrid: split,
      policy,
      cloudExcludedByWorkload,
    });
    // Only a split in which each side carries at least the policy's share is a hybrid (decide's rule).
    const hybrid = decision.hybrid;
    // What the certifications asked for cost (a GPU cloud that holds them may just not have them on record).
    // Both searches look only at offers cheap enough for the risk to show them (`requirementCeilingUsd`); with
    // no cloud cost there is nothing to show.
    const asIs = cloud?.cost.monthlyUsd ?? null;
    // An offer whose GPU runs the precision natively first; when none is cheap enough, the cheapest of any GPU that
    // runs it (the risk then says it runs weight-only, and at what measured throughput).
    const lackingOf = (native: boolean, ceilingUsd: number) =>
      cheapestLacking(profile.compliance, { ...profile, compliance: [] }, ceilingUsd, native);
    const lackingBest =
      profile.compliance.length > 0 && asIs !== null
        ? (lackingOf(true, requirementCeilingUsd(asIs)) ?? lackingOf(false, requirementCeilingUsd(asIs)))
        : null;
    const withoutCompliance = priced(lackingBest, tiers);
    // What the named GPU costs: the GPU policy keeps the cloud side to that GPU and those a benchmark measures
    // against it; under gpuPolicy any, a faster GPU is priced at the named one's speed (no speed-up credited).
    const gpuPolicy = profile.gpuPolicy ?? scenario.gpuPolicy;
    const withAnyGpu =
      profile.gpuType !== null && gpuPolicy !== 'any' && asIs !== null
        ? priced(cheapestAnyGpu({ ...profile, gpuPolicy: 'any' }, requirementCeilingUsd(asIs)), tiers)
        : null;
    // The cheapest GPU under gpuPolicy any is slower than the named one by its datasheet alone: the risk does not
    // name it (risks.ts, named-gpu-narrows), so it is asked what a GPU not slower by its datasheet costs.
    const anyRatio = withAnyGpu?.cost.throughput;
    const namedTier = profile.gpuType === null ? undefined : tiers.get(profile.gpuType);
    const notSlower =
      asIs !== null && namedTier !== undefined && anyRatio?.basis === 'unmeasured' && anyRatio.ratio < 1
        ? cheapestNotSlower(profile, namedTier, requirementCeilingUsd(asIs))
        : null;
    const withNotSlowerGpu = notSlower === null ? null : priced(notSlower.best, tiers);
    // Hours stated without a GPU and read as L4-hours (referenceGpu: inference whose replica fits one): the same hours
    // read as the reference GPU's (A100-80GB), as a model one size up is read, under the same rules (any GPU may price
    // them; an unmeasured pair credits no speed-up). The plan rests on that reading: the risk says what the other costs.
    const readOn = profile.gpuType === null ? referenceGpu(profile, tiers) : undefined;
    const atReferenceHours =
      readOn?.reason === 'small-model-reference' && asIs !== null
        ? priced(
            // Ten times the plan's cloud month bounds the search (only "costs more" is said; an unbounded search
            // priced every offer: +20 % on a portfolio of small unnamed services).
            cheapestAnyGpu({ ...profile, gpuType: tiers.reference.gpu, gpuPolicy: 'any' }, 10 * asIs),
            tiers,
          )
        : null;
    // What stating the task costs: GPUs convert only at ratios measured on its benchmarks (throughputConversion.ts), so
    // the same profile without it, at the ratios pooled over every task of the size band, may find a cheaper GPU.
    // Only a GPU the task's own benchmarks leave unmeasured against the demand's is said: where they measure the pair,
    // the plan already prices it at the task's ratio (an 8B text generator's H100 for H200 at 0.822×, not the pooled
    // 0.945× that SDXL results lift).
    const pooledBest =
      profile.task != null && asIs !== null
        ? cheapestAnyGpu({ ...profile, task: null }, requirementCeilingUsd(asIs))
        : null;
    const taskMeasures =
      pooledBest !== null && estimate(profile, pooledBest.offer).throughput?.basis === 'measured';
    const withoutTask = taskMeasures ? null : priced(pooledBest, tiers);
    // The month the floor first holds the decentralized option's projected price (or that its GPU has none); its
    // path is walked again only for a floored option the risk speaks of.
    const floorFrom = (): string | null => {
      const t =
        depinOk?.tokenFloor !== undefined
          ? spendPath(depinOk, workloadScenario, formulas).tokenFloorFrom
          : null;
      return t === null ? null : addMonths(scenario.startMonth, t);
    };
    // The month a rising subsidy share would first price the decentralized option's GPU-hour below gpufit's floor
    // (pricing's spendPath holds it there); its path is walked again only when the share rises above month 0's.
    const first = projection?.months[0]?.subsidyShare ?? 0;
    const rises = projection?.months.some((m) => m.subsidyShare > first) === true;
    const heldFrom =
      rises && depinOk !== null ? spendPath(depinOk, workloadScenario, formulas).priceFloorFrom : null;
    const subsidyFloorFrom = heldFrom === null ? null : addMonths(scenario.startMonth, heldFrom);
    const depinOffer = best.depin?.offer ?? null;
    const symbol = depinOffer?.incentive?.denomination === 'token' ? depinOffer.incentive.symbol : null;
    const modelled = symbol !== null && namedEntry(scenario.tokenPrices, symbol) !== undefined;
    // Only a floor the basis took (withTokenFloor needs the estimate's GPU-time price): the risk never names one the
    // projection did not apply.
    const appliedFloor = depinOk?.tokenFloor ?? null;
    const tokenFloor =
      depinEligible && symbol !== null && modelled
        ? {
            symbol,
            share: depinOffer === null ? 0 : initialSubsidyShare(depinOffer, scenario),
            floor: appliedFloor,
            from: floorFrom(),
            ...(appliedFloor === null && depinFloor !== null && { unapplied: depinFloor }),
          }
        : null;
    const hostedApi =
      options.hostedApiPrices === undefined
        ? null
        : compareHostedApi(profile, options.hostedApiPrices, decision.recommendedMonthlyUsd);
    const unitCost =
      options.unitThroughput === undefined
        ? undefined
        : unitCostFor(profile, { cloud, depin }, options.unitThroughput, decision);
    const { risks, stakes: riskStakes } = risksFor({
      profile,
      memoryBandwidthGBps: (gpu) => tiers.get(gpu)?.memoryBandwidthGBps ?? null,
      denseTflops: (gpu) => tiers.get(gpu)?.fp16Tflops ?? null,
      gpuGeneration: (gpu) => tiers.get(gpu)?.generation ?? null,
      everyRegionListed,
      hostedApi,
      ...(unitCost !== undefined && { unitCost }),
      fit,
      cloud,
      cloudWithoutCompliance: withoutCompliance,
      cloudWithoutComplianceOffer: lackingBest?.offer ?? null,
      cloudWithoutComplianceWeightOnly:
        lackingBest != null && !runsNatively(lackingBest.offer, profile)
          ? (tiers.get(lackingBest.offer.gpu)?.generation ?? null)
          : null,
      cloudWithAnyGpu: withAnyGpu,
      cloudWithNotSlowerGpu: withNotSlowerGpu,
      cloudAtReferenceHours: atReferenceHours,
      hoursReadOn: readOn?.reason === 'small-model-reference' ? readOn.tier.gpu : null,
      cloudWithoutTask: withoutTask,
      gpuPolicy,
      cloudOffer: mixed?.committed ?? best.cloud?.offer ?? null,
      // A mix the option did not take because its horizon saving is under the bar is not said as a saving either.
      committedBase: candidate !== null && mixed === null ? null : cloudChoice.mix,
      // A mix the option took that costs more than the single offer in some months under growth says which.
      committedBaseDearer:
        mixed !== null && mixVsSingle !== null
          ? committedBaseDearerSaid(mixVsSingle, {
              startMonth: scenario.startMonth,
              growthMonthly: workloadScenario.demandGrowthMonthly,
            })
          : null,
      depin: depinEligible ? depin : null,
      depinOffer: depinEligible ? (best.depin?.offer ?? null) : null,
      depinListings: depinEligible && best.depin ? listings(best.depin.offer) : null,
      tokenFloor,
      subsidyFloorFrom: depinEligible ? subsidyFloorFrom : null,
      tokenModelled: symbol === null || modelled,
      recommendation: decision.recommendation,
      hybrid,
      planMonthlyUsd: decision.recommendedMonthlyUsd,
      projection,
      distribution,
      analysisDate: scenario.analysisDate,
      maxOfferAgeDays: scenario.maxOfferAgeDays,
      ...latency,
      ...((cloudOk?.demandPath || depinOk?.demandPath) && {
        demandPaths: {
          cloud: cloudOk?.demandPath ?? null,
          depin: depinOk?.demandPath ?? null,
          startMonth: scenario.startMonth,
        },
      }),
    });
    return {
      offersUsed,
      ...(bases && { bases }),
      workload: {
        id: profile.id,
        name: profile.name,
        kind: profile.kind,
        assumed: profile.assumed,
        ...(profile.task != null && { task: profile.task }),
        fit,
        decision: {
          approach: fit.approach,
          recommendation: decision.recommendation,
          cloud,
          depin,
          hybrid,
          recommendedMonthlyUsd: decision.recommendedMonthlyUsd,
          monthlySavingsUsd: decision.monthlySavingsUsd,
          rationale: [
            decision.rationale,
            mixed !== null
              ? committedBaseSaid(cloud, cloudChoice.singleMonthlyUsd)
              : candidate !== null && mixVsSingle !== null
                ? committedBaseHorizonRefusedSaid(mixVsSingle, candidate, {
                    startMonth: scenario.startMonth,
                    growthMonthly: workloadScenario.demandGrowthMonthly,
                    mixMonthOneUsd: cloudChoice.option?.cost.monthlyUsd ?? null,
                    singleMonthOneUsd: cloudChoice.singleMonthlyUsd,
                    bar: policy,
                  })
                : committedBaseImmaterialSaid(cloudChoice.immaterial, cloudChoice.singleMonthlyUsd, policy),
          ]
            .filter((x) => x !== '')
            .join(' '),
          risks,
          riskStakes,
          ...(best.unavailable === undefined ? {} : { unavailable: best.unavailable }),
          ...(best.unavailableReasons === undefined ? {} : { unavailableReasons: best.unavailableReasons }),
        },
        projection,
        distribution,
        breakEvens,
        sensitivity: tornado,
        ...(unitCost === undefined ? {} : { unitCost }),
      },
    };
  };
}

/** The offer when it costs at most `usd` a month (an exhaustive search's answer cut as the index cuts it). */
function atMost(best: SideBest | null, usd: number): SideBest | null {
  return best !== null && best.estimate.monthlyUsd !== null && best.estimate.monthlyUsd <= usd ? best : null;
}
