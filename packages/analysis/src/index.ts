/**
 * The gpufit analysis core: everything that decides and analyzes, with no Node APIs (no files, streams,
 * clock, environment or unseeded randomness), so `analyze()` runs in a browser or a worker as it does in Node.
 * Fit → cheapest feasible cloud and DePIN offers → decision → hybrid split → projection → seeded Monte Carlo →
 * risks → portfolio totals. The analysis date and the seed come in with the scenario; the Monte Carlo runs on
 * this thread unless a runner is passed (gpufit's Node front door passes worker threads). A curated list of
 * named exports (no `export *`).
 *
 * @module @gpufit/analysis
 */

export { analyze } from './analyze.js';
// The whole job: a portfolio in memory (analyze.ts), or streamed with bounded memory (analyzeStream.ts)
// What each scenario setting did to the chosen options (report's "Scenario settings and their effect", diff)
export type { AnalyzeInput, MonteCarloRunner, ScenarioRun } from './analyzeInput.js';
export type {
  AnalysisSinks,
  AnalyzeStreamInput,
  AnalyzeStreamOptions,
  TextSink,
  WorkloadItem,
} from './analyzeStream.js';
export { analyzeStream, STREAMED_NOTE } from './analyzeStream.js';
// Places and dates of offers
export { addDays, asOfDay, daysBetween } from './asOfDay.js';
// A committed cloud base with on-demand bursts, said as a risk (committed-base)
export type { CommittedBaseMix } from './committedBaseMix.js';
// Reference data rows the analysis reads (datasets/*.csv) and each network's default subsidy schedule
export type { GpuAlias, GpuTier, NetworkInfo, RegionInfo } from './datasetTypes.js';
// Decision and risk rules, as data
export type { DecideInput, DecideOutput, DecisionPolicy, DecisionRule } from './decide.js';
export { decide, decisionRules, isHybrid } from './decide.js';
export { defaultSubsidies, withDefaultSubsidies } from './defaultSubsidies.js';
// Two analyses compared (gpufit diff)
export type { AnalysisDiff, Change, NumberChange, WorkloadDiff } from './diffAnalyses.js';
export { diffAnalyses } from './diffAnalyses.js';
export type { HostedApiAdmission, HostedApiBlocker } from './hostedApiBlockers.js';
export { hostedApiAdmissions, hostedApiBlockers } from './hostedApiBlockers.js';
export type {
  HostedApiCompared,
  HostedApiComparison,
  HostedApiFigures,
  HostedApiNotCounted,
} from './hostedApiComparison.js';
export {
  compareHostedApi,
  HOSTED_API_MARGIN,
  hostedApiClearlyCheaper,
  INPUT_TOKENS_PER_OUTPUT_TOKEN,
} from './hostedApiComparison.js';
// Offers: which market is which side, the cheapest feasible offer, a ranked listing (gpufit offers)
export type { CheapestFeasibleOptions, MatchStats, OfferIndex } from './matchOffers.js';
export { cheapestFeasible, indexOffers } from './matchOffers.js';
export { offerAgeDays } from './offerAgeDays.js';
export { offerInPlace, placeKind } from './offerInPlace.js';
// The joint Monte Carlo of the whole plan (its kernel runner is what gpufit puts on worker threads)
export type { PortfolioKernelRunner } from './portfolioDistribution.js';
export { inlinePortfolioKernel, portfolioDistribution } from './portfolioDistribution.js';
export type { OfferCitation } from './portfolioLedger.js';
export type { MarketFilter, OfferFilter, RankedOffer } from './rankOffers.js';
export { cheapestReason, effectiveUsdPerGpuHour, offerMatches, rankOffers } from './rankOffers.js';
export type { RiskEvidence } from './risks.js';
export { riskRules } from './risks.js';
export { chosenOption, describeChange, scenarioEffects } from './scenarioEffects.js';
// Sharded runs: a shard's JSON Lines and the merge of the shards into one streamed report
export type {
  MergedBooks,
  ShardDigests,
  ShardFooter,
  ShardHeader,
  ShardRejectedLine,
  ShardSpec,
  ShardWorkloadLine,
} from './shardLines.js';
export {
  checkShard,
  inShard,
  MAX_SHARDS,
  mergeShards,
  parseShardWorkloadLine,
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  shardSize,
} from './shardLines.js';
export type { SideOfMarket } from './sides.js';
export { marketsOfSide, sidesOfMarkets } from './sides.js';
export type { ResolvedItem, ShownTotalsCents, StreamedAnalysis } from './streamedReport.js';
export { capacityShare, usdAtStatedVolume } from './unitCost.js';
export {
  addProviderOffer,
  type ProviderOffers,
  providerOffers,
  unpricedNetworks,
  unpricedNetworksOf,
} from './unpricedNetworks.js';
export type { HorizonOf } from './workloadHorizon.js';
export { withWorkloadHorizon, workloadHorizon } from './workloadHorizon.js';
