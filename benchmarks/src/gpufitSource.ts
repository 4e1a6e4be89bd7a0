/**
 * The parts of the `gpufit` package the benchmarks drive, from its TypeScript sources (the package has no
 * curated entry point for them yet). One place to switch to `from 'gpufit'` when it has.
 */
export { analyze, analyzeStream, withDefaultSubsidies } from '../../packages/analysis/src/index.js';
export { indexedBestOffers } from '../../packages/analysis/src/indexedBestOffers.js';
export { cheapestFeasible, indexOfferParts, indexOffers } from '../../packages/analysis/src/matchOffers.js';
export { preferOffer } from '../../packages/analysis/src/preferOffer.js';
export { marketsOfSide, sidesOfMarkets } from '../../packages/analysis/src/sides.js';
export { loadCatalogCached } from '../../packages/gpufit/src/catalog/catalogCache.js';
export { bundledDatasetsDir } from '../../packages/gpufit/src/data/bundledDatasetsDir.js';
export { loadBundledCatalog } from '../../packages/gpufit/src/data/loadBundledCatalog.js';
export { loadGpuTiers } from '../../packages/gpufit/src/data/loadReferenceData.js';
export { referenceIndexes } from '../../packages/gpufit/src/data/referenceIndexes.js';
export { loadOffersCsv } from '../../packages/gpufit/src/io/loadOffers.js';
export { loadWorkloadsCsv, streamWorkloads } from '../../packages/gpufit/src/io/loadWorkloads.js';
export { offersToCsv } from '../../packages/gpufit/src/io/offersCsv.js';
