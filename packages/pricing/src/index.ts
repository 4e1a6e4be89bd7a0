/**
 * @gpufit/pricing — the cost model (DESIGN §5). A curated list of named exports; internals stay internal.
 * mathjs is never loaded by importing this module: only `compileFormula`/`loadFormulaEngine` load it, lazily.
 * Pure: runs in Node and in a browser.
 *
 * @module @gpufit/pricing
 */

export { PricingAssertionError } from './assert.js';
// Assumed figures, with their sources (docs/methodology.md)
export {
  ASSUMED_OUTAGE_HOURS,
  CHECKPOINT_STORAGE,
  EGRESS_DEFAULTS,
  INFERENCE_MEMORY_OVERHEAD,
  RELIABILITY_DEFAULTS,
  TRAINING_KERNEL_RESERVE_GIB,
} from './assumptions.js';
// Commitments (§5.6)
export { breakEvenUtilization } from './commitments/breakEvenUtilization.js';
export { effectiveCommittedRate } from './commitments/effectiveCommittedRate.js';
export { termFactor } from './commitments/termFactor.js';
// Data gravity (§5.5)
export { freeEgressAllowanceGiB } from './data/freeEgressAllowanceGiB.js';
export { tieredEgressUsd } from './data/tieredEgressUsd.js';
export { transferHours } from './data/transferHours.js';
// Cost of one workload on one offer (§5.1–5.7)
export { billedJobHours } from './estimate/billedJobHours.js';
export { billedByTheDay, bookedAheadDays, SECONDS_PER_DAY } from './estimate/bookedAhead.js';
export type { CostFloor, GpuWorkFloor, ReliabilityFloor, WorkFloor } from './estimate/costFloor.js';
export {
  costFloor,
  costFloorKey,
  costFloorOf,
  costFloorUsd,
  gpuHoursFloor,
  gpuWorkFloor,
  gpuWorkFloorsOf,
  instanceHoursFloor,
  reliabilityFloors,
  reliabilityOf,
  workFloor,
  workFloorKey,
} from './estimate/costFloor.js';
export type { EstimateCostOptions, PriceAdjuster } from './estimate/estimateCost.js';
export { estimateCost } from './estimate/estimateCost.js';
export {
  type InterruptionRateMultipliers,
  offersWithInterruptionMultipliers,
  scaledAvailability,
  withInterruptionMultiplier,
} from './estimate/interruptionMultipliers.js';
export { interruptionsFromAvailability } from './estimate/offerFacts.js';
export { dataEligibility } from './feasibility/dataEligibility.js';
export {
  DYNAMIC_GPUS_PER_ZONE,
  dynamicCapacity,
  gpusCountedPerPlace,
} from './feasibility/dynamicCapacity.js';
export type { Feasibility, FeasibilityOptions } from './feasibility/feasibility.js';
export { feasibility, gpuFeasible, placeFeasible, placeKey } from './feasibility/feasibility.js';
export { gdprInPlace } from './feasibility/gdprInPlace.js';
export { meetsCompliance } from './feasibility/meetsCompliance.js';
export {
  farthestRoundTripMs,
  leastRoundTripMs,
  NETWORK_SHARE_OF_P99,
} from './feasibility/networkLatency.js';
export type { PlacementLists } from './feasibility/placementRule.js';
export { interruptibleRule, placementRule } from './feasibility/placementRule.js';
export type { ResidencyProblem } from './feasibility/residencyProblem.js';
export { residencyProblem } from './feasibility/residencyProblem.js';
// User formulas (mathjs, restricted, loaded lazily)
export type { CompiledFormula, CompileFormulaOptions, FormulaRange } from './formula/compileFormula.js';
export { compileFormula, compileFormulaWith } from './formula/compileFormula.js';
export {
  ADJUSTED_PRICE_RANGE,
  compilePriceAdjustments,
  PRICE_ADJUSTMENT_VARIABLES,
} from './formula/compilePriceAdjustments.js';
export type { FormulaErrorCode } from './formula/FormulaError.js';
export { FormulaError } from './formula/FormulaError.js';
export type { FormulaEngine } from './formula/loadFormulaEngine.js';
export { loadFormulaEngine } from './formula/loadFormulaEngine.js';
// Hosted serverless APIs that sell open-weight models per token (a finding beside the placements, not a placement)
export { hostedApiMonthlyUsd } from './hosted/hostedApiMonthlyUsd.js';
export type { HostedApiPriceRow, HostedApiPriceTable } from './hosted/hostedApiPriceTable.js';
export { hostedApiPriceTable } from './hosted/hostedApiPriceTable.js';
export type { HostedApiTerm, HostedApiTermBasis, HostedApiTermRow } from './hosted/hostedApiTerms.js';
export {
  GLOBAL_SERVING,
  HOSTED_API_TERM_BASES,
  HOSTED_API_TERMS,
  servingPlacesMeetResidency,
} from './hosted/hostedApiTerms.js';
export { normalizeModelName } from './hosted/normalizeModelName.js';
// Incentive tokens and subsidies (§5.7); the effective price estimating, matching and ranking share
export type { EffectivePrice, EffectivePriceOptions } from './incentives/effectivePrice.js';
export { effectivePrice } from './incentives/effectivePrice.js';
export { initialSubsidyShare, subsidyEntryFor, subsidyScheduleFor } from './incentives/subsidyScheduleFor.js';
export type { TokenFloor, TokenFloorTerms } from './incentives/tokenFloor.js';
export { flooredTokenRatio, flooredTokenUsdPerGpuHour, tokenFloorTerms } from './incentives/tokenFloor.js';
export { tokenPriceRatio } from './incentives/tokenPriceRatio.js';
export { unsubsidizedUsdPerGpuHour } from './incentives/unsubsidizedPrice.js';
// Memory (§5.1)
export { bytesPerParameter, checkpointGiB, gpusForModel, modelMemoryGiB } from './memory/modelMemory.js';
// Interruptions and checkpoints (§5.3), availability (§5.4)
export { dalyInterval } from './reliability/dalyInterval.js';
export type { ExpectedRuntime, ExpectedRuntimeOptions } from './reliability/expectedRuntime.js';
export { expectedRuntime } from './reliability/expectedRuntime.js';
export type { CheckpointCosts } from './reliability/optimalCheckpointInterval.js';
export {
  costOptimalCheckpointInterval,
  optimalCheckpointInterval,
} from './reliability/optimalCheckpointInterval.js';
export type { ReplicaCount, ReplicasForDemandOptions } from './reliability/replicasForAvailability.js';
export {
  MAX_REPLICAS,
  replicasForAvailability,
  replicasForDemandAndAvailability,
} from './reliability/replicasForAvailability.js';
export { SPOT_INSTANCE_LIFETIME_HOURS, spotBandHazard } from './reliability/spotBandHazard.js';
export { youngInterval } from './reliability/youngInterval.js';
// GPU tiers (performance normalization, §5.2)
export type { GpuTier, GpuTierTable } from './tiers/gpuTierTable.js';
export { gpuTierTable, REFERENCE_GPU, relativeThroughput } from './tiers/gpuTierTable.js';
export { measuredFormatOf } from './tiers/measuredFormatOf.js';
export type { MeasuredPrecisionNoteInput } from './tiers/measuredPrecisionNote.js';
export { measuredPrecisionNote } from './tiers/measuredPrecisionNote.js';
export type { ModelSizeBand } from './tiers/modelSizeBand.js';
export { MODEL_SIZE_BAND_FLOOR_BILLIONS, MODEL_SIZE_BANDS, modelSizeBand } from './tiers/modelSizeBand.js';
export { precisionOf } from './tiers/precisionOf.js';
export type { GenerationPrecisions } from './tiers/precisionSupport.data.js';
export { NVIDIA_GENERATIONS, PRECISION_SUPPORT } from './tiers/precisionSupport.data.js';
export type { PrecisionVerdict } from './tiers/precisionSupport.js';
export { GPU_GENERATIONS, precisionSupport } from './tiers/precisionSupport.js';
export type { DemandGpu, DemandGpuReason } from './tiers/referenceGpu.js';
export { referenceGpu, SMALL_MODEL_REFERENCE_GPU } from './tiers/referenceGpu.js';
export type { ThroughputConversion, ThroughputConversionInput } from './tiers/throughputConversion.js';
export { throughputConversion } from './tiers/throughputConversion.js';
// Measured throughput ratios between GPUs (MLPerf and other published benchmarks, §5.1b–5.2)
export type {
  ThroughputRatio,
  ThroughputRatioLookupOptions,
  ThroughputRatioRow,
  ThroughputRatioTable,
} from './tiers/throughputRatioTable.js';
export { throughputRatioTable } from './tiers/throughputRatioTable.js';
export { UNIT_RATE_MAX_SIZE_RATIO, unitRateFitsModel } from './tiers/unitRateModelSize.js';
export type {
  UnitRateUse,
  UnitThroughputLookupOptions,
  UnitThroughputRow,
  UnitThroughputTable,
} from './tiers/unitThroughputTable.js';
export {
  UNIT_SCENARIO_PREFERENCE,
  UNITS_PER_QUOTE,
  unitThroughputTable,
  usdPerUnits,
} from './tiers/unitThroughputTable.js';
export type { FormatCaveatConversion } from './tiers/unrecordedFormatCaveat.js';
export { unrecordedFormatCaveat } from './tiers/unrecordedFormatCaveat.js';

// Projection, uncertainty, hybrid split, break-even and sensitivity (§5.8–5.11): a separate block.

export { bareDrawLoop } from './bareDrawLoop.js';
export type { BreakEvenOptions } from './breakEven.js';
export { breakEven, breakEvenNumberText } from './breakEven.js';
export { addMonths, monthsBetween } from './calendarMonth.js';
export type { CommittedBaseBasisInput } from './committedBaseBasis.js';
export { committedBaseBasis } from './committedBaseBasis.js';
export type { CommittedBaseMonth, CommittedBaseMonthPricer } from './committedBaseMonth.js';
export { committedBaseMonthPricer } from './committedBaseMonth.js';
export type { CostBasis, CostBasisResult, DemandMonth, DemandPath, TokenFloorBasis } from './costBasis.js';
export { costBasis, spreadSigma, withTokenFloor } from './costBasis.js';
export type { SideSearch } from './demandPath.js';
export { demandMonthAt, profileAtDemand, withDemandPath } from './demandPath.js';
export type { DemandInput, DemandShape } from './demandShape.js';
export { demandShape, LOGNORMAL_MAX_PEAK_TO_MEAN, PEAK_QUANTILE } from './demandShape.js';
export type { FindRootOptions } from './findRoot.js';
export { findRoot } from './findRoot.js';
export type { HybridRates, HybridSplitOptions } from './hybridSplit.js';
export { baselineForShare, hybridSplit, servedShareOf } from './hybridSplit.js';
export { monteCarlo } from './monteCarlo.js';
export { monteCarloDrawSchedule } from './monteCarloDraws.js';
export type { MonteCarloOut } from './monteCarloKernel.js';
export { allocateMonteCarloOut, monteCarloKernel } from './monteCarloKernel.js';
export type {
  MonteCarloOptionPlan,
  MonteCarloParams,
  MonteCarloPlanOptions,
  MonteCarloScenario,
  MonteCarloTokenPlan,
} from './monteCarloPlan.js';
export { MONTHLY_SAMPLE_TRIALS, monteCarloPlan } from './monteCarloPlan.js';
export { summarizeMonteCarlo } from './monteCarloSummary.js';
export { newsvendorBaseline, newsvendorCriticalRatio } from './newsvendorBaseline.js';
export { normalCdf, normalQuantile } from './normalDistribution.js';
export { percentileOfSorted, percentiles, percentilesInPlace } from './percentile.js';
export { poissonFromUniform, poissonTable } from './poissonInversion.js';
export type {
  PortfolioGroupRunner,
  PortfolioOut,
  PortfolioParams,
  PortfolioPlanName,
  PortfolioPlanOptions,
  PortfolioSummary,
  PortfolioSums,
  PortfolioWorkloadInput,
  PortfolioWorkloadPlan,
} from './portfolioMonteCarlo.js';
export {
  allocatePortfolioOut,
  inlinePortfolioGroup,
  PORTFOLIO_DEMAND_CORRELATION,
  PORTFOLIO_GROUP_INVALID,
  PORTFOLIO_GROUP_WORKLOADS,
  PORTFOLIO_MONTHLY_SAMPLE_TRIALS,
  PORTFOLIO_PLANS,
  PORTFOLIO_SHARES_INVALID,
  portfolioGroup,
  portfolioInGroups,
  portfolioKernel,
  portfolioMonteCarlo,
  portfolioPlan,
  summarizePortfolio,
} from './portfolioMonteCarlo.js';
export type { CostFunction, PricedComparison, PricedInputId, PricedInputSpec } from './pricedInputs.js';
export { PRICED_INPUT_IDS, pricedInputs } from './pricedInputs.js';
export {
  DRAW_NORMAL,
  DRAW_UNIFORM,
  fillDraws,
  hash32,
  MONTE_CARLO_BLOCK_TRIALS,
  Prng,
  seedSfc32State,
} from './prng.js';
export type { ProjectionOptions } from './projectSpend.js';
export { PROJECTION_NEEDS_A_SIDE, projectSpend } from './projectSpend.js';
export type { SensitivityOptions } from './sensitivity.js';
export { SENSITIVITY_INPUTS, sensitivity } from './sensitivity.js';
export type { ProjectionScenario, SpendPath, SpendPathOptions } from './spendPath.js';
export { scheduleFor, spendPath } from './spendPath.js';
export type {
  FormulaCompiler,
  ShareCurve,
  SubsidyScheduleSpec,
  SubsidyShareOptions,
} from './subsidyShareAt.js';
export {
  SUBSIDY_FORMULA_VARIABLES,
  SUBSIDY_SHARE_RANGE,
  subsidySchedules,
  subsidyShareAt,
  subsidyShareCurve,
} from './subsidyShareAt.js';
export { expectedTokenPrice, tokenPricePath, tokenStepCoefficients } from './tokenPricePath.js';
