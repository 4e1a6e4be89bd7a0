import type {
  CostComponent,
  CostEstimate,
  CostRejection,
  Offer,
  Scenario,
  WorkloadProfile,
} from '@gpufit/schema';
import { isAssumed, isTermCommitment, SCENARIO_DEFAULTS, trainingMethods } from '@gpufit/schema';
import { finite } from '../assert.js';
import { BILLING_ROUNDING_SAID_SECONDS, HOURS_PER_MONTH } from '../assumptions.js';
import { breakEvenUtilization } from '../commitments/breakEvenUtilization.js';
import { effectiveCommittedRate } from '../commitments/effectiveCommittedRate.js';
import { termFactor as termFactorOf } from '../commitments/termFactor.js';
import { monthlyIngressGiB } from '../data/monthlyIngressGiB.js';
import { transferHours } from '../data/transferHours.js';
import { dynamicCapacity } from '../feasibility/dynamicCapacity.js';
import { type FeasibilityOptions, feasibilityDetail, replicaDemand } from '../feasibility/feasibility.js';
import { type EffectivePriceOptions, effectivePrice } from '../incentives/effectivePrice.js';
import { NON_FINITE_RESULT } from '../messages.js';
import { meanSpareUnits } from '../reliability/meanSpareUnits.js';
import { replicasForDemandAndAvailability } from '../reliability/replicasForAvailability.js';
import { billedJobHours } from './billedJobHours.js';
import { billedByTheDay } from './bookedAhead.js';
import * as notes from './notes.js';
import { offerFacts } from './offerFacts.js';
import { profileFacts } from './profileFacts.js';
import { startupGpuHours } from './startupGpuHours.js';
import { syncPricedRun } from './syncPricedRun.js';
import { workOnOffer } from './workOnOffer.js';

export type { PriceAdjuster } from '../incentives/effectivePrice.js';

export interface EstimateCostOptions extends FeasibilityOptions, EffectivePriceOptions {
  /**
   * The resolved scenario: placement lists, GPU policy, subsidy schedules, token prices, committed utilization,
   * transfer bandwidth.
   */
  readonly scenario?: Scenario;
  /** An on-demand rate to report a Committed offer's break-even utilization against. */
  readonly onDemandUsdPerGpuHour?: number;
  /**
   * Whether to write the `assumptions` sentences (default true). Numbers are identical either way; `false` skips
   * the string building (most of the time of an estimate) for screening many offers — explain the ones you show.
   */
  readonly explain?: boolean;
  /**
   * Serving spares on capacity that follows the demand: `'follow-demand'` (default) holds each hour's own spares,
   * averaged over the month (`meanSpareUnits`); `'peak'` holds the peak's spares all month, the rate the hybrid
   * split charges its bursts (a burst slice of a few units needs proportionally more spares than the month's average,
   * which the whole workload's fleet of many units does not show).
   */
  readonly servingSpares?: 'follow-demand' | 'peak';
}

/**
 * What running `profile` on `offer` really costs a month, term by term (DESIGN §5 items 1–7; every formula with
 * its source is in docs/methodology.md). An offer that cannot run the workload says why and costs nothing
 * (`monthlyUsd: null`). `monthlyUsd` is the sum of `components`; `usdPerJob` divides it by the successful jobs a
 * month, or by the GPU-hours of useful work (in the demand's GPU) when the profile counts no jobs.
 *
 * Pure and allocation-light: no validation (inputs are resolved schema values), per-profile and per-offer facts
 * are computed once and cached on the objects.
 */
export function estimateCost(
  profile: WorkloadProfile,
  offer: Offer,
  options: EstimateCostOptions,
): CostEstimate {
  const feas = feasibilityDetail(profile, offer, options);
  const { tier, demandTier, throughput } = feas;
  if (
    !feas.feasible ||
    tier === undefined ||
    demandTier === undefined ||
    throughput === null ||
    feas.gpusPerReplica === null
  ) {
    return infeasible(offer, feas.rejections, feas.gpusPerReplica);
  }
  const pf = profileFacts(profile);
  const of = offerFacts(offer);
  const scenario = options.scenario;
  const explain = options.explain ?? true;
  const assumptions: string[] = [];

  // --- price per GPU-hour (`effectivePrice`): unsubsidized (list ÷ (1 − month 0's subsidy share)) × token move,
  // then the scenario's adjustments; the subsidy is its own negative line below, so month 0 bills the list ------
  const effective = effectivePrice(offer, options);
  if (!effective.ok) return infeasible(offer, [effective.rejection], feas.gpusPerReplica);
  const price = effective.grossUsd;
  const share = effective.share;
  const initialShare = effective.initialShare;
  if (explain) {
    if (effective.tokenWithoutModel !== null)
      assumptions.push(notes.tokenWithoutModel(effective.tokenWithoutModel));
    const t = effective.token;
    if (t !== null) assumptions.push(notes.tokenRatio(t.symbol, t.nowUsd, t.spotUsd, t.ratio));
    if (effective.adjustedFrom !== null)
      assumptions.push(notes.adjusted(effective.adjustedFrom, price, options.month ?? 0));
  }

  // --- demand in the offer's GPU-hours and whole instances ----------------------------------------------------
  const nodes = profile.nodes;
  const work = workOnOffer(profile, offer, feas);
  const { referenceGpuHours, usefulGpuHours, jobWallHours, packing, dataParallel, gpusPerAllocation } = work;
  // One job's run as it runs here: its shards side by side (workOnOffer), what interruptions and billing see.
  const { runWallHours, shards } = work;
  const g = work.gpusPerReplica;
  const demandG = feas.demandGpusPerReplica;
  const jobsPerMonth = profile.jobsPerMonth ?? usefulGpuHours / (jobWallHours * gpusPerAllocation);
  const perInstance = offer.gpusPerInstance;
  if (explain)
    assumptions.push(
      notes.demand(
        throughput,
        profile.task ?? pf.throughputClass,
        referenceGpuHours,
        usefulGpuHours,
        feas.demandReason,
      ),
    );
  if (explain && profile.task !== null && profile.model !== null && isAssumed(profile, 'task'))
    assumptions.push(notes.taskFromModel(profile.task, profile.model));
  if (explain && g !== demandG) assumptions.push(notes.gpuHoursConserved(demandG, g));
  if (explain && feas.memoryNote !== null) assumptions.push(feas.memoryNote);
  if (explain && feas.complianceNote !== null) assumptions.push(feas.complianceNote);
  if (explain && feas.precisionNote !== null) assumptions.push(feas.precisionNote);
  if (explain && throughput.precisionNote !== undefined) assumptions.push(throughput.precisionNote);
  if (explain && packing > 1)
    assumptions.push(
      notes.packing(work, perInstance, {
        jobsPerMonth: profile.jobsPerMonth ?? null,
        peakToMeanRatio: profile.peakToMeanRatio,
        hoursPerJob: profile.hoursPerJob,
        demandGpusPerReplica: demandG,
      }),
    );
  if (explain && work.sharing !== 'whole' && !pf.serving && work.fill > 1)
    assumptions.push(notes.sharedInstance(work, perInstance, usefulGpuHours * packing));

  const committed = isTermCommitment(offer);
  const termFactor = committed ? termFactorOf(offer, profile.horizonMonths) : 1;

  let usedHours: number;
  /** GPU-hours of billing increments paid and unused (part of usedHours, shown as their own line). */
  let roundingGpuHours = 0;
  let overheadHours = 0;
  let redundancyHours = 0;
  let redundancyNote: string | undefined;
  let wasteHours = 0;
  let idleHours = 0;
  let replicas: number;
  let instances: number;
  let utilization = 1;
  // Serving held above its work (one instance always up for a demand far below it): the work's share of the hours
  // held, said beside the commitment's utilization, which counts the held floor as used.
  let workShare = 1;
  let checkpointsPerJob = 0;
  // A training job whose checkpoints leave the host (no durable storage there) pays each one's sync: GiB a
  // checkpoint follows the training method (a LoRA or QLoRA run saves its adapters and their state, not the frozen
  // model) and is at most what the replica's GPUs hold (a 12B LoRA on one 24 GB card was charged 145 GiB a
  // checkpoint, 48× its GPU time, before the method was known).
  const syncsOffHost = pf.phase === 'training' && of.checkpointStorage === 'off-provider';
  const checkpointGiB = syncsOffHost
    ? Math.min(pf.checkpointGiB, replicaDemand(profile, demandTier.memoryGiB).statedGiB)
    : 0;
  const resultGiB = profile.egressGiBPerMonth;
  const resultEgressUsd = of.egressUsd(resultGiB);
  const mbps = scenario?.transferMbps ?? SCENARIO_DEFAULTS.transferMbps;

  if (pf.serving) {
    // --- serving: whole units for the peak, spare units for the availability target ----------------------------
    // A unit is what fails and is billed as one: an instance holding ⌊I/g⌋ replicas (one node), or the `nodes`
    // instances of one replica (multi-node; up only when all its nodes are).
    const replicasPerUnit = nodes > 1 ? 1 : Math.floor(perInstance / g);
    const unitGpuHours = nodes * perInstance * HOURS_PER_MONTH;
    const peakGpus = (usefulGpuHours / HOURS_PER_MONTH) * profile.peakToMeanRatio;
    const needed = Math.max(1, Math.ceil(peakGpus / (replicasPerUnit * gpusPerAllocation) - 1e-9));
    let availability = of.availability;
    if (availability === null) {
      availability = 1 / (1 + of.interruptionsPerHour * pf.restartHours);
      if (explain)
        assumptions.push(
          notes.availabilityFromInterruptions(of.interruptionsPerHour, pf.restartHours, availability),
        );
    } else if (explain && of.availabilityNote !== null) assumptions.push(of.availabilityNote);
    const unitAvailability = availability ** nodes;
    const count = replicasForDemandAndAvailability({
      needed,
      target: profile.availabilityTarget,
      nodeAvailability: unitAvailability,
    });
    if (!count.feasible) {
      return infeasible(offer, [{ code: 'availability', message: count.reason }], g);
    }
    replicas = count.replicas * replicasPerUnit;
    instances = count.replicas * nodes;
    const capacity = dynamicCapacity(offer, instances * perInstance, { oneZone: false });
    if (capacity !== null) return infeasible(offer, [{ code: 'capacity', message: capacity }], g);
    // Capacity booked by the day or longer (AWS Capacity Blocks) cannot follow the demand within a day: the units
    // the peak needs are held all month, as committed capacity is (a 70B chat API on H200 blocks was priced at
    // its mean, 25.2 instances, where its peak holds 37).
    const byTheDay = billedByTheDay(offer);
    // GPU time is the work (× packing). A unit is held all month even for a demand below it (booked by the day:
    // the peak's units), on any pricing: those hours are held idle, their own line, not GPU time and not unused
    // commitment (a 70B API on one p5 held all month for half its hours showed 5,840 GPU-hours of "GPU time").
    usedHours = usefulGpuHours * packing;
    const heldHours = Math.max(usedHours, (byTheDay ? needed : 1) * unitGpuHours);
    idleHours = heldHours - usedHours;
    // Capacity that follows the demand holds the spares of each hour's demand, not the peak's all month.
    let spares = count.replicas - needed;
    if (!committed && !byTheDay && spares > 0 && options.servingSpares !== 'peak') {
      const mean = meanSpareUnits({
        meanGpus: usefulGpuHours / HOURS_PER_MONTH,
        peakToMeanRatio: profile.peakToMeanRatio,
        gpusPerUnit: replicasPerUnit * gpusPerAllocation,
        target: profile.availabilityTarget,
        unitAvailability,
      });
      if (mean.feasible) spares = mean.meanSpares;
    }
    redundancyHours = spares * unitGpuHours;
    if (explain && spares > 0)
      redundancyNote = notes.spareUnits(
        spares,
        count.replicas - needed,
        needed,
        nodes,
        perInstance,
        profile.availabilityTarget,
        unitAvailability,
      );
    if (explain) {
      if (pf.startupStated && (profile.startupMinutes ?? 0) > 0)
        assumptions.push(notes.startupNotPriced(profile.startupMinutes!, true));
      assumptions.push(
        notes.serving(
          needed,
          count.replicas,
          replicasPerUnit,
          nodes,
          profile.availabilityTarget,
          unitAvailability,
          committed ? 'committed' : byTheDay ? 'by-the-day' : 'flexible',
          spares,
        ),
      );
      if (count.replicas === needed && profile.availabilityTarget > 0)
        assumptions.push(
          notes.noSpareUnit(
            needed,
            profile.availabilityTarget,
            unitAvailability,
            of.availability === null ? 'derived' : 'stated',
          ),
        );
    }
    if (committed) {
      // The commitment's utilization counts the held unit as used (it is held by any pricing); what the commitment
      // adds beyond it (the peak's units all month, a term past the horizon) is unused commitment.
      const capacity = needed * unitGpuHours;
      workShare = Math.min(1, usedHours / capacity);
      utilization = scenario?.committedUtilization ?? heldHours / capacity;
      wasteHours = (heldHours / utilization) * termFactor - heldHours;
    } else if (explain && idleHours > 0) assumptions.push(notes.idleCapacity(idleHours, heldHours, byTheDay));
  } else {
    // --- batch: interruptions inflate each job's wall time -----------------------------------------------------
    const instancesPerJob = nodes;
    const interruptionsPerJobHour = of.interruptionsPerHour * instancesPerJob;
    let inflation = 1;
    if (interruptionsPerJobHour > 0) {
      if (explain && of.interruptionNote !== null) assumptions.push(of.interruptionNote);
      const mtbfHours = 1 / interruptionsPerJobHour;
      // A resumable job checkpoints only when that makes its expected run cheaper, at the interval of least
      // expected cost (`interruptedRun`): P is what an hour of one job's run adds to the month's GPU bill net of
      // the subsidy, per job (the allocation's price an hour when jobs × hours × GPUs make the month's GPU-hours),
      // s one checkpoint's sync off the host (0 in the provider's own storage).
      const usdPerHour = (price * (1 - share) * packing * usefulGpuHours) / (runWallHours * jobsPerMonth);
      // A checkpoint that leaves the host is safe only once uploaded, and a replacement host fetches it back: each
      // transfer of one checkpoint at the scenario's rate (the 13B full run's 170 GiB: 0.404 h at 1000 Mbit/s,
      // against a 3-minute write) lengthens a checkpointed run (interruptedRun). Its sync is priced as the month's
      // syncs average on the offer's egress schedule (syncPricedRun; the next GiB after the results on a flat one).
      const offHostHours = checkpointGiB > 0 ? transferHours(checkpointGiB, mbps) : 0;
      const { run, usdPerCheckpoint: syncUsd } = syncPricedRun({
        jobWallHours: runWallHours,
        interruptionsPerJobHour,
        pf,
        usdPerHour,
        jobsPerMonth,
        checkpointGiB,
        resultGiB,
        egressUsd: of.egressUsd,
        offHostHours,
      });
      if (!run.bounded) return infeasible(offer, [{ code: 'interruptions', message: run.reason }], g);
      inflation = run.wallHours / runWallHours;
      checkpointsPerJob = run.checkpoints;
      if (explain)
        assumptions.push(
          run.intervalHours !== null
            ? notes.checkpointed(
                runWallHours,
                mtbfHours,
                pf,
                run.intervalHours,
                inflation,
                nodes,
                syncUsd > 0 ? { syncUsd, usdPerHour } : null,
                offHostHours,
              )
            : notes.fromScratch(
                runWallHours,
                mtbfHours,
                pf.restartHours,
                inflation,
                pf.resumes,
                syncUsd > 0 ? syncUsd : null,
                pf.restartIsStartup,
              ),
        );
    } else if (explain) assumptions.push(notes.NO_INTERRUPTIONS);
    usedHours = usefulGpuHours * packing;
    const failureFreeHours = usedHours;
    overheadHours = usedHours * (inflation - 1);
    // Each run of a stated job starts by pulling its image and loading its weights on every shard, billed on the
    // GPUs it holds (`startupGpuHours`, the rule the cost floor counts too): jobs × start-up × GPUs of a shard
    // (× packing) × shards. The start-up is the workload's `startupMinutes`, else its restart time (a gpufit
    // assumption); a demand of GPU-hours alone states no starts and pays none (profileFacts).
    const startupHours = pf.startupHours;
    const startup = startupGpuHours(profile, work);
    if (startup > 0) {
      usedHours += startup;
      if (explain)
        assumptions.push(notes.startup(startupHours, pf.startupStated, shards, startup, jobsPerMonth));
    } else if (explain && pf.startupStated && pf.startsStated && !pf.serving) {
      assumptions.push(notes.NO_STARTUP_STATED);
    } else if (explain && pf.startupStated && (profile.startupMinutes ?? 0) > 0) {
      assumptions.push(notes.startupNotPriced(profile.startupMinutes!, false));
    }
    // Each job's instances are billed in whole increments from start to finish (with the provider's minimum):
    // the part of the last increment a job does not use is billed GPU time too.
    const jobRunHours = runWallHours * inflation + startupHours;
    // A job that does not finish within the workload's horizon is not priced as if it completed; one whose work
    // fits but whose expected re-work carries it past, by less than a month, is priced in full and says so.
    const pastHorizon = jobPastHorizon(runWallHours, jobRunHours, profile.horizonMonths);
    if (pastHorizon === 'refused') {
      const message = notes.pastHorizon(jobRunHours, runWallHours, profile.horizonMonths);
      return infeasible(offer, [{ code: 'horizon', message }], g);
    }
    if (pastHorizon === 'overruns' && explain)
      assumptions.push(notes.runsPastHorizon(jobRunHours, runWallHours, profile.horizonMonths));
    const billing = {
      incrementSeconds: offer.billingIncrementSeconds ?? 0,
      minimumSeconds: offer.minimumBillableSeconds,
    };
    if ((billing.incrementSeconds > 0 || billing.minimumSeconds > 0) && jobRunHours > 0) {
      const unusedPerJob = billedJobHours(jobRunHours, billing) - jobRunHours;
      const roundingHours = jobsPerMonth * unusedPerJob * gpusPerAllocation * packing * shards;
      if (Number.isFinite(roundingHours) && roundingHours > 0) {
        // Said from a second a job: less is the remainder of a per-second bill ("0.00341 s a job are paid and
        // unused" under a 15-minute transcription read as noise); the hours are counted either way.
        if (explain && unusedPerJob * 3600 >= BILLING_ROUNDING_SAID_SECONDS)
          assumptions.push(notes.billingRounding(jobRunHours, unusedPerJob, billing));
        usedHours += roundingHours;
        roundingGpuHours = roundingHours;
      }
    }
    // Each job's run is bounded, but a huge demand times a huge inflation can still overflow a float64.
    if (!Number.isFinite(usedHours + overheadHours)) {
      return infeasible(
        offer,
        [{ code: 'interruptions', message: notes.reworkOverflow(usedHours, inflation) }],
        g,
      );
    }
    // The allocations held at once carry the failure-free work at its peak (as costFloor counts them): re-work
    // and billing rounding lengthen the runs (billed as GPU time) rather than add an allocation. A 256-GPU job of
    // 720 h a month, 742 h with re-work, held two 256-GPU clusters, and a commitment paid the second one idle.
    const perAllocationMonth = HOURS_PER_MONTH * gpusPerAllocation * packing;
    replicas = Math.max(
      1,
      Math.ceil((failureFreeHours * profile.peakToMeanRatio) / perAllocationMonth - 1e-9),
    );
    const allocationsOfWork = ((usedHours + overheadHours) * profile.peakToMeanRatio) / perAllocationMonth;
    if (explain && allocationsOfWork > replicas + 1e-9)
      assumptions.push(notes.runsPastCadence(allocationsOfWork, replicas, jobRunHours));
    // Instances held at once: a job's nodes, or the replicas that share instances when the work packs.
    instances =
      nodes > 1 || !dataParallel ? replicas * nodes : Math.ceil((replicas * g) / perInstance - 1e-9);
    const capacity = dynamicCapacity(offer, instances * perInstance, {
      oneZone: nodes > 1 && profile.interconnect !== 'none',
    });
    if (capacity !== null) return infeasible(offer, [{ code: 'capacity', message: capacity }], g);
    if (committed) {
      // A commitment holds the instances the peak needs all month, whether the jobs run or not.
      const run = usedHours + overheadHours;
      const fixed = scenario?.committedUtilization ?? null;
      const held = fixed !== null ? run / fixed : Math.max(run, instances * perInstance * HOURS_PER_MONTH);
      utilization = held > 0 ? run / held : 0;
      wasteHours = held * termFactor - run;
    }
  }
  if (committed) {
    const fromScenario = scenario !== undefined && scenario.committedUtilization !== null;
    const source = fromScenario
      ? 'the scenario'
      : pf.serving
        ? // A service held at its always-up unit uses that unit by holding it: mean ÷ peak is not what sets it.
          workShare < utilization - 0.005
          ? 'the instance held up all month (counted as used)'
          : 'the demand shape (mean ÷ peak)'
        : 'the work a month ÷ the instances held for its peak all month';
    if (explain)
      assumptions.push(
        // A utilization so small that the effective rate is beyond any real price reads as an idle commitment.
        utilization > 0 && price / utilization < 1e9
          ? notes.commitment(
              utilization,
              source,
              effectiveCommittedRate(price, utilization),
              offer,
              profile,
              termFactor,
            ) +
              (workShare < utilization - 0.005 && price / workShare < 1e9
                ? notes.workBelowFloor(workShare, price)
                : '')
          : notes.IDLE_COMMITMENT,
      );
    if (options.onDemandUsdPerGpuHour !== undefined) {
      if (explain)
        assumptions.push(notes.breakEven(breakEvenUtilization(price, options.onDemandUsdPerGpuHour)));
    }
  }

  // --- data gravity --------------------------------------------------------------------------------------------
  const ingressGiB = monthlyIngressGiB(profile);
  if (profile.datasetGiB > 0) {
    if (explain)
      assumptions.push(
        notes.ingress(
          profile.datasetGiB,
          profile.horizonMonths,
          transferHours(profile.datasetGiB, mbps),
          mbps,
        ),
      );
  }
  if (profile.ingressGiBPerMonth > 0 && explain)
    assumptions.push(
      notes.monthlyIngress(
        profile.ingressGiBPerMonth,
        transferHours(profile.ingressGiBPerMonth, mbps),
        mbps,
        offer.ingressUsdPerGiB,
      ),
    );
  let syncGiB = 0;
  if (pf.phase === 'training' && checkpointsPerJob > 0) {
    if (syncsOffHost) {
      const syncs = checkpointsPerJob * jobsPerMonth;
      const gib = checkpointGiB;
      syncGiB = syncs * gib;
      if (explain)
        assumptions.push(
          notes.checkpointSync(
            gib,
            syncs,
            transferHours(gib, mbps),
            mbps,
            gib < pf.checkpointGiB ? pf.checkpointGiB : null,
            trainingMethods[pf.trainingMethod].trainedShare < 1
              ? trainingMethods[pf.trainingMethod].label
              : null,
            isAssumed(profile, 'trainingMethod'),
          ),
        );
    } else if (explain) assumptions.push(notes.CHECKPOINTS_IN_PROVIDER);
  }
  const syncEgressUsd = syncGiB > 0 ? of.egressUsd(resultGiB + syncGiB) - resultEgressUsd : 0;
  if (explain && of.egressNote !== null && resultGiB + syncGiB > 0) assumptions.push(of.egressNote);

  // --- incentive subsidy (share above) -------------------------------------------------------------------------
  const billedGpuHours = usedHours + overheadHours + redundancyHours + idleHours + wasteHours;
  if (explain && share > 0)
    assumptions.push(notes.subsidy(share, initialShare, offer, options.subsidyShare !== undefined));

  // The account's free egress allowance is taken as used by the rest of the account (`freeEgressAllowanceGiB`).
  const allowanceNote = (gib: number): string | undefined =>
    explain && gib > 0 && of.egressAllowanceGiB > 0
      ? notes.egressAllowanceUsed(offer.providerName, of.egressAllowanceGiB)
      : undefined;
  const components: CostComponent[] = [
    line(
      'gpu-time',
      'GPU-hour',
      usedHours - roundingGpuHours,
      price,
      share > 0 ? notes.GPU_TIME_UNSUBSIDIZED : undefined,
    ),
    line('billing-rounding', 'GPU-hour', roundingGpuHours, price),
    line('interruption-overhead', 'GPU-hour', overheadHours, price),
    line('redundancy', 'GPU-hour', redundancyHours, price, redundancyNote),
    line('idle-capacity', 'GPU-hour', idleHours, price),
    line('commitment-waste', 'GPU-hour', wasteHours, price),
    perGiB('egress', resultGiB, resultEgressUsd, allowanceNote(resultGiB)),
    line('ingress', 'GiB', ingressGiB, offer.ingressUsdPerGiB),
    perGiB('checkpoint-sync', syncGiB, syncEgressUsd, resultGiB > 0 ? undefined : allowanceNote(syncGiB)),
    line('incentive-subsidy', 'GPU-hour', share > 0 ? billedGpuHours : 0, -share * price),
  ];
  let monthlyUsd = 0;
  for (const c of components) monthlyUsd += c.usd;
  finite(monthlyUsd, NON_FINITE_RESULT, () => `monthly cost of ${offer.id}`);

  let usdPerJob: number | null = null;
  let jobUnit: 'job' | 'gpu-hour' = 'gpu-hour';
  if (profile.jobsPerMonth !== null && profile.jobsPerMonth > 0) {
    usdPerJob = monthlyUsd / profile.jobsPerMonth;
    jobUnit = 'job';
  } else if (referenceGpuHours > 0) usdPerJob = monthlyUsd / referenceGpuHours;
  if (usdPerJob !== null && !Number.isFinite(usdPerJob)) {
    usdPerJob = null;
    if (explain) assumptions.push(notes.PER_UNIT_TOO_SMALL);
  }

  return {
    offerId: offer.id,
    feasible: true,
    rejections: [],
    monthlyUsd,
    usdPerJob,
    jobUnit,
    components,
    assumptions,
    gpusPerReplica: g,
    replicas,
    instances,
    gpusPerInstance: perInstance,
    throughput,
    billedGpuHoursPerMonth: billedGpuHours,
    demandGpuHoursPerMonth: referenceGpuHours,
  };
}

function line(
  name: CostComponent['name'],
  unit: string,
  quantity: number,
  unitPriceUsd: number,
  note?: string,
): CostComponent {
  const usd = finite(quantity * unitPriceUsd, NON_FINITE_RESULT, name);
  return note === undefined
    ? { name, unit, quantity, unitPriceUsd, usd }
    : { name, unit, quantity, unitPriceUsd, usd, note };
}

/** A tiered line: the unit price shown is the average over the tiers this volume reaches. */
function perGiB(name: CostComponent['name'], gib: number, usd: number, note?: string): CostComponent {
  finite(usd, NON_FINITE_RESULT, name);
  const unitPriceUsd = gib > 0 ? usd / gib : 0;
  return note === undefined
    ? { name, unit: 'GiB', quantity: gib, unitPriceUsd, usd }
    : { name, unit: 'GiB', quantity: gib, unitPriceUsd, usd, note };
}

function infeasible(
  offer: Offer,
  rejections: readonly CostRejection[],
  gpusPerReplica: number | null,
): CostEstimate {
  return {
    offerId: offer.id,
    feasible: false,
    rejections,
    monthlyUsd: null,
    usdPerJob: null,
    jobUnit: 'gpu-hour',
    components: [],
    assumptions: [],
    gpusPerReplica,
    replicas: null,
    instances: null,
    gpusPerInstance: offer.gpusPerInstance,
    throughput: null,
    billedGpuHoursPerMonth: null,
    demandGpuHoursPerMonth: null,
  };
}

/**
 * Whether a batch job finishes within the workload's horizon (H = horizonMonths × 730 h): `within`; `overruns` when
 * its work fits (wall hours on the offer ≤ H) but its expected run, start-up and re-work after interruptions
 * included, ends later, within the month after H (≤ H + 730 h) — priced in full, the overrun said; else `refused`
 * (its work alone outlasts H, or it would not finish even a month after it). A run stated as long as its horizon
 * (a 2-month pre-training run of 1,440 h) always overruns it a little once failures are counted: refusing it left
 * a 512-H100 run with no option at all.
 */
export function jobPastHorizon(
  wallHours: number,
  runHours: number,
  horizonMonths: number,
): 'within' | 'overruns' | 'refused' {
  const horizonHours = horizonMonths * HOURS_PER_MONTH;
  if (runHours <= horizonHours) return 'within';
  return wallHours <= horizonHours && runHours <= horizonHours + HOURS_PER_MONTH ? 'overruns' : 'refused';
}
