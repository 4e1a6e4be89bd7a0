import type { ThroughputBasis } from '@gpufit/schema';

/** A throughput basis for a test: `same` on the demand's own GPU, else `measured` at the ratio given. */
export const through = (demandGpu: string, offerGpu: string, ratio = 1): ThroughputBasis => ({
  demandGpu,
  offerGpu,
  ratio,
  basis: demandGpu === offerGpu ? 'same' : 'measured',
  source: null,
});
