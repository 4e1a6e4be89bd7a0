/**
 * gpufit for Node: `analyze()` (from the pure core, `@gpufit/analysis`), `streamAnalysis()` over files and Node
 * streams and `writeReportSet()`, the CSV/JSON loaders, the bundled datasets, the offer importers (SkyPilot,
 * Vast.ai, Akash) and catalog merge. The `gpufit` CLI is this package's `bin`. A curated list of named exports
 * (no `export *`).
 *
 * @module gpufit
 */

// The whole job, re-exported from the pure core (@gpufit/analysis): a portfolio in memory; each network's default
// subsidy schedule, as the CLI adds it
export type {
  AnalyzeInput,
  GpuAlias,
  GpuTier,
  MonteCarloRunner,
  NetworkInfo,
  RegionInfo,
} from '@gpufit/analysis';
export { analyze, withDefaultSubsidies } from '@gpufit/analysis';
// Offer catalogs: merge (catalog/)
export type { CatalogPart, MergeCollision, MergedCatalog, MergedSide } from './catalog/mergeCatalogs.js';
export { mergeCatalogs } from './catalog/mergeCatalogs.js';
// Bundled datasets (data/)
export { bundledDatasetsDir } from './data/bundledDatasetsDir.js';
export type { BundledCatalog } from './data/loadBundledCatalog.js';
export { loadBundledCatalog } from './data/loadBundledCatalog.js';
export type { DatasetOptions } from './data/loadReferenceData.js';
export {
  loadGpuAliases,
  loadGpuTiers,
  loadHostedApiPrices,
  loadHostedApiTerms,
  loadNetworks,
  loadRegions,
  loadThroughputRatios,
  loadUnitThroughput,
} from './data/loadReferenceData.js';
export type { ReferenceIndexes } from './data/referenceIndexes.js';
export { referenceIndexes } from './data/referenceIndexes.js';
// Importers: SkyPilot catalogs, Vast.ai offer search, Akash Console GPU prices (import/)
export { SKYPILOT_CLOUD_MARKETS } from './import/cloudMarkets.js';
export type { AkashImportOptions } from './import/importAkash.js';
export { importAkash } from './import/importAkash.js';
export type { OfferImportResult } from './import/importLedger.js';
export type { SkyPilotHostPrice, SkyPilotImport, SkyPilotImportOptions } from './import/importSkyPilot.js';
export { importSkyPilot, SKYPILOT_COLUMNS } from './import/importSkyPilot.js';
export type { VastImportOptions } from './import/importVast.js';
export { importVast } from './import/importVast.js';
// Loaders (io/)
export type { GpuNameIndex, GpuNameMatch, GpuTierName } from './io/gpuNameIndex.js';
export { buildGpuNameIndex, gpuNameKey } from './io/gpuNameIndex.js';
export { LoadError } from './io/loadError.js';
export type { OfferLoadOptions } from './io/loadOffers.js';
export { loadOffersCsv, streamOffers } from './io/loadOffers.js';
export { LoadStream } from './io/loadStream.js';
export type {
  LoadItem,
  LoadOptions,
  LoadRejection,
  LoadResult,
  LoadSource,
  LoadWarning,
} from './io/loadTypes.js';
export type { WorkloadLoadOptions } from './io/loadWorkloads.js';
export { loadWorkloadsCsv, streamWorkloads } from './io/loadWorkloads.js';
export { loadWorkloadsJson } from './io/loadWorkloadsJson.js';
export { offersToCsv } from './io/offersCsv.js';
export type { RegionIndex } from './io/regionIndex.js';
export { buildRegionIndex } from './io/regionIndex.js';
// The report set on disk: every text format of @gpufit/report plus the chart PNGs (render/)
export type { ReportFormat, WriteReportSetOptions, WrittenReportSet } from './render/writeReport.js';
export { DEFAULT_REPORT_FORMATS, REPORT_FORMATS, writeReportSet } from './render/writeReport.js';
// A large portfolio, streamed with bounded memory (stream/)
export type { StreamInputs, StreamSinks } from './stream/streamAnalysis.js';
export { STREAMED_NOTE, streamAnalysis } from './stream/streamAnalysis.js';
