/**
 * zod schemas and TypeScript types of gpufit's inputs (workload profiles, offers, scenarios) and results
 * (analyses), their validators with row-level issues, the CSV cell codecs and the JSON Schema export. Pure: runs
 * in Node and in a browser.
 *
 * @module @gpufit/schema
 */
export { calendarDateProblem, EARLIEST_DATE, LATEST_DATE } from './calendarDate.js';
/** A residency place (ISO-3166 country or bloc), upper-cased, as a workload's `residency` and an offer's `country` take it. */
export { placeCode } from './common.js';
export type { CellKind, DecodedCell } from './csvCodec.js';
export { decodeCell, decodeRecord } from './csvCodec.js';
export { demandGrowthOf, growsWithDemand } from './demandGrowthOf.js';
export { hardConstraintRisk } from './hardConstraintRisk.js';
export { hiddenCharacterProblem, showHiddenCharacters } from './hiddenCharacters.js';
export type { IssueLocation, Validated, ValidationIssue } from './issues.js';
export { closest, formatIssue, formatIssues, issuesFromZod } from './issues.js';
export { joinWithAnd } from './joinWithAnd.js';
export { jsonSchemas } from './jsonSchema.js';
// Money: float64 inside, rounded once at presentation (one module for pricing and report)
export { allocate } from './money/allocate.js';
export type { FormatMinorUnitsOptions } from './money/formatMinorUnits.js';
export { formatMinorUnits, groupThousands } from './money/formatMinorUnits.js';
export type { MoneyErrorDetail, MoneyMessage } from './money/messages.js';
export { MONEY_MESSAGES, MoneyError } from './money/messages.js';
export type { RoundingMode } from './money/roundingMode.js';
export type { RoundingModeName } from './money/roundingModes/index.js';
export { DEFAULT_ROUNDING_MODE, roundingModes } from './money/roundingModes/index.js';
export type { RoundedLineItems, RoundLineItemsOptions } from './money/roundLineItems.js';
export { allocateScaled, allocateToItems, roundLineItems } from './money/roundLineItems.js';
export type { ToMinorUnitsOptions } from './money/toMinorUnits.js';
export { scaleToMinor, toMinorUnits } from './money/toMinorUnits.js';
export { namedEntry } from './namedEntry.js';
export { didYouMean, editDistance, nameDistance, nearestNames, nearLimit } from './nearestNames.js';
export { normalizeModelName } from './normalizeModelName.js';
export type { EgressTier, Incentive, Offer, OfferInput, OfferRuleInput } from './offer.js';
export {
  egressTierSchema,
  OFFER_FIELDS,
  offerFromInput,
  offerInputSchema,
  offerRuleIssues,
  offerSchema,
} from './offer.js';
export type { OfferFieldRule } from './offerFields.js';
export { OFFER_FIELD_RULES } from './offerFields.js';
export { recommendedDepinShare } from './placementShare.js';
export {
  BLOC_COUNTRIES,
  CONTINENT_COUNTRIES,
  continentNamed,
  continentOf,
  placeIncludesCountry,
  usersPlaceCode,
} from './places.js';
export {
  MAX_ADJUSTED_USD_PER_GPU_HOUR,
  MAX_LISTED_USD_PER_GPU_HOUR,
  MIN_USD_PER_GPU_HOUR,
  SPOT_NEAR_ON_DEMAND,
  spotNearOnDemand,
} from './priceLimits.js';
export { REFUSED_OFFERS, REFUSED_SHORT, refusedOne } from './refusedOffers.js';
export type {
  FocusService,
  Market,
  MarketSpec,
  PricingCategory,
  PricingCategorySpec,
  ReportFormat,
  ReportFormatSpec,
  SubsidyKind,
  SubsidyKindSpec,
  TextReportFormatId,
} from './registries.js';
export {
  isCommitted,
  isInterruptibleCategory,
  isTextReportFormat,
  MARKET_REGISTRY,
  MARKETS,
  PRICING_CATEGORIES,
  PRICING_CATEGORY_REGISTRY,
  REPORT_FORMAT_REGISTRY,
  REPORT_FORMATS,
  SUBSIDY_KIND_REGISTRY,
  SUBSIDY_KINDS,
  TEXT_REPORT_FORMAT_IDS,
} from './registries.js';
export type { AnalysisResult } from './resultSchemas.js';
export { analysisResultSchema, workloadAnalysisSchema } from './resultSchemas.js';
export type * from './results.js';
export {
  ANALYSIS_SCHEMA_VERSION,
  APPROACHES,
  BREAK_EVEN_VARIABLES,
  COST_COMPONENT_NAMES,
  FIT_LEVELS,
  REJECTION_CODES,
} from './results.js';
export type { SavingBar, SavingBarShortfall } from './savingBar.js';
export { savingBarShortfall, savingBarShortfallText, savingShareText } from './savingBar.js';
export type {
  PlacementPolicy,
  PlacementPolicyInput,
  PriceAdjustment,
  Scenario,
  ScenarioInput,
  SubsidySchedule,
  TokenPriceModel,
} from './scenario.js';
export {
  decisionPolicySchema,
  interruptionRateMultipliersSchema,
  LAST_CALENDAR_MONTH,
  MAX_HORIZON_MONTHS,
  MAX_INTERRUPTION_RATE_MULTIPLIER,
  placementPolicySchema,
  priceAdjustmentSchema,
  SCENARIO_DEFAULTS,
  scenarioInputSchema,
  scenarioSchema,
  subsidyScheduleSchema,
  tokenPriceModelSchema,
} from './scenario.js';
export type { KnownNames } from './scenarioNames.js';
export { scenarioNameIssues } from './scenarioNames.js';
export type { ModelFamily, ModelTask } from './taskOfModel.js';
export { MODEL_FAMILIES, taskOfModel } from './taskOfModel.js';
export {
  isCapacityBlock,
  isTermCommitment,
  isTermCommitmentRef,
  SECONDS_PER_DAY,
} from './termCommitment.js';
export type { TrainingMethodSpec } from './trainingMemory.js';
export {
  ADAM_STATE_BYTES_FP32,
  ADAM_STATE_BYTES_MIXED_PRECISION,
  adamStateBytes,
  checkpointBytesPerParameter,
  defaultTrainingMethod,
  LORA_ADAPTER_SHARE,
  NF4_BYTES_PER_PARAMETER,
  ONE_80GB_GPU_TRAINING_GIB,
  TRAINING_KERNEL_RESERVE_GIB,
  trainingBytesAtShare,
  trainingBytesPerParameter,
  trainingMemoryGiB,
  trainingMethods,
} from './trainingMemory.js';
export type { EmbeddingCensusEntry } from './unquantizedParameterShare.js';
export {
  EMBEDDING_CENSUS,
  embeddingParamsBillions,
  unquantizedParameterShare,
  unquantizedParamsBillions,
} from './unquantizedParameterShare.js';
export { neverThrowing, unreadableIssue } from './unreadableInput.js';
export {
  offerCodecs,
  offerFromCsv,
  validateOffer,
  validateScenario,
  validateWorkloadProfile,
  workloadProfileCodecs,
  workloadProfileFromCsv,
} from './validate.js';
export type * from './vocabulary.js';
export {
  BLOCS,
  COMPLIANCE_REQUIREMENTS,
  CONTINENTS,
  COST_SENSITIVITIES,
  DATA_SENSITIVITIES,
  DENOMINATIONS,
  GLOBAL_PLACE,
  GPU_POLICIES,
  HOSTINGS,
  HOURS_PER_MONTH,
  INTERCONNECTS,
  OUTPUT_UNITS,
  PRECISION_BYTES,
  PRECISIONS,
  REGION_LISTINGS,
  TRAINING_METHODS,
  UNIT_THROUGHPUT_SCENARIOS,
  WORKLOAD_KINDS,
} from './vocabulary.js';
export type { WorkloadField, WorkloadFieldDefault, WorkloadFieldSpec } from './workloadFields.js';
export { WORKLOAD_FIELDS } from './workloadFields.js';
export type { ThroughputClass, WorkloadKindDefaults, WorkloadKindSpec } from './workloadKinds.js';
export { THROUGHPUT_CLASSES, workloadKinds } from './workloadKinds.js';
export type { AssumableProfileField, WorkloadProfile, WorkloadProfileInput } from './workloadProfile.js';
export {
  ASSUMABLE_FIELDS_OF_KIND,
  ASSUMABLE_PROFILE_FIELDS,
  assumedMark,
  assumedProfileFields,
  defaultOutputUnit,
  isAssumed,
  outputProblems,
  trainingMethodProblem,
  WORKLOAD_PROFILE_EXTRA_FIELDS,
  WORKLOAD_PROFILE_FIELDS,
  workloadProfileInputSchema,
  workloadProfileSchema,
} from './workloadProfile.js';
export type { WorkloadTask, WorkloadTaskSpec } from './workloadTasks.js';
export { WORKLOAD_TASKS, workloadTasks } from './workloadTasks.js';
