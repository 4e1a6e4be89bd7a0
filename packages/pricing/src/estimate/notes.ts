/**
 * The sentences an estimate's `assumptions` are made of. Constant where possible (shared, no allocation); the
 * numbers in them are for reading, rounded to 3 significant digits, and money is rounded once, half to even, with the schema's money module.
 */
import {
  formatMinorUnits,
  HOURS_PER_MONTH,
  MIN_USD_PER_GPU_HOUR,
  type Offer,
  roundingModes,
  SECONDS_PER_DAY,
  type ThroughputBasis,
  toMinorUnits,
  type WorkloadProfile,
} from '@gpufit/schema';
import { optimalCheckpointInterval } from '../reliability/optimalCheckpointInterval.js';
import type { DemandGpuReason } from '../tiers/referenceGpu.js';
import type { ProfileFacts } from './profileFacts.js';
import { readableHours, readableNumber } from './readableNumber.js';
import type { WorkOnOffer } from './workOnOffer.js';

export const GPU_TIME_UNSUBSIDIZED =
  'at the unsubsidized price (the list ÷ (1 − the subsidy share in it)); the subsidy is its own negative line';
export const PER_UNIT_TOO_SMALL =
  'the demand is too small for a cost per job or per GPU-hour to be a finite number; only the monthly cost is given';
export const NO_INTERRUPTIONS = 'the offer is not interrupted, so jobs pay no re-work or restarts';
export const IDLE_COMMITMENT =
  'commitment: next to nothing runs on it this month, so (almost) every committed hour is paid and idle';
export const CHECKPOINTS_IN_PROVIDER =
  "checkpoints are kept in the provider's own storage in the same region, so they pay no internet egress — a gpufit assumption";

export function demand(
  t: ThroughputBasis,
  throughputClass: string,
  referenceGpuHours: number,
  offerGpuHours: number,
  reason: DemandGpuReason = 'named',
): string {
  const read =
    reason === 'named'
      ? ''
      : reason === 'small-model-reference'
        ? ` (no gpuType is named: hours of a model that fits one ${t.demandGpu} are read as ${t.demandGpu}-hours — a gpufit assumption; name the GPU they were counted on)`
        : ` (no gpuType is named: hours are read as ${t.demandGpu}-hours, the reference GPU — a gpufit assumption; name the GPU they were counted on)`;
  const head = `demand is ${readableHours(referenceGpuHours)} ${t.demandGpu} GPU-hours a month${read}`;
  if (t.basis === 'same') return `${head}, priced on ${t.offerGpu} itself`;
  const why =
    t.basis === 'measured'
      ? `measured: ${t.source}`
      : reason === 'named'
        ? 'no benchmark measures this pair: gpuPolicy any credits no speed-up, only a datasheet slow-down'
        : 'unmeasured: no benchmark measures this pair, so with no GPU named it is credited no speed-up, only a datasheet slow-down';
  return `${head}; ${t.offerGpu} runs ${throughputClass} work at ${n(t.ratio)}× a ${t.demandGpu} (${why}), so it needs ${readableHours(offerGpuHours)} ${t.offerGpu} GPU-hours`;
}

/**
 * The task an estimate's GPU conversions follow when the workload left `task` empty and named a model gpufit
 * recognises (`taskOfModel`): said, so a founder sees which benchmarks convert the work and how to change it.
 */
export function taskFromModel(task: string, model: string): string {
  return `task ${task}, read from the model ${model} (gpufit's table of model families): GPUs convert only at ratios measured on ${task} benchmarks; state task to change it`;
}

/** A billing step in the unit a provider states it in: "1-second", "1-minute", "1-hour", "1-day". */
function billingStep(seconds: number): string {
  if (seconds >= SECONDS_PER_DAY && seconds % SECONDS_PER_DAY === 0)
    return `${n(seconds / SECONDS_PER_DAY)}-day`;
  if (seconds >= 3_600 && seconds % 3_600 === 0) return `${n(seconds / 3_600)}-hour`;
  if (seconds >= 60 && seconds % 60 === 0) return `${n(seconds / 60)}-minute`;
  return `${n(seconds)}-second`;
}

/**
 * How a job's run is billed and what of it is paid unused: in seconds where that is a rounding residue, in hours
 * (with the hours billed) where it is a cost a reader acts on — a 73.9-hour job on day-billed capacity read
 * "79700 s a job are paid and unused", 22.1 of its 96 billed hours.
 */
export function billingRounding(
  runHours: number,
  unusedHours: number,
  billing: { readonly incrementSeconds: number; readonly minimumSeconds: number },
): string {
  const unit =
    billing.incrementSeconds > 0 ? `${billingStep(billing.incrementSeconds)} increments` : 'time used';
  const min = billing.minimumSeconds > 0 ? ` with a ${billingStep(billing.minimumSeconds)} minimum` : '';
  const unused =
    unusedHours >= 1
      ? `${n(unusedHours)} h of the ${n(runHours + unusedHours)} h billed a job are paid and unused (${Math.round((100 * unusedHours) / (runHours + unusedHours))} %)`
      : `${n(unusedHours * 3600)} s a job are paid and unused`;
  return `each job runs ${n(runHours)} h and is billed in ${unit}${min}: ${unused}`;
}

export function runsPastCadence(allocationsOfWork: number, held: number, jobRunHours: number): string {
  return `with start-up, re-work and billing rounding the work fills ${n(allocationsOfWork)} allocations at its peak, more than the ${n(held)} its failure-free work needs: jobs of ${n(jobRunHours)} h run on ${held === 1 ? 'that allocation' : 'those allocations'} past the month's cadence rather than hold another`;
}

export function gpuHoursConserved(demandGpus: number, offerGpus: number): string {
  return `a replica uses ${offerGpus} GPU(s) per node here instead of ${demandGpus} on the demand's GPU; GPU-hours of work are assumed to scale ideally with the GPU count — a gpufit assumption`;
}

/** How a job shares an instance, for the notes below: the fields of `WorkOnOffer` they read. */
export type Sharing = Pick<
  WorkOnOffer,
  | 'sharing'
  | 'gpusPerReplica'
  | 'slots'
  | 'concurrentReplicas'
  | 'fill'
  | 'packing'
  | 'shards'
  | 'startsStated'
  | 'runWallHours'
>;

/** What the profile states about its jobs, for the packing note's hint: `jobsPerMonth` null for a demand of GPU-hours. */
export interface JobsStated {
  readonly jobsPerMonth: number | null;
  readonly peakToMeanRatio: number;
  /** The stated hours of one job and its GPUs on the demand's GPU, for the hint to run it on the whole instance. */
  readonly hoursPerJob?: number;
  readonly demandGpusPerReplica?: number;
}

export function packing(s: Sharing, perInstance: number, jobs?: JobsStated): string {
  const g = s.gpusPerReplica;
  const why =
    s.sharing === 'whole'
      ? `each replica of ${g} GPU(s) holds a whole instance of ${perInstance} (its work is not split into independent units; set statelessRequests true if it is)`
      : s.sharing === 'concurrent' && s.fill < s.slots
        ? `separate jobs (trials, fine-tunes) share an instance only while they run at once: ${n(s.concurrentReplicas)} jobs of ${g} GPU(s) run at a time at the peak (useful GPU-hours × peak ÷ (730 h × ${g})), so ${n(s.fill)} of each ${perInstance}-GPU instance's ${s.slots} slots are busy${s.concurrentReplicas < 1 ? ' — each job rents an instance of its own' : ''}`
        : `replicas of ${g} GPU(s) leave GPUs idle on instances of ${perInstance}`;
  const together = togetherHint(s, perInstance, jobs);
  return `${why}: billed GPU-hours are ${n(s.packing)}× the GPU-hours used (whole instances are rented)${together === '' ? wholeInstanceHint(s, perInstance, jobs) : together}`;
}

/**
 * One training job at a time on an instance with more GPUs than it states: each job rents the instance and leaves
 * GPUs idle (a 4-GPU LoRA of a 70B on an 8-GPU H200 instance, billed 2×: $213.69 a month, where the same job stated
 * on all 8 GPUs was $105.40). If it runs data-parallel on the whole instance, its GPU-hours are the same (ideal
 * scaling with the GPU count, the assumption `gpuHoursConserved` states) and its hours a job fall by g ÷ the
 * instance's GPUs: the note says what to state. Only where the instance holds a whole multiple of the job's GPUs and
 * the offer prices the GPU count the demand states (the hours are the demand's).
 */
function wholeInstanceHint(s: Sharing, perInstance: number, jobs: JobsStated | undefined): string {
  if (s.sharing !== 'concurrent' || !(s.concurrentReplicas < 1)) return '';
  if (jobs?.jobsPerMonth == null || jobs.hoursPerJob === undefined) return '';
  const g = s.gpusPerReplica;
  if (jobs.demandGpusPerReplica !== g || !(perInstance > g) || perInstance % g !== 0) return '';
  return `; if a job can run data-parallel on all ${perInstance} GPUs of one instance (its work scaling with the GPU count, a gpufit assumption), state gpusPerReplica ${perInstance} and hoursPerJob ${n((jobs.hoursPerJob * g) / perInstance)}: billed 1× the GPU-hours used`;
}

/**
 * Separate jobs that each rent a multi-GPU instance of their own because they are spread over the month: if they
 * can be started together, the peak says so. The peak ÷ mean that puts k of them at once (k = the jobs of a month,
 * at most the instance's slots) is k ÷ the jobs at once per unit of peak (`concurrentReplicas` ÷ the stated peak),
 * and the instance is then billed slots ÷ k times the GPU-hours used. Said only where it would cut the bill in half
 * or more and at least two jobs a month are stated.
 */
function togetherHint(s: Sharing, perInstance: number, jobs: JobsStated | undefined): string {
  if (jobs === undefined || jobs.jobsPerMonth === null || s.sharing !== 'concurrent') return '';
  if (!(s.concurrentReplicas > 0) || s.fill >= s.slots) return '';
  const k = Math.min(s.slots, Math.floor(jobs.jobsPerMonth));
  if (k < 2 || k < 2 * s.fill) return '';
  const peak = (k * jobs.peakToMeanRatio) / s.concurrentReplicas;
  const billed = perInstance / (k * s.gpusPerReplica);
  return `; if ${k} of the jobs can be started together, state peakToMeanRatio ${n(peak)} (${k} at once at the busiest time) and they share one instance, billed ${n(billed)}× the GPU-hours used`;
}

/**
 * Units of work (not serving) side by side on a multi-GPU instance: said whenever it happens, because the price
 * depends on it — a batch's requests split over the slots, or independent jobs that run at the same time.
 */
export function sharedInstance(s: Sharing, perInstance: number, usedGpuHours: number): string {
  const g = s.gpusPerReplica;
  const hours = `so the ${n(usedGpuHours)} GPU-hours used bill as ${n(usedGpuHours / perInstance)} instance-hours`;
  const alternative = `billed GPU-hours then ${n(s.fill)}× these`;
  // Timed unsplit: the demand states GPU-hours, not its starts (workOnOffer).
  return s.sharing === 'split'
    ? !s.startsStated
      ? `the work's independent requests are split over the instance: ${s.slots} slots of ${g} GPU(s) busy side by side on each ${perInstance}-GPU instance, ${hours}; a job is timed whole (${n(s.runWallHours)} h here), not as shards, since a demand of GPU-hours states no count of runs to price each shard's start-up by — give jobsPerMonth to time it split; if a job cannot be split, set statelessRequests false (${alternative})`
      : s.shards >= s.slots
        ? `each job's independent requests are split over the instance: ${s.slots} shards of ${g} GPU(s) run side by side on each ${perInstance}-GPU instance (a job runs ${n(s.runWallHours)} h here), ${hours}; if a job cannot be split, set statelessRequests false (${alternative})`
        : s.shards > 1
          ? `each job's independent requests are split over its share of the instance: ${n(s.slots / s.shards)} jobs run at once on average, so each runs as ${n(s.shards)} shards of ${g} GPU(s) beside the others' on each ${perInstance}-GPU instance (a job runs ${n(s.runWallHours)} h here), ${hours}; if a job cannot be split, set statelessRequests false (${alternative})`
          : `jobs fill the instance: ${s.slots} or more run at once on average, so each job runs whole on one slot of ${g} GPU(s) beside the others' on each ${perInstance}-GPU instance (${n(s.runWallHours)} h here), ${hours}`
    : `independent jobs share an instance: ${n(s.concurrentReplicas)} jobs of ${g} GPU(s) run at once at the peak, ${n(s.fill)} side by side on each ${perInstance}-GPU instance, ${hours}; that needs them queued to start together — if each job gets an instance of its own, set statelessRequests false (${alternative})`;
}

export function availabilityFromInterruptions(perHour: number, restartHours: number, a: number): string {
  return `node availability derived from ${n(perHour)} interruptions an hour, each taking the restart time ${n(restartHours)} h to replace: a = 1/(1 + λR) = ${p(a)}`;
}

export function serving(
  needed: number,
  units: number,
  replicasPerUnit: number,
  nodes: number,
  target: number,
  a: number,
  held: 'committed' | 'by-the-day' | 'flexible',
  spares: number = units - needed,
): string {
  const plural = needed > 1 ? 's' : '';
  const unit =
    nodes > 1
      ? `replica${plural} (${nodes} nodes, up when all are)`
      : `instance${plural} (${replicasPerUnit} replica${replicasPerUnit > 1 ? 's' : ''} each)`;
  const capacity =
    held === 'committed'
      ? 'committed capacity is held at the peak all month'
      : held === 'by-the-day'
        ? 'capacity booked by the day cannot follow the demand within a day, so the peak is held all month'
        : spares < units - needed - 1e-9
          ? `on-demand/spot capacity follows the demand, with at least one instance always on, and so do the spares: each hour holds the spares its own demand needs for the target, ${n(spares)} on average over the month (${units - needed} at the peak)`
          : 'on-demand/spot capacity follows the demand, with at least one instance always on';
  return `serving: ${needed} ${unit} ${needed > 1 ? 'carry' : 'carries'} the peak (mean × peakToMeanRatio); ${units} reach availability ${target} with each available ${p(a)}, assuming they fail independently (k-out-of-n) — units on one host, provider or region fail together more often; ${capacity}`;
}

/**
 * The redundancy line's note: how many units of how many GPUs are held as spares, and why — the units the peak needs
 * are not all up as often as the target asks (a 70B summarizer on one AWS p4de read USD 20,036.35 of "redundant
 * replicas" with no word that it was one whole 8-GPU instance held because the instance's 0.995 is under 0.999).
 */
export function spareUnits(
  spares: number,
  sparesAtPeak: number,
  needed: number,
  nodes: number,
  gpusPerInstance: number,
  target: number,
  unitAvailability: number,
): string {
  const many = Math.abs(spares - 1) > 1e-9;
  const unit =
    nodes > 1
      ? `replica${many ? 's' : ''} of ${nodes} × ${gpusPerInstance}-GPU nodes`
      : `${gpusPerInstance}-GPU instance${many ? 's' : ''}`;
  const held =
    Math.abs(spares - sparesAtPeak) < 1e-9
      ? 'held all month'
      : `on average over the month (${sparesAtPeak} at the peak)`;
  const peak =
    needed === 1
      ? `the one the peak needs is available ${p(unitAvailability)}`
      : `the ${needed} the peak needs are all up ${p(unitAvailability ** needed)} of the time`;
  return `${n(spares)} spare ${unit} ${held}: ${peak}, under the availability target ${target}`;
}

/** The egress line's note when the offer's tiers open with a free allowance (`freeEgressAllowanceGiB`). */
export function egressAllowanceUsed(provider: string, allowanceGiB: number): string {
  return `${provider}'s free ${n(allowanceGiB)} GiB a month is per account, taken as used by the rest of it: these GiB are priced from the first paid tier — a gpufit assumption`;
}

export function checkpointed(
  jobHours: number,
  mtbfHours: number,
  pf: ProfileFacts,
  intervalHours: number,
  inflation: number,
  nodes: number,
  sync: { readonly syncUsd: number; readonly usdPerHour: number } | null = null,
  offHostHours = 0,
): string {
  const per = nodes > 1 ? ` (the allocation's ${nodes} nodes fail independently: M = M_node/${nodes})` : '';
  const optimum =
    sync === null
      ? "optimum of Daly's cost function"
      : `the interval of least expected cost in Daly's model, which counts each checkpoint's sync off the host (${usd(sync.syncUsd)} a checkpoint, against ${usd(sync.usdPerHour)} an hour of the run): ${n(optimalCheckpointInterval(pf.checkpointHours + offHostHours, mtbfHours))} h would minimize the wall time alone`;
  const times =
    offHostHours > 0
      ? `checkpoint ${n(pf.checkpointHours * 60)} min + ${n(offHostHours * 60)} min to upload it off the host, restart ${n(pf.restartHours * 60)} min${restartWhy(pf.restartIsStartup)} + ${n(offHostHours * 60)} min to fetch it onto a new one: a checkpoint counts once it is off the host, and the job waits for it — a gpufit assumption`
      : `checkpoint ${n(pf.checkpointHours * 60)} min, restart ${n(pf.restartHours * 60)} min${restartWhy(pf.restartIsStartup)}`;
  return `interruptions: a ${n(jobHours)} h job with mean time between interruptions ${n(mtbfHours)} h${per} checkpoints every ${n(intervalHours)} h (${optimum}; ${times}) and takes ${n(inflation)}× its failure-free time; failures are assumed Poisson (exponential)`;
}

/** Why the restart is the stated start-up, when it is: a replacement host starts the job from its image. */
function restartWhy(restartIsStartup: boolean): string {
  return restartIsStartup
    ? ' (the stated start-up, longer than restartMinutes: a replacement host pulls the image and loads the weights before work resumes — a gpufit assumption)'
    : '';
}

export function fromScratch(
  jobHours: number,
  mtbfHours: number,
  restartHours: number,
  inflation: number,
  resumes: boolean,
  syncUsd: number | null = null,
  restartIsStartup = false,
): string {
  const why = !resumes
    ? 'not checkpointable'
    : syncUsd === null
      ? 'short enough that rerunning beats checkpointing'
      : `cheaper to rerun than to checkpoint, each checkpoint's sync off the host costing ${usd(syncUsd)} besides its time`;
  return `interruptions: the job is ${why}, so each interruption restarts it from scratch: E[T] = (M + R)(e^{T/M} − 1) with T = ${n(jobHours)} h, M = ${n(mtbfHours)} h, R = ${n(restartHours)} h${restartWhy(restartIsStartup)} takes ${n(inflation)}× its failure-free time (it stays feasible, at that cost)`;
}

export function commitment(
  utilization: number,
  source: string,
  effectiveRate: number,
  offer: Offer,
  profile: WorkloadProfile,
  termFactor: number,
): string {
  const term =
    termFactor > 1
      ? `; the ${offer.termMonths}-month term outlasts the ${profile.horizonMonths}-month horizon, so the whole term's commitment is spread over the horizon (×${n(termFactor)})`
      : '';
  return `commitment: every committed hour is paid; utilization ${n(utilization)} from ${source} makes the effective rate ${usd(effectiveRate)} per used GPU-hour${term}`;
}

export function breakEven(u: number): string {
  return u > 1
    ? 'commitment break-even: the committed rate is above the on-demand rate, so the commitment never pays'
    : `commitment break-even utilization against the on-demand rate given: ${n(u)}`;
}

/**
 * The dataset's upload. An upload of a day or more is also said in days (a 100 TiB video corpus at 1 Gbit/s: 244 h,
 * 10.2 days, which a founder reads as a calendar fact). gpufit prices no storage: a 100 TiB dataset held at the
 * provider for the horizon is a monthly bill the figures leave out, so the note says so for every dataset.
 */
export function ingress(gib: number, horizonMonths: number, hours: number, mbps: number): string {
  const days = hours >= 24 ? ` (${n(hours / 24)} days)` : '';
  return `the ${n(gib)} GiB dataset is uploaded once and its ingress amortized over the ${horizonMonths}-month horizon; the upload takes ${n(hours)} h${days} at ${n(mbps)} Mbit/s (egress from where the data lives today is not included, nor is storing the dataset at the provider: gpufit prices no storage)`;
}

/** What uploading `gib` every month (`ingressGiBPerMonth`) adds, at the offer's ingress rate. */
export function monthlyIngress(gib: number, hours: number, mbps: number, usdPerGiB: number): string {
  return `${n(gib)} GiB are uploaded every month (ingressGiBPerMonth) at ${usdPerGiB > 0 ? `$${n(usdPerGiB)}/GiB` : 'no ingress charge'}; each month's upload takes ${n(hours)} h at ${n(mbps)} Mbit/s (egress from where the data lives today is not included)`;
}

/**
 * `fullGiB`: the method's whole checkpoint (a full run's weights and optimizer state), when the checkpoint was capped
 * below it by the stated footprint; null otherwise. `adapters`: the method's label ("LoRA", "QLoRA") when the run
 * trains adapters on a frozen model, null for a full run; `assumed`: the method was the kind's default.
 */
export function checkpointSync(
  gib: number,
  syncs: number,
  hours: number,
  mbps: number,
  fullGiB: number | null = null,
  adapters: string | null = null,
  assumed = false,
): string {
  const what =
    fullGiB !== null
      ? `at most the ${n(gib)} GiB the stated GPUs per replica hold, not the whole model's ${n(fullGiB)} GiB of weights and optimizer state (a run that offloads optimizer state to the host saves more; a LoRA or QLoRA run saves only its adapters: say so in trainingMethod)`
      : adapters !== null
        ? `the ${adapters} adapters and their optimizer state, ${n(gib)} GiB each: the frozen model is not saved${assumed ? `; ${adapters} assumed (default for this kind; set trainingMethod)` : ''}`
        : `weights + optimizer state, ${n(gib)} GiB each`;
  return `checkpoints (${what}) leave the host ${n(syncs)} times a month, because marketplace/DePIN hosts offer no durable storage — priced as the host's egress after the results (a gpufit assumption); each upload takes ${n(hours)} h at ${n(mbps)} Mbit/s`;
}

export function subsidy(share: number, initial: number, offer: Offer, given: boolean): string {
  const from = given ? 'the month priced' : 'month 0 (scenario schedule share, else the offer)';
  const symbol = offer.incentive?.symbol;
  return `incentive subsidy: the ${symbol === undefined ? offer.provider : symbol} incentive token pays ${n(share * 100)} % of GPU time (share for ${from}); the list price is what a tenant pays today, with month 0's ${n(initial * 100)} % in it, so GPU time is shown at the unsubsidized price (list ÷ ${n(1 - initial)}) and the subsidy as a negative line`;
}

export function tokenWithoutModel(symbol: string): string {
  return `the offer is priced in the ${symbol} incentive token but the scenario has no price model for it; the USD list price is used as is`;
}

export function tokenRatio(symbol: string, now: number, spot: number, ratio: number): string {
  return `the offer is priced in the ${symbol} incentive token: its USD list price was observed at the scenario's spot $${n(spot)}; at $${n(now)} the USD cost is ×${n(ratio)}`;
}

export function adjusted(before: number, after: number, month: number): string {
  return `a scenario price adjustment changes the list price from ${usd(before)} to ${usd(after)} per GPU-hour in month ${month}`;
}

export function reworkOverflow(usedGpuHours: number, inflation: number): string {
  return `${n(usedGpuHours)} GPU-hours a month of jobs that each take ${n(inflation)}× their failure-free time under this offer's interruptions is more re-work than can be counted: the demand cannot run here`;
}

export function badAdjustment(value: number): string {
  return `a scenario price adjustment gave ${String(value)} for this offer's price, which is not a price`;
}

export function adjustedBelowFloor(value: number): string {
  return `the scenario's price adjustments make this offer's price ${readableNumber(value, 3)} USD per GPU-hour, below gpufit's floor of ${MIN_USD_PER_GPU_HOUR}: it is left unpriced, never priced at $0`;
}

export function subsidizedBelowFloor(price: number, share: number): string {
  return `an incentive subsidy of ${p(share)} of the price ${readableNumber(price, 3)} USD per GPU-hour leaves the tenant ${readableNumber(price * (1 - share), 3)} USD per GPU-hour, below gpufit's floor of ${MIN_USD_PER_GPU_HOUR}: it is left unpriced, never priced at $0`;
}

/** A probability for reading: up to 6 significant digits, so 0.99997 does not read as 1. */
function p(x: number): string {
  return readableNumber(x, 6);
}

const n = (x: number): string => readableNumber(x);

const CENTS = { mode: roundingModes.halfEven, scale: 2 } as const;

function usd(x: number): string {
  return `$${formatMinorUnits(toMinorUnits(x, CENTS), { scale: 2, grouping: '' })}`;
}

/**
 * After a serving commitment's note, when one instance kept up holds far more than the demand: the work's share
 * of the hours held and its rate per GPU-hour of work (a 7B hobby chatbot of 40 GPU-hours a month on a 12-month
 * L4 commitment read "utilization 1 … $0.56 per used GPU-hour"; its work costs $10.28 a GPU-hour).
 */
export function workBelowFloor(workShare: number, price: number): string {
  return `; the demand itself is ${readableNumber(workShare * 100, 3)} % of the hours held (one instance stays up all month for availability; the rest is the line of always-on hours held idle, not GPU time), so a GPU-hour of its work costs ${usd(price / workShare)}`;
}

/** Serving capacity that is not committed, held beyond its work: `heldHours` a month in all. */
export function idleCapacity(idleHours: number, heldHours: number, byTheDay: boolean): string {
  const why = byTheDay
    ? 'capacity booked by the day holds the peak all month'
    : 'one instance stays up all month for availability';
  return `held idle: ${n(idleHours)} of the ${n(heldHours)} GPU-hours held a month run no work (${why}); they are billed as their own line, not as GPU time — the work itself is ${readableNumber(((heldHours - idleHours) / heldHours) * 100, 3)} % of the hours held`;
}

/**
 * The serving units meet the availability target with no spare: the target rests on the units' own availability
 * figure alone, which the report says rather than adding spares the k-out-of-n count does not need. `figure`: where
 * the units' availability comes from —
 * `stated` (the offer's availability, an SLA figure: a service credit, not a measured uptime) or `derived` (from its
 * interruption rate and the restart time: gpufit's model, not a measured uptime either).
 */
export function noSpareUnit(units: number, target: number, a: number, figure: 'stated' | 'derived'): string {
  const who =
    units === 1
      ? `one unit whose availability figure (${p(a)}) reaches the target by itself`
      : `${units} units all up, each at its availability figure (${p(a)})`;
  const what =
    figure === 'stated'
      ? 'an SLA figure is a service credit, not a measured uptime'
      : "that figure is derived from the offer's interruption rate and the restart time, a model, not a measured uptime";
  return `no spare unit: availability ${target} is met only on paper, by ${who}; ${what}, and ${units === 1 ? 'an outage of the unit is an outage of the service' : 'an outage of any unit leaves the peak short'} — add a replica (or a second provider) if ${target} must hold`;
}

/**
 * The start-up each stated job's run pays on the GPUs it holds (profileFacts' `startupHours`): as the workload
 * states it (`startupMinutes`), or taken as its restart time, a gpufit assumption.
 */
export function startup(
  startupHours: number,
  stated: boolean,
  shards: number,
  gpuHours: number,
  jobsPerMonth: number,
): string {
  const where = shards > 1 ? `on each of its ${n(shards)} shards` : 'on its GPUs';
  const jobs = jobsPerMonth === 1 ? 'the one job a month' : `each of the ${n(jobsPerMonth)} jobs a month`;
  const minutes = n(startupHours * 60);
  const source = stated
    ? `stated as ${minutes} min (startupMinutes)`
    : `taken as the restart time (${minutes} min) — a gpufit assumption`;
  return `${jobs} starts by pulling its image and loading its weights ${where}, ${source}: ${readableHours(gpuHours)} GPU-hours a month, billed as GPU time`;
}

/**
 * A stated start-up that prices nothing, said rather than dropped in silence: a service is held, not started per
 * job, and a demand of GPU-hours alone states no count of runs to start (profileFacts' `startupHours` is 0).
 */
export function startupNotPriced(minutes: number, serving: boolean): string {
  return serving
    ? `the stated start-up (startupMinutes ${n(minutes)}) is not priced: a service's units are held all month, not started per job`
    : `the stated start-up (startupMinutes ${n(minutes)}) is not priced: the demand states GPU-hours, not how many runs start — give jobsPerMonth and hoursPerJob to price each run's start-up`;
}

/** A workload that states a start-up of 0 (`startupMinutes` 0): its runs are priced with none. */
export const NO_STARTUP_STATED =
  'no start-up is priced: the workload states startupMinutes 0 (its image and weights are ready when a job starts)';

/**
 * A batch job refused on an offer (`horizon`): its work alone outlasts the workload's horizon, or its expected run,
 * re-work included, would not finish even in the month after it (`jobPastHorizon`).
 */
export function pastHorizon(runHours: number, wallHours: number, horizonMonths: number): string {
  const rework =
    runHours > wallHours * 1.0005
      ? ` (${n(wallHours)} h of work, the rest start-up and re-work after interruptions)`
      : '';
  const horizonHours = horizonMonths * HOURS_PER_MONTH;
  const past = wallHours <= horizonHours ? 'more than a month past' : 'longer than';
  return `one job runs ${n(runHours)} h here${rework}, ${past} the workload's ${horizonMonths}-month horizon (${n(horizonHours)} h): it would not finish, so it is not priced as if it did`;
}

/**
 * A batch job whose work fits the workload's horizon but whose expected start-up and re-work carry it past, by
 * less than a month: priced in full, the overrun said (a 2-month pre-training run of 1,440 h on 64 nodes takes
 * 1,555 h with its expected failures, and was refused on every offer until 2026-12-05).
 */
export function runsPastHorizon(runHours: number, wallHours: number, horizonMonths: number): string {
  const horizonHours = horizonMonths * HOURS_PER_MONTH;
  const over = runHours - horizonHours;
  return `one job runs ${n(runHours)} h here (${n(wallHours)} h of work, the rest start-up and re-work after interruptions): ${readableHours(over)} h (${n(over / 24)} days) past the workload's ${horizonMonths}-month horizon (${n(horizonHours)} h), so it finishes after the plan ends; it is priced in full, as the bill runs until it finishes — a gpufit assumption (a job whose work alone outlasts the horizon, or that would not finish within a month after it, is refused)`;
}
